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
from ..layout.theme import Theme
from ..model import Flow
from ..symbols import SYMBOLS
from ..words import LEGEND_MEANINGS, count, plural, symbol_name, words
from .diagram_view import DiagramView, diagram_view
from .graphics import Drawing, inline_svg
from .link_text import link_text
from .page import css_string, page_counter_css
from .paper import PAPERS, Paper
from .parties import parties_of_lanes
from .quiz import build_quiz
from .records import Question, StepRow
from .routes import Hop, Routes, anchor, is_work, safe_url, step_numbers
from .scenarios import Scenarios, build_scenarios
from .stages import StageView, build_stages, group_rows, stage_checklist, stage_name
from .study import Checklist, FlowReference, Reference, build_checklist, build_references
from .table_columns import Column, step_columns
from .typical import typical_case

__all__ = ["Column", "DiagramView", "Doc", "Handout", "LaneSection", "LaneStep", "LegendItem", "StepRow", "build_view"]

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
    scheme: str = "light"  # the page's colours on screen: light, dark, or auto (the reader's preference)


@dataclass(frozen=True, slots=True)
class LegendItem:
    kind: str
    name: str
    meaning: str
    icon: Markup


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
    paper: Paper
    doc: Doc
    diagram: DiagramView
    legend: tuple[LegendItem, ...]
    steps: tuple[StepRow, ...]
    columns: tuple[Column, ...]
    lanes: tuple[LaneSection, ...]
    checklist: Checklist
    quiz: tuple[Question, ...]
    quiz_note: str
    links: tuple[Reference, ...]
    flows: tuple[FlowReference, ...]
    scenarios: Scenarios
    stages: tuple[StageView, ...] = ()
    typical: tuple[str, str] = ("", "")

    def context(self) -> dict[str, Any]:
        """The template variables: each field by name."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def build_view(
    flow: Flow,
    diagram: Diagram,
    drawing: Drawing,
    *,
    lang: str | None = None,
    quiz: bool = True,
    paper: Paper = PAPERS["a4"],
) -> Handout:
    """The whole handout of ``flow`` in ``lang`` (default: the flow's own)."""
    lang = lang or flow.lang
    t = words(lang)
    routes = Routes(flow, t, lang)
    used = {s.kind or "process" for s in flow.steps}
    # A split diagram adds off-page connectors: room for their legend row is kept on the page.
    pages = diagram_view(flow, diagram, drawing, t, legend_items=len(used | {"offpage"}), paper=paper, lang=lang)
    legend = _legend(used | ({"offpage"} if pages.parts else set()), lang, drawing)
    questions, quiz_note = build_quiz(flow, routes, lang) if quiz else ((), "")
    checklist = build_checklist(flow, routes, quiz=quiz, stages=stage_checklist(flow, t))
    scenarios = build_scenarios(flow, lang)
    links, flows = build_references(flow, routes)
    rows = group_rows(flow, tuple(_rows(flow, routes, lang, drawing)), t)
    return Handout(
        lang=lang,
        t=t,
        paper=paper,
        doc=_doc(flow, t, lang, scheme=_scheme(diagram.theme)),
        diagram=pages,
        legend=legend,
        steps=rows,
        columns=step_columns(rows, t, paper.content_box(False)[0]),
        lanes=tuple(_lanes(flow, routes, lang)),
        checklist=checklist,
        quiz=questions,
        quiz_note=quiz_note,
        links=links,
        flows=flows,
        scenarios=scenarios,
        stages=build_stages(flow, t),
        typical=typical_case(flow, lang),
    )


def _scheme(theme: Theme) -> str:
    """The handout page follows its diagram: dark beside a dark drawing, switching beside an `auto` one."""
    if theme.alternate is not None:
        return "auto"
    return "dark" if theme.is_dark else "light"


def _doc(flow: Flow, t: Mapping[str, str], lang: str, *, scheme: str = "light") -> Doc:
    decisions = sum(1 for s in flow.steps if s.kind == "decision")
    stages = len(build_stages(flow, t))
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
            text
            for text in (
                count(t, "count_steps", len(flow.steps)),
                parties_of_lanes(flow, {s.lane for s in flow.steps if s.lane and is_work(s)}, lang),
                count(t, "count_stages", stages) if stages else "",
                count(t, "count_decisions", decisions) if decisions else "",
            )
            if text
        ),
        header_css=css_string(header),
        page_css=page_counter_css(t["page"]),
        scheme=scheme,
    )


def _legend(used: set[str], lang: str, drawing: Drawing) -> tuple[LegendItem, ...]:
    return tuple(
        LegendItem(
            kind,
            symbol_name(kind, lang),
            _meaning(kind, lang),
            inline_svg(drawing.icon(kind, *ICON_LEGEND), f"legend-{kind}"),
        )
        for kind in SYMBOLS
        if kind in used
    )


def _meaning(kind: str, lang: str) -> str:
    """What the symbol means, in words that do not repeat its name."""
    own = LEGEND_MEANINGS.get(kind, {})
    if lang in own:
        return own[lang]
    legend = SYMBOLS[kind].legend
    return legend.get(lang, legend["en"])


def _rows(flow: Flow, routes: Routes, lang: str, drawing: Drawing):
    external = {lane.id for lane in flow.lanes if lane.external}
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
            external=step.lane in external,
            duration=step.duration,
            notes=step.notes,
            link=safe_url(step.link),
            link_text=link_text(safe_url(step.link)),
            next=routes.next_hops(step),
        )


def _lanes(flow: Flow, routes: Routes, lang: str):
    t = routes.t
    for index, lane in enumerate(flow.lanes, start=1):
        steps = [s for s in flow.steps if s.lane == lane.id and is_work(s)]  # a connector is nobody's work
        if not steps or lane.external:
            continue
        yield LaneSection(
            id=lane.id,
            anchor=f"lane-{index}",
            name=lane.name,
            description=lane.description,
            heading=f"{t['responsibilities']} — {lane.name}",
            numbers=plural(t, "lane_steps", len(steps), numbers=step_numbers([s.number for s in steps])),
            steps=tuple(
                LaneStep(
                    number=s.number,
                    anchor=anchor(s),
                    title=t["step_title"].format(n=s.number),
                    label=s.label,
                    symbol=symbol_name(s.kind or "process", lang),
                    duration=s.duration,
                    notes=s.notes,
                    comes_from=routes.previous_hops(s, through=True),
                    hands_over=routes.next_hops(s, through=True),
                    stage=stage_name(flow, s),
                )
                for s in steps
            ),
        )
