"""Labels as the reader sees them: HTML tags and line breaks gone, entities decoded, spaces single."""

from __future__ import annotations

import html
import re

__all__ = ["html_text", "plain_text"]

_BREAK = re.compile(r"<\s*br\s*/?\s*>|<\s*/?\s*(?:div|p|li|tr|h[1-6])\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2007\u202f]+")


def html_text(value: str) -> str:
    """An HTML label (`<b>Revisar</b><br>pedido&nbsp;nuevo`) as one line of plain text."""
    return plain_text(html.unescape(_TAG.sub("", _BREAK.sub("\n", value))))


def plain_text(value: str) -> str:
    """Lines joined with one space; runs of spaces (no-break ones too) made one."""
    lines = (_SPACES.sub(" ", line).strip() for line in value.replace("\\n", "\n").splitlines())
    return " ".join(line for line in lines if line)
