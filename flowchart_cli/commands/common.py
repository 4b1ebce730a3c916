"""What several commands share: the consoles, and checking inputs before writing.

The rich consoles are made on first use (``from .common import out_console``
works as before): `flowchart check` piped into a file never imports rich.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..check import CheckResult, check_file
from ..printable import for_rich, visible
from ..stdio import STDIN_NAME, is_dash

if TYPE_CHECKING:
    from rich.console import Console

    from ..errors import FlowchartError

__all__ = [
    "checked_flows",
    "colour_wanted",
    "console",
    "fail",
    "note",
    "once_each",
    "output_clash",
    "prepare_out_dir",
    "split_formats",
    "unusable_output",
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
            note(f"{_shown(path)}: not written (fix the errors above)")
    return good, failed


def _shown(path: Path) -> str:

    return STDIN_NAME if is_dash(path) else str(path)


def once_each(files: Iterable[Path]) -> list[Path]:
    """``files`` in order, a file named twice (``x.flow.yaml ./x.flow.yaml``) kept once: rendering it
    again would only write the same outputs again."""
    seen: set[str] = set()
    kept = []
    for path in files:
        identity = str(path) if is_dash(path) else os.path.realpath(path)
        if identity not in seen or is_dash(path):
            seen.add(identity)
            kept.append(path)
    return kept


def output_clash(files: Iterable[Path], out_dir: Path | None, suffix: str) -> int | None:
    """Exit 2 (said on stderr) when two different inputs would write the same output, before anything is written.

    Outputs are named after the input file alone (`x.flow.yaml` and `x.yaml`
    are both `x`), so `render a/x.flow.yaml b/x.flow.yaml -o out` would keep
    only the second diagram: spec §3 makes that a usage error.
    """
    from ..model import output_stem

    seen: dict[tuple[str, str], tuple[Path, str]] = {}
    for path in files:
        dash = is_dash(path)
        folder = out_dir if out_dir is not None else (Path(".") if dash else path.parent)
        name = STDIN_NAME if dash else output_stem(path)
        slot = (os.path.abspath(folder), name)
        identity = "-" if dash else os.path.realpath(path)
        first = seen.setdefault(slot, (path, identity))
        if first[1] != identity:
            target = folder / f"{name}{suffix}"
            return usage_error(
                f"{_shown(first[0])} and {_shown(path)} would both write {target}; "
                "rename one of them or give them separate output folders (-o)"
            )
    return None


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

    print(visible(message), file=sys.stderr)


def fail(error: FlowchartError) -> int:
    """Print an environment error as one line; return its exit code."""

    console(stderr=True).print(f"[red]error:[/red] {for_rich(str(error))}")
    return error.exit_code


def unusable_output(
    error: OSError, folder: Path, advice: str = "choose another output folder (--out-dir)"
) -> FlowchartError:
    """One line saying why nothing can be written into ``folder`` (exit 2), from the error the OS gave."""
    from ..atomic import why_unwritable
    from ..errors import FlowchartError

    reason = why_unwritable(error, folder)
    return FlowchartError(f"cannot write into {folder}: {reason}; {advice}")


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def prepare_out_dir(folder: Path, advice: str = "choose another output folder (--out-dir)") -> FlowchartError | None:
    """Why ``folder`` cannot take outputs, or ``None`` when it can.

    Nothing is created here (the writers create the folder when they write),
    so a run that fails later leaves no empty folder behind.
    """

    existing = folder
    while not (existing.exists() or existing.is_symlink()) and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        return unusable_output(NotADirectoryError(errno.ENOTDIR, "Not a directory", str(folder)), folder, advice)
    if not _writable(existing):
        return unusable_output(PermissionError(errno.EACCES, "Permission denied", str(existing)), folder, advice)
    return None


def split_formats(values: list[str], allowed) -> list[str]:
    """`-f svg,png -f pdf` → ['svg', 'png', 'pdf'] (order kept, duplicates dropped)."""

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
