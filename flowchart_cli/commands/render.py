"""`flowchart render`: check each file, then lay it out once and write each format (or one to stdout)."""

from __future__ import annotations

from pathlib import Path

from ..errors import FlowchartError
from ..stdio import is_dash
from ..writers import FORMATS, RenderOptions, suffix_of
from .common import (
    checked_flows,
    fail,
    note,
    once_each,
    output_clash,
    prepare_out_dir,
    split_formats,
    unusable_output,
    usage_error,
    write_stdout,
)


def run_render(
    files: list[Path],
    formats: list[str],
    out_dir: Path | None,
    *,
    edges: str,
    theme: str,
    scale: float,
    layout_timeout: float = 60.0,
    quiet: bool = False,
    mermaid: str = "11",
    check_staged: bool = False,
    numbers: bool = False,
    header: bool = False,
    shares: bool = False,
    paper: str | None = None,
    paper_typed: bool = False,
) -> int:
    """Write every format of every file without errors; ``-o -`` writes the one format to stdout.

    ``paper_typed``: `--paper` was given on the command line (not by a configuration file, which
    sets it for the handout too), so a run without PDF says it has no effect.
    """
    from ..pipeline import render_flow, render_payloads

    chosen = split_formats(formats, FORMATS)
    if paper_typed and "pdf" not in chosen:
        verb = "ignores" if len(chosen) == 1 else "ignore"
        note(f"note: --paper {paper} is for PDF only (-f pdf); {', '.join(chosen)} {verb} it")
    files = once_each(files)
    to_stdout = is_dash(out_dir)
    if to_stdout and (len(chosen) != 1 or len(files) != 1):
        return usage_error("`-o -` writes one diagram to standard output: give one file and one --format")
    options = RenderOptions(
        edges=edges,
        theme=theme,
        scale=scale,
        mermaid=mermaid,
        layout_timeout=layout_timeout,
        numbers=numbers,
        header=header,
        shares=shares,
        paper=paper or "a4",
        paged=paper is not None,
    )
    clash = None if to_stdout else output_clash(files, out_dir, suffix_of(chosen[0]) if chosen else "")
    if clash is not None:
        return clash
    problem = prepare_out_dir(out_dir) if out_dir is not None and not to_stdout else None
    if problem is not None:
        return fail(problem)
    good, failed = checked_flows(files)
    written: list[Path] = []
    for result in good:
        folder = out_dir or result.path.parent
        try:
            if to_stdout:
                payload = render_payloads(result.flow, chosen, options)[chosen[0]]
            else:
                paths = render_flow(result.flow, chosen, folder, options)
        except FlowchartError as error:
            return fail(error)
        except OSError as error:
            return fail(unusable_output(error, folder))
        if to_stdout:
            write_stdout(payload)  # a closed or full stdout ends the command in one line (streams.py)
            continue
        written += paths
        if not quiet:
            for path in paths:
                note(f"wrote {path}")
    if check_staged and written:
        return max(_staged_problems(written), 1 if failed else 0)
    return 1 if failed else 0


def _staged_problems(written: list[Path]) -> int:
    """1 when git does not have an output staged as written (a new diagram would miss the commit)."""
    from ..git_staged import unstaged

    try:
        missing = unstaged(written)
    except FlowchartError as error:
        return fail(error)
    for path in missing:
        note(f"{path}: written but not staged; run `git add {path}` and commit again")
    return 1 if missing else 0
