"""An outcome label's lines: one for a short label, a few balanced ones for a long one.

A label beside a decision's side stub holds the line out by its whole width,
and in a left-to-right flow a label under a decision widens its column by it.
"Cancelled / Delayed over 3 h" on one line made its line go 2.2 times its
distance; on two lines ("Cancelled /", "Delayed over 3 h") it is half as
wide. Every writer sets these lines, and the layout measures them, so the
drawing and its boxes agree.
"""

from __future__ import annotations

import math
from functools import lru_cache

from ..model import OUTCOMES_JOINED
from .text import clean_text, text_width, wrap_text

__all__ = ["LEADING", "NARROW", "outcome_lines", "outcome_size", "wraps"]

LEADING = 1.25
"""From one line's baseline to the next, in font sizes."""
_ONE_LINE = 160.0  # px (bold, at 12 px): a label up to this wide stays on one line
_LINE = 200.0  # px: a longer label takes as many lines as this width needs, balanced
_NARROW_ONE_LINE, _NARROW_LINE = 80.0, 110.0  # the same, for a label that found no clear spot at full width
_SEPARATOR = OUTCOMES_JOINED  # merged outcomes ("Sí, el titular / Sí, con poder simple") break after it first


def wraps(exit_side: str, lr: bool) -> bool:
    """Whether a label on a line leaving by ``exit_side`` is set on several lines when long: not beside a
    side stub of a left-to-right flow, where a label's height, not its width, holds the line out."""
    return not (lr and exit_side in ("l", "r"))


NARROW = 2
"""A ``wrap`` level: set on lines half as wide as usual. A label that finds no spot clear of every other
line at its usual width tries this before it would print over a line ("No, but hidden damage" on a 36 px
stub between two lines: over the neighbouring "Yes" line on one line, clear of it on two)."""


@lru_cache(maxsize=4096)
def outcome_lines(text: str, size: float, wrap: int = True) -> tuple[str, ...]:
    """The lines ``text`` is set on at ``size`` px (bold): its own lines only unless ``wrap`` (``True``,
    or :data:`NARROW` for lines half as wide)."""
    scale = size / 12
    one_line, line = (_NARROW_ONE_LINE, _NARROW_LINE) if wrap == NARROW else (_ONE_LINE, _LINE)
    out: list[str] = []
    for paragraph in clean_text(text).split("\n"):
        out += _balanced(paragraph, one_line * scale, line * scale, size) if wrap else [paragraph]
    return tuple(out) or ("",)


def _whole_answers(parts: list[str], line: float, size: float) -> list[str]:
    """Answers joined on one label, as many whole ones to a line as fit: "Pedágio 50% / Pedágio" over "100% /
    Pontos" read as four answers (review 9)."""
    lines: list[str] = []
    for part in parts:
        joined = f"{lines[-1]} {part}" if lines else part
        if lines and text_width(joined + " /", size, bold=True) <= line:
            lines[-1] = joined
        else:
            lines.append(part)
        lines[-1] += _SEPARATOR.rstrip()
    lines[-1] = lines[-1][: -len(_SEPARATOR.rstrip())]
    return lines


def _balanced(paragraph: str, one_line: float, line: float, size: float) -> list[str]:
    whole = text_width(paragraph, size, bold=True)
    if whole <= one_line:
        return [paragraph]
    parts = paragraph.split(_SEPARATOR)
    if len(parts) == 2 and all(text_width(part, size, bold=True) <= line * 1.1 for part in parts):
        return [parts[0] + _SEPARATOR.rstrip(), parts[1]]
    if len(parts) > 2 and all(text_width(part + " /", size, bold=True) <= line * 1.1 for part in parts):
        return _whole_answers(parts, line * 1.1, size)
    count = max(2, math.ceil(whole / line))
    # never narrower than its widest word: a word is not cut ("Destinatári" over "o ausente" on narrow lines)
    width = max(whole / count, *(text_width(word, size, bold=True) for word in paragraph.split()))
    while True:  # the narrowest width that still sets it on ``count`` lines
        lines = wrap_text(paragraph, width, size, bold=True)
        if len(lines) <= count or width > whole:
            return list(lines)
        width *= 1.06


def outcome_size(text: str, size: float, wrap: int = True) -> tuple[float, float]:
    """The label's width (its widest line, bold) and how much taller than one line it is."""
    lines = outcome_lines(text, size, wrap)
    return max(text_width(line, size, bold=True) for line in lines), (len(lines) - 1) * size * LEADING
