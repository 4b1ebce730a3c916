"""Orthogonal routes on the grid: which side a line leaves and enters, and which channels it uses.

The page is a grid of rows (ranks) and columns (lane slots) with channels
between them: along-gaps between rows, across-gaps between columns.  A line
only runs through channels, through empty cells of a column, or on a short
stub between a shape and the channel beside it, so it never crosses a shape.

Planning runs in four steps: a first plan (each decision outcome by the
corner facing its target, loops by a side), a search for the plan with the
fewest crossings where lines tangle (:mod:`.detours`), merging the lines
that reach one side of a shape, and tracks in every channel, ordered so that
lines do not cut each other there (:mod:`.tracks`).  Each line has its own
track in a channel, except lines that merge: they share their last one.

Sides are named in the flow's own frame: ``b`` leaves towards the next rank
(down in TB, right in LR), ``t`` the opposite, ``r``/``l`` across the lanes.
A route's ``refs`` are the coordinates of its bends, alternating axes:
``("h", gap)`` an along-gap track, ``("g", gap)`` an across-gap track,
``("pt", 0)`` the target port's own coordinate.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence

from .continuations import part_continuations
from .detours import PAIRS_UP_TO, improve_routes, row_clear, untangle_pairs
from .gridroute import Route, RouteGrid, down_refs, logical, side_gap
from .lengths import PixelScale
from .rejoin import rejoin_trunks
from .route_index import RouteIndex, route_crossings
from .tracks import ChannelSegment, order_tracks

__all__ = ["Route", "arrivals_cross", "crossed_steps", "hemmed_in", "plan_routes", "tracked_crossings"]

_Uses = dict[tuple[int, str], int]

_UNITS = (0, 1, -1, 2, -2, 3, -3)


def plan_routes(
    rank: Sequence[int],
    column: Sequence[int],
    decision: Sequence[bool],
    edges: Sequence[tuple[int, int, bool]],
    *,
    borders: frozenset[int] = frozenset(),
    columns: int = 0,
    scale: PixelScale | None = None,
    shared_bottom: bool = False,
    closed: frozenset[tuple[int, str]] = frozenset(),
    tip_only: frozenset[int] = frozenset(),
) -> tuple[list[Route], dict[tuple[str, int], int]]:
    """Routes for ``edges`` (source, target, is_back) and the track count of every used channel.

    ``borders`` are the across-gaps that hold a lane border: a loop within one
    column keeps to its own lane's side when it can.  ``scale`` gives the grid
    units their pixels, so that no line takes a long way round.  Two lines that still cross are then
    planned again together, when that crosses less (:func:`.detours.untangle_pairs`).  With
    ``shared_bottom`` two outcomes of a decision may leave it by one bottom. No line enters a ``closed``
    (node, side), and a node in ``tip_only`` sends its lines out of its bottom only.
    """
    columns = max(columns, max(column, default=-1) + 1)
    occupied = {(rank[n], column[n]) for n in range(len(rank))}
    grid = RouteGrid(rank, column, occupied, borders, columns, scale, closed, tip_only)
    routes = [Route(s, t, back, labelled=decision[s]) for s, t, back in edges]
    uses: dict[tuple[int, str], int] = defaultdict(int)
    _choose_exits(routes, grid, decision, uses)  # the first plan
    for route in routes:
        route.refs = _refs(route, grid)
    improve_routes(routes, grid, decision, shared_bottom=shared_bottom)  # untangled where it crossed
    rejoin_trunks(routes, grid)
    _merge_arrivals(routes)
    part_continuations(routes, grid, decision)
    counts = _untangled(routes, grid, decision, _assign_tracks(routes, grid))
    bottoms = Counter(route.source for route in routes if route.exit == "b")
    for route in routes:  # the label of an outcome out of a shared bottom stands past the stub
        route.shared_exit = route.exit == "b" and bottoms[route.source] > 1
    return routes, counts


def hemmed_in(routes: Sequence[Route], rank: Sequence[int], column: Sequence[int]) -> bool:
    """Whether a decision whose outcomes leave by both sides has one of those that crosses another line: a
    loop past it cuts one of them, and two of its outcomes out of one bottom would leave it a side."""
    lines, into = _tracked(routes, rank, column)
    index = RouteIndex(lines)
    sides: dict[int, set[str]] = defaultdict(set)
    for route in routes:
        if not route.back and route.source != route.target:
            sides[route.source].add(route.exit)
    return any(
        {"l", "r"} <= sides[route.source] and index.crossings(lines[number], {number}, into[route.target]) >= 1
        for number, route in enumerate(routes)
        if not route.back and route.source != route.target and route.exit in ("l", "r")
    )


def arrivals_cross(routes: Sequence[Route], rank: Sequence[int], column: Sequence[int]) -> bool:
    """Whether two lines into one shape cross once every line has its track and port."""
    lines, into = _tracked(routes, rank, column)
    return any(
        route_crossings(lines[a], lines[b]) >= 1
        for numbers in into.values()
        for a, b in itertools.combinations(sorted(numbers), 2)
    )


def _untangled(
    routes: list[Route], grid: RouteGrid, decision: Sequence[bool], counts: dict[tuple[str, int], int]
) -> dict[tuple[str, int], int]:
    """The plan with every two lines that still cross planned again together, when that crosses less
    once the tracks are in (the pairs are judged on the grid, which cannot see every track); else as it was."""
    if len(routes) > PAIRS_UP_TO:
        return counts
    crossed = tracked_crossings(routes, grid.rank, grid.column)
    if not crossed:
        return counts
    kept = [(route.exit, route.entry, list(route.refs)) for route in routes]
    if not untangle_pairs(routes, grid, decision):
        return counts
    rejoin_trunks(routes, grid)
    _merge_arrivals(routes)
    part_continuations(routes, grid, decision)
    tried = _assign_tracks(routes, grid)
    if tracked_crossings(routes, grid.rank, grid.column) < crossed:
        return tried
    for route, (exit_side, entry_side, refs) in zip(routes, kept, strict=True):
        route.exit, route.entry, route.refs = exit_side, entry_side, refs
    _merge_arrivals(routes)
    part_continuations(routes, grid, decision)
    return _assign_tracks(routes, grid)


_TRACK = 0.01  # a track's place in its channel, in grid units: far below one unit, in the frame's order
_PORT = 0.05  # and a port's along its shape's side


_SHARED_RUN = 100.0  # two lines with no step in common running on top of each other: worse than any crossing


def tracked_crossings(routes: Sequence[Route], rank: Sequence[int], column: Sequence[int]) -> float:
    """How many times the routes cross once every line has its track and port: what the drawing shows,
    without sizing it (the frame places tracks and ports in the order of their numbers); two lines
    with no step in common that run on top of each other count as many crossings, two outcomes that
    part from one bottom stub none."""
    lines, each = _crossings_of_each(routes, rank, column)
    return sum(each) / 2 + _SHARED_RUN * _shared_runs(routes, lines)


def crossed_steps(routes: Sequence[Route], rank: Sequence[int], column: Sequence[int]) -> frozenset[int]:
    """The steps at either end of a line that crosses another (counted as :func:`tracked_crossings` does):
    where moving a step may gain something."""
    _, each = _crossings_of_each(routes, rank, column)
    crossing = [route for route, count in zip(routes, each, strict=True) if count]
    return frozenset(end for route in crossing for end in (route.source, route.target))


def _crossings_of_each(
    routes: Sequence[Route], rank: Sequence[int], column: Sequence[int]
) -> tuple[list[list[tuple[float, float]]], list[int]]:
    """Each route's tracked points, and how many times it crosses the others."""
    lines, into = _tracked(routes, rank, column)
    index = RouteIndex(lines)
    bottom: dict[int, set[int]] = defaultdict(set)  # two outcomes out of one bottom part at a turn: a touch
    for number, route in enumerate(routes):
        if route.exit == "b":
            bottom[route.source].add(number)
    touching = [
        into[route.target] | bottom[route.source]
        if route.exit == "b" and len(bottom[route.source]) > 1
        else into[route.target]
        for route in routes
    ]
    return lines, [index.crossings(points, {n}, touching[n]) for n, points in enumerate(lines)]


def _tracked(
    routes: Sequence[Route], rank: Sequence[int], column: Sequence[int]
) -> tuple[list[list[tuple[float, float]]], dict[int, set[int]]]:
    """Each route's points once it has its track and port, and the routes into each step."""
    into: dict[int, set[int]] = defaultdict(set)
    for number, route in enumerate(routes):
        into[route.target].add(number)
    return [_tracked_points(route, rank, column) for route in routes], into


def _shared_runs(routes: Sequence[Route], lines: Sequence[Sequence[tuple[float, float]]]) -> int:
    """Pairs of segments of two lines without a common step that lie on one another."""
    runs: dict[tuple[int, float], list[tuple[float, float, int]]] = defaultdict(list)
    for number, points in enumerate(lines):
        for (a0, a1), (b0, b1) in itertools.pairwise(points):
            if a1 == b1 and a0 != b0:
                runs[(0, round(a1, 6))].append((min(a0, b0), max(a0, b0), number))
            elif a0 == b0 and a1 != b1:
                runs[(1, round(a0, 6))].append((min(a1, b1), max(a1, b1), number))
    shared = 0
    for pieces in runs.values():
        for (lo_a, hi_a, a), (lo_b, hi_b, b) in itertools.combinations(pieces, 2):
            ends_a, ends_b = routes[a], routes[b]
            common = {ends_a.source, ends_a.target} & {ends_b.source, ends_b.target}
            shared += a != b and not common and min(hi_a, hi_b) - max(lo_a, lo_b) > 1e-9
    return shared


def _tracked_points(route: Route, rank: Sequence[int], column: Sequence[int]) -> list[tuple[float, float]]:
    s, t = route.source, route.target
    start = _port_point(rank[s], column[s], route.exit, route.exit_unit)
    end = _port_point(rank[t], column[t], route.entry, route.entry_unit)
    points = [start]
    along = route.exit in ("b", "t")
    for (kind, value), track in zip(route.refs, route.tracks, strict=True):
        at = end[0 if along else 1] if kind == "pt" else 2 * value + track * _TRACK
        last = points[-1]
        points.append((at, last[1]) if along else (last[0], at))
        along = not along
    points.append(end)
    return points


def _port_point(row: int, col: int, side: str, unit: int) -> tuple[float, float]:
    centre = (2 * row + 1, 2 * col + 1)
    if side in ("b", "t"):
        return centre[0] + (0.5 if side == "b" else -0.5), centre[1] + unit * _PORT
    return centre[0] + unit * _PORT, centre[1] + (0.5 if side == "r" else -0.5)


def _merge_arrivals(routes: list[Route]) -> None:
    """Lines into one side of a shape join before it and arrive as one, with one arrowhead.

    Side ports are handed out per shape side, exits first; every line that
    enters that side then shares the next port, and lines from one channel
    share their last track there (:func:`_merge_group`).
    """
    uses: dict[tuple[int, str], int] = defaultdict(int)
    for route in routes:
        route.exit_unit = 0 if route.exit == "b" else _use(uses, route.source, route.exit)
    entry_unit: dict[tuple[int, str], int] = {}
    for route in routes:
        if route.entry == "t":
            route.entry_unit = 0
        else:
            key = (route.target, route.entry)
            if key not in entry_unit:
                entry_unit[key] = _use(uses, route.target, route.entry)
            route.entry_unit = entry_unit[key]
        route.merge = True


def _use(uses: dict[tuple[int, str], int], node: int, side: str) -> int:
    count = uses[(node, side)]
    uses[(node, side)] = count + 1
    return _UNITS[count % len(_UNITS)]


def _toward(route: Route, grid: RouteGrid) -> str:
    return "l" if grid.column[route.target] < grid.column[route.source] else "r"


def _choose_exits(routes: list[Route], grid: RouteGrid, decision: Sequence[bool], uses: _Uses) -> None:
    taken: dict[int, set[str]] = defaultdict(set)
    exits: dict[int, set[str]] = defaultdict(set)
    forward = [r for r in routes if not (r.back or r.source == r.target)]
    fanned = _fanned_exits(forward, grid, decision)
    for route in sorted(forward, key=lambda r: not _straight(r, grid)):  # straight lines take the bottom first
        s = route.source
        if id(route) in fanned:
            route.exit = fanned[id(route)]
        elif _level(route, grid) and s not in grid.tip_only:  # a handoff in one rank: the side facing its target
            route.exit = _toward(route, grid) if _toward(route, grid) not in taken[s] else "b"
        else:
            route.exit = _decision_exit(route, grid, taken[s]) if decision[s] else "b"
        taken[s].add(route.exit)
        exits[s].add(route.exit)
        route.exit_unit = 0 if route.exit == "b" else _use(uses, s, route.exit)
    for route in forward:  # and enters by the side facing its source (from before its rank, if closed)
        if _level(route, grid):
            route.entry = _level_entry(route, grid)
            route.entry_unit = 0 if route.entry == "t" else _use(uses, route.target, route.entry)
    for route in routes:
        if route.back or route.source == route.target:
            _choose_loop_sides(route, grid, exits, uses)
    bottoms: dict[int, int] = defaultdict(int)
    for route in routes:
        bottoms[route.source] += route.exit == "b"
    for route in routes:
        route.shared_exit = route.exit == "b" and bottoms[route.source] > 1


def _fanned_exits(forward: Sequence[Route], grid: RouteGrid, decision: Sequence[bool]) -> dict[int, str]:
    """The sides of a decision's outcomes when it has more than three and their targets lie on both
    sides of it: in the order of the targets' columns, the leftmost out of the left corner, the
    rightmost out of the right, the rest out of one bottom, parting below it. Taken one by one, an
    outcome to a middle target could leave by a corner and cut the others ("Qual é a conduta?")."""
    by_source: dict[int, list[Route]] = defaultdict(list)
    for route in forward:
        if decision[route.source] and not _level(route, grid):
            by_source[route.source].append(route)
    sides: dict[int, str] = {}
    for source, group in by_source.items():
        if len(group) <= 3:
            continue
        group = sorted(group, key=lambda r: (grid.column[r.target], grid.rank[r.target]))
        column = grid.column[source]
        if not grid.column[group[0].target] < column < grid.column[group[-1].target]:
            continue
        sides.update({id(route): "b" for route in group})
        sides[id(group[0])], sides[id(group[-1])] = "l", "r"
    return sides


def _level(route: Route, grid: RouteGrid) -> bool:
    """A forward line between two steps of one rank (a handoff to another lane in the same column)."""
    return grid.rank[route.source] == grid.rank[route.target] and route.source != route.target


def _level_entry(route: Route, grid: RouteGrid) -> str:
    """The side a level handoff enters by: the one facing its source, else the other, else from before."""
    facing = _other(_toward(route, grid))
    free = [side for side in (facing, _other(facing)) if (route.target, side) not in grid.closed]
    if route.exit != "b":
        return facing if facing in free else "t"
    return free[0] if free else "t"


def _straight(route: Route, grid: RouteGrid) -> bool:
    s, t = route.source, route.target
    return grid.column[s] == grid.column[t] and grid.clear(grid.column[s], grid.rank[s] + 1, grid.rank[t] - 1)


def _other(side: str) -> str:
    return "l" if side == "r" else "r"


def _choose_loop_sides(route: Route, grid: RouteGrid, exits: dict[int, set[str]], uses: _Uses) -> None:
    """A loop back enters the target on the side facing its source and leaves towards it.

    A side where the target already sends out a decision branch is avoided,
    and so, when both ends share a column, is a side the source already uses.
    """
    s, t = route.source, route.target
    cs, ct = grid.column[s], grid.column[t]
    inner = sorted(("r", "l"), key=lambda side: side_gap(cs, side) in grid.borders)
    if s == t:
        route.exit = next((side for side in inner if side not in exits[s]), "r")
        route.exit_unit = _use(uses, s, route.exit)
        route.entry = "t"
        return
    if cs == ct:
        free = [
            side for side in inner if side not in exits[s] and side not in exits[t] and (t, side) not in grid.closed
        ]
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
        free = [side for side in (facing, _other(facing)) if side not in exits[t] and (t, side) not in grid.closed]
        route.entry = free[0] if free else "t"
    exits[s].add(route.exit)
    route.exit_unit = _use(uses, s, route.exit)
    route.entry_unit = 0 if route.entry == "t" else _use(uses, t, route.entry)


def _decision_exit(route: Route, grid: RouteGrid, taken: set[str]) -> str:
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


def _refs(route: Route, grid: RouteGrid) -> list[tuple[str, int]]:
    s, t = route.source, route.target
    rs, rt, cs, ct = grid.rank[s], grid.rank[t], grid.column[s], grid.column[t]
    if route.back or s == t:
        gs = side_gap(cs, route.exit)
        if s == t or route.entry == "t":
            return [("g", gs), ("h", rt), ("pt", 0)]
        gt = side_gap(ct, route.entry)
        if gs == gt:
            return [("g", gs), ("pt", 0)]
        return [("g", gs), ("h", rt + 1), ("g", gt), ("pt", 0)]
    if route.exit != "b" and route.entry != "t":  # a level handoff: along its rank, or round the next one
        gs, gt = side_gap(cs, route.exit), side_gap(ct, route.entry)
        if gs == gt or row_clear(grid, rt, ct, gs, route.entry):
            return [("g", gs), ("pt", 0)]
        return [("g", gs), ("h", rt + 1), ("g", gt), ("pt", 0)]
    if rs == rt and route.entry != "t":  # a level handoff out of the bottom: round the next rank into its side
        return [("h", rs + 1), ("g", side_gap(ct, route.entry)), ("pt", 0)]
    if route.exit != "b":
        return [("g", side_gap(cs, route.exit)), ("h", rt), ("pt", 0)]
    return down_refs(grid, rs, rt, cs, ct)


def _channel(route: Route, grid: RouteGrid, kind: str, value: int, index: int = 0) -> tuple[str, int]:
    """The channel a segment runs in; a lane border's gap is two channels, one per side.

    A line keeps to the side of the border where it starts, so that it never
    runs along the border itself; but a later segment that ends by turning
    into its target keeps to the target's side, so that two lines turning
    into shapes on either side of the border never run along one stub.
    """
    if kind != "g" or value not in grid.borders:
        return kind, value
    last = index > 0 and route.refs[index + 1][0] == "pt"
    end = route.target if last else route.source
    return ("gL" if grid.column[end] < value else "gR"), value


def _assign_tracks(routes: list[Route], grid: RouteGrid) -> dict[tuple[str, int], int]:
    """Every channel segment's track, ordered so that lines sharing a channel do not cross in it.

    Twice: the second time each segment's ends lie where the first gave the
    channels it turns into, so that two lines turning off one channel into
    another keep their order there instead of crossing; where nothing then
    decides, a channel keeps its first order, which its neighbours were
    ordered against (both flipping at once would cross them twice).
    """
    for route in routes:
        route.tracks = [0] * len(route.refs)
    counts: dict[tuple[str, int], int] = {}
    for refine in (False, True):
        segments = _channel_segments(routes, grid, refine)
        for channel, items in segments.items():
            tracks, count = order_tracks([item for item, _, _ in items])
            for (_, number, index), track in zip(items, tracks, strict=True):
                # beside a border, tracks count outwards from it: the low side of a left channel is the far one
                routes[number].tracks[index] = track - count if channel[0] == "gL" else track
            counts[channel] = count
    for route in routes:
        route.tracks = [
            -1 if kind == "pt" else track for (kind, _), track in zip(route.refs, route.tracks, strict=True)
        ]
    return counts


_NUDGE = 1e-3  # per track: where in its channel a segment's end lies, far below one grid unit


def _channel_segments(
    routes: list[Route], grid: RouteGrid, refine: bool
) -> dict[tuple[str, int], list[tuple[ChannelSegment, int, int]]]:
    segments: dict[tuple[str, int], list[tuple[ChannelSegment, int, int]]] = defaultdict(list)
    for number, route in enumerate(routes):
        points = logical(route, grid)
        refs, tracks = route.refs, route.tracks
        axis = 0 if route.exit in ("b", "t") else 1
        for index, (kind, value) in enumerate(refs):
            if kind != "pt":
                start, end = points[index + 1], points[index + 2]
                a, b = start[1 - axis], end[1 - axis]
                if refine:
                    if index > 0:
                        a += tracks[index - 1] * _NUDGE
                    if index + 1 < len(refs) and refs[index + 1][0] != "pt":
                        b += tracks[index + 1] * _NUDGE
                ends = (
                    (a, _turn(points[index][axis] - start[axis])),
                    (b, _turn(points[index + 3][axis] - end[axis])),
                )
                before = tracks[index] if refine else 0
                stub = ends[0][1] if index == 0 and route.labelled and route.exit in ("l", "r") else 0
                item = ChannelSegment(min(a, b), max(a, b), ends, _merge_group(route, index), before, stub)
                segments[_channel(route, grid, kind, value, index)].append((item, number, index))
            axis = 1 - axis
    return segments


def _turn(delta: float) -> int:
    return -1 if delta < 0 else 1


def _merge_group(route: Route, index: int) -> tuple[int, str] | None:
    """Lines into one side of a shape share their last channel segment: they join there."""
    if route.merge and index == len(route.refs) - 2:
        return (route.target, route.entry)
    return None
