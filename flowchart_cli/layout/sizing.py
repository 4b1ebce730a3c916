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
_LR_NARROW = 0.75  # LR: the least width of a box, as a share of its symbol's (the flow runs along x)
_LR_DIAMOND_LINES = 2  # LR: a taller diamond would make its whole lane taller


def _block(lines: tuple[str, ...], font_size: float) -> tuple[float, float]:
    return max(text_width(line, font_size) for line in lines), len(lines) * LINE_HEIGHT


def size_step(step: Step, font_size: float, lr: bool = False) -> tuple[tuple[str, ...], float, float]:
    """The wrapped label of ``step`` and its shape's width and height.

    In ``lr`` drawings the flow runs along x and every box's width adds to the
    drawing's length, while a lane is as tall as its tallest box anyway: boxes
    are narrower and take one more line.
    """
    kind = step.kind or "process"
    row = SYMBOLS.get(kind, SYMBOLS["process"])
    least = row.width * _LR_NARROW if lr else row.width
    if kind == "decision":
        return _size_decision(step.label, least, row.height, font_size, lr)
    share_w, share_h = text_area(kind)
    base = max(40.0, least * share_w - 2 * PADDING)
    most = _MAX_LINES.get(kind, 3) + (1 if lr else 0)
    longest = max((text_width(word, font_size) for word in step.label.split()), default=0.0)
    lines: tuple[str, ...] = ()
    for factor in _WRAP_WIDTHS:
        lines = wrap_text(step.label, base * factor, font_size)
        if len(lines) <= most and longest <= base * factor:
            break
    text_w, text_h = _block(lines, font_size)
    width = max(least, (text_w + 2 * PADDING) / share_w)
    height = max(row.height, (text_h + 2 * PADDING) / share_h)
    if kind == "connector":
        width = height = max(width, height)
    return lines, round(width, 1), round(height, 1)


def _size_decision(
    label: str, base_w: float, base_h: float, font_size: float, lr: bool
) -> tuple[tuple[str, ...], float, float]:
    """A diamond holds text in its middle: its block must satisfy tw/w + th/h <= 1.

    TB takes the smallest diamond that is not too flat.  LR takes the one with
    the fewest lines over two (a taller diamond makes its whole lane taller),
    then the smallest counting its width twice.
    """
    wraps = ((80.0, 95.0) if lr else ()) + (110.0, 140.0, 180.0, 240.0, 320.0)
    sized = [_diamond(wrap_text(label, wrap, font_size), base_w, base_h, font_size) for wrap in wraps]
    if lr:
        return min(sized, key=lambda d: (d[1] / d[2] > 3.2, max(0, len(d[0]) - _LR_DIAMOND_LINES), d[1] * d[1] * d[2]))
    return min(sized, key=lambda d: (d[1] / d[2] > 3.2, d[1] * d[2]))


def _diamond(
    lines: tuple[str, ...], base_w: float, base_h: float, font_size: float
) -> tuple[tuple[str, ...], float, float]:
    """The diamond that holds ``lines`` in its middle, at least ``base_w`` by ``base_h``."""
    text_w, text_h = _block(lines, font_size)
    height = max(base_h, 2 * text_h + 28)
    width = max(base_w, (text_w + 14) / (1 - (text_h + 8) / height))
    return lines, round(width, 1), round(height, 1)


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
