"""FC213: a decision's `shares` must name its outcomes and add up to what a simulation can draw from.

The exact arithmetic (:mod:`fractions`, through :mod:`..shares`) is imported
only for a decision that has shares: every `check` loads this rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..key_words import normal_form
from ..messages import closest, did_you_mean, quoted
from ..model import Flow, Step
from .registry import Finding, rule

__all__ = ["bad_shares"]

_HOW = "write a percentage from 0 to 100 % (`60%`) or a fraction from 0 to 1 (`0.6`)"


@rule(
    "FC213",
    why="`analyze --simulate`, the handout and `render --shares` draw outcomes with these shares; a share that "
    "names no outcome, is no number, or makes the outcomes add up to more (or, all given, less) than 100 % "
    "cannot be drawn from.",
)
def bad_shares(flow: Flow) -> Iterator[Finding]:
    """`shares` on a step that is not a decision, naming an outcome the decision does not have, a share that
    is not a number or percentage from 0 to 100 % (`60%`, `0.6`), or shares that add up to more than 100 %
    (or to less when every outcome has one). Outcomes left out share what remains equally."""
    for step in flow.steps:
        if not step.shares:
            continue
        if step.kind != "decision":
            if step.kind is not None:
                yield Finding(
                    f"`shares` on a {step.kind} step; only a decision's outcomes have shares — remove `shares` "
                    "or make the step a decision",
                    step.key_at("shares"),
                    step.key,
                )
            continue
        yield from _decision_shares(step)


def _decision_shares(step: Step) -> Iterator[Finding]:
    from fractions import Fraction

    from ..shares import ONE, format_share, read_share

    labels = {b.label.casefold(): b.label for b in step.branches}
    seen: set[str] = set()
    total, given, readable = Fraction(0), set(), True
    for share in step.shares:
        label = labels.get(share.outcome.casefold())
        if label is None:
            guess = _meant_outcome(share.outcome, step)
            yield Finding(
                f"`shares` names the outcome {quoted(share.outcome)}, which decision {quoted(step.label)} "
                f"does not have{did_you_mean(guess)}",
                share.pos,
                step.key,
            )
            continue
        if label.casefold() in seen:
            yield Finding(f"`shares` gives the outcome {quoted(label)} twice; keep one", share.pos, step.key)
            continue
        seen.add(label.casefold())
        value = read_share(share.text)
        if value is None:
            readable = False
            yield Finding(_not_a_share(label, share.text), share.value_pos, step.key)
            continue
        total += value
        given.add(label)
    if not readable:
        return
    if total > ONE:
        yield Finding(
            f"the shares of decision {quoted(step.label)} add up to {format_share(total)}; "
            "they may add up to 100 % at most",
            step.key_at("shares"),
            step.key,
        )
    elif total < ONE and len(given) == len(step.branches) and step.branches:
        yield Finding(
            f"the shares of decision {quoted(step.label)} add up to {format_share(total)}; with a share for "
            "every outcome they must add up to 100 % — correct one, or leave one out to give it what remains",
            step.key_at("shares"),
            step.key,
        )


def _not_a_share(label: str, text: str) -> str:
    """The message for a share that cannot be read, with `60%` suggested for a bare `60`."""
    from ..shares import read_share

    if not text:
        return f"the share of outcome {quoted(label)} is empty; {_HOW}"
    hint = ""
    bare = read_share(f"{text}%") if "%" not in text else None
    if bare is not None:
        hint = f"; did you mean {quoted(text.strip() + '%')}?"
    return f"the share of outcome {quoted(label)} is {quoted(text)}, not a share: {_HOW}{hint}"


def _meant_outcome(written: str, step: Step) -> str | None:
    """The outcome ``written`` most likely means: the same word without accents (`Si` for `Sí`), else the closest."""
    bare = normal_form(written)
    same = [b.label for b in step.branches if normal_form(b.label) == bare]
    return same[0] if same else closest(written, [b.label for b in step.branches])
