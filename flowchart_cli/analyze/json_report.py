"""`analyze --format json`: exactly the object of spec §5 (the facts are in the text and Markdown reports).

Printed with one path, loop or diagnostic per line: a 1,000-path report stays
readable in a diff and is written by the C encoder (``indent`` would fall back
to the slow pure-Python one).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from ..report.json_format import diagnostic_json
from .files import FileAnalysis
from .records import FlowPath, Loop
from .simulate import Simulation

__all__ = ["format_json", "minutes", "simulation_json"]


def minutes(value: Fraction) -> int | float:
    """Whole minutes as an int, others rounded to hundredths (5 s → 0.08)."""
    return int(value) if value.denominator == 1 else round(float(value), 2)


class _Encoded(str):
    """JSON text already encoded: a path is encoded as soon as it is built, so 1,000 long paths
    never sit in memory as dictionaries."""


def _one_line(value: Any) -> _Encoded:
    return _Encoded(json.dumps(value, ensure_ascii=False))


def _path(path: FlowPath) -> dict[str, Any]:
    return {
        "steps": list(path.steps),
        "outcomes": [{"step": o.step, "outcome": o.outcome} for o in path.outcomes],
        "lanes": list(path.lanes),
        "handoffs": path.handoffs,
        "duration": {
            "min": minutes(path.duration.min),
            "max": minutes(path.duration.max),
            "unknown": list(path.unknown),
            "unread": list(path.unread),
        },
    }


def _loop(loop: Loop) -> dict[str, Any]:
    return {"steps": list(loop.steps), "via": {"step": loop.via_step, "outcome": loop.via_outcome}}


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def simulation_json(s: Simulation) -> dict[str, Any]:
    """The spec's ``simulation`` object: minutes to a tenth, handoffs to a hundredth, end shares to 1/10,000."""
    return {
        "cases": s.cases,
        "seed": s.seed,
        "cut": s.cut,
        "duration": {"mean": _rounded(s.mean, 1), "p50": _rounded(s.p50, 1), "p90": _rounded(s.p90, 1)},
        "handoffs": {"mean": _rounded(s.handoffs, 2)},
        "ends": {key: round(share, 4) for key, share in s.ends},
        "lanes": {name: round(minutes, 1) for name, minutes in s.lanes},
    }


def _file(item: FileAnalysis) -> dict[str, Any]:
    analysis = item.analysis
    paths = analysis.paths if analysis else ()
    out = {
        "path": item.shown_path,
        "diagnostics": [diagnostic_json(d) for d in item.result.diagnostics],
        "paths": [_one_line(_path(p)) for p in paths],
        "loops": [_loop(loop) for loop in analysis.loops] if analysis else [],
        "truncated": analysis.truncated if analysis else False,
    }
    if item.simulated:
        out["simulation"] = _one_line(simulation_json(item.simulation)) if item.simulation else None
    return out


def _dump(value: Any, level: int = 0, key: str = "") -> str:
    """Objects spread over lines; a list of objects one item per line (``files`` spread out too)."""
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, _Encoded):
        return value
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(k)}: {_dump(v, level + 1, k)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list) and value and any(isinstance(v, dict | list | _Encoded) for v in value):
        if key == "files":
            items = [inner + _dump(v, level + 1) for v in value]
        else:
            items = [inner + (v if isinstance(v, _Encoded) else _one_line(v)) for v in value]
        return "[\n" + ",\n".join(items) + f"\n{pad}]"
    return json.dumps(value, ensure_ascii=False)


def format_json(items: Sequence[FileAnalysis]) -> str:
    summary = {
        "files": len(items),
        "paths": sum(len(i.analysis.paths) for i in items if i.analysis),
        "over_limits": sum(i.over_limits for i in items),
    }
    return _dump({"files": [_file(i) for i in items], "summary": summary})
