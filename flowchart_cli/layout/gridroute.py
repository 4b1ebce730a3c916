"""The routing grid and a planned route: what routing, detours and tracks all share.

Rows (ranks) and columns (lane slots) sit at odd grid units, the channels
between them at even ones, so a route is a polyline of small integers
before any size is known.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .lengths import PixelScale

__all__ = ["Route", "RouteGrid", "down_refs", "logical", "shape_points", "side_gap"]


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
    labelled: bool = False
    """Whether the line carries an outcome label on its first stub (it leaves a decision)."""


@dataclass(slots=True)
class RouteGrid:
    rank: Sequence[int]
    column: Sequence[int]
    occupied: set[tuple[int, int]]
    borders: frozenset[int] = frozenset()
    columns: int = 0
    scale: PixelScale | None = None
    """Pixels per grid unit, to tell a short way from a long one (without it every line may go round)."""
    closed: frozenset[tuple[int, str]] = frozenset()
    """(node, side) pairs no line may enter: in LR an off-page connector's side ``r`` is its pointed tip."""
    tip_only: frozenset[int] = frozenset()
    """Nodes whose lines leave by their bottom only: in TB an off-page connector's point."""

    def clear(self, column: int, first: int, last: int) -> bool:
        return all((r, column) not in self.occupied for r in range(first, last + 1))


def side_gap(column: int, side: str) -> int:
    return column + 1 if side == "r" else column


def logical(route: Route, grid: RouteGrid) -> list[tuple[float, float]]:
    """The route's points in grid units: rows/columns at odd numbers, gaps at even ones."""
    return shape_points(route.source, route.target, route.exit, route.refs, grid)


def shape_points(
    source: int, target: int, leaves: str, refs: Sequence[tuple[str, int]], grid: RouteGrid
) -> list[tuple[float, float]]:
    """A line from ``source`` to ``target`` leaving by ``leaves`` through ``refs``: see :func:`logical`."""
    rank, column = grid.rank, grid.column
    end = (2 * rank[target] + 1, 2 * column[target] + 1)
    row, col = 2 * rank[source] + 1, 2 * column[source] + 1
    points = [(row, col)]
    along = leaves in ("b", "t")  # the next ref fixes the row (along the ranks) or the column
    for kind, value in refs:
        if along:
            row = end[0] if kind == "pt" else 2 * value
        else:
            col = end[1] if kind == "pt" else 2 * value
        points.append((row, col))
        along = not along
    points.append(end)
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
