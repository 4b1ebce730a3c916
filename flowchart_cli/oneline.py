"""A label quoted inside a longer line of text: flattened to one line and cut with an ellipsis.

The handout quotes step labels inside hand-overs and quiz questions, and the
`analyze` reports quote titles and labels in their tables; both cut them the
same way, so the function sits below both (next to :mod:`printable`, which
makes text safe for a terminal).
"""

from __future__ import annotations

__all__ = ["LABEL_LIMIT", "shorten"]

LABEL_LIMIT = 90  # labels quoted inside a hand-over are cut here; the table shows them whole

_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def shorten(text: str, limit: int = LABEL_LIMIT) -> str:
    """``text`` on one line, cut at a word boundary within ``limit`` characters, with an ellipsis.

    A cut mid-word ("…histórico, vaci…", review 4 #15) reads as a typo; a word
    is only split when one word alone fills most of the room.  Punctuation left
    before the cut goes ("histórico…", not "histórico,…").  Bidi embeddings and
    overrides are dropped: quoted inside a longer sentence, a label's unclosed
    U+202E would otherwise reverse the words that follow it.
    """
    flat = " ".join(text.translate(_BIDI_CONTROLS).split())
    if len(flat) <= limit:
        return flat
    room = flat[: limit - 1]
    space = room.rfind(" ")
    if flat[limit - 1] != " " and space >= limit // 2:
        room = room[:space]
    return room.rstrip().rstrip(",;:–—-(").rstrip() + "…"
