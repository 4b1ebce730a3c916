"""The handout's view-model: plain frozen data that the templates only print.

Everything a template shows is decided here — numbering, wording in the
chosen language, which symbols the legend lists, how big the diagram is
printed — so templates (and a team's own templates) hold no logic.
Every top-level field of :class:`Handout` is one template variable.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from markupsafe import Markup

from ..layout.geometry import Diagram
from ..model import Flow
from ..symbols import SYMBOLS
from .graphics import Drawing, inline_svg
from .i18n import count, symbol_name, words
from .page import css_string, fit_diagram, page_counter_css
from .routes import Hop, Routes, anchor, safe_url, step_numbers
from .scenarios import Scenarios, build_scenarios
from .stages import StageView, build_stages, group_rows, stage_checklist, stage_name, stage_questions
from .study import Checklist, FlowReference, Question, Reference, build_checklist, build_quiz, build_references

__all__ = ["DiagramView", "Doc", "Handout", "LaneSection", "LaneStep", "LegendItem", "StepRow", "build_view"]

ICON_TABLE = (34.0, 18.0)
ICON_LEGEND = (46.0, 26.0)
_W3C_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?")


@dataclass(frozen=True, slots=True)
class Doc:
    """The title block and what the page furniture prints."""

    title: str
    description: str
    version: str
    owner: str
    updated: str
    date: str  # `updated` when it is a W3C date (for the PDF metadata), else ""
    summary: str
    header_css: Markup  # CSS string: running header "title · Version 2.1"
    page_css: Markup  # CSS content: "Página " counter(page) " de " counter(pages)


@dataclass(frozen=True, slots=True)
class DiagramView:
    svg: Markup
    landscape: bool  # print on a landscape page
    legend_side: bool  # the legend goes beside the diagram, not below
    width_mm: float
    height_mm: float


@dataclass(frozen=True, slots=True)
class LegendItem:
    kind: str
    name: str
    meaning: str
    icon: Markup


@dataclass(frozen=True, slots=True)
class StepRow:
    """One row of the step-by-step table."""

    number: int
    anchor: str
    label: str
    kind: str
    symbol: str
    icon: Markup
    lane: str
    duration: str
    notes: str
    link: str
    next: tuple[Hop, ...]
    stage: str = ""  # the stage's name, "" without stages
    stage_heading: str = ""  # "Etapa 2 · Registro" on the first row of each stage
    stage_anchor: str = ""


@dataclass(frozen=True, slots=True)
class LaneStep:
    """One step in a responsible party's section."""

    number: int
    anchor: str
    title: str  # "Paso 4"
    label: str
    symbol: str
    duration: str
    notes: str
    comes_from: tuple[Hop, ...]
    hands_over: tuple[Hop, ...]
    stage: str = ""  # the stage's name, "" without stages


@dataclass(frozen=True, slots=True)
class LaneSection:
    id: str
    anchor: str
    name: str
    description: str
    heading: str  # "Responsabilidades — Agente de atención"
    numbers: str  # "Pasos 2, 5–7"
    steps: tuple[LaneStep, ...]


@dataclass(frozen=True)
class Handout:
    """Every variable a handout template receives (see the README for each one)."""

    lang: str
    t: Mapping[str, str]
    doc: Doc
    diagram: DiagramView
    legend: tuple[LegendItem, ...]
    steps: tuple[StepRow, ...]
    lanes: tuple[LaneSection, ...]
    checklist: Checklist
    quiz: tuple[Question, ...]
    quiz_note: str
    links: tuple[Reference, ...]
    flows: tuple[FlowReference, ...]
    scenarios: Scenarios
    stages: tuple[StageView, ...] = ()

    def context(self) -> dict[str, Any]:
        """The template variables: each field by name."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def build_view(
    flow: Flow, diagram: Diagram, drawing: Drawing, *, lang: str | None = None, quiz: bool = True
) -> Handout:
    """The whole handout of ``flow`` in ``lang`` (default: the flow's own)."""
    lang = lang or flow.lang
    t = words(lang)
    routes = Routes(flow, t)
    legend = _legend(flow, lang, drawing)
    questions, quiz_note = build_quiz(flow, routes, lang) if quiz else ((), "")
    if quiz:
        questions = (*questions, *stage_questions(flow, routes, len(questions) + 1))
    checklist = build_checklist(flow, routes, quiz=quiz, stages=stage_checklist(flow, t))
    scenarios = build_scenarios(flow, lang)
    links, flows = build_references(flow, routes)
    return Handout(
        lang=lang,
        t=t,
        doc=_doc(flow, t),
        diagram=_diagram(diagram, drawing, len(legend)),
        legend=legend,
        steps=group_rows(flow, tuple(_rows(flow, routes, lang, drawing)), t),
        lanes=tuple(_lanes(flow, routes, lang)),
        checklist=checklist,
        quiz=questions,
        quiz_note=quiz_note,
        links=links,
        flows=flows,
        scenarios=scenarios,
        stages=build_stages(flow, t),
    )


def _doc(flow: Flow, t: Mapping[str, str]) -> Doc:
    decisions = sum(1 for s in flow.steps if s.kind == "decision")
    lanes = len({s.lane for s in flow.steps if s.lane})
    header = flow.title + (f" · {t['version']} {flow.version}" if flow.version else "")
    date = flow.updated.strip() if _W3C_DATE.fullmatch(flow.updated.strip()) else ""
    return Doc(
        title=flow.title,
        description=flow.description,
        version=flow.version,
        owner=flow.owner,
        updated=flow.updated,
        date=date,
        summary=" · ".join(
            count(t, key, n)
            for key, n in (
                ("count_steps", len(flow.steps)),
                ("count_lanes", lanes),
                ("count_stages", len(build_stages(flow, t))),
                ("count_decisions", decisions),
            )
            if n
        ),
        header_css=css_string(header),
        page_css=page_counter_css(t["page"]),
    )


def _diagram(diagram: Diagram, drawing: Drawing, legend_items: int) -> DiagramView:
    fit = fit_diagram(diagram.width, diagram.height, legend_items)
    svg = inline_svg(drawing.diagram_svg(diagram), "diagram", diagram.width, diagram.height)
    return DiagramView(svg, fit.landscape, fit.legend_side, fit.width_mm, fit.height_mm)


def _legend(flow: Flow, lang: str, drawing: Drawing) -> tuple[LegendItem, ...]:
    used = {s.kind for s in flow.steps}
    return tuple(
        LegendItem(
            kind,
            symbol_name(kind, lang),
            row.legend.get(lang, row.legend["en"]),
            inline_svg(drawing.icon(kind, *ICON_LEGEND), f"legend-{kind}"),
        )
        for kind, row in SYMBOLS.items()
        if kind in used
    )


def _rows(flow: Flow, routes: Routes, lang: str, drawing: Drawing):
    for step in flow.steps:
        kind = step.kind or "process"
        yield StepRow(
            number=step.number,
            anchor=anchor(step),
            label=step.label,
            kind=kind,
            symbol=symbol_name(kind, lang),
            icon=inline_svg(drawing.icon(kind, *ICON_TABLE), f"i{step.number}"),
            lane=routes.lane_name(step),
            duration=step.duration,
            notes=step.notes,
            link=safe_url(step.link),
            next=routes.next_hops(step),
        )


def _lanes(flow: Flow, routes: Routes, lang: str):
    t = routes.t
    for index, lane in enumerate(flow.lanes, start=1):
        steps = [s for s in flow.steps if s.lane == lane.id]
        if not steps:
            continue
        yield LaneSection(
            id=lane.id,
            anchor=f"lane-{index}",
            name=lane.name,
            description=lane.description,
            heading=f"{t['responsibilities']} — {lane.name}",
            numbers=t["lane_steps"].format(numbers=step_numbers([s.number for s in steps])),
            steps=tuple(
                LaneStep(
                    number=s.number,
                    anchor=anchor(s),
                    title=t["step_title"].format(n=s.number),
                    label=s.label,
                    symbol=symbol_name(s.kind or "process", lang),
                    duration=s.duration,
                    notes=s.notes,
                    comes_from=routes.previous_hops(s),
                    hands_over=routes.next_hops(s),
                    stage=stage_name(flow, s),
                )
                for s in steps
            ),
        )
