"""The façade that wires the stages: layout once, then every requested writer."""

from __future__ import annotations

from pathlib import Path

from .atomic import write_atomic
from .model import Flow
from .writers import RenderOptions, suffix_of, writer

__all__ = ["render_flow", "output_path"]


def output_path(flow: Flow, out_dir: Path, suffix: str) -> Path:
    return out_dir / f"{flow.stem}{suffix}"


def render_flow(flow: Flow, formats: list[str], out_dir: Path, options: RenderOptions) -> list[Path]:
    """Lay ``flow`` out once and write one file per format; returns the paths written.

    Every output is produced in memory first, so a failing writer leaves no
    file of this flow changed; each file then appears atomically.
    """
    from .layout import layout_flow

    diagram = layout_flow(flow, edges=options.edges)
    payloads = [(output_path(flow, out_dir, suffix_of(fmt)), writer(fmt)(diagram, options)) for fmt in formats]
    for path, data in payloads:
        write_atomic(path, data)
    return [path for path, _ in payloads]
