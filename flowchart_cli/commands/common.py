"""What several commands share: the consoles, and checking inputs before writing.

The rich consoles are made on first use (``from .common import out_console``
works as before): `flowchart check` piped into a file never imports rich.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..check import CheckResult, check_file

if TYPE_CHECKING:
    from rich.console import Console

    from ..errors import FlowchartError

__all__ = [
    "checked_flows",
    "colour_wanted",
    "console",
    "fail",
    "note",
    "split_formats",
    "usage_error",
    "write_stdout",
]  # and out_console, err_console


@cache
def console(*, stderr: bool = False) -> Console:
    """The one rich console for stdout (or stderr)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def __getattr__(name: str):
    if name == "out_console":
        return console()
    if name == "err_console":
        return console(stderr=True)
    raise AttributeError(name)


def colour_wanted(stream=None) -> bool:
    """Whether rich should style ``stream``: a terminal, or FORCE_COLOR set (NO_COLOR wins)."""
    import os

    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def checked_flows(files: Iterable[Path]) -> tuple[list[CheckResult], bool]:
    """Check each file, print the problems of those with errors to stderr.

    Returns the results that may be written and whether any file failed.
    ``-`` among ``files`` is standard input (named ``stdin``).
    """
    from ..report.text import print_text

    good, failed = [], False
    for path in files:
        result = check_file(path)
        if result.ok:
            good.append(result)
        else:
            failed = True
            print_text(console(stderr=True), [result], summary=False)
            console(stderr=True).print(f"{_shown(path)}: not written (fix the errors above)", markup=False)
    return good, failed


def _shown(path: Path) -> str:
    from ..stdio import STDIN_NAME, is_dash

    return STDIN_NAME if is_dash(path) else str(path)


def write_stdout(data: bytes | str) -> None:
    """One output on standard output (``-o -``): text as UTF-8, bytes as they are."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    sys.stdout.flush()
    sys.stdout.buffer.write(payload)
    sys.stdout.buffer.flush()


def usage_error(message: str) -> int:
    """Print a usage problem as one line; return exit code 2."""
    print(f"error: {message}", file=sys.stderr)
    return 2


def note(message: str) -> None:
    """A plain progress line on stderr ("wrote …"): nothing to style, so rich is not imported."""
    print(message, file=sys.stderr)


def fail(error: FlowchartError) -> int:
    """Print an environment error as one line; return its exit code."""
    from rich.markup import escape

    console(stderr=True).print(f"[red]error:[/red] {escape(str(error))}")
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
                raise typer.BadParameter(
                    f"unknown format '{fmt}'; choose from {', '.join(allowed)}", param_hint="'--format'"
                )
            if fmt not in formats:
                formats.append(fmt)
    return formats
