"""The colours of a drawing: the legible default and `mono` for black-and-white printing."""

from __future__ import annotations

from dataclasses import dataclass

from ..symbols import SYMBOLS

__all__ = ["THEMES", "Theme", "theme"]


@dataclass(frozen=True, slots=True)
class Theme:
    background: str
    ink: str
    line: str
    label_ink: str
    lane_fills: tuple[str, ...]
    header_fills: tuple[str, ...]
    lane_stroke: str
    default_fill: str
    symbol_fills: bool = True
    """Each symbol in its own colour (the symbol table's ``fill``), or every one in ``default_fill``."""
    name: str = "default"
    stage_stroke: str = "#7b8794"
    stage_header_fill: str = "#e4e7eb"
    stage_tint: str = "#52606d"
    """Every other stage band is tinted with this colour, lightly (``none``: no tint)."""
    stage_band_fill: str = "#edf0f3"
    """draw.io: every other stage band's fill (the lanes are see-through there)."""

    def fill_for(self, kind: str) -> str:
        """The fill of a ``kind`` symbol in this theme."""
        return SYMBOLS[kind].fill if self.symbol_fills and kind in SYMBOLS else self.default_fill


THEMES: dict[str, Theme] = {
    "default": Theme(
        background="#ffffff",
        ink="#1f2933",
        line="#3e4c59",
        label_ink="#1f2933",
        lane_fills=("#f3f7fb", "#f4f9f4", "#fbf7f1", "#f7f4fa", "#fbf3f4", "#f1f8f8"),
        header_fills=("#d5e3f2", "#d8ecd9", "#f2e3cc", "#e6dcf0", "#f3d9dc", "#d2ebea"),
        lane_stroke="#9aa5b1",
        default_fill="#ffffff",
    ),
    "mono": Theme(
        background="#ffffff",
        ink="#000000",
        line="#000000",
        label_ink="#000000",
        lane_fills=("#ffffff",),
        header_fills=("#ffffff",),
        lane_stroke="#000000",
        default_fill="#ffffff",
        symbol_fills=False,
        name="mono",
        stage_stroke="#000000",
        stage_header_fill="#ffffff",
        stage_tint="none",
        stage_band_fill="#ffffff",
    ),
}


def theme(name: str) -> Theme:
    """The theme called ``name``; the message lists the valid ones."""
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r}; choose from {', '.join(THEMES)}") from None
