"""Room between an arrowhead and a line that crosses just before it, and after a line's start.

A line crossed a few px before another line's arrowhead seems to feed that
arrow: "Tell the patient to call emergency services" ran across 11 px above
the arrow into "Send the appointment link" (review 4: emergency patients
seemed to get an SMS link), and a loop's climb crossed the arrow into
"Enviar e-mail" 12 px before its tip. Where the crossing line runs in the
channel next to the arrow's shape, that channel keeps more room between its
tracks and the shape, so the crossing stands at least :data:`TIP_ROOM` from
the tip and reads as a crossing. Only that channel grows; no line changes
its route.  The same holds where a line is crossed just after it leaves its
shape (review 9: a crossing 10 px from "Cancel the order" read as a junction):
the channel beside that shape keeps :data:`START_ROOM` before the crossing.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from .frame import Frame
from .lines import edge_points

__all__ = ["START_ROOM", "TIP_ROOM", "clear_tips"]

TIP_ROOM = 26.0  # from a crossing to the tip of the arrow it crosses
START_ROOM = 20.0  # from a crossing to where the line it crosses leaves its shape
_EPS = 0.01

Points = Sequence[tuple[float, float]]


def clear_tips(f: Frame) -> None:
    """Grow, in place, each channel whose tracks cross a line less than :data:`TIP_ROOM` before its arrowhead
    into a shape beside that channel, or less than :data:`START_ROOM` after it leaves one."""
    boxes = [f.node_rect(n) for n in range(len(f.p.flow.steps))]
    lines = [edge_points(f, route, boxes) for route in f.p.routes]
    along: dict[tuple[int, int], float] = {}  # (along-gap, 0 room above its tracks | 1 below): px more
    across: dict[tuple[int, int], float] = {}  # (across-gap, 0 room before its tracks | 1 after): px more
    for number, (route, points) in enumerate(zip(f.p.routes, lines, strict=True)):
        # the run into the target, and the run out of the source turned round to end at it: a crossing just
        # after a line leaves its shape reads as a junction there (review 9: "does 14 go to D?")
        ends = ((points[-2:], route.target, TIP_ROOM, False), (points[1::-1], route.source, START_ROOM, True))
        for run, node, room, leaving in ends:
            (a0, c0), (a1, c1) = run
            runs_along = abs(c0 - c1) < _EPS
            for other, crossing in enumerate(lines):
                if other == number or (leaving and f.p.routes[other].source == route.source):
                    continue  # the lines out of one stub part there; they do not cross
                for at in _crossings(run, crossing, runs_along):
                    _grow(f, node, (a0, c0, a1, c1), at, room, runs_along, along, across)
    f.keep_room(along, across)


def _grow(
    f: Frame,
    node: int,
    run: tuple[float, float, float, float],
    at: float,
    room: float,
    runs_along: bool,
    along: dict[tuple[int, int], float],
    across: dict[tuple[int, int], float],
) -> None:
    """Note the room the channel beside ``node`` needs so that a crossing at ``at`` stands ``room`` from where
    ``run`` meets the shape (it ends at the shape: from ``a0, c0`` to ``a1, c1``)."""
    a0, c0, a1, c1 = run
    short = room - abs(a1 - at if runs_along else c1 - at)
    if short <= 0:
        return
    if runs_along:  # into (or out of) the top or the bottom of the shape
        row = f.p.rank[node]
        gap, side = (row, 1) if a1 > a0 else (row + 1, 0)
        if _within(at, f.hgap_at[gap], f.hgap_size[gap]):
            along[(gap, side)] = max(along.get((gap, side), 0.0), short)
    else:  # into (or out of) a side
        column = f.p.grid.column[node]
        gap, side = (column, 1) if c1 > c0 else (column + 1, 0)
        if _within(at, f.gap_at[gap], f.gap_size[gap]):
            across[(gap, side)] = max(across.get((gap, side), 0.0), short)


def _crossings(last: Points, other: Points, runs_along: bool) -> list[float]:
    """Where ``other`` crosses the last run ``last`` (its along coordinate if that run goes along, else its
    across one): proper crossings only, not lines that meet or touch."""
    if not runs_along:  # the same with along and across swapped
        last, other = [(c, a) for a, c in last], [(c, a) for a, c in other]
    (a0, c0), (a1, _) = last
    return [
        b0
        for (b0, d0), (b1, d1) in pairwise(other)
        if abs(b0 - b1) < _EPS and _between(c0, d0, d1) and _between(b0, a0, a1)
    ]


def _between(value: float, one: float, other: float) -> bool:
    return min(one, other) + _EPS < value < max(one, other) - _EPS


def _within(value: float, low: float, size: float) -> bool:
    return low - _EPS <= value <= low + size + _EPS
