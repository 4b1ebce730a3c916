"""The routing grid and a planned route: what routing, detours and tracks all share.

Rows (ranks) and columns (lane slots) sit at odd grid units, the channels
between them at even ones, so a route is a polyline of small integers
before any size is known.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Route", "RouteGrid", "down_refs", "logical", "side_gap"]


@dataclass(slots=True)
class Route:
    source: int
    target: int
    back: bool
    exit: str = "b"
    exit_unit: int = 0
    entry: str = "t"
    entry_unit: int = 0
    refs: list[tuple[str, int]] = field(default_factory=list)
    tracks: list[int] = field(default_factory=list)
    shared_exit: bool = False
    merge: bool = False


@dataclass(slots=True)
class RouteGrid:
    rank: Sequence[int]
    column: Sequence[int]
    occupied: set[tuple[int, int]]
    borders: frozenset[int] = frozenset()
    columns: int = 0

    def clear(self, column: int, first: int, last: int) -> bool:
        return all((r, column) not in self.occupied for r in range(first, last + 1))


def side_gap(column: int, side: str) -> int:
    return column + 1 if side == "r" else column


def logical(route: Route, grid: RouteGrid) -> list[tuple[float, float]]:
    """The route's points in grid units: rows/columns at odd numbers, gaps at even ones."""
    s, t = route.source, route.target
    target = (2 * grid.rank[t] + 1, 2 * grid.column[t] + 1)
    point = (2 * grid.rank[s] + 1, 2 * grid.column[s] + 1)
    points = [point]
    axis = 0 if route.exit in ("b", "t") else 1
    for kind, value in route.refs:
        coordinate = target[axis] if kind == "pt" else 2 * value
        point = (coordinate, point[1]) if axis == 0 else (point[0], coordinate)
        points.append(point)
        axis = 1 - axis
    points.append(target)
    return points


def down_refs(grid: RouteGrid, rs: int, rt: int, cs: int, ct: int) -> list[tuple[str, int]]:
    """A forward line out of the bottom: straight, or one turn above or below, or round a blocked column."""
    if cs == ct and grid.clear(cs, rs + 1, rt - 1):
        return []
    if grid.clear(ct, rs + 1, rt - 1):
        return [("h", rs + 1), ("pt", 0)]
    if grid.clear(cs, rs + 1, rt - 1):
        return [("h", rt), ("pt", 0)]
    gap = ct if cs <= ct else ct + 1
    return [("h", rs + 1), ("g", gap), ("h", rt), ("pt", 0)]
