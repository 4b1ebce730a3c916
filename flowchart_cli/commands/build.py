"""`flowchart build`: options → :class:`~flowchart_cli.batch.engine.BuildConfig`, then the engine."""

from __future__ import annotations

import os
from pathlib import Path

from ..batch.engine import BuildConfig, build
from ..batch.formats import BUILD_FORMATS, DEFAULT_FORMATS
from ..batch.shard import Shard, parse_shard
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
    paper: str = "a4",
    layout_timeout: float = 60.0,
    scale: float = 1.0,
    quiet: bool = False,
    shard: str | None = None,
    force: bool = False,
) -> int:
    """Run the build; ``quiet`` hides progress and the summary (errors and `--check`'s list still show)."""
    chosen = tuple(split_formats(formats, BUILD_FORMATS)) if formats else DEFAULT_FORMATS
    share = _shard(shard, index)
    config = BuildConfig(
        source_dir=directory,
        out_dir=out_dir,
        formats=chosen or DEFAULT_FORMATS,
        jobs=jobs or os.cpu_count() or 1,
        exclude=tuple(exclude),
        check_only=check_only,
        clean=clean,
        index=index,
        force=force,
        edges=edges,
        theme=theme,
        paper=paper,
        scale=scale,
        layout_timeout=layout_timeout,
        shard=share,
    )
    problem = None if check_only else prepare_out_dir(out_dir)
    if problem is not None:
        return fail(problem)
    out = out_console if check_only or not quiet else _silent_console()
    return build(config, out=out, err=err_console)


def _shard(text: str | None, index: bool) -> Shard | None:
    """`--shard I/N` checked: a usage error names what is wrong (exit 2)."""
    if text is None:
        return None
    import typer

    try:
        share = parse_shard(text)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="'--shard'") from None
    if index:
        raise typer.BadParameter(
            "--index lists the whole tree: write it in a job without --shard", param_hint="'--index'"
        )
    return share


def _silent_console():
    from rich.console import Console

    return Console(quiet=True)
