"""One line of YAML as its author sees it: where the value starts, the value without a comment, the quoted fix.

The trap explanations (:mod:`.yamltraps`) reason about lines, not about
libyaml's tokens: a broken file has no tokens to trust past the error.
"""

from __future__ import annotations

import re

__all__ = ["COMMENT", "ITEM", "KEY", "fix", "quote_value", "value_at", "value_start"]

KEY = re.compile(r"""^(\s*(?:-\s+)*)([^\s#'"\-][^:#]*?|"[^"]*"|'[^']*'):(?:\s+|$)""")
"""A block line's `key: ` (after any `- `): group 1 the indentation and dashes, group 2 the key."""
ITEM = re.compile(r"^(\s*(?:-\s+)+)")
COMMENT = re.compile(r"\s+#\s.*$")


def quote_value(text: str) -> str:
    """``text`` as a quoted YAML scalar: double quotes, or single quotes when it holds `"` or `\\`."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def value_start(line: str) -> int | None:
    """0-based column where the value of a `key: value` or `- value` line starts (``None``: no value)."""
    match = KEY.match(line) or ITEM.match(line)
    if match is None or match.end() >= len(line.rstrip()) or any(ch in match.group(0) for ch in "[{"):
        return None  # no value on this line, or flow style (`{start: A}`), which libyaml's words fit better
    return match.end()


def value_at(line: str, start: int) -> str:
    """The value from ``start`` to the end of the line, without a trailing `# comment`."""
    return COMMENT.sub("", line[start:]).rstrip()


def fix(line: str, start: int, value: str) -> str:
    """The line's key (or dash) followed by ``value`` quoted: `notes: "Importante: verificar"`."""
    prefix = line[:start].strip()
    return f"{prefix} {quote_value(value)}".strip()
