"""Text from files and file names made safe to print on a terminal: control characters as visible escapes.

Why: a flow file (or its name) holding `ESC]0;…` would set the terminal's
title, `ESC[2J` would clear the screen, a right-to-left override would show
the line backwards, and a file name that is not UTF-8 cannot even be printed.
Every text output (check's text and github formats, build and watch lines)
passes what came from outside through :func:`visible`: C0 and C1 controls,
DEL, bidi controls and line separators become ``\\x1b``/``\\u202e``-style
escapes, and the undecodable bytes of a file name become ``\\xff``.
"""

from __future__ import annotations

import re

__all__ = ["UNSAFE", "for_rich", "visible", "visible_columns"]

UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Characters a terminal would act on (or could not print) instead of showing."""


def _escape(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every unsafe character written as an escape; safe text is returned as is."""
    return UNSAFE.sub(lambda m: _escape(m.group()), text) if UNSAFE.search(text) else text


def visible_columns(text: str) -> tuple[str, list[int]]:
    """:func:`visible` of ``text`` and, for each index of ``text`` (and its end), the terminal column it
    is shown at: a combining accent takes none, a wide (CJK) character two, so a caret lines up."""
    from rich.cells import get_character_cell_size

    shown: list[str] = []
    where: list[int] = []
    at = 0
    for ch in text:
        where.append(at)
        escaped = UNSAFE.match(ch)
        piece = _escape(ch) if escaped else ch
        shown.append(piece)
        at += len(piece) if escaped else get_character_cell_size(ch)
    where.append(at)
    return "".join(shown), where


def for_rich(text: str) -> str:
    """:func:`visible` text that a rich console prints as written (its ``[markup]`` escaped)."""
    from rich.markup import escape

    return escape(visible(text))
