"""The stages of the process in the handout: the cover's list, the step table's headings,
a checklist line per stage and quiz questions that ask which stage a step belongs to.

A flow without stages gets none of these, and its handout is as before.
The step table lists a stage's steps under its heading even when the file
jumps back and forth between stages; within a stage they keep their numbers' order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..model import Flow, Stage, Step
from ..words import plural
from .records import Question, StepRow
from .routes import Routes, anchor, is_work, shorten, step_numbers

STAGE_QUESTIONS = 4

__all__ = ["StageView", "build_stages", "group_rows", "stage_checklist", "stage_name", "stage_questions"]


@dataclass(frozen=True, slots=True)
class StageView:
    """One stage as the cover lists it; ``anchor`` is its heading in the step table."""

    number: int
    anchor: str
    name: str
    heading: str  # "Etapa 2 · Registro"
    description: str
    numbers: str  # "Pasos 3, 4"


def _steps_of(flow: Flow, stage: Stage) -> list[Step]:
    return [s for s in flow.steps if s.stage == stage.id]


def _heading(t: Mapping[str, str], number: int, stage: Stage) -> str:
    return t["stage_heading"].format(n=number, name=stage.name)


def stage_name(flow: Flow, step: Step) -> str:
    """The name of ``step``'s stage ("" without stages)."""
    stage = flow.stage_by_id(step.stage)
    return stage.name if stage is not None else ""


def build_stages(flow: Flow, t: Mapping[str, str]) -> tuple[StageView, ...]:
    """Every stage that has steps, in declared order."""
    return tuple(
        StageView(
            number=number,
            anchor=f"stage-{number}",
            name=stage.name,
            heading=_heading(t, number, stage),
            description=stage.description,
            numbers=plural(t, "lane_steps", len(steps), numbers=step_numbers([s.number for s in steps])),
        )
        for number, stage in enumerate(flow.stages, start=1)
        if (steps := _steps_of(flow, stage))
    )


def group_rows(flow: Flow, rows: Sequence[StepRow], t: Mapping[str, str]) -> tuple[StepRow, ...]:
    """The step table's rows under their stage headings: each stage's steps together, in declared order.

    A row that opens a stage gets ``stage_heading`` and ``stage_anchor``; every
    row gets ``stage`` (its stage's name).
    """
    if not flow.stages:
        return tuple(rows)
    by_number = {row.number: row for row in rows}
    grouped = []
    for number, stage in enumerate(flow.stages, start=1):
        opening = {"stage_heading": _heading(t, number, stage), "stage_anchor": f"stage-{number}"}
        for place, step in enumerate(_steps_of(flow, stage)):
            grouped.append(replace(by_number[step.number], stage=stage.name, **({} if place else opening)))
    return tuple(grouped)


def stage_checklist(flow: Flow, t: Mapping[str, str]) -> list[str]:
    """ "Conozco los pasos de la etapa «Registro» (pasos 3, 4)." for each stage with steps."""
    return [
        plural(
            t,
            "check_stage",
            len(steps),
            stage=stage.name,
            numbers=plural(t, "steps_ref", len(steps), numbers=step_numbers([s.number for s in steps])),
        )
        for stage in flow.stages
        if (steps := [s for s in _steps_of(flow, stage) if is_work(s)])
    ]


def stage_questions(flow: Flow, routes: Routes, first: int) -> list[Question]:
    """A question per stage (at most :data:`STAGE_QUESTIONS`, spread over the flow),
    "which stage does step N belong to?", numbered from ``first``.

    It asks about the stage's middle step, so the question is not always
    about the obvious first one; a flow with one stage gets none.
    """
    t = routes.t
    staged = [
        (n, stage, steps)
        for n, stage in enumerate(flow.stages, 1)
        if (steps := _askable([s for s in _steps_of(flow, stage) if is_work(s)]))
    ]
    if len(staged) < 2:
        return []
    if len(staged) > STAGE_QUESTIONS:
        staged = [staged[round(i * (len(staged) - 1) / (STAGE_QUESTIONS - 1))] for i in range(STAGE_QUESTIONS)]
    questions = []
    for offset, (number, stage, steps) in enumerate(staged):
        step = steps[len(steps) // 2]
        questions.append(
            Question(
                number=first + offset,
                text=t["quiz_stage"].format(n=step.number, label=shorten(step.label)),
                step=routes.ref(step),
                anchor=anchor(step),
                answer=_heading(t, number, stage),
                answer_anchor=f"stage-{number}",
                answer_lane="",
            )
        )
    return questions


def _askable(steps: list[Step]) -> list[Step]:
    """The steps a stage question may ask about: not its start or end where it has others (review 13: "which
    stage does step 10, 'Sinistro negado', belong to?" asked where an end shape sits, which teaches nothing)."""
    return [s for s in steps if s.kind not in ("start", "end")] or steps
