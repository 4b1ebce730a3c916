"""The printed page: A4 sizes, fitting the diagram on one page, and safe CSS strings.

The numbers here match `templates/handout/handout.css` (margins, legend rows),
so the diagram the view-model sizes is the diagram that fits the page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup

__all__ = ["Fit", "css_string", "fit_diagram", "page_counter_css"]

PX_TO_MM = 25.4 / 96  # SVG user units are CSS px
PAGE_MM = (210.0, 297.0)
MARGIN_MM = {"top": 20.0, "bottom": 18.0, "side": 15.0}
HEADING_MM = 16.0  # the "Diagram" heading above the drawing
LEGEND_HEADING_MM = 10.0
LEGEND_ROW_MM = 11.0
LEGEND_COLUMNS = {False: 2, True: 3}  # portrait, landscape
LEGEND_SIDE_MM = 62.0  # the legend column beside a narrow diagram, with its gap
SLACK_MM = 8.0
MAX_SCALE = 1.0  # never blow a small diagram up past its natural size


@dataclass(frozen=True, slots=True)
class Fit:
    """Where the diagram goes: orientation, legend beside or below, and the printed size."""

    landscape: bool
    legend_side: bool
    width_mm: float
    height_mm: float
    scale: float


def _content_box(landscape: bool) -> tuple[float, float]:
    width, height = PAGE_MM if not landscape else PAGE_MM[::-1]
    return width - 2 * MARGIN_MM["side"], height - MARGIN_MM["top"] - MARGIN_MM["bottom"]


def _fit(width_px: float, height_px: float, legend_items: int, landscape: bool, side: bool) -> Fit:
    box_w, box_h = _content_box(landscape)
    box_h -= HEADING_MM + SLACK_MM
    legend_h = LEGEND_HEADING_MM + math.ceil(legend_items / (1 if side else LEGEND_COLUMNS[landscape])) * LEGEND_ROW_MM
    if side:
        box_w -= LEGEND_SIDE_MM
        if legend_h > box_h:
            return Fit(landscape, side, 0.0, 0.0, 0.0)
    else:
        box_h -= legend_h
    width_mm, height_mm = max(width_px, 1.0) * PX_TO_MM, max(height_px, 1.0) * PX_TO_MM
    scale = min(box_w / width_mm, box_h / height_mm, MAX_SCALE)
    return Fit(landscape, side, round(width_mm * scale, 2), round(height_mm * scale, 2), scale)


def fit_diagram(width_px: float, height_px: float, legend_items: int) -> Fit:
    """The page layout that prints the diagram biggest.

    Portrait with the legend below is preferred; a legend beside a narrow
    diagram, or a landscape page for a wide one, must print it 10 % bigger.
    """
    candidates = [
        _fit(width_px, height_px, legend_items, landscape, side)
        for landscape, side in ((False, False), (False, True), (True, False))
    ]
    best = max(fit.scale for fit in candidates)
    return next(fit for fit in candidates if fit.scale * 1.1 >= best)


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
