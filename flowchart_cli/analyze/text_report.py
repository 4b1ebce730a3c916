"""`analyze --format text` (the default): aligned tables a manager reads in a terminal.

Plain text, the same on a terminal and in a pipe, so it can be pasted into a
ticket or compared in a test.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..oneline import shorten
from .files import FileAnalysis
from .sim_report import simulation_heading, simulation_lane_rows, simulation_lines
from .tables import NUMERIC, fact_lines, lane_table, loop_lines, path_table

__all__ = ["format_text", "table_lines"]


def table_lines(headers: Sequence[str], rows: Sequence[Sequence[str]], *, numeric: int = 1) -> list[str]:
    """Columns padded to their widest cell; the first ``numeric`` columns right-aligned."""
    widths = [max(len(str(c)) for c in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        padded = [c.rjust(w) if i < numeric else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return "  " + "  ".join(padded).rstrip()

    return [line(headers), *(line(r) for r in rows)]


def _file_lines(item: FileAnalysis) -> list[str]:
    flow = item.result.flow
    if item.analysis is None or flow is None:
        return [f"{item.shown_path}: not analyzed (fix the errors reported by `flowchart check`)"]
    paths, loops = item.analysis.paths, item.analysis.loops
    more = "+" if item.analysis.truncated else ""
    out = [
        f"{shorten(flow.title, 200)} — {item.shown_path}",
        f"{len(paths)}{more} path{'s' if len(paths) != 1 or more else ''} · "
        f"{len(loops)} loop{'s' if len(loops) != 1 else ''}",
        "",
    ]
    if paths:
        out += table_lines(*path_table(item), numeric=NUMERIC)
        out.append("")
    if loops:
        out.append("loops:")
        out += [f"  {n}. {line}" for n, line in enumerate(loop_lines(loops, flow), start=1)]
        out.append("")
    out += fact_lines(item)
    if paths and flow.lanes:
        out += ["", "time per responsible party:"]
        out += table_lines(*lane_table(item))
    if item.simulation is not None:
        out += ["", f"{simulation_heading(item.simulation)}:"]
        out += [f"  {line}" for line in simulation_lines(item.simulation, flow)]
        if item.simulation.lanes and item.simulation.mean is not None:
            out += ["", "mean time per case by responsible party:"]
            out += table_lines(*simulation_lane_rows(item.simulation, flow), numeric=0)
    return out


def format_text(items: Sequence[FileAnalysis]) -> str:
    blocks = ["\n".join(_file_lines(item)) for item in items]
    return "\n\n".join(blocks)
