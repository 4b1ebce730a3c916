"""The classic YAML traps, explained in plain words with the quoted value as the fix.

libyaml's messages ("mapping values are not allowed in this context") name
the parser's state, not the author's mistake, and for a forgotten colon they
point at the *next* line.  These functions look at the source line the error
comes from and, when they recognise a trap, say what YAML understood, where
the mistake is, and how the very value reads when quoted.  An unrecognised
error keeps libyaml's words.
"""

from __future__ import annotations

import re

from .yamllines import COMMENT, ITEM, fix, quote_value, value_at, value_start

__all__ = ["Trap", "explain_error", "node_trap", "quote_value"]

Trap = tuple[str, int, int]
"""(message, line, column), 1-based."""

_SIGNS = "*&!@%`"
_RESERVED = {"@": "'@'", "`": "a backtick (`)", "%": "'%'"}


def _missing_colon(lines: list[str], line_no: int) -> Trap | None:
    """A line with words but no `key:` (the colon forgotten): `lane Cliente` → `lane: Cliente`."""
    line = lines[line_no - 1]
    text = ITEM.sub("", line).strip()
    if not text or text.startswith("#") or ": " in text or text.endswith(":"):
        return None
    column = len(line) - len(line.lstrip(" -")) + 1
    key, _, rest = text.partition(" ")
    meant = f"{key}: {rest.strip()}" if rest.strip() else f"{key}: …"
    return (
        f"{quote_value(text)} has no ':' after its key, so YAML cannot tell the key from the value; write `{meant}`",
        line_no,
        column,
    )


def _start_of_plain_text(lines: list[str], line_no: int) -> int:
    """The first line of the text that runs on into ``line_no`` (lines without a `key:` above it)."""
    while line_no > 1:
        above = lines[line_no - 2].strip()
        if not above or above.startswith("#") or above.startswith("- ") or ": " in above or above.endswith(":"):
            break
        line_no -= 1
    return line_no


def _colon_invalue_at(lines: list[str], line_no: int, column: int) -> Trap | None:
    """`notes: Importante: verificar` (a second `: ` inside a plain text, pointed at), or a forgotten colon above."""
    line = lines[line_no - 1]
    start = value_start(line)
    if start is not None and start < column - 1:
        value = value_at(line, start)
        return (
            f"': ' ends a key in YAML, and the text {quote_value(value)} holds one; "
            f"put the whole text in quotes: `{fix(line, start, value)}`",
            line_no,
            column,
        )
    continued = _continued_text(lines, line_no, column) if start is not None else None
    if continued is not None:
        return continued
    first = _start_of_plain_text(lines, line_no)
    return _missing_colon(lines, first) if first < line_no else None


def _continued_text(lines: list[str], line_no: int, column: int) -> Trap | None:
    """A text that runs on over several lines, one of which holds ': ' (YAML reads a key there)."""
    indent = len(lines[line_no - 1]) - len(lines[line_no - 1].lstrip())
    for number in range(line_no - 1, 0, -1):
        above = lines[number - 1]
        if not above.strip() or above.lstrip().startswith("#"):
            return None
        if len(above) - len(above.lstrip()) >= indent:
            continue
        start = value_start(above)
        if start is None or above[start] in "'\"|>":
            return None
        words = [value_at(above, start), *(lines[n - 1].strip() for n in range(number + 1, line_no + 1))]
        value = " ".join(COMMENT.sub("", w) for w in words)
        return (
            f"this line goes on with the text of line {number}, and ': ' in it ends a key in YAML; "
            f"put the whole text in quotes: `{fix(above, start, value)}`",
            line_no,
            column,
        )
    return None


def _sign_at_start(lines: list[str], line_no: int, column: int) -> Trap | None:
    """A value starting with `*`, `&`, `!`, `@`, `%` or a backtick: YAML syntax, not text."""
    line = lines[line_no - 1]
    start = value_start(line)
    if start is None or start != column - 1:
        return None
    value = value_at(line, start)
    sign = value[:1]
    if sign not in _SIGNS:
        return None
    meaning = {
        "*": "makes it a reference to another value (an alias)",
        "&": "makes it a name for the value (an anchor), and the name is dropped",
        "!": "makes it a type tag, and the tag is dropped",
    }.get(sign)
    what = (
        f"in YAML, '{sign}' at the start of a text {meaning}"
        if meaning
        else f"a text cannot start with {_RESERVED.get(sign, repr(sign))} in YAML (the sign is reserved)"
    )
    return f"{what}; put the whole text in quotes: `{fix(line, start, value)}`", line_no, column


def _unclosed_quote(lines: list[str], line_no: int, column: int) -> Trap | None:
    line = lines[line_no - 1]
    quote = line[column - 1 : column]
    if quote not in ("'", '"'):
        return None
    value = line[column:].rstrip()
    prefix = line[: column - 1].strip()
    return (
        f"the quote {quote} opened here is never closed, so YAML reads the rest of the file as this text; "
        f"close it at the end of the text: `{prefix} {quote}{value}{quote}`",
        line_no,
        column,
    )


def _text_after_quote(lines: list[str], line_no: int, column: int) -> Trap | None:
    """`process: "Revisar" la queja`: a text that only begins with a quoted part."""
    line = lines[line_no - 1]
    start = value_start(line)
    if start is None or line[start] not in "'\"" or column - 1 <= start:
        return None
    value = value_at(line, start)
    quote = value[0]
    if len(value) > 2 and value.endswith(quote):  # `"Dijo "hola" al cliente"`: the quote inside ends it early
        inner = value[1:-1]
        other = "'" if quote == '"' else '"'
        return (
            f"the text holds the {quote} that surrounds it, so YAML ends the text there; "
            f"surround it with {other} instead: `{fix(line, start, inner)}`",
            line_no,
            start + 1,
        )
    return (
        f"the text goes on after its closing quote; put the whole text in quotes: `{fix(line, start, value)}`",
        line_no,
        start + 1,
    )


_KEY_WITH_HASH = re.compile(r"^(\s*(?:-\s+)*)([^#:\s][^#:]*? #[^:]*?):(?:\s+(.*?))?\s*$")
"""`Caso #2: fin`: a key that holds ` #`, so YAML never sees its colon."""


def _hash_in_key(lines: list[str], line_no: int) -> Trap | None:
    """The key on the nearest line above ``line_no`` that ` #` cut before its colon."""
    for number in range(line_no - 1, max(line_no - 3, 0), -1):
        match = _KEY_WITH_HASH.match(lines[number - 1])
        if match:
            lead, key, value = match.groups()
            meant = f"{quote_value(key.strip())}: {value}" if value else f"{quote_value(key.strip())}:"
            return (
                f"' #' starts a comment in YAML, so the ':' after {quote_value(key.strip())} "
                f"is never seen; put the text in quotes: `{meant}`",
                number,
                len(lead) + 1,
            )
        if lines[number - 1].strip():
            return None
    return None


def explain_error(
    problem: str, context: str | None, text: str, here: tuple[int, int] | None, there: tuple[int, int] | None
) -> Trap | None:
    """A plain explanation of a libyaml error, or ``None`` when it is not a known trap.

    ``here`` is where libyaml saw the problem, ``there`` where its context began (line, column; 1-based).
    """
    lines = text.splitlines() or [""]
    here = here if here and 1 <= here[0] <= len(lines) else None
    there = there if there and 1 <= there[0] <= len(lines) else None
    context = context or ""
    if "quoted scalar" in context and there:
        return _unclosed_quote(lines, *there)
    if ("alias" in context or "anchor" in context) and there:
        return _sign_at_start(lines, *there)
    if "could not find expected ':'" in problem and "simple key" in context and there:
        return _hash_in_key(lines, there[0] + 1) or _missing_colon(lines, there[0])
    if here is None:
        return None
    if "expected key" in problem or "expected ':'" in problem:
        hashed = _hash_in_key(lines, here[0])
        if hashed is not None:
            return hashed
    if problem.startswith("mapping values are not allowed"):
        return _colon_invalue_at(lines, *here)
    if "cannot start any token" in problem:
        return _sign_at_start(lines, *here)
    if "did not find expected key" in problem:
        return _text_after_quote(lines, *here) or _alias_then_text(lines, here[0])
    return None


def _alias_then_text(lines: list[str], line_no: int) -> Trap | None:
    """`notes: *Importante verificar`: an alias followed by words."""
    start = value_start(lines[line_no - 1])
    return _sign_at_start(lines, line_no, start + 1) if start is not None else None


def node_trap(text: str, line: int, column: int) -> Trap | None:
    """For an alias, an anchor or a tag YAML accepted at the start of a value: the same explanation."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    return _sign_at_start(lines, line, column)
