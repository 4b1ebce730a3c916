"""`flowchart build`: options → :class:`~flowchart_cli.batch.engine.BuildConfig`, then the engine."""

from __future__ import annotations

import os
from pathlib import Path

from ..batch.engine import BuildConfig, build
from ..batch.formats import BUILD_FORMATS, DEFAULT_FORMATS
from .common import err_console, fail, out_console, prepare_out_dir, split_formats


def run_build(
    directory: Path,
    out_dir: Path,
    formats: list[str] | None,
    *,
    check_only: bool,
    clean: bool,
    jobs: int | None,
    exclude: list[str],
    index: bool,
    edges: str,
    theme: str,
    layout_timeout: float = 60.0,
) -> int:
    chosen = tuple(split_formats(formats, BUILD_FORMATS)) if formats else DEFAULT_FORMATS
    config = BuildConfig(
        source_dir=directory,
        out_dir=out_dir,
        formats=chosen or DEFAULT_FORMATS,
        jobs=jobs or os.cpu_count() or 1,
        exclude=tuple(exclude),
        check_only=check_only,
        clean=clean,
        index=index,
        edges=edges,
        theme=theme,
        layout_timeout=layout_timeout,
    )
    problem = None if check_only else prepare_out_dir(out_dir)
    if problem is not None:
        return fail(problem)
    return build(config, out=out_console, err=err_console)
