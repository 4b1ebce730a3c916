"""`flowchart watch FILE|DIR`: re-check and re-render on every save until Ctrl-C."""

from __future__ import annotations

from pathlib import Path

from ..batch.formats import BUILD_FORMATS
from .common import console, fail, prepare_out_dir, split_formats
from .watcher import Watcher


def run_watch(path: Path, out_dir: Path | None, formats: list[str] | None) -> int:
    chosen = tuple(split_formats(formats or ["svg"], BUILD_FORMATS)) or ("svg",)
    problem = prepare_out_dir(out_dir) if out_dir is not None else None
    if problem is not None:
        return fail(problem)
    return Watcher(path, out_dir, chosen, console()).run()
