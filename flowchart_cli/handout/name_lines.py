"""A lane's name set in a narrow header: whole words where they fit, a long word hyphenated where not.

On the overview of a wide flow a lane's column is often narrower than its
name's longest word at 7.5 pt ("Responsável", "Atendimento"), and such a
name used to be left out: a reviewer found 5 of 6 lanes unnamed (review 4).
A word too wide for the column is broken where the flow's language breaks
it (Pyphen, WeasyPrint's own hyphenation dictionaries), with a hyphen at
the end of each piece, as a printed table would.
"""

from __future__ import annotations

from functools import cache

import pyphen

from ..layout.text import text_width

__all__ = ["name_lines"]

_LANGUAGES = {"en": "en_US", "es": "es", "pt": "pt_BR"}


def name_lines(name: str, room: float, size: float, lang: str) -> list[str]:
    """``name`` in bold lines no wider than ``room`` at ``size`` px: breaking between words, and inside a
    word only where it is wider than ``room`` and its language allows (a piece that still does not fit
    stays whole, for the caller to shorten)."""
    lines: list[str] = []
    for word in name.split(" "):
        if lines and _fits(f"{lines[-1]} {word}", room, size):
            lines[-1] = f"{lines[-1]} {word}"
            continue
        lines.extend([word] if _fits(word, room, size) else _hyphenated(word, room, size, lang))
    return lines or [""]


def _hyphenated(word: str, room: float, size: float, lang: str) -> list[str]:
    """``word`` cut into pieces that fit ``room``, each but the last ending in a hyphen, at the longest
    break that fits each time."""
    pieces: list[str] = []
    rest = word
    while not _fits(rest, room, size):
        cut = next(((head, tail) for head, tail in _breaks(rest, lang) if _fits(head, room, size)), None)
        if cut is None:
            break
        pieces.append(cut[0])
        rest = cut[1]
    return [*pieces, rest]


def _breaks(word: str, lang: str) -> list[tuple[str, str]]:
    """Where ``word`` may break, each head ending in its hyphen: after a hyphen of its own first ("Follow-" /
    "up", never "Fol-" / "low-up"; "Pós-" / "venda", never "Pós--"), then where its language breaks it; the
    longest head first of each kind."""
    own = [(word[: i + 1], word[i + 1 :]) for i in range(len(word) - 2, 0, -1) if word[i] == "-"]
    said = [(head if head.endswith("-") else f"{head}-", tail) for head, tail in _dictionary(lang).iterate(word)]
    return own + [cut for cut in said if cut not in own]


def _fits(text: str, room: float, size: float) -> bool:
    return text_width(text, size, bold=True) <= room


@cache
def _dictionary(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=_LANGUAGES.get(lang, "en_US"), left=3, right=3)  # no "-er" alone on a line
