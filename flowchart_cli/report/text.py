"""`check --format text`: compiler-style lines with the source line and a caret."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from ..check import CheckResult
from ..diagnostics import Diagnostic
from . import summary_counts

_STYLE = {"error": "bold red", "warning": "bold yellow"}
_STOP = set(" \t,:#]}")


def _source_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return []


def _caret(line: str, column: int) -> str:
    """A caret under the token starting at ``column``."""
    start = column - 1
    if start >= len(line):
        return " " * start + "^"
    end = start + 1
    if line[start] in "\"'":
        closing = line.find(line[start], start + 1)
        end = closing + 1 if closing > 0 else len(line)
    elif "[" in line[:start] or "{" in line[:start]:  # inside a flow collection
        while end < len(line) and line[end] not in _STOP:
            end += 1
    else:  # a plain scalar runs to the end of the line or to a comment
        comment = line.find(" #", start)
        end = len(line[: comment if comment >= 0 else len(line)].rstrip())
        if line.rstrip().endswith(":") and end == len(line.rstrip()):  # a key
            end -= 1
    return " " * start + "^" * max(1, min(end - start, 60))


def print_diagnostic(console: Console, d: Diagnostic, lines: list[str]) -> None:
    style = _STYLE[d.severity.value]
    where = f" [dim]\\[step {escape(d.step)}][/dim]" if d.step else ""
    console.print(f"[bold]{escape(d.path)}:{d.line}:{d.column}:[/bold] [{style}]{d.severity.value} {d.code}:"
                  f"[/{style}] {escape(d.message)}{where}")
    if 0 < d.line <= len(lines):
        source = lines[d.line - 1].replace("\t", " ")
        if len(source) > 200:
            return
        gutter = f"{d.line:>5} | "
        console.print(f"[dim]{gutter}[/dim]{escape(source)}")
        console.print(f"[dim]{' ' * (len(gutter) - 2)}| [/dim][{style}]{_caret(source, d.column)}[/{style}]")


def print_text(console: Console, results: Sequence[CheckResult], *, summary: bool = True) -> None:
    for result in results:
        lines = _source_lines(result.path) if result.diagnostics else []
        for d in result.diagnostics:
            print_diagnostic(console, d, lines)
    if summary:
        counts = summary_counts(results)
        files = f"{counts['files']} file{'s' if counts['files'] != 1 else ''} checked"
        if not counts["errors"] and not counts["warnings"]:
            console.print(f"[green]{files}: no problems[/green]")
        else:
            errors = f"{counts['errors']} error{'s' if counts['errors'] != 1 else ''}"
            warnings = f"{counts['warnings']} warning{'s' if counts['warnings'] != 1 else ''}"
            colour = "red" if counts["errors"] else "yellow"
            console.print(f"[{colour}]{files}: {errors}, {warnings}[/{colour}]")
