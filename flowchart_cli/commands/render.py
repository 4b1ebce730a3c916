"""`flowchart render`: check each file, then lay it out once and write each format."""

from __future__ import annotations

from pathlib import Path

from ..errors import FlowchartError
from ..writers import FORMATS, RenderOptions
from .common import checked_flows, fail, note, split_formats


def run_render(
    files: list[Path],
    formats: list[str],
    out_dir: Path | None,
    *,
    edges: str,
    theme: str,
    scale: float,
    numbers: bool = False,
    header: bool = False,
) -> int:
    from ..pipeline import render_flow

    chosen = split_formats(formats, FORMATS)
    options = RenderOptions(edges=edges, theme=theme, scale=scale, numbers=numbers, header=header)
    good, failed = checked_flows(files)
    for result in good:
        try:
            written = render_flow(result.flow, chosen, out_dir or result.path.parent, options)
        except FlowchartError as error:
            return fail(error)
        for path in written:
            note(f"wrote {path}")
    return 1 if failed else 0
