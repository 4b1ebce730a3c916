"""The parts a trainee works through: the checklist, the self-check quiz and the references.

The quiz asks, for each outcome of each decision, which step comes next;
its answers are printed on the last page.  A flow with very many decisions
gets a quiz of at most :data:`QUIZ_LIMIT` questions, spread over the whole flow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Flow, Step
from .questions import quiz_question
from .routes import Routes, anchor, safe_url, shorten, step_numbers

__all__ = ["Checklist", "FlowReference", "Question", "Reference", "build_checklist", "build_quiz", "build_references"]

QUIZ_LIMIT = 20
DECISION_ITEMS_LIMIT = 10  # beyond this many decisions the checklist names them together


@dataclass(frozen=True, slots=True)
class Checklist:
    items: tuple[str, ...]
    signatures: tuple[str, ...]  # "Aprendiz", "Formador", "Fecha": lines to sign


@dataclass(frozen=True, slots=True)
class Question:
    """One quiz question and, for the last page, its answer."""

    number: int
    text: str
    step: str  # "paso 3": the decision it is about
    anchor: str
    answer: str  # "paso 5: Dar seguimiento y notificar al cliente"
    answer_anchor: str
    answer_lane: str


@dataclass(frozen=True, slots=True)
class Reference:
    """A step's `link`."""

    step: str
    anchor: str
    label: str
    quoted_label: str  # the label in the language's quotes: «…» or “…”
    url: str


@dataclass(frozen=True, slots=True)
class FlowReference:
    """A step's `ref` to another flow file, with that flow's title when it can be read."""

    step: str
    anchor: str
    label: str
    quoted_label: str
    relation: str  # "Se describe en" / "Continúa en"
    path: str
    title: str


def build_checklist(flow: Flow, routes: Routes, *, quiz: bool, stages: Sequence[str] = ()) -> Checklist:
    """The checklist; ``stages`` are the stages' lines, which follow the lanes' lines."""
    t = routes.t
    items = [t["check_read"]]
    lanes = [lane for lane in flow.lanes if any(s.lane == lane.id for s in flow.steps)]
    if lanes:
        items.append(t["check_lanes"])
    for lane in lanes:
        numbers = step_numbers([s.number for s in flow.steps if s.lane == lane.id])
        items.append(t["check_lane"].format(lane=lane.name, numbers=numbers))
    items.extend(stages)
    decisions = [s for s in flow.steps if s.kind == "decision"]
    if len(decisions) > DECISION_ITEMS_LIMIT:
        items.append(t["check_decisions"].format(count=len(decisions)))
    else:
        items.extend(t["check_decision"].format(question=shorten(s.label), n=s.number) for s in decisions)
    if any(s.link or s.ref for s in flow.steps):
        items.append(t["check_references"])
    if quiz and decisions:
        items.append(t["check_quiz"])
    items.append(t["check_practice"])
    return Checklist(tuple(items), (t["signature_trainee"], t["signature_trainer"], t["signature_date"]))


def build_quiz(flow: Flow, routes: Routes, lang: str) -> tuple[tuple[Question, ...], str]:
    """The questions (numbered from 1) and a note when the flow had more than fit."""
    every = [
        (step, edge) for step in flow.steps if step.kind == "decision" for edge in routes.outgoing.get(step.key, ())
    ]
    chosen = every
    if len(every) > QUIZ_LIMIT:
        chosen = [every[i * len(every) // QUIZ_LIMIT] for i in range(QUIZ_LIMIT)]
    questions = []
    for number, (step, edge) in enumerate(chosen, start=1):
        target = routes.by_key[edge.target]
        answer = routes.t["answer"].format(step=routes.ref(target), label=shorten(target.label, 160))
        questions.append(
            Question(
                number=number,
                text=quiz_question(shorten(step.label, 400), shorten(edge.label), lang),
                step=routes.ref(step),
                anchor=anchor(step),
                answer=answer,
                answer_anchor=anchor(target),
                answer_lane=routes.lane_name(target),
            )
        )
    note = routes.t["quiz_more"].format(shown=len(chosen), total=len(every)) if len(chosen) < len(every) else ""
    return tuple(questions), note


def build_references(flow: Flow, routes: Routes) -> tuple[tuple[Reference, ...], tuple[FlowReference, ...]]:
    def quoted(step: Step) -> str:
        return routes.t["quoted"].format(text=shorten(step.label))

    links = tuple(
        Reference(routes.ref(s), anchor(s), s.label, quoted(s), safe_url(s.link))
        for s in flow.steps
        if safe_url(s.link)
    )
    flows = tuple(
        FlowReference(
            routes.ref(s),
            anchor(s),
            s.label,
            quoted(s),
            routes.t["ref_offpage" if s.kind == "offpage" else "ref_subprocess"],
            s.ref,
            _ref_title(flow, s),
        )
        for s in flow.steps
        if s.ref
    )
    return links, flows


def _ref_title(flow: Flow, step: Step) -> str:
    """The title of the flow ``step`` refers to, or "" when it cannot be read."""
    if flow.path is None:
        return ""
    from ..loader import load_flow

    target = Path(flow.path).parent / step.ref
    if not target.is_file():
        return ""
    other, _ = load_flow(target)
    return other.title if other is not None else ""
