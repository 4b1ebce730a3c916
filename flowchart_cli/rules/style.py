"""Style rules (FC3xx): warnings about charts that work but read badly."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..messages import quoted
from ..model import Flow, Lane, Stage
from .registry import Finding, rule

MAX_LABEL = 80
QUESTION_MARKS = ("?", "？", "؟")
_PLACEHOLDER = re.compile(r"[?？؟](?: \d+)?")
CLOSING = " \t)]}»\"'”’"
"""Closing marks that may follow the question mark: `(¿Urgente?)`, `«¿Pagó?»`."""


@rule("FC301", why="A process usually has one trigger; several starts are often a copy-paste slip.")
def several_starts(flow: Flow) -> Iterator[Finding]:
    """More than one `start` step."""
    starts = [s for s in flow.steps if s.kind == "start"]
    for step in starts[1:]:
        yield Finding(
            f"a second start step {quoted(step.label)} (the first is step {starts[0].number}); "
            "a process usually has one trigger",
            step.at("start"),
            step.key,
        )


@rule("FC302", why="Decisions read best as the question whose answers label the exits.")
def decision_not_a_question(flow: Flow) -> Iterator[Finding]:
    """A decision's label is not a question (does not end with `?`)."""
    for step in flow.steps:
        if step.kind == "decision" and step.label and not step.label.rstrip(CLOSING).endswith(QUESTION_MARKS):
            yield Finding(
                f"decision {quoted(step.label)} is not a question; write it as one ending in '?'",
                step.at("decision"),
                step.key,
            )


@rule("FC303", why="Symbols hold a short phrase; put the detail in `notes`.")
def long_label(flow: Flow) -> Iterator[Finding]:
    """A label longer than 80 characters."""
    for step in flow.steps:
        if step.kind and len(step.label) > MAX_LABEL:
            yield Finding(
                f"label of {len(step.label)} characters (over {MAX_LABEL}); shorten it and move the detail to `notes`",
                step.at(step.kind),
                step.key,
            )


@rule("FC304", why="An empty swimlane suggests a missing step or a lane to remove.")
def unused_lane(flow: Flow) -> Iterator[Finding]:
    """A declared lane that no step uses."""
    if flow.lanes_declared:
        yield from _unused("lane", flow.lanes, {s.lane for s in flow.steps})


@rule("FC305", why="Twin steps confuse the reader; merge them or tell them apart.")
def twin_steps(flow: Flow) -> Iterator[Finding]:
    """Two steps with the same label in the same lane."""
    seen: dict[tuple[str | None, str], int] = {}
    for step in flow.steps:
        if not step.kind or not step.label or step.kind == "connector":
            continue
        key = (step.lane, step.label.casefold())
        if key in seen:
            yield Finding(
                f"{quoted(step.label)} already appears in this lane (step {seen[key]}); "
                "merge the steps or tell them apart",
                step.at(step.kind),
                step.key,
            )
        else:
            seen[key] = step.number


@rule(
    "FC306",
    why="A reader expects each outcome of a question to lead somewhere different; "
    "make it a process step, or send each outcome where it belongs.",
)
def decision_decides_nothing(flow: Flow) -> Iterator[Finding]:
    """Every outcome of a decision leads to the same step: the decision decides nothing."""
    for step in flow.steps:
        targets = {branch.target for branch in step.branches}
        if step.kind == "decision" and len(step.branches) >= 2 and len(targets) == 1:
            yield Finding(
                f"every outcome of {quoted(step.label)} leads to step {quoted(targets.pop())}; "
                "make it a process step or send each outcome where it belongs",
                step.at("decision"),
                step.key,
            )


@rule("FC307", why="An empty phase in the chart and the handout suggests work that is not described.")
def unused_stage(flow: Flow) -> Iterator[Finding]:
    """A declared stage that no step uses."""
    if flow.stages_declared:
        yield from _unused("stage", flow.stages, {s.stage for s in flow.steps})


def _unused(what: str, declared: Iterable[Lane | Stage], used: set[str | None]) -> Iterator[Finding]:
    for party in declared:
        if party.id not in used:
            yield Finding(
                f"{what} {quoted(party.name)} is declared but no step uses it; remove it or assign it a step", party.pos
            )


@rule("FC309", why="`flowchart import` writes `?` for a line drawn without a label: the outcome still needs its name.")
def unnamed_outcome(flow: Flow) -> Iterator[Finding]:
    """A decision's outcome labelled only `?` (or `? 2`, `? 3`…): a placeholder left for the author to name."""
    for step in flow.steps:
        for branch in step.branches:
            if _PLACEHOLDER.fullmatch(branch.label.strip()):
                yield Finding(
                    f"the outcome {quoted(branch.label)} of {quoted(step.label)} has no name yet; "
                    "write what it means (Sí, No, Aprobado…)",
                    branch.pos,
                    step.key,
                )
