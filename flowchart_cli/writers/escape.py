"""The one place user text is made safe for the XML and DOT outputs.

Every writer cleans text the same way (no C0 or C1 controls but tab and
newline, no DEL, lone surrogates or U+FFFE/F: what XML 1.0 cannot hold or a
viewer would show as garbage) and escapes it for the context it lands in.
"""

from __future__ import annotations

from ..layout.text import clean_text

__all__ = ["attr", "clean", "num", "xml_text"]

clean = clean_text

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
)


def xml_text(text: str) -> str:
    """Character data: ``&``, ``<`` and ``>`` escaped (so ``]]>`` cannot appear either)."""
    return clean(text).translate(_TEXT)


def attr(text: str) -> str:
    """``text`` as the inside of a double-quoted XML attribute (newlines kept as references)."""
    return clean(text).translate(_ATTR)


def num(value: float, places: int = 2) -> str:
    """A number as the XML and DOT writers write it: rounded, no trailing zeros, never ``-0``."""
    text = f"{round(value, places):.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
