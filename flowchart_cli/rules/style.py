"""Style rules (FC3xx): warnings about charts that work but read badly."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..model import Flow
from . import rule
from .catalog import diagnostic, quoted

MAX_LABEL = 80
QUESTION_MARKS = ("?", "？", "؟")
CLOSING = " \t)]}»\"'”’"
"""Closing marks that may follow the question mark: `(¿Urgente?)`, `«¿Pagó?»`."""


@rule("FC301")
def several_starts(flow: Flow) -> Iterator[Diagnostic]:
    starts = [s for s in flow.steps if s.kind == "start"]
    for step in starts[1:]:
        yield diagnostic(
            "FC301",
            f"a second start step {quoted(step.label)} (the first is step {starts[0].number}); "
            "a process usually has one trigger",
            step.at("start"),
            step.key,
        )


@rule("FC302")
def decision_not_a_question(flow: Flow) -> Iterator[Diagnostic]:
    for step in flow.steps:
        if step.kind == "decision" and step.label and not step.label.rstrip(CLOSING).endswith(QUESTION_MARKS):
            yield diagnostic(
                "FC302",
                f"decision {quoted(step.label)} is not a question; write it as one ending in '?'",
                step.at("decision"),
                step.key,
            )


@rule("FC303")
def long_label(flow: Flow) -> Iterator[Diagnostic]:
    for step in flow.steps:
        if step.kind and len(step.label) > MAX_LABEL:
            yield diagnostic(
                "FC303",
                f"label of {len(step.label)} characters (over {MAX_LABEL}); shorten it and move the detail to `notes`",
                step.at(step.kind),
                step.key,
            )


@rule("FC304")
def unused_lane(flow: Flow) -> Iterator[Diagnostic]:
    if not flow.lanes_declared:
        return
    used = {s.lane for s in flow.steps}
    for lane in flow.lanes:
        if lane.id not in used:
            yield diagnostic(
                "FC304",
                f"lane {quoted(lane.name)} is declared but no step uses it; remove it or assign it a step",
                lane.pos,
            )


@rule("FC305")
def twin_steps(flow: Flow) -> Iterator[Diagnostic]:
    seen: dict[tuple[str | None, str], int] = {}
    for step in flow.steps:
        if not step.kind or not step.label or step.kind == "connector":
            continue
        key = (step.lane, step.label.casefold())
        if key in seen:
            yield diagnostic(
                "FC305",
                f"{quoted(step.label)} already appears in this lane (step {seen[key]}); "
                "merge the steps or tell them apart",
                step.at(step.kind),
                step.key,
            )
        else:
            seen[key] = step.number


@rule("FC306")
def decision_decides_nothing(flow: Flow) -> Iterator[Diagnostic]:
    for step in flow.steps:
        targets = {branch.target for branch in step.branches}
        if step.kind == "decision" and len(step.branches) >= 2 and len(targets) == 1:
            yield diagnostic(
                "FC306",
                f"every outcome of {quoted(step.label)} leads to step {quoted(targets.pop())}; "
                "make it a process step or send each outcome where it belongs",
                step.at("decision"),
                step.key,
            )


@rule("FC307")
def unused_stage(flow: Flow) -> Iterator[Diagnostic]:
    if not flow.stages_declared:
        return
    used = {s.stage for s in flow.steps}
    for stage in flow.stages:
        if stage.id not in used:
            yield diagnostic(
                "FC307",
                f"stage {quoted(stage.name)} is declared but no step uses it; remove it or assign it a step",
                stage.pos,
            )
