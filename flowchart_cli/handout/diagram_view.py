"""The diagram pages of the handout's view-model: one readable page, or an overview and its parts.

:mod:`.printed` decides the pages and lays the parts out; this module words
their captions and has each drawing written for inlining.  The drawings
carry step numbers (the step table, the role pages and the quiz refer to
steps by number) and no links: a drawing is one image (`role="img"`) with
nothing to focus, and the step table lists every link.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from markupsafe import Markup

from ..flow_description import describe, describe_part
from ..layout.geometry import Diagram, LaneBand
from ..model import Flow
from ..words import plural
from .graphics import Drawing, inline_svg
from .paper import Paper
from .printed import PrintedPart, print_plan
from .routes import step_numbers

__all__ = ["DiagramSheet", "DiagramView", "diagram_view", "printable"]


@dataclass(frozen=True, slots=True)
class DiagramSheet:
    """One page's drawing: a part of a split diagram (``caption`` says which)."""

    anchor: str
    caption: str
    svg: Markup
    landscape: bool
    width_mm: float
    height_mm: float
    follows: bool = False
    """Printed under the part before it, on that part's page."""


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
    tight: bool = False  # the whole diagram on a page with narrower margins (it missed the usual one by a few %)
    caption_screen: str = ""  # the caption as a browser shows it: the parts follow below, not on pages


def printable(diagram: Diagram) -> Diagram:
    """``diagram`` as the handout prints it: step numbers on, links off."""
    nodes = tuple(replace(n, href="", link="") if n.href or n.link else n for n in diagram.nodes)
    return replace(diagram, numbers=True, nodes=nodes)


def diagram_view(
    flow: Flow,
    diagram: Diagram,
    drawing: Drawing,
    t: Mapping[str, str],
    *,
    legend_items: int,
    paper: Paper,
    lang: str | None = None,
) -> DiagramView:
    """The diagram's pages on ``paper``, numbered like the step table; each drawing's ``<desc>`` (what a screen
    reader says of it) in the handout's language, a part's saying which part it is and which steps it holds."""
    plan = print_plan(flow, diagram, paper, t, legend_items=legend_items)
    fit = plan.fit
    whole = describe(flow, lang)
    if not plan.split:
        first = replace(plan.first, description=whole)
        svg = inline_svg(drawing.diagram_svg(printable(first)), "diagram", first.width, first.height, focusable=True)
        side, alone = plan.legend == "side", plan.legend == "after"
        return DiagramView(svg, fit.landscape, side, alone, fit.width_mm, fit.height_mm, "", (), fit.tight)
    overview_svg = drawing.diagram_svg(replace(plan.first, description=whole))
    overview = inline_svg(overview_svg, "overview", diagram.width, diagram.height)
    total = len(plan.parts)
    parts = tuple(
        DiagramSheet(
            f"diagram-{part.number}",
            " · ".join(
                [
                    t["part_of"].format(n=part.number, total=total),
                    *part.stages,
                    plural(t, "steps_ref", len(part.numbers), numbers=step_numbers(list(part.numbers))),
                ]
            ),
            inline_svg(
                drawing.diagram_svg(printable(_described(part, flow, total, lang))),
                f"diagram-{part.number}",
                focusable=True,
            ),
            part.fit.landscape,
            part.fit.width_mm,
            part.fit.height_mm,
            part.follows,
        )
        for part in plan.parts
    )
    caption, on_screen = t["overview"].format(total=total), t["overview_screen"].format(total=total)
    if unmarked_external(diagram.lanes, plan.first.lanes, t["external"]):  # reviews 17, 18: an overview header
        # too small for "(parte externa)" left a party reading as one of the team: the caption names them all
        names = [lane.name for lane in diagram.lanes if lane.external]
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {t['list_and']} {names[-1]}"
        external = " " + t["overview_external"].format(names=listed)
        caption, on_screen = caption + external, on_screen + external
    return DiagramView(
        overview,
        fit.landscape,
        fit.legend_side,
        False,
        fit.width_mm,
        fit.height_mm,
        caption,
        parts,
        caption_screen=on_screen,
    )


def unmarked_external(lanes: Sequence[LaneBand], shown: Sequence[LaneBand], marker: str) -> bool:
    """Whether an external lane of the whole drawing has no "(external)" in its header on the overview."""
    return any(
        lane.external and not (seen.external or any(marker in line for line in seen.lines))
        for lane, seen in zip(lanes, shown, strict=True)
    )


def _described(part: PrintedPart, flow: Flow, total: int, lang: str | None) -> Diagram:
    """The part's drawing with its own ``<desc>``: "Parte 2 de 4 del diagrama de flujo «…»: pasos 5–9, 11."."""
    steps = step_numbers(list(part.numbers))  # the numbers as the part's caption writes them
    return replace(part.diagram, description=describe_part(flow, steps, len(part.numbers), part.number, total, lang))
