"""What several commands share: the consoles, and checking inputs before writing."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.console import Console

from ..check import CheckResult, check_file
from ..errors import FlowchartError

__all__ = ["checked_flows", "err_console", "fail", "out_console"]

out_console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def checked_flows(files: Iterable[Path]) -> tuple[list[CheckResult], bool]:
    """Check each file, print the problems of those with errors to stderr.

    Returns the results that may be written and whether any file failed.
    """
    from ..report.text import print_text

    good, failed = [], False
    for path in files:
        result = check_file(path)
        if result.ok:
            good.append(result)
        else:
            failed = True
            print_text(err_console, [result], summary=False)
            err_console.print(f"{path}: not written (fix the errors above)")
    return good, failed


def fail(error: FlowchartError) -> int:
    """Print an environment error as one line; return its exit code."""
    err_console.print(f"[red]error:[/red] {error}", markup=True)
    return error.exit_code


def split_formats(values: list[str], allowed) -> list[str]:
    """`-f svg,png -f pdf` → ['svg', 'png', 'pdf'] (order kept, duplicates dropped)."""
    import typer

    formats: list[str] = []
    for value in values:
        for fmt in (v.strip().lower() for v in value.split(",")):
            if not fmt:
                continue
            if fmt not in allowed:
                raise typer.BadParameter(f"unknown format '{fmt}'; choose from {', '.join(allowed)}",
                                         param_hint="'--format'")
            if fmt not in formats:
                formats.append(fmt)
    return formats
