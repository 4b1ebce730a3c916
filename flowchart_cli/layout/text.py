"""Text measuring and wrapping with DejaVu Sans advance widths, so labels fit their shapes.

The widths are DejaVu Sans's own (per 1000 units of the em); characters outside
the table get an estimate (wide East Asian and emoji a full em, marks nothing).
No font library is needed, and the result is the same on every machine.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .widths import RANGES

__all__ = ["BOLD_WIDTH", "UNIT_WORD", "clean_text", "text_width", "visual_order", "wrap_text"]

# fmt: off
_ASCII = (  # U+0020..U+007E
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
)
_LATIN = (  # U+00A0..U+024F
    318, 401, 636, 636, 636, 636, 337, 500, 500, 1000, 471, 612, 838, 361, 1000, 500, 500, 838, 401,
    401, 500, 636, 636, 318, 500, 401, 471, 612, 969, 969, 969, 531, 684, 684, 684, 684, 684, 684,
    974, 698, 632, 632, 632, 632, 295, 295, 295, 295, 775, 748, 787, 787, 787, 787, 787, 838, 787,
    732, 732, 732, 732, 611, 605, 630, 613, 613, 613, 613, 613, 613, 982, 550, 615, 615, 615, 615,
    278, 278, 278, 278, 612, 634, 612, 612, 612, 612, 612, 838, 612, 634, 634, 634, 634, 592, 635,
    592, 684, 613, 684, 613, 684, 613, 698, 550, 698, 550, 698, 550, 698, 550, 770, 635, 775, 635,
    632, 615, 632, 615, 632, 615, 632, 615, 632, 615, 775, 635, 775, 635, 775, 635, 775, 635, 752,
    634, 916, 695, 295, 278, 295, 278, 295, 278, 295, 278, 295, 278, 590, 556, 295, 278, 656, 579,
    579, 557, 278, 557, 278, 557, 375, 557, 342, 562, 284, 748, 634, 748, 634, 748, 634, 813, 748,
    634, 787, 612, 787, 612, 787, 612, 1070, 1023, 695, 411, 695, 411, 695, 411, 635, 521, 635, 521,
    635, 521, 635, 521, 611, 392, 611, 392, 611, 392, 732, 634, 732, 634, 732, 634, 732, 634, 732,
    634, 732, 634, 989, 818, 611, 592, 611, 685, 525, 685, 525, 685, 525, 352, 635, 735, 686, 635,
    686, 635, 703, 698, 550, 775, 819, 686, 635, 612, 632, 787, 614, 575, 352, 775, 687, 984, 354,
    295, 746, 579, 278, 592, 974, 748, 634, 787, 913, 612, 949, 759, 652, 635, 695, 635, 521, 632,
    336, 392, 611, 392, 611, 858, 634, 764, 721, 744, 730, 685, 525, 666, 666, 578, 525, 636, 666,
    578, 510, 635, 295, 492, 459, 295, 1422, 1299, 1154, 835, 787, 457, 931, 924, 797, 684, 613,
    295, 278, 787, 612, 732, 634, 732, 634, 732, 634, 732, 634, 732, 634, 615, 684, 613, 684, 613,
    974, 982, 775, 635, 775, 635, 656, 579, 787, 612, 787, 612, 666, 578, 278, 1422, 1299, 1154,
    775, 635, 1113, 682, 748, 634, 684, 613, 974, 982, 787, 612, 684, 613, 684, 613, 632, 615, 632,
    615, 295, 278, 295, 278, 787, 612, 787, 612, 695, 411, 695, 411, 732, 634, 732, 634, 635, 521,
    611, 392, 627, 521, 752, 634, 735, 838, 698, 610, 685, 525, 684, 613, 632, 615, 787, 612, 787,
    612, 787, 612, 787, 612, 611, 592, 475, 843, 477, 278, 998, 998, 684, 698, 550, 557, 611, 521,
    525, 603, 479, 686, 732, 684, 632, 615, 295, 278, 781, 635, 695, 411, 611, 592,
)
# fmt: on
_EXTRA = {
    0x2013: 500,
    0x2014: 1000,
    0x2018: 318,
    0x2019: 318,
    0x201C: 518,
    0x201D: 518,
    0x2022: 590,
    0x2026: 1000,
    0x20AC: 636,
    0x2192: 838,
}


@lru_cache(maxsize=4096)
def _char_units(char: str) -> int:
    code = ord(char)
    if 0x20 <= code <= 0x7E:
        return _ASCII[code - 0x20]
    if 0xA0 <= code <= 0x24F and _LATIN[code - 0xA0]:
        return _LATIN[code - 0xA0]
    if code in _EXTRA:
        return _EXTRA[code]
    for start, widths in RANGES.items():
        if start <= code < start + len(widths) and widths[code - start]:
            return widths[code - start]
    if unicodedata.combining(char) or unicodedata.category(char) in ("Cf", "Mn", "Me"):
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F") or code >= 0x1F000:
        return 1000
    return 700


BOLD_WIDTH = 1.08
"""How much wider bold text sets than regular (DejaVu Sans Bold against Book, with a little to spare)."""


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` set in DejaVu Sans (or DejaVu Sans Bold) at ``size`` px."""
    width = _units(text) * size / 1000
    return width * BOLD_WIDTH if bold else width


@lru_cache(maxsize=16384)
def _units(text: str) -> int:
    """Width in thousandths of the font size; cached because words and labels come back often."""
    return sum(map(_char_units, text))


def clean_text(text: str) -> str:
    """``text`` without characters XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/F)."""
    if text.isprintable():  # no control, surrogate or non-character: nothing to drop
        return text
    return "".join(c for c in text if _allowed(c))


def _allowed(char: str) -> bool:
    code = ord(char)
    if code < 0x20:
        return char in "\t\n"
    return not (0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF) or 0x7F <= code <= 0x9F)


def wrap_text(text: str, width: float, size: float, *, bold: bool = False) -> tuple[str, ...]:
    """``text`` broken into lines no wider than ``width`` px (set in bold when ``bold``); words too long are cut."""
    if bold:
        width = width / BOLD_WIDTH
    lines: list[str] = []
    for paragraph in clean_text(text).replace("\t", " ").split("\n"):
        lines.extend(_wrap_paragraph(_kept_together(paragraph.split(), width, size), width, size))
    return tuple(lines) or ("",)


_MOST_IN_BRACKETS = 3  # "(level 2)", "(24 h)", "(SLA 4 h)": a short aside reads as one unit


UNIT_WORD = r"(?:s|seg|min|minutos?|minutes?|h|horas?|hours?|d|días?|dias?|days?|semanas?|weeks?|meses|months?|%)(?!\w)"
"""A unit after a number ("24 h", "21 dias?"): the two are never set on different lines (here and in the handout)."""
_UNIT = re.compile(UNIT_WORD)


def _units_kept(words: list[str], width: float, size: float) -> list[str]:
    """A number and the unit after it as one word where they fit a line: "Passaram 21" over "dias?" reads
    as a count of nothing (review 8: "within 24 / h?")."""
    out: list[str] = []
    for word in words:
        if out and out[-1][-1:].isdigit() and _UNIT.match(word) and text_width(f"{out[-1]} {word}", size) <= width:
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    return out


def _kept_together(words: list[str], width: float, size: float) -> list[str]:
    """``words`` with each short aside in brackets as one word where it fits a line: "(level" at the end
    of one line and "2)" alone on the next read as two broken things; a number and its unit likewise."""
    words = _units_kept(words, width, size)
    out: list[str] = []
    k = 0
    while k < len(words):
        word = words[k]
        if word.startswith("(") and not word.endswith(")"):
            close = next(
                (j for j in range(k + 1, min(len(words), k + _MOST_IN_BRACKETS)) if words[j].endswith(")")), None
            )
            if close is not None:
                aside = " ".join(words[k : close + 1])
                if text_width(aside, size) <= width:
                    out.append(aside)
                    k = close + 1
                    continue
        out.append(word)
        k += 1
    return out


def _wrap_paragraph(words: list[str], width: float, size: float) -> list[str]:
    lines: list[str] = []
    current, used = "", 0.0  # the line so far and its width
    space = text_width(" ", size)
    units = _units  # text_width inlined: the same sum, once per word
    for word in words:
        advance = units(word) * size / 1000
        wide = used + space + advance if current else advance
        if wide <= width:
            current, used = (f"{current} {word}" if current else word), wide
            continue
        if current:
            lines.append(current)
        pieces = _cut_word(word, width, size)
        lines.extend(pieces[:-1])
        current = pieces[-1]
        used = text_width(current, size)
    if current:
        lines.append(current)
    return lines


_BREAK_AFTER = frozenset("/-")


@lru_cache(maxsize=16384)
def _cut_word(word: str, width: float, size: float) -> tuple[str, ...]:
    """A word wider than ``width`` cut into pieces that fit (at least one character each): after a
    "/" or "-" where the piece before it fits ("(Visa/" and "Mastercard)", not "(Visa/Masterca" and
    "rd)"), else between letters.

    Cached: the same words come back at the same few wrap widths (every line break asks)."""
    if text_width(word, size) <= width:
        return (word,)
    for at in range(len(word) - 2, 0, -1):
        if word[at] in _BREAK_AFTER and text_width(word[: at + 1], size) <= width:
            return (word[: at + 1], *_cut_word(word[at + 1 :], width, size))
    pieces: list[str] = []
    piece, used = "", 0.0
    for char in word:
        advance = _char_units(char) * size / 1000
        if piece and used + advance > width:
            pieces.append(piece)
            piece, used = "", 0.0
        piece += char
        used += advance
    pieces.append(piece)
    return tuple(pieces)


_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")


def _strength(char: str) -> str:
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL"):
        return "R"
    if kind in ("L", "EN", "AN"):
        return "L"
    return "N"


def visual_order(text: str) -> str:
    """``text`` in left-to-right display order, for painters without a bidi engine.

    A simplified Unicode bidi: right-to-left runs are reversed (brackets
    mirrored), neutrals between runs of one direction join them, and a line
    that starts right-to-left lists its runs from the right.
    """
    strengths = [_strength(c) for c in text]
    if "R" not in strengths:
        return text
    base = next(s for s in strengths if s != "N")
    resolved = []
    for i, strength in enumerate(strengths):
        if strength == "N":
            before = next((s for s in reversed(strengths[:i]) if s != "N"), base)
            after = next((s for s in strengths[i + 1 :] if s != "N"), base)
            strength = before if before == after else base
        resolved.append(strength)
    runs: list[tuple[str, str]] = []
    for char, strength in zip(text, resolved, strict=True):
        if runs and runs[-1][0] == strength:
            runs[-1] = (strength, runs[-1][1] + char)
        else:
            runs.append((strength, char))
    shown = [run[::-1].translate(_MIRROR) if strength == "R" else run for strength, run in runs]
    return "".join(reversed(shown) if base == "R" else shown)
