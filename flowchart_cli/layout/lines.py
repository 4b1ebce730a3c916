"""Flow lines in coordinates: ports on the shapes' outlines, bends on their tracks, label places."""

from __future__ import annotations

from .frame import Frame
from .geometry import Point, Rect
from .routing import Route
from .shapes import inset

__all__ = ["edge_points", "label_place"]

_REAL_SIDE = {
    False: {"b": "bottom", "t": "top", "r": "right", "l": "left"},
    True: {"b": "right", "t": "left", "r": "bottom", "l": "top"},
}


def _port(f: Frame, node: int, side: str, offset: float) -> tuple[float, float]:
    kind = f.p.flow.steps[node].kind or "process"
    depth = inset(kind, f.node_rect(node), _REAL_SIDE[f.lr][side], offset)
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
    if side in ("t", "b"):
        return unit * min(14.0, f.across[node] / 5)
    return max(-f.along[node] / 2 + 6, min(f.along[node] / 2 - 6, unit * 12.0))


def edge_points(f: Frame, route: Route) -> list[tuple[float, float]]:
    start = _port(f, route.source, route.exit, _offset(f, route.source, route.exit, route.exit_unit))
    end = _port(f, route.target, route.entry, _offset(f, route.target, route.entry, route.entry_unit))
    points = [start]
    axis = 0 if route.exit in ("b", "t") else 1
    for (kind, gap), track in zip(route.refs, route.tracks, strict=True):
        value = end[axis] if kind == "pt" else f.track(kind, gap, track)
        last = points[-1]
        points.append((value, last[1]) if axis == 0 else (last[0], value))
        axis = 1 - axis
    points.append(end)
    return _simplify(points)


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


def label_place(points: list[Point], segment: int, source: Rect, lr: bool, unit: int) -> tuple[Point, str]:
    """Beside the line's ``segment``, just clear of the source shape's box.

    Beside a vertical line the label goes right in TB (into the gap below the
    rank) and left in LR (into the room kept before the next rank); above a
    horizontal one.  Lines that share a corner (``unit`` > 0 lies further
    along) put their labels on opposite sides so they never stack.
    """
    segment = min(segment, len(points) - 2)
    start, end = points[segment], points[segment + 1]
    if segment:
        source = Rect(start.x, start.y, 0, 0)
    if abs(start.x - end.x) < 0.01:
        down = end.y >= start.y
        y = max(start.y, source.bottom) + 15 if down else min(start.y, source.y) - 7
        left = unit < 0 or (lr and unit == 0)
        return (Point(start.x - 6, y), "end") if left else (Point(start.x + 6, y), "start")
    right = end.x >= start.x
    x = max(start.x, source.right) + 7 if right else min(start.x, source.x) - 7
    return Point(x, start.y + 15 if unit > 0 else start.y - 6), "start" if right else "end"
