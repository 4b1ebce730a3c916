"""`render -f pdf --paper`: the diagram printed on sheets of paper, for managers who print it alone.

One page when the whole drawing fits with every text at 7 pt or more; else
the overview page and then the parts, one to a page (two where both fit),
exactly as the handout prints them (:mod:`.printed`).  Each page is the SVG writer's
drawing replayed by cairo (as the one-page PDF is), under a heading that
names the flow and the part; text stays text.
"""

from __future__ import annotations

import io
from typing import Any

from ..layout.geometry import Diagram
from ..layout.text import wrap_text
from ..model import Flow
from ..options import RenderOptions
from ..words import plural, words
from ..writers.png import recorded_drawing
from .page import CAPTION_MM, HEADING_MM, TIGHT_HEADING_MM, Fit
from .paper import MARGIN_MM, TIGHT_MARGIN_MM, paper
from .printed import PART_GAP_MM, print_plan
from .routes import step_numbers

__all__ = ["paged_pdf"]

_PT_PER_MM = 72 / 25.4
_PT_PER_PX = 0.75
_TITLE_PT = 14.0
_CAPTION_PT = 9.0


def paged_pdf(flow: Flow, diagram: Diagram, options: RenderOptions) -> bytes:
    """The PDF of ``diagram`` (the layout of ``flow``) on ``options.paper`` pages."""
    import cairocffi

    sheet = paper(options.paper)
    t = words(flow.lang)
    plan = print_plan(flow, diagram, sheet, t)
    pages: list[list[tuple[Diagram, Fit, str]]] = [
        [(plan.first, plan.fit, t["overview"].format(total=len(plan.parts)) if plan.split else "")]
    ]
    for part in plan.parts:
        caption = " · ".join(
            [
                t["part_of"].format(n=part.number, total=len(plan.parts)),
                *part.stages,
                plural(t, "steps_ref", len(part.numbers), numbers=step_numbers(list(part.numbers))),
            ]
        )
        if part.follows:  # under the part before it, on its page
            pages[-1].append((part.diagram, part.fit, caption))
        else:
            pages.append([(part.diagram, part.fit, caption)])
    out = io.BytesIO()
    surface = cairocffi.PDFSurface(out, 1, 1)
    if hasattr(surface, "set_metadata"):  # cairo >= 1.16
        surface.set_metadata(cairocffi.PDF_METADATA_TITLE, flow.title)
    context = cairocffi.Context(surface)
    for number, page in enumerate(pages, start=1):
        fit = page[0][1]
        width, height = (sheet.height_mm, sheet.width_mm) if fit.landscape else (sheet.width_mm, sheet.height_mm)
        surface.set_size(width * _PT_PER_MM, height * _PT_PER_MM)
        _page(context, page, flow.title, width, options)
        if len(pages) > 1:  # "Página 2 de 5": loose sheets go back in order (review 6)
            _page_number(context, t["page"].format(page=number, pages=len(pages)), width, height, page[0])
        context.show_page()
    surface.finish()
    return out.getvalue()


def _page(
    context: Any, drawings: list[tuple[Diagram, Fit, str]], title: str, page_width: float, options: RenderOptions
) -> None:
    """One page: the flow's title on top, then each drawing centred under its caption (a part's page may hold
    the next part too, see :func:`~.printed.stacked_fit`)."""
    import cairocffi

    first, fit, _ = drawings[0]
    margin = TIGHT_MARGIN_MM if fit.tight else MARGIN_MM
    left, top = margin["side"], margin["top"]
    family = first.font_family.split(",")[0].strip()
    context.set_source_rgb(0, 0, 0)
    context.select_font_face(family, cairocffi.FONT_SLANT_NORMAL, cairocffi.FONT_WEIGHT_BOLD)
    context.set_font_size(_TITLE_PT)
    context.move_to(left * _PT_PER_MM, top * _PT_PER_MM + _TITLE_PT)
    context.show_text(title)
    at = top + (TIGHT_HEADING_MM if fit.tight else HEADING_MM)
    for drawing, fit, caption in drawings:
        context.set_source_rgb(0, 0, 0)
        context.select_font_face(family, cairocffi.FONT_SLANT_NORMAL, cairocffi.FONT_WEIGHT_NORMAL)
        context.set_font_size(_CAPTION_PT)
        for number, line in enumerate(wrap_text(caption, (page_width - 2 * left) * _PT_PER_MM, _CAPTION_PT)):
            context.move_to(left * _PT_PER_MM, (at - 4) * _PT_PER_MM + _CAPTION_PT * (1.3 * number + 1))
            context.show_text(line)
        at += CAPTION_MM if caption else 0.0
        x = left + max(0.0, (page_width - 2 * left - fit.width_mm) / 2)
        context.save()
        context.translate(x * _PT_PER_MM, at * _PT_PER_MM)
        context.scale(fit.scale * _PT_PER_PX, fit.scale * _PT_PER_PX)
        context.set_source_surface(recorded_drawing(drawing, options))
        context.paint()
        context.restore()
        at += fit.height_mm + PART_GAP_MM


def _page_number(context: Any, text: str, width: float, height: float, first: tuple[Diagram, Fit, str]) -> None:
    """The page's number at its foot, on the right, in the bottom margin (as the handout prints it)."""
    import cairocffi

    drawing, fit, _ = first
    margin = TIGHT_MARGIN_MM if fit.tight else MARGIN_MM
    context.set_source_rgb(0.35, 0.35, 0.35)
    context.select_font_face(drawing.font_family.split(",")[0].strip(), cairocffi.FONT_SLANT_NORMAL)
    context.set_font_size(_CAPTION_PT - 1)
    right = (width - margin["side"]) * _PT_PER_MM - context.text_extents(text)[4]
    context.move_to(right, (height - margin["bottom"] / 2) * _PT_PER_MM)
    context.show_text(text)
