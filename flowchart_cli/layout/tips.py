"""Room between an arrowhead and a line that crosses just before it.

A line crossed a few px before another line's arrowhead seems to feed that
arrow: "Tell the patient to call emergency services" ran across 11 px above
the arrow into "Send the appointment link" (review 4: emergency patients
seemed to get an SMS link), and a loop's climb crossed the arrow into
"Enviar e-mail" 12 px before its tip. Where the crossing line runs in the
channel next to the arrow's shape, that channel keeps more room between its
tracks and the shape, so the crossing stands at least :data:`TIP_ROOM` from
the tip and reads as a crossing. Only that channel grows; no line changes
its route.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from .frame import Frame
from .lines import edge_points

__all__ = ["TIP_ROOM", "clear_tips"]

TIP_ROOM = 26.0  # from a crossing to the tip of the arrow it crosses
_EPS = 0.01

Points = Sequence[tuple[float, float]]


def clear_tips(f: Frame) -> None:
    """Grow, in place, each channel whose tracks cross a line less than :data:`TIP_ROOM` before its arrowhead
    into a shape beside that channel."""
    boxes = [f.node_rect(n) for n in range(len(f.p.flow.steps))]
    lines = [edge_points(f, route, boxes) for route in f.p.routes]
    along: dict[tuple[int, int], float] = {}  # (along-gap, 0 room above its tracks | 1 below): px more
    across: dict[tuple[int, int], float] = {}  # (across-gap, 0 room before its tracks | 1 after): px more
    for number, (route, points) in enumerate(zip(f.p.routes, lines, strict=True)):
        (a0, c0), (a1, c1) = points[-2], points[-1]
        runs_along = abs(c0 - c1) < _EPS
        for other, crossing in enumerate(lines):
            if other == number:
                continue
            for at in _crossings(points[-2:], crossing, runs_along):
                short = TIP_ROOM - abs(a1 - at if runs_along else c1 - at)
                if short <= 0:
                    continue
                if runs_along:  # into the top (coming down) or the bottom of the shape
                    row = f.p.rank[route.target]
                    gap, side = (row, 1) if a1 > a0 else (row + 1, 0)
                    if _within(at, f.hgap_at[gap], f.hgap_size[gap]):
                        along[(gap, side)] = max(along.get((gap, side), 0.0), short)
                else:  # into a side
                    column = f.p.grid.column[route.target]
                    gap, side = (column, 1) if c1 > c0 else (column + 1, 0)
                    if _within(at, f.gap_at[gap], f.gap_size[gap]):
                        across[(gap, side)] = max(across.get((gap, side), 0.0), short)
    for (gap, side), extra in sorted(along.items()):
        if side:
            f.keep_below(gap, extra)
        else:
            f.keep_above(gap, extra)
    for (gap, side), extra in sorted(across.items()):
        f.keep_apart(gap, side, extra)
    if along or across:
        f.place()


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
