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
SLACK_MM = 8.0
MAX_SCALE = 1.0  # never blow a small diagram up past its natural size


@dataclass(frozen=True, slots=True)
class Fit:
    """Where the diagram goes: orientation and the printed size of the drawing."""

    landscape: bool
    width_mm: float
    height_mm: float
    scale: float


def _content_box(landscape: bool) -> tuple[float, float]:
    width, height = PAGE_MM if not landscape else PAGE_MM[::-1]
    return width - 2 * MARGIN_MM["side"], height - MARGIN_MM["top"] - MARGIN_MM["bottom"]


def _fit(width_px: float, height_px: float, legend_items: int, landscape: bool) -> Fit:
    box_w, box_h = _content_box(landscape)
    rows = math.ceil(legend_items / LEGEND_COLUMNS[landscape])
    box_h -= HEADING_MM + LEGEND_HEADING_MM + rows * LEGEND_ROW_MM + SLACK_MM
    width_mm, height_mm = max(width_px, 1.0) * PX_TO_MM, max(height_px, 1.0) * PX_TO_MM
    scale = min(box_w / width_mm, box_h / height_mm, MAX_SCALE)
    return Fit(landscape, round(width_mm * scale, 2), round(height_mm * scale, 2), scale)


def fit_diagram(width_px: float, height_px: float, legend_items: int) -> Fit:
    """The larger of the portrait and landscape fits; portrait unless landscape is clearly bigger."""
    portrait = _fit(width_px, height_px, legend_items, landscape=False)
    landscape = _fit(width_px, height_px, legend_items, landscape=True)
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
    """"Página {page} de {pages}" → `"Página " counter(page) " de " counter(pages)`."""
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
        rest = rest[cut + len(counter) + 2:]
    return Markup(" ".join(parts))
