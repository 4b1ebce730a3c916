"""Fitting a drawing on the printed page, and safe CSS strings for the page furniture.

The sizes come from :mod:`.paper` and match `templates/handout/handout.css`
(margins, headings, legend rows), so the drawing sized here fits its page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup

from .paper import PAPERS, PX_TO_MM, Paper

__all__ = ["Fit", "css_string", "fit_diagram", "page_counter_css", "tight_fit"]

HEADING_MM = 16.0  # the "Diagram" heading above the drawing
CAPTION_MM = 12.0  # "Part 2 of 4: steps 13–24" (or the overview's two lines) under the heading
LEGEND_HEADING_MM = 10.0
LEGEND_ROW_MM = 11.0
LEGEND_COLUMNS = {False: 2, True: 3}  # portrait, landscape
LEGEND_SIDE_MM = 62.0  # the legend column beside a narrow diagram, with its gap
SLACK_MM = 8.0
TIGHT_HEADING_MM = 13.0  # the heading as printed: a 15 pt line, its rule and its 4 mm gap (12.5 mm)
TIGHT_SLACK_MM = 2.0  # a tight page holds the heading and the drawing only (the legend follows on its own page)
MAX_SCALE = 1.0  # never blow a small diagram up past its natural size


@dataclass(frozen=True, slots=True)
class Fit:
    """Where a drawing goes: orientation, legend beside or below (or elsewhere), its printed size,
    and ``box``, the room (mm) it had on the page."""

    landscape: bool
    legend_side: bool
    width_mm: float
    height_mm: float
    scale: float
    box: tuple[float, float] = (0.0, 0.0)
    tight: bool = False  # printed on a tight page: narrower top and bottom margins, nothing under the drawing


def legend_height(legend_items: int, landscape: bool, side: bool = False) -> float:
    """The height (mm) the legend takes: its heading and its rows."""
    if not legend_items:
        return 0.0
    return LEGEND_HEADING_MM + math.ceil(legend_items / (1 if side else LEGEND_COLUMNS[landscape])) * LEGEND_ROW_MM


def drawing_box(
    paper: Paper,
    landscape: bool,
    *,
    legend_items: int = 0,
    side: bool = False,
    caption: bool = False,
    tight: bool = False,
):
    """The room (mm) a drawing has on a diagram page: the page minus heading, caption and legend; ``tight``: on
    a page with narrower top and bottom margins and only the heading's own height above the drawing."""
    box_w, box_h = paper.content_box(landscape, tight)
    box_h -= (TIGHT_HEADING_MM + TIGHT_SLACK_MM if tight else HEADING_MM + SLACK_MM) + (CAPTION_MM if caption else 0.0)
    legend_h = legend_height(legend_items, landscape, side)
    if side:
        box_w -= LEGEND_SIDE_MM
        if legend_h > box_h:
            return 0.0, 0.0
    else:
        box_h -= legend_h
    return box_w, box_h


def scale_into(width_px: float, height_px: float, box: tuple[float, float], limit: float = MAX_SCALE) -> float:
    """The scale that prints a ``width_px`` × ``height_px`` drawing as big as fits ``box`` (mm)."""
    width_mm, height_mm = max(width_px, 1.0) * PX_TO_MM, max(height_px, 1.0) * PX_TO_MM
    return max(0.0, min(box[0] / width_mm, box[1] / height_mm, limit))


def _fit(
    width_px: float, height_px: float, legend_items: int, landscape: bool, side: bool, paper: Paper, caption: bool
) -> Fit:
    box = drawing_box(paper, landscape, legend_items=legend_items, side=side, caption=caption)
    scale = scale_into(width_px, height_px, box)
    width_mm, height_mm = max(width_px, 1.0) * PX_TO_MM, max(height_px, 1.0) * PX_TO_MM
    return Fit(landscape, side, round(width_mm * scale, 2), round(height_mm * scale, 2), scale, box)


def fit_diagram(
    width_px: float, height_px: float, legend_items: int, paper: Paper = PAPERS["a4"], *, caption: bool = False
) -> Fit:
    """The page layout that prints the diagram biggest (``caption``: a line of text under the heading).

    Portrait with the legend below is preferred; a legend beside a narrow
    diagram, or a landscape page for a wide one, must print it 10 % bigger.
    """
    candidates = [
        _fit(width_px, height_px, legend_items, landscape, side, paper, caption)
        for landscape, side in ((False, False), (False, True), (True, False))
    ]
    best = max(fit.scale for fit in candidates)
    return next(fit for fit in candidates if fit.scale * 1.1 >= best)


def tight_fit(width_px: float, height_px: float, paper: Paper) -> Fit:
    """The drawing alone on a tight page (:data:`~.paper.TIGHT_MARGIN_MM`, the heading's own height above it),
    portrait or landscape, whichever prints it bigger (portrait unless landscape is 10 % bigger): the last try
    before a flow that misses one page by a few % is cut into parts."""
    fits = []
    for landscape in (False, True):
        box = drawing_box(paper, landscape, tight=True)
        scale = scale_into(width_px, height_px, box)
        width_mm, height_mm = max(width_px, 1.0) * PX_TO_MM, max(height_px, 1.0) * PX_TO_MM
        fits.append(Fit(landscape, False, round(width_mm * scale, 2), round(height_mm * scale, 2), scale, box, True))
    portrait, landscape = fits
    return landscape if landscape.scale > portrait.scale * 1.1 else portrait


_CSS_SAFE = frozenset(" .,-_:;()·—–/")


def css_string(text: str) -> Markup:
    """``text`` as a quoted CSS string that no flow text can break out of.

    Quotes, backslashes, angle brackets and control characters become hex
    escapes, so the string is safe inside a `<style>` element too.
    """
    out = []
    for ch in text:
        if ch.isalnum() or ch in _CSS_SAFE:
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):x} ")
    return Markup('"' + "".join(out) + '"')


def page_counter_css(pattern: str) -> Markup:
    """ "Página {page} de {pages}" → `"Página " counter(page) " de " counter(pages)`."""
    parts: list[str] = []
    rest = pattern
    while rest:
        cut = min((i for i in (rest.find("{page}"), rest.find("{pages}")) if i >= 0), default=-1)
        if cut < 0:
            parts.append(css_string(rest))
            break
        if cut:
            parts.append(css_string(rest[:cut]))
        counter = "pages" if rest.startswith("{pages}", cut) else "page"
        parts.append(f"counter({counter})")
        rest = rest[cut + len(counter) + 2 :]
    return Markup(" ".join(parts))
