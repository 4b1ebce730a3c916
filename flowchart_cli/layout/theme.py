"""The colours of a drawing: the light default, `mono` for print, `dark` for dark pages, and `auto`.

`auto` is the light theme carrying the dark one as its ``alternate``: the SVG
writer keeps the light colours in its attributes and adds a
``prefers-color-scheme: dark`` style block with the alternate's; writers that
cannot switch (PNG, PDF, draw.io, Mermaid, DOT) simply draw the light colours.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass, replace

from ..symbols import SYMBOLS

__all__ = ["THEMES", "THEME_NAMES", "Theme", "contrast_ratio", "theme"]


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
    dark_symbols: bool = False
    """Symbol fills are the symbol table's colours darkened (same hue), for light text on top."""
    alternate: Theme | None = None
    """`auto` only: the dark colours an SVG switches to when the reader prefers a dark scheme."""

    def fill_for(self, kind: str) -> str:
        """The fill of a ``kind`` symbol in this theme."""
        if not self.symbol_fills or kind not in SYMBOLS:
            return self.default_fill
        return _darken(SYMBOLS[kind].fill) if self.dark_symbols else SYMBOLS[kind].fill

    def lane_fill(self, index: int) -> str:
        return self.lane_fills[index % len(self.lane_fills)]

    def header_fill(self, index: int) -> str:
        return self.header_fills[index % len(self.header_fills)]

    @property
    def is_dark(self) -> bool:
        return relative_luminance(self.background) < 0.2


def _darken(light: str) -> str:
    """The dark-theme fill of a light symbol colour: the same hue, deep enough for light text."""
    hue, _, saturation = colorsys.rgb_to_hls(*_rgb(light))
    r, g, b = colorsys.hls_to_rgb(hue, 0.22, min(0.45, saturation * 0.6) if saturation > 0.05 else 0.0)
    return "#" + "".join(f"{round(c * 255):02x}" for c in (r, g, b))


def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in _rgb(colour)]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


_LIGHT = Theme(
    background="#ffffff",
    ink="#1f2933",
    line="#3e4c59",
    label_ink="#1f2933",
    lane_fills=("#f3f7fb", "#f4f9f4", "#fbf7f1", "#f7f4fa", "#fbf3f4", "#f1f8f8"),
    header_fills=("#d5e3f2", "#d8ecd9", "#f2e3cc", "#e6dcf0", "#f3d9dc", "#d2ebea"),
    lane_stroke="#9aa5b1",
    default_fill="#ffffff",
)

_DARK = Theme(
    background="#15191e",
    ink="#e6e9ee",
    line="#aab4bf",
    label_ink="#f0f3f6",
    lane_fills=("#19202a", "#19231d", "#241f18", "#211c27", "#261b1e", "#172424"),
    header_fills=("#263a52", "#25422c", "#4a3a22", "#3a2d4a", "#4a2a30", "#224444"),
    lane_stroke="#5d6a78",
    default_fill="#2b323b",
    name="dark",
    stage_stroke="#7d8a98",
    stage_header_fill="#2c343e",
    stage_tint="#c5ced8",
    stage_band_fill="#20262e",
    dark_symbols=True,
)

THEMES: dict[str, Theme] = {
    "default": _LIGHT,
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
    "dark": _DARK,
    "auto": replace(_LIGHT, name="auto", alternate=_DARK),
}

THEME_NAMES: tuple[str, ...] = tuple(THEMES)
"""Every ``--theme`` value, in the order the help lists them."""


def theme(name: str) -> Theme:
    """The theme called ``name``; the message lists the valid ones."""
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r}; choose from {', '.join(THEMES)}") from None
