"""A decision's `shares`: how often each outcome is taken, read as exact fractions.

`30%`, `30 %`, `33,5 %` and `0.3` are read alike; outcomes the author left out
share what remains equally (spec §1).  The checker (FC213), the simulation,
the handout's step table and `render --shares` all read shares through here,
so they never disagree about what "60 %" means.
"""

from __future__ import annotations

import re
from fractions import Fraction

from .model import Step

__all__ = ["ONE", "format_share", "outcome_shares", "read_share", "share_total"]

ONE = Fraction(1)
_SHARE = re.compile(r"^\s*(\d+(?:[.,]\d+)?|[.,]\d+)\s*(%?)\s*$")


def read_share(text: str) -> Fraction | None:
    """``30%`` → 3/10, ``0.3`` → 3/10; ``None`` for anything that is not a share from 0 to 100 %.

    A bare number is a fraction of one: ``30`` (3,000 %) is refused rather than guessed.
    """
    match = _SHARE.match(text)
    if match is None:
        return None
    number, percent = match.groups()
    value = Fraction(number.replace(",", "."))
    if percent:
        value /= 100
    return value if value <= ONE else None


def _matched(step: Step) -> dict[str, Fraction]:
    """Branch label → the share written for it (labels matched ignoring case, as FC206 does)."""
    labels = {b.label.casefold(): b.label for b in step.branches}
    found: dict[str, Fraction] = {}
    for share in step.shares:
        label = labels.get(share.outcome.casefold())
        value = read_share(share.text)
        if label is not None and value is not None:
            found[label] = value
    return found


def share_total(step: Step) -> Fraction:
    """The sum of the shares written for ``step``'s outcomes."""
    return sum(_matched(step).values(), Fraction(0))


def outcome_shares(step: Step) -> tuple[Fraction, ...]:
    """Each branch's share, in branch order: as written, the rest split equally among the outcomes left out.

    Equal shares for a decision without `shares`.  For a flow that passed FC213 the shares add up to one.
    """
    written = _matched(step)
    left_out = [b for b in step.branches if b.label not in written]
    rest = max(Fraction(0), ONE - sum(written.values(), Fraction(0)))
    each = rest / len(left_out) if left_out else Fraction(0)
    return tuple(written.get(b.label, each) for b in step.branches)


_PERCENT_SIGN = {"en": "%", "es": "\u00a0%", "pt": "%"}  # "60 %" is Spanish style (RAE); "60%" English and Portuguese


def format_share(value: Fraction, lang: str = "en") -> str:
    """ "60%", "60 %", "33,3%": whole percentages as integers, others to one decimal, in ``lang``'s style."""
    percent = round(float(value) * 100, 1)
    text = f"{percent:.0f}" if percent == int(percent) else f"{percent:.1f}"
    if lang in ("es", "pt"):
        text = text.replace(".", ",")
    return text + _PERCENT_SIGN.get(lang, "%")
