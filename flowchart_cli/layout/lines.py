"""Flow lines in coordinates: ports on the shapes' outlines and bends on their tracks."""

from __future__ import annotations

import math
from collections.abc import Sequence

from .frame import Frame
from .geometry import Rect
from .routing import Route
from .shapes import inset

__all__ = ["edge_points"]

_JOG_BEFORE = 20.0  # a straight line's step across to an offset end port, this far before the end

_REAL_SIDE = {
    False: {"b": "bottom", "t": "top", "r": "right", "l": "left"},
    True: {"b": "right", "t": "left", "r": "bottom", "l": "top"},
}


def _port(f: Frame, node: int, side: str, offset: float, box: Rect) -> tuple[float, float]:
    kind = f.p.flow.steps[node].kind or "process"
    depth = inset(kind, box, _REAL_SIDE[f.lr][side], offset)
    a, c = f.node_center(node)
    half_a, half_c = f.along[node] / 2, f.across[node] / 2
    if side == "b":
        return a + half_a - depth, c + offset
    if side == "t":
        return a - half_a + depth, c + offset
    if side == "r":
        return a + offset, c + half_c - depth
    return a + offset, c - half_c + depth


def _offset(f: Frame, node: int, side: str, unit: int) -> float:
    """Where port ``unit`` lies along ``side`` of ``node``, from its middle.

    Ports keep a clear step apart; on a side too short for them all, the
    outermost lines join at its last port rather than arrive a hair apart.
    """
    ends = side in ("t", "b")
    size = f.across[node] if ends else f.along[node]
    step = min(16.0, size / 3.5) if ends else 14.0
    ports = int(max(0.0, size / 2 - 6) // step)
    return max(-ports, min(ports, unit)) * step


def edge_points(f: Frame, route: Route, boxes: Sequence[Rect] | None = None) -> list[tuple[float, float]]:
    """The route's points (along, across); ``boxes``, when given, are ``f.node_rect`` of every node, worked out once."""
    s, t = route.source, route.target
    source_box, target_box = (boxes[s], boxes[t]) if boxes is not None else (f.node_rect(s), f.node_rect(t))
    start = _port(f, s, route.exit, _offset(f, s, route.exit, route.exit_unit), source_box)
    end = _port(f, t, route.entry, _offset(f, t, route.entry, route.entry_unit), target_box)
    points = [start]
    axis = 0 if route.exit in ("b", "t") else 1
    for (kind, gap), track in zip(route.refs, route.tracks, strict=True):
        value = end[axis] if kind == "pt" else f.track(kind, gap, track)
        last = points[-1]
        points.append((value, last[1]) if axis == 0 else (last[0], value))
        axis = 1 - axis
    if not route.refs and abs(start[0] - end[0]) > 0.01 and abs(start[1] - end[1]) > 0.01:
        points += _jog(start, end, axis)
    points.append(end)
    return _simplify(points)


def _jog(start: tuple[float, float], end: tuple[float, float], axis: int) -> list[tuple[float, float]]:
    """A straight line whose end port is offset from its start (another line shares that side, or merges
    there) steps across :data:`_JOG_BEFORE` before its end, never aslant (review 4: contracargo-banco's
    "No" ran at a slant into "Presentar el contracargo")."""
    low, high = start[axis], end[axis]
    at = high - math.copysign(min(_JOG_BEFORE, abs(high - low) / 2), high - low)
    return [(at, start[1]), (at, end[1])] if axis == 0 else [(start[0], at), (end[0], at)]


def _simplify(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    kept: list[tuple[float, float]] = []
    for point in points:
        if kept and abs(point[0] - kept[-1][0]) < 0.01 and abs(point[1] - kept[-1][1]) < 0.01:
            continue
        if len(kept) >= 2 and _collinear(kept[-2], kept[-1], point):
            kept[-1] = point
            continue
        kept.append(point)
    return kept


def _collinear(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> bool:
    return (abs(a[0] - b[0]) < 0.01 and abs(b[0] - c[0]) < 0.01) or (
        abs(a[1] - b[1]) < 0.01 and abs(b[1] - c[1]) < 0.01
    )
