"""Room between a line that turns just before the side of a shape it does not go to and that shape.

A decision's side stub carries its label, and the eye follows it on: where
it turns just before a step beside it, it seems to point into that step
(review 18: in a printed part "Not yet" turned 21 px before the end "Claim
declined", and "Não" 16 px before the diamond "Qual a gravidade?"). Where a
line runs across and turns less than :data:`SIDE_TURN_ROOM` before the side
of a stranger level with the turn, the column channel keeps more room on the
stranger's side, so the turn stands that far off. Only that channel grows;
the tracks stay where they were (as in :mod:`.turns`).

A step's (not a decision's) way out of a side that turns just beside a
stranger on its row is beside.py's: it leaves by the top or bottom it turns
to instead, where that is clear (review 16's "Wait in the lounge"), and
the drawing stays as narrow as it was. Those ways out are left alone at
first; the ones beside.py could not move are given their room afterwards
(:func:`left_beside`, then :func:`clear_side_turns` again).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence

from .frame import Frame
from .geometry import Point
from .lines import edge_points
from .turns import MIDDLE

__all__ = ["SIDE_TURN_ROOM", "clear_side_turns", "left_beside"]

SIDE_TURN_ROOM = 32.0  # from a turn to the side of a shape straight ahead, level with it
_EPS = 0.01

Points = Sequence[tuple[float, float]]


def clear_side_turns(f: Frame, kept: Collection[int] = ()) -> bool:
    """Grow, in place, each across-gap where a line running across turns less than :data:`SIDE_TURN_ROOM`
    before the side of a shape of the next column, level with the turn's middle, that is neither of its
    ends; a way out beside.py may move (see the module's docstring) only when its route's number is in
    ``kept``. Whether anything grew."""
    boxes = [f.node_rect(n) for n in range(len(f.p.flow.steps))]
    turns = _Turns(f)
    need: dict[tuple[int, int], float] = {}  # (across-gap, 0 room before its tracks | 1 after): px more
    for number, route in enumerate(f.p.routes):
        for gap, side, short in turns.short(number, edge_points(f, route, boxes), leave_beside=number not in kept):
            need[(gap, side)] = max(need.get((gap, side), 0.0), short)
    f.keep_room({}, need)
    return bool(need)


def left_beside(f: Frame, lines: Sequence[Sequence[Point]]) -> list[int]:
    """The routes whose ways out :func:`clear_side_turns` left to beside.py and that, as ``lines`` finally
    draws them, still turn too close before a stranger on their source's row."""
    along_across = (lambda p: (p.x, p.y)) if f.lr else (lambda p: (p.y, p.x))
    turns = _Turns(f)
    return [
        number
        for number, line in enumerate(lines)
        if any(turns.short(number, [along_across(p) for p in line], only_beside=True))
    ]


class _Turns:
    """The frame's shapes by column and the sides lines already take, worked out once for every line."""

    def __init__(self, f: Frame) -> None:
        self.f = f
        self.taken = {(r.source, r.exit) for r in f.p.routes} | {(r.target, r.entry) for r in f.p.routes}
        self.in_column: dict[int, list[int]] = defaultdict(list)
        for node, column in enumerate(f.p.grid.column):
            self.in_column[column].append(node)

    def short(
        self, number: int, points: Points, *, leave_beside: bool = False, only_beside: bool = False
    ) -> Iterator[tuple[int, int, float]]:
        """(across-gap, side, px short) for each turn of route ``number`` drawn as ``points`` (along, across)
        that stands less than :data:`SIDE_TURN_ROOM` before a stranger: with ``leave_beside``, not the ways
        out beside.py may move; with ``only_beside``, only those."""
        f = self.f
        route = f.p.routes[number]
        source = route.source
        turns = zip(points, points[1:], points[2:], strict=False)
        for index, ((a0, c0), (a1, c1), (a2, c2)) in enumerate(turns):
            if abs(a0 - a1) > _EPS or abs(c0 - c1) < _EPS or abs(c1 - c2) > _EPS:
                continue  # not a run across that turns along
            ahead = 1 if c1 > c0 else -1
            gap = _gap_at(f, c1)
            if gap is None:
                continue
            toward = "t" if a2 < a1 else "b"
            movable = index == 0 and f.p.flow.steps[source].kind != "decision" and (source, toward) not in self.taken
            for node in self.in_column.get(gap if ahead > 0 else gap - 1, ()):
                if node in (source, route.target):
                    continue
                beside = movable and f.p.rank[node] == f.p.rank[source]
                if (leave_beside and beside) or (only_beside and not beside):
                    continue
                middle, centre = f.node_center(node)
                level = abs(a1 - middle) <= f.along[node] / 2 * (1 - 2 * MIDDLE)
                off = (centre - ahead * f.across[node] / 2 - c1) * ahead
                if level and 0 <= off < SIDE_TURN_ROOM:
                    yield gap, (1 if ahead > 0 else 0), SIDE_TURN_ROOM - off


def _gap_at(f: Frame, across: float) -> int | None:
    """The across-gap (column channel) that holds ``across``, if any."""
    gap = bisect.bisect_right(f.gap_at, across + _EPS) - 1
    if gap >= 0 and across <= f.gap_at[gap] + f.gap_size[gap] + _EPS:
        return gap
    return None
