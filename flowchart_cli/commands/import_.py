"""`flowchart import FILE`: a flowchart drawn elsewhere, written as `NAME.flow.yaml` beside it.

Reading and writing are kept apart: the whole flow text is made first, so a
file that cannot be read leaves nothing behind, and the output is written
atomically.  An existing output is replaced only with ``--force``.
"""

from __future__ import annotations

from pathlib import Path

from ..atomic import why_unwritable, write_atomic
from ..importing import SUFFIXES, ImportFailure, PageNotFound, import_drawing
from ..importing.safexml import MAX_DRAWING
from ..stdio import is_dash
from .common import note, usage_error, write_stdout

__all__ = ["default_output", "run_import"]

_READ_AT_MOST = 64 * MAX_DRAWING
"""A `.vsdx` is a zip that may hold pictures: read this much of it (its XML is capped on its own)."""


def default_output(source: Path) -> Path:
    """`quejas.drawio` → `quejas.flow.yaml` beside it."""
    name = source.name
    for suffix in (".drawio.xml", *SUFFIXES):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return source.with_name(name[: -len(suffix)] + ".flow.yaml")
    return source.with_name(name + ".flow.yaml")


def run_import(source: Path, output: Path | None, *, page: int, force: bool) -> int:
    """0 written, 1 the file is not a readable flowchart, 2 a usage problem (nothing written for 1 and 2)."""
    target = output if output is not None else default_output(source)
    if not is_dash(target):
        if target.is_dir():
            return usage_error(f"{target} is a folder; give the flow file to write (-o NAME.flow.yaml)")
        if not is_dash(source) and _same_file(source, target):  # --force or not: the drawing would be lost
            return usage_error(f"-o {target} is the drawing being imported; write the flow file to another name")
        if (target.exists() or target.is_symlink()) and not force:
            return usage_error(f"{target} already exists; use --force to replace it")
    try:
        with source.open("rb") as handle:
            data = handle.read(_READ_AT_MOST + 1)
    except OSError as exc:
        return usage_error(f"cannot read {source}: {exc.strerror or exc}")
    try:
        if len(data) > _READ_AT_MOST:
            raise ImportFailure("the file is far larger than any drawing this reads; not read")
        imported = import_drawing(source, data, page)
    except PageNotFound as exc:
        return usage_error(f"{source}: {exc}")
    except ImportFailure as exc:
        note(f"{source}: error: {exc}; nothing written")
        return 1
    for step, text in imported.notes:
        note(f"note: {source}:{step}: {text}" if step else f"note: {source}: {text}")
    _say_what_check_finds(source, target, imported.text)
    if is_dash(target):
        write_stdout(imported.text)
        return 0
    try:
        write_atomic(target, imported.text)
    except OSError as exc:
        return usage_error(f"cannot write {target}: {why_unwritable(exc, target.parent)}")
    note(f"wrote {target}")
    return 0


def _same_file(source: Path, target: Path) -> bool:
    try:
        return source.resolve() == target.resolve() or (target.exists() and source.samefile(target))
    except OSError:
        return False


def _say_what_check_finds(source: Path, target: Path, text: str) -> None:
    """A drawing that is not one connected flowchart imports with errors: say so before anyone renders it."""
    from ..check import check_text

    checked = check_text(text, None if is_dash(target) else target, str(target))
    errors = sorted({d.code for d in checked.diagnostics if d.severity == "error"})
    if errors:
        shown = "the flow" if is_dash(target) else str(target)
        note(f"note: {source}: `flowchart check` finds errors in {shown} ({', '.join(errors)}): fix them there")
