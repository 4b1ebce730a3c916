"""Loops and blocked branches choose the way round that crosses the fewest other lines.

A line that cannot run straight down (a loop back to an earlier step, or a
decision outcome whose own column is blocked) can leave by either side and
reach its target from above, from beside it along its row, or from below.
Each such line tries those shapes in turn against every other planned line
and keeps the one with the fewest crossings, then the fewest bends, then
the shortest; a tie keeps the first plan.  Two passes let a later choice
settle an earlier one.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator, Sequence

from .crossings import RouteIndex
from .gridroute import Route, RouteGrid, logical, side_gap

__all__ = ["improve_routes"]

_PASSES = 2
Shape = tuple[str, str, list[tuple[str, int]]]  # exit side, entry side, refs


def improve_routes(routes: list[Route], grid: RouteGrid, decision: Sequence[bool]) -> None:
    """Rewrite the exits, entries and refs of the lines that have a choice, in place."""
    index = RouteIndex([logical(route, grid) for route in routes])
    movable = [n for n, r in enumerate(routes) if r.source != r.target and (r.back or r.exit in ("l", "r"))]
    for _ in range(_PASSES):
        changed = False
        for number in movable:
            route = routes[number]
            used = _sides(routes, number)
            current: Shape = (route.exit, route.entry, list(route.refs))
            best, best_cost = current, _cost(route, grid, current, index, number)
            for shape in _shapes(route, grid, used, decision[route.source]):
                cost = _cost(route, grid, shape, index, number)
                if cost < best_cost:
                    best, best_cost = shape, cost
            if best is not current:
                route.exit, route.entry, route.refs = best[0], best[1], best[2]
                index.put(number, logical(route, grid))
                changed = True
        if not changed:
            break


def _sides(routes: Sequence[Route], number: int) -> tuple[set[str], set[str]]:
    """Sides the line's source already leaves by, and sides its target leaves by (not to enter)."""
    leaving: dict[int, set[str]] = defaultdict(set)
    for n, other in enumerate(routes):
        if n != number and other.exit != "b":
            leaving[other.source].add(other.exit)
    me = routes[number]
    return leaving[me.source], leaving[me.target]


def _cost(route: Route, grid: RouteGrid, shape: Shape, index: RouteIndex, number: int) -> tuple[int, int, float]:
    saved = (route.exit, route.entry, route.refs)
    route.exit, route.entry, route.refs = shape[0], shape[1], shape[2]
    points = logical(route, grid)
    route.exit, route.entry, route.refs = saved
    length = sum(abs(p[0] - q[0]) + abs(p[1] - q[1]) for p, q in itertools.pairwise(points))
    return index.crossings(points, number), len(points), length


def _shapes(route: Route, grid: RouteGrid, used: tuple[set[str], set[str]], from_decision: bool) -> Iterator[Shape]:
    source_sides, target_exits = used
    s, t = route.source, route.target
    rt, cs, ct = grid.rank[t], grid.column[s], grid.column[t]
    exits = [side for side in ("l", "r") if not (from_decision and side in source_sides)]
    if not route.back:
        if cs == ct:  # a blocked outcome straight below: round either side
            for side in exits:
                yield side, "t", [("g", side_gap(cs, side)), ("h", rt), ("pt", 0)]
        return
    entries = [side for side in ("l", "r") if side not in target_exits]
    for out in exits:
        gs = side_gap(cs, out)
        yield out, "t", [("g", gs), ("h", rt), ("pt", 0)]
        for into in entries:
            gt = side_gap(ct, into)
            if gs == gt or _row_clear(grid, rt, ct, gs, into):
                yield out, into, [("g", gs), ("pt", 0)]
            if gs != gt:
                yield out, into, [("g", gs), ("h", rt + 1), ("g", gt), ("pt", 0)]
                yield out, into, [("g", gs), ("h", rt), ("g", gt), ("pt", 0)]


def _row_clear(grid: RouteGrid, row: int, column: int, gap: int, side: str) -> bool:
    """Whether a line can run along ``row`` from across-gap ``gap`` into ``side`` of the shape at ``column``."""
    if side == "r":
        between = range(column + 1, gap)
        facing = gap > column + 1
    else:
        between = range(gap, column)
        facing = gap < column
    return facing and all((row, c) not in grid.occupied for c in between)
