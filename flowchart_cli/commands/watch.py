"""`flowchart watch FILE|DIR`: re-check and re-render on every save until Ctrl-C."""

from __future__ import annotations

from pathlib import Path

from ..build.formats import BUILD_FORMATS
from ..build.watcher import Watcher
from .common import console, split_formats


def run_watch(path: Path, out_dir: Path | None, formats: list[str] | None) -> int:
    chosen = tuple(split_formats(formats or ["svg"], BUILD_FORMATS)) or ("svg",)
    return Watcher(path, out_dir, chosen, console()).run()
