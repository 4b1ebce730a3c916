"""`analyze --format markdown`: the same report as the text format, as a page for a docs site."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..oneline import shorten
from .files import FileAnalysis
from .sim_report import simulation_heading, simulation_lane_rows, simulation_lines
from .tables import NUMERIC, fact_lines, lane_table, loop_lines, path_table

__all__ = ["escape", "format_markdown"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#!~])")


def escape(text: str) -> str:
    """Flow text shown as written: no Markdown or HTML meaning, no broken table cell."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: int) -> list[str]:
    align = ["--:" if i < numeric else "---" for i in range(len(headers))]
    return [
        "| " + " | ".join(escape(h) for h in headers) + " |",
        "|" + "|".join(align) + "|",
        *("| " + " | ".join(escape(c) for c in row) + " |" for row in rows),
    ]


def _file_lines(item: FileAnalysis) -> list[str]:
    flow = item.result.flow
    if item.analysis is None or flow is None:
        return [f"## {escape(item.shown_path)}", "", "Not analyzed: the file has errors (see `flowchart check`)."]
    analysis = item.analysis
    more = "+" if analysis.truncated else ""
    out = [
        f"## {escape(shorten(flow.title, 200))}",
        "",
        f"`{item.shown_path.replace('`', '')}` · {len(analysis.paths)}{more} paths · {len(analysis.loops)} loops",
        "",
    ]
    if analysis.paths:
        out += [*_table(*path_table(item), NUMERIC), ""]
    if analysis.loops:
        out += ["**Loops**", ""]
        out += [f"{n}. {escape(line)}" for n, line in enumerate(loop_lines(analysis.loops, flow), start=1)]
        out.append("")
    out += [f"- {escape(line)}" for line in fact_lines(item)]
    if analysis.paths and flow.lanes:
        out += ["", "**Time per responsible party**", "", *_table(*lane_table(item), 1)]
    simulation = item.simulation
    if simulation is not None:
        heading = simulation_heading(simulation)
        out += ["", f"**{heading[0].upper()}{heading[1:]}**", ""]
        out += [f"- {escape(line)}" for line in simulation_lines(simulation, flow)]
        if simulation.lanes and simulation.mean is not None:
            out += ["", *_table(*simulation_lane_rows(simulation, flow), 0)]
    return out


def format_markdown(items: Sequence[FileAnalysis]) -> str:
    return "\n\n".join("\n".join(_file_lines(item)) for item in items)
