"""The paper a handout is printed on: its size, the margins, and the smallest readable text.

The numbers match `templates/handout/handout.css` (which receives the paper's
CSS size from here), so a diagram sized for the page is the diagram that fits.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MIN_TEXT_PT", "PAPERS", "PX_TO_MM", "Paper", "paper"]

PX_TO_MM = 25.4 / 96  # SVG user units are CSS px
PT_PER_PX = 0.75
MIN_TEXT_PT = 7.0  # no word of the printed diagram is smaller than this
MARGIN_MM = {"top": 20.0, "bottom": 18.0, "side": 15.0}


@dataclass(frozen=True, slots=True)
class Paper:
    """A sheet size; ``css`` is its CSS `size` keyword."""

    name: str
    css: str
    width_mm: float
    height_mm: float

    def content_box(self, landscape: bool) -> tuple[float, float]:
        """The printable width and height inside the margins (mm)."""
        width, height = (self.height_mm, self.width_mm) if landscape else (self.width_mm, self.height_mm)
        return width - 2 * MARGIN_MM["side"], height - MARGIN_MM["top"] - MARGIN_MM["bottom"]


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
