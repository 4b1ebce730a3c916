"""The diagram pages of the handout's view-model: one readable page, or an overview and its parts.

:mod:`.sheets` decides the pages, :mod:`.cut` and :mod:`.parts` draw them;
this module words their captions and makes each drawing fit for inlining.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from ..layout.annotations import number_size
from ..layout.geometry import Diagram
from ..model import Flow
from ..words import plural
from .cut import NUMBER_PX, connectors, drawing_tree
from .graphics import Drawing, inline_svg
from .paper import Paper
from .parts import overview_svg, sheet_svg
from .routes import step_numbers
from .sheets import plan_diagram

__all__ = ["DiagramSheet", "DiagramView", "diagram_view"]


@dataclass(frozen=True, slots=True)
class DiagramSheet:
    """One page's drawing: a part of a split diagram (``caption`` says which)."""

    anchor: str
    caption: str
    svg: Markup
    landscape: bool
    width_mm: float
    height_mm: float


@dataclass(frozen=True, slots=True)
class DiagramView:
    """The first diagram page (the whole diagram, or its overview) and, when split, the parts.

    ``svg``/``landscape``/``width_mm``/``height_mm`` describe the first page;
    ``legend_side`` puts the legend beside it, ``legend_alone`` on a page of
    its own after the diagram (when beside or below it would shrink the text
    under 7 pt); ``caption`` explains the overview ("" for a single page).
    """

    svg: Markup
    landscape: bool
    legend_side: bool
    legend_alone: bool
    width_mm: float
    height_mm: float
    caption: str
    parts: tuple[DiagramSheet, ...]


def diagram_view(
    flow: Flow, diagram: Diagram, drawing: Drawing, t: Mapping[str, str], *, legend_items: int, paper: Paper
) -> DiagramView:
    """The diagram's pages on ``paper``, numbered like the step table."""
    ink = (diagram.theme.ink, diagram.theme.background)
    smallest = min(number_size(diagram.font_size), NUMBER_PX)  # numbers, outcome labels and connectors
    plan = plan_diagram(diagram, flow, legend_items=legend_items, paper=paper, smallest_font_px=smallest)
    whole = drawing_tree(drawing.diagram_svg(diagram))
    ends = connectors(diagram, plan)
    drawings = [sheet_svg(whole, diagram, plan, sheet, ends, words=t, colours=ink) for sheet in plan.sheets]
    if not plan.split:
        sheet = plan.sheets[0]
        svg = inline_svg(drawings[0], "diagram", diagram.width, diagram.height)
        side, alone = plan.legend == "side", plan.legend == "after"
        return DiagramView(svg, sheet.landscape, side, alone, sheet.width_mm, sheet.height_mm, "", ())
    fit = plan.overview
    assert fit is not None
    overview = inline_svg(overview_svg(whole, plan, fit.scale, colours=ink), "overview", diagram.width, diagram.height)
    total = len(plan.sheets)
    parts = tuple(
        DiagramSheet(
            f"diagram-{sheet.index}",
            " · ".join(
                [
                    t["part_of"].format(n=sheet.index, total=total),
                    *sheet.stages,
                    *([", ".join(sheet.lanes)] if sheet.lanes else []),
                    plural(t, "steps_ref", len(sheet.numbers), numbers=step_numbers(list(sheet.numbers))),
                ]
            ),
            inline_svg(text, f"diagram-{sheet.index}"),
            sheet.landscape,
            sheet.width_mm,
            sheet.height_mm,
        )
        for sheet, text in zip(plan.sheets, drawings, strict=True)
    )
    caption = t["overview"].format(total=total)
    return DiagramView(overview, fit.landscape, fit.legend_side, False, fit.width_mm, fit.height_mm, caption, parts)
