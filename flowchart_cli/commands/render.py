"""`flowchart render`: check each file, then lay it out once and write each format."""

from __future__ import annotations

from pathlib import Path

from ..errors import FlowchartError
from ..writers import FORMATS, RenderOptions
from .common import checked_flows, fail, note, prepare_out_dir, split_formats, unusable_output


def run_render(
    files: list[Path],
    formats: list[str],
    out_dir: Path | None,
    *,
    edges: str,
    theme: str,
    scale: float,
    layout_timeout: float = 60.0,
) -> int:
    from ..pipeline import render_flow

    chosen = split_formats(formats, FORMATS)
    options = RenderOptions(edges=edges, theme=theme, scale=scale, layout_timeout=layout_timeout)
    problem = prepare_out_dir(out_dir) if out_dir is not None else None
    if problem is not None:
        return fail(problem)
    good, failed = checked_flows(files)
    for result in good:
        folder = out_dir or result.path.parent
        try:
            written = render_flow(result.flow, chosen, folder, options)
        except FlowchartError as error:
            return fail(error)
        except OSError as error:
            return fail(unusable_output(error, folder))
        for path in written:
            note(f"wrote {path}")
    return 1 if failed else 0
