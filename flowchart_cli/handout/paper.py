"""The paper a handout is printed on: its size, the margins, and the smallest readable text.

The numbers match `templates/handout/handout.css` (which receives the paper's
CSS size from here), so a diagram sized for the page is the diagram that fits.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MARGIN_MM", "MIN_TEXT_PT", "PAPERS", "PX_TO_MM", "TIGHT_MARGIN_MM", "Paper", "paper"]

PX_TO_MM = 25.4 / 96  # SVG user units are CSS px
PT_PER_PX = 0.75
MIN_TEXT_PT = 7.0  # no word of the printed diagram is smaller than this
MARGIN_MM = {"top": 20.0, "bottom": 18.0, "side": 15.0}
TIGHT_MARGIN_MM = {"top": 14.0, "bottom": 12.0, "side": 15.0}
"""The margins of a diagram page that would otherwise miss one page by a few %: the running header and the
page number still have room in them (review 3: an 8-step flow printed as 2 parts, 3 pages, for 4 %)."""


@dataclass(frozen=True, slots=True)
class Paper:
    """A sheet size; ``css`` is its CSS `size` keyword."""

    name: str
    css: str
    width_mm: float
    height_mm: float

    def content_box(self, landscape: bool, tight: bool = False) -> tuple[float, float]:
        """The printable width and height inside the margins (mm); ``tight``: a tight diagram page's."""
        width, height = (self.height_mm, self.width_mm) if landscape else (self.width_mm, self.height_mm)
        margin = TIGHT_MARGIN_MM if tight else MARGIN_MM
        return width - 2 * margin["side"], height - margin["top"] - margin["bottom"]


PAPERS: dict[str, Paper] = {
    "a4": Paper("a4", "A4", 210.0, 297.0),
    "a3": Paper("a3", "A3", 297.0, 420.0),
    "letter": Paper("letter", "letter", 215.9, 279.4),
}


def paper(name: str) -> Paper:
    """The paper called ``name`` (a4, a3, letter); the message lists the choices."""
    try:
        return PAPERS[name.lower()]
    except KeyError:
        raise ValueError(f"unknown paper '{name}'; choose from {', '.join(PAPERS)}") from None


def min_scale(smallest_font_px: float) -> float:
    """The smallest drawing scale at which text of ``smallest_font_px`` prints at :data:`MIN_TEXT_PT`."""
    return MIN_TEXT_PT / (PT_PER_PX * smallest_font_px)
