"""The parts a trainee works through besides the quiz (:mod:`.quiz`): the checklist and the references."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..loader import referenced_title
from ..model import Flow, Step
from ..words import plural
from .link_text import breakable
from .routes import Routes, anchor, is_work, safe_url, shorten, step_numbers

__all__ = ["Checklist", "FlowReference", "Reference", "build_checklist", "build_references"]

DECISION_ITEMS_LIMIT = 10  # beyond this many decisions the checklist names them together


@dataclass(frozen=True, slots=True)
class Checklist:
    items: tuple[str, ...]
    signatures: tuple[str, ...]  # "Aprendiz", "Formador", "Fecha": lines to sign


@dataclass(frozen=True, slots=True)
class Reference:
    """A step's `link`."""

    step: str
    anchor: str
    label: str
    quoted_label: str  # the label in the language's quotes: «…» or “…”
    url: str
    url_text: Markup  # the whole URL, breakable only after / and before . - _ ? & = (:mod:`.link_text`)


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
    work = [s for s in flow.steps if is_work(s)]  # a connector is nobody's work
    lanes = [lane for lane in flow.lanes if any(s.lane == lane.id for s in work)]
    if lanes:
        items.append(t["check_lanes"])
    for lane in lanes:
        if lane.external:  # not someone this handout trains
            continue
        mine = [s.number for s in work if s.lane == lane.id]
        numbers = plural(t, "steps_ref", len(mine), numbers=step_numbers(mine))
        items.append(plural(t, "check_lane", len(mine), lane=lane.name, numbers=numbers))
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


def build_references(flow: Flow, routes: Routes) -> tuple[tuple[Reference, ...], tuple[FlowReference, ...]]:
    def quoted(step: Step) -> str:
        return routes.t["quoted"].format(text=shorten(step.label))

    links = tuple(
        Reference(routes.ref(s), anchor(s), s.label, quoted(s), safe_url(s.link), breakable(safe_url(s.link)))
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
            referenced_title(flow, s.ref),
        )
        for s in flow.steps
        if s.ref
    )
    return links, flows
