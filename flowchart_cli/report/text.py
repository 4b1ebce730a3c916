"""`check --format text`: compiler-style lines with the source line and a caret.

The lines are built once as (text, style) segments; :func:`write_text` writes
them plain (piped, in CI: no rich import, no escape codes) and
:func:`print_text` through a rich console (colours on a terminal).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..check import CheckResult
from ..diagnostics import Diagnostic
from ..printable import visible, visible_columns
from ..regularfile import read_regular
from . import summary_counts

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["caret", "print_text", "text_lines", "write_text"]

Line = list[tuple[str, str]]
"""One output line as segments of (text, rich style; '' for none)."""

_STYLE = {"error": "bold red", "warning": "bold yellow"}
_FLOW_STOP = set(",]}")
MAX_SOURCE = 200
"""Longer source lines are not quoted (a 10,000-character label would flood the terminal)."""


def _source_lines(path: Path) -> list[str]:
    """The file's lines for quoting: read like the loader reads (regular files, 2 MB, UTF-8) or not at all."""
    from ..yamlsource import MAX_BYTES, SourceError, decode

    try:
        data = read_regular(path, MAX_BYTES)
        if len(data) > MAX_BYTES:
            return []
        return decode(data).splitlines()
    except (OSError, SourceError):
        return []


def _quoted_lines(result: CheckResult) -> list[str]:
    """The lines diagnostics point into: the text checked when it was not a file (stdin, Markdown)."""
    if result.source is not None:
        return result.source.splitlines()
    return _source_lines(result.path)


def _closing_quote(line: str, start: int) -> int:
    """Index of the quote closing the one at ``start`` (YAML: ``\\"`` escapes in "…", ``''`` in '…')."""
    quote, i = line[start], start + 1
    while i < len(line):
        if quote == '"' and line[i] == "\\":
            i += 2
            continue
        if line[i] == quote:
            if quote == "'" and line[i + 1 : i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return len(line) - 1


def caret(line: str, column: int) -> str:
    """Carets under the token that starts at ``column`` (1-based): a key, a quoted or plain scalar."""
    start = column - 1
    if start >= len(line):
        return " " * start + "^"
    end = len(line)
    if line[start] in "\"'":
        end = _closing_quote(line, start) + 1
    else:
        in_flow = "[" in line[:start] or "{" in line[:start]
        for i in range(start, len(line)):
            ch = line[i]
            if ch == ":" and (i + 1 == len(line) or line[i + 1] in " \t"):
                end = i
                break
            if ch == "#" and i > start and line[i - 1] in " \t":
                end = i
                break
            if in_flow and ch in _FLOW_STOP:
                end = i
                break
        end = start + len(line[start:end].rstrip())
    return " " * start + "^" * max(1, min(end - start, 60))


def _quoted(raw: str, column: int) -> tuple[str, str]:
    """The source line with control characters escaped, and the caret moved to match."""
    marks = caret(raw, column)
    start = len(marks) - len(marks.lstrip(" "))
    end = len(marks)
    shown, where = visible_columns(raw)

    def moved(index: int) -> int:
        return where[index] if index < len(where) else where[-1] + index - len(raw)

    return shown, " " * moved(start) + "^" * max(1, min(moved(end) - moved(start), 60))


def _diagnostic_lines(d: Diagnostic, lines: list[str]) -> list[Line]:
    style = _STYLE[d.severity.value]
    where = [(f" [step {visible(d.step)}]", "dim")] if d.step else []
    out: list[Line] = [
        [
            (f"{visible(d.path)}:{d.line}:{d.column}:", "bold"),
            (" ", ""),
            (f"{d.severity.value} {d.code}:", style),
            (f" {visible(d.message)}", ""),
            *where,
        ]
    ]
    if 0 < d.line <= len(lines):
        raw = lines[d.line - 1].replace("\t", " ")
        if len(raw) <= MAX_SOURCE:
            source, marks = _quoted(raw, d.column)
            gutter = f"{d.line:>5} | "
            out.append([(gutter, "dim"), (source, "")])
            out.append([(" " * (len(gutter) - 2) + "| ", "dim"), (marks, style)])
    return out


def _summary_line(results: Sequence[CheckResult]) -> Line:
    counts = summary_counts(results)
    files = f"{counts['files']} file{'s' if counts['files'] != 1 else ''} checked"
    if not counts["errors"] and not counts["warnings"]:
        return [(f"{files}: no problems", "green")]
    errors = f"{counts['errors']} error{'s' if counts['errors'] != 1 else ''}"
    warnings = f"{counts['warnings']} warning{'s' if counts['warnings'] != 1 else ''}"
    return [(f"{files}: {errors}, {warnings}", "red" if counts["errors"] else "yellow")]


def text_lines(results: Sequence[CheckResult], *, summary: bool = True) -> list[Line]:
    """Every output line of the text format, in order."""
    out: list[Line] = []
    for result in results:
        lines = _quoted_lines(result) if result.diagnostics else []
        for d in result.diagnostics:
            out.extend(_diagnostic_lines(d, lines))
    if summary:
        out.append(_summary_line(results))
    return out


def write_text(stream: TextIO, results: Sequence[CheckResult], *, summary: bool = True) -> None:
    """Plain text: what a pipe, a file or CI sees."""
    stream.write("".join("".join(text for text, _ in line) + "\n" for line in text_lines(results, summary=summary)))
    stream.flush()


def print_text(console: Console, results: Sequence[CheckResult], *, summary: bool = True) -> None:
    """Through rich: coloured on a terminal, plain otherwise."""
    from rich.text import Text

    for line in text_lines(results, summary=summary):
        text = Text()
        for part, style in line:
            text.append(part, style or None)
        console.print(text, soft_wrap=True, highlight=False)
