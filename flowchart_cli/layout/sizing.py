"""How big each step's shape must be for its label, wrapped, to sit inside it."""

from __future__ import annotations

from ..model import Step
from ..symbols import SYMBOLS
from .shapes import text_area
from .text import text_width, wrap_text

__all__ = ["LINE_HEIGHT", "PADDING", "fill_width", "size_step"]

LINE_HEIGHT = 16.0
PADDING = 8.0
_WRAP_WIDTHS = (1.0, 1.4, 1.9, 2.5)  # tried in turn, as shares of the symbol's own text width
_MAX_LINES = {"start": 2, "end": 2, "offpage": 2, "delay": 2}


def _block(lines: tuple[str, ...], font_size: float) -> tuple[float, float]:
    return max(text_width(line, font_size) for line in lines), len(lines) * LINE_HEIGHT


def size_step(step: Step, font_size: float) -> tuple[tuple[str, ...], float, float]:
    """The wrapped label of ``step`` and its shape's width and height."""
    kind = step.kind or "process"
    row = SYMBOLS.get(kind, SYMBOLS["process"])
    if kind == "decision":
        return _size_decision(step.label, row.width, row.height, font_size)
    share_w, share_h = text_area(kind)
    base = max(40.0, row.width * share_w - 2 * PADDING)
    longest = max((text_width(word, font_size) for word in step.label.split()), default=0.0)
    lines: tuple[str, ...] = ()
    for factor in _WRAP_WIDTHS:
        lines = wrap_text(step.label, base * factor, font_size)
        if len(lines) <= _MAX_LINES.get(kind, 3) and longest <= base * factor:
            break
    text_w, text_h = _block(lines, font_size)
    width = max(row.width, (text_w + 2 * PADDING) / share_w)
    height = max(row.height, (text_h + 2 * PADDING) / share_h)
    if kind == "connector":
        width = height = max(width, height)
    return lines, round(width, 1), round(height, 1)


def _size_decision(label: str, base_w: float, base_h: float, font_size: float) -> tuple[tuple[str, ...], float, float]:
    """A diamond holds text in its middle: its block must satisfy tw/w + th/h <= 1."""
    best: tuple[float, tuple[str, ...], float, float] | None = None
    for wrap in (110.0, 140.0, 180.0, 240.0, 320.0):
        lines = wrap_text(label, wrap, font_size)
        text_w, text_h = _block(lines, font_size)
        height = max(base_h, 2 * text_h + 28)
        width = max(base_w, (text_w + 14) / (1 - (text_h + 8) / height))
        score = width * height + (width / height > 3.2) * 1e9
        if best is None or score < best[0]:
            best = (score, lines, round(width, 1), round(height, 1))
    assert best is not None
    return best[1], best[2], best[3]


def fill_width(
    step: Step, sized: tuple[tuple[str, ...], float, float], room: float, font_size: float
) -> tuple[tuple[str, ...], float, float]:
    """The step re-wrapped to use the width its column already has, when that makes it shorter.

    A column is as wide as its widest shape; a narrower box beside it can take
    that width for free and hold its label on fewer lines, so its row needs
    less height.  Decisions and connectors keep their own proportions.
    """
    lines, width, height = sized
    kind = step.kind or "process"
    if kind in ("decision", "connector") or room <= width + 1:
        return sized
    share_w, share_h = text_area(kind)
    wrapped = wrap_text(step.label, room * share_w - 2 * PADDING, font_size)
    if len(wrapped) >= len(lines):
        return sized
    text_w, text_h = _block(wrapped, font_size)
    row = SYMBOLS.get(kind, SYMBOLS["process"])
    new_height = max(row.height, (text_h + 2 * PADDING) / share_h)
    new_width = max(row.width, (text_w + 2 * PADDING) / share_w)
    if new_height >= height or new_width > room + 0.05:
        return sized
    return wrapped, round(new_width, 1), round(new_height, 1)
