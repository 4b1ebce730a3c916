"""Orthogonal routes on the grid: which side a line leaves and enters, and which channels it uses.

The page is a grid of rows (ranks) and columns (lane slots) with channels
between them: along-gaps between rows, across-gaps between columns.  A line
only runs through channels, through empty cells of a column, or on a short
stub between a shape and the channel beside it, so it never crosses a shape.
Each line gets its own track in every channel it uses.

Sides are named in the flow's own frame: ``b`` leaves towards the next rank
(down in TB, right in LR), ``t`` the opposite, ``r``/``l`` across the lanes.
A route's ``refs`` are the coordinates of its bends, alternating axes:
``("h", gap)`` an along-gap track, ``("g", gap)`` an across-gap track,
``("pt", 0)`` the target port's own coordinate.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Route", "plan_routes"]

_UNITS = (0, 1, -1, 2, -2, 3, -3)


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


@dataclass(slots=True)
class _Grid:
    rank: Sequence[int]
    column: Sequence[int]
    occupied: set[tuple[int, int]]
    borders: frozenset[int] = frozenset()

    def clear(self, column: int, first: int, last: int) -> bool:
        return all((r, column) not in self.occupied for r in range(first, last + 1))


def plan_routes(
    rank: Sequence[int],
    column: Sequence[int],
    decision: Sequence[bool],
    edges: Sequence[tuple[int, int, bool]],
    *,
    borders: frozenset[int] = frozenset(),
) -> tuple[list[Route], dict[tuple[str, int], int]]:
    """Routes for ``edges`` (source, target, is_back) and the track count of every used channel.

    ``borders`` are the across-gaps that hold a lane border: a loop within one
    column keeps to its own lane's side when it can.
    """
    grid = _Grid(rank, column, {(rank[n], column[n]) for n in range(len(rank))}, borders)
    routes = [Route(s, t, back) for s, t, back in edges]
    uses: dict[tuple[int, str], int] = defaultdict(int)
    _choose_exits(routes, grid, decision, uses)
    for route in routes:
        route.refs = _refs(route, grid)
        route.entry_unit = _arrival(route, grid) if route.entry == "t" else route.entry_unit
    counts = _assign_tracks(routes, grid)
    _part_arrivals(routes)
    _order_side_entries(routes, grid)
    return routes, counts


def _use(uses: dict[tuple[int, str], int], node: int, side: str) -> int:
    count = uses[(node, side)]
    uses[(node, side)] = count + 1
    return _UNITS[count % len(_UNITS)]


def _toward(route: Route, grid: _Grid) -> str:
    return "l" if grid.column[route.target] < grid.column[route.source] else "r"


def _choose_exits(routes: list[Route], grid: _Grid, decision: Sequence[bool], uses: dict[tuple[int, str], int]) -> None:
    taken: dict[int, set[str]] = defaultdict(set)
    exits: dict[int, set[str]] = defaultdict(set)
    forward = [r for r in routes if not (r.back or r.source == r.target)]
    for route in sorted(forward, key=lambda r: not _straight(r, grid)):  # straight lines take the bottom first
        s = route.source
        route.exit = _decision_exit(route, grid, taken[s]) if decision[s] else "b"
        taken[s].add(route.exit)
        exits[s].add(route.exit)
        route.exit_unit = 0 if route.exit == "b" else _use(uses, s, route.exit)
    for route in routes:
        if route.back or route.source == route.target:
            _choose_loop_sides(route, grid, exits, uses)
    bottoms: dict[int, int] = defaultdict(int)
    for route in routes:
        bottoms[route.source] += route.exit == "b"
    for route in routes:
        route.shared_exit = route.exit == "b" and bottoms[route.source] > 1


def _straight(route: Route, grid: _Grid) -> bool:
    s, t = route.source, route.target
    return grid.column[s] == grid.column[t] and grid.clear(grid.column[s], grid.rank[s] + 1, grid.rank[t] - 1)


def _other(side: str) -> str:
    return "l" if side == "r" else "r"


def _choose_loop_sides(route: Route, grid: _Grid, exits: dict[int, set[str]], uses: dict[tuple[int, str], int]) -> None:
    """A loop back enters the target on the side facing its source and leaves towards it.

    A side where the target already sends out a decision branch is avoided,
    and so, when both ends share a column, is a side the source already uses.
    """
    s, t = route.source, route.target
    cs, ct = grid.column[s], grid.column[t]
    inner = sorted(("r", "l"), key=lambda side: _side_gap(cs, side) in grid.borders)
    if s == t:
        route.exit = next((side for side in inner if side not in exits[s]), "r")
        route.exit_unit = _use(uses, s, route.exit)
        route.entry = "t"
        return
    if cs == ct:
        free = [side for side in inner if side not in exits[s] and side not in exits[t]]
        if free:
            route.exit = route.entry = free[0]
        else:
            route.exit = next((side for side in inner if side not in exits[s]), "r")
            route.entry = "t"
    else:
        route.exit = "l" if ct < cs else "r"
        if route.exit in exits[s] and _other(route.exit) not in exits[s]:
            route.exit = _other(route.exit)
        facing = "r" if ct < cs else "l"
        free = [side for side in (facing, _other(facing)) if side not in exits[t]]
        route.entry = free[0] if free else "t"
    exits[s].add(route.exit)
    route.exit_unit = _use(uses, s, route.exit)
    route.entry_unit = 0 if route.entry == "t" else _use(uses, t, route.entry)


def _decision_exit(route: Route, grid: _Grid, taken: set[str]) -> str:
    """A forward branch leaves by the corner facing its target; when both side
    corners are taken, extra branches share the bottom and part below it."""
    s, t = route.source, route.target
    if grid.column[t] == grid.column[s]:
        wanted = ["b", "r", "l"]
    else:
        side = _toward(route, grid)
        wanted = [side, "b", _other(side)]
    free = [side for side in wanted if side not in taken]
    return free[0] if free else "b"


def _side_gap(column: int, side: str) -> int:
    return column + 1 if side == "r" else column


def _refs(route: Route, grid: _Grid) -> list[tuple[str, int]]:
    s, t = route.source, route.target
    rs, rt, cs, ct = grid.rank[s], grid.rank[t], grid.column[s], grid.column[t]
    if route.back or s == t:
        gs = _side_gap(cs, route.exit)
        if s == t or route.entry == "t":
            return [("g", gs), ("h", rt), ("pt", 0)]
        gt = _side_gap(ct, route.entry)
        if gs == gt:
            return [("g", gs), ("pt", 0)]
        return [("g", gs), ("h", rt + 1), ("g", gt), ("pt", 0)]
    if route.exit != "b":
        return [("g", _side_gap(cs, route.exit)), ("h", rt), ("pt", 0)]
    if cs == ct and grid.clear(cs, rs + 1, rt - 1):
        return []
    if grid.clear(ct, rs + 1, rt - 1):
        return [("h", rs + 1), ("pt", 0)]
    if grid.clear(cs, rs + 1, rt - 1):
        return [("h", rt), ("pt", 0)]
    gap = ct if cs <= ct else ct + 1
    return [("h", rs + 1), ("g", gap), ("h", rt), ("pt", 0)]


def _logical(route: Route, grid: _Grid) -> list[tuple[float, float]]:
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


def _arrival(route: Route, grid: _Grid) -> int:
    """-1 when a line reaches a target's top from the left, 1 from the right, 0 straight."""
    points = _logical(route, grid)
    before = points[-3][1] if len(points) >= 3 else points[0][1]
    here = points[-1][1]
    return 0 if before == here else (-1 if before < here else 1)


def _channel(route: Route, grid: _Grid, kind: str, value: int) -> tuple[str, int]:
    """The channel a segment runs in; a lane border's gap is two channels, one per side.

    A line keeps to the side of the border where it starts, so that it never
    runs along the border itself.
    """
    if kind != "g" or value not in grid.borders:
        return kind, value
    return ("gL" if grid.column[route.source] < value else "gR"), value


def _assign_tracks(routes: list[Route], grid: _Grid) -> dict[tuple[str, int], int]:
    segments: dict[tuple[str, int], list[tuple[float, float, int, int]]] = defaultdict(list)
    for number, route in enumerate(routes):
        points = _logical(route, grid)
        route.tracks = [-1] * len(route.refs)
        axis = 0 if route.exit in ("b", "t") else 1
        for index, (kind, value) in enumerate(route.refs):
            if kind != "pt":
                a, b = points[index + 1][1 - axis], points[index + 2][1 - axis]
                segments[_channel(route, grid, kind, value)].append((min(a, b), max(a, b), number, index))
            axis = 1 - axis
    counts: dict[tuple[str, int], int] = {}
    for channel, items in segments.items():
        ends: list[float] = []
        for low, high, number, index in sorted(items):
            # a track is reused only after a clear break, so one line never seems to run on into another
            track = next((i for i, end in enumerate(ends) if end + 1 < low), len(ends))
            if track == len(ends):
                ends.append(high)
            else:
                ends[track] = high
            routes[number].tracks[index] = -1 - track if channel[0] == "gL" else track
        counts[channel] = len(ends)
    return counts


def _part_arrivals(routes: list[Route]) -> None:
    """Lines reaching one shape's top from the same side get ports of their own, not one shared arrow.

    The line whose last bend lies nearest the shape takes the outermost port,
    so the lines nest instead of crossing just above the shape.
    """
    groups: dict[tuple[int, int], list[Route]] = defaultdict(list)
    for route in routes:
        if route.entry == "t" and route.entry_unit and len(route.refs) >= 2:
            groups[(route.target, route.entry_unit)].append(route)
    for (_, side), group in groups.items():
        group.sort(key=lambda r: (r.refs[-2], r.tracks[-2], r.source))
        for place, route in enumerate(group):
            route.entry_unit = side * (place + 1)


def _order_side_entries(routes: list[Route], grid: _Grid) -> None:
    """Lines entering one side of a shape swap ports so that they nest rather than cross.

    A line coming from above takes a port higher up (towards ``t``), one from
    below a port further down; among lines from one direction, the one on
    the track nearest the shape turns in first.  Only the group's own ports
    are shuffled, so exits on that side keep theirs.
    """
    groups: dict[tuple[int, str], list[Route]] = defaultdict(list)
    for route in routes:
        if route.entry in ("l", "r") and len(route.refs) >= 2 and route.refs[-2][0] == "g":
            groups[(route.target, route.entry)].append(route)
    for (_, side), group in groups.items():
        if len(group) < 2:
            continue
        units = sorted(route.entry_unit for route in group)
        for route, unit in zip(sorted(group, key=lambda r: _entry_key(r, grid, side)), units, strict=True):
            route.entry_unit = unit


def _entry_key(route: Route, grid: _Grid, side: str) -> tuple[float, float, int]:
    points = _logical(route, grid)
    approach = points[-3][0] - points[-2][0]  # < 0 from above, > 0 from below
    closeness = route.tracks[-2] if side == "l" else -route.tracks[-2]
    if approach < 0:
        return (0.0, -closeness, route.source)
    if approach > 0:
        return (2.0, closeness, route.source)
    return (1.0, 0.0, route.source)
