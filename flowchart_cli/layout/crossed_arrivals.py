"""Two lines into one step that cross on their way there join where they cross.

A crossing between two lines that end in the same shape tells the reader
nothing but costs a look: which line goes where? (review 12: "Send the
refusal with the returns policy" came down beside the lane and into the side
of "Return refused", across the line from "Explain why the return was
refused" into its top.) The line that reaches the crossing first along its
own way stops there and goes on along the other: a merged arrival, one
arrowhead, nothing crossed. Only where the join is not on the other line's
stub out of its step (it would read as leaving that step), the line keeps its
own stub, it crosses no more lines than before, and it is at most a little
longer.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from .arrivals import Line, crossings
from .geometry import Point
from .lengths import line_length

__all__ = ["crossed_arrivals_joined"]

_LONGER = 1.15  # a joined line may be this much longer than its own way
_CLEAR_OF_ENDS = 20.0  # px: a crossing this close to a line's bend or end is no place to join (a tangle)


def crossed_arrivals_joined(lines: Sequence[Line], ends: Sequence[tuple[int, int]]) -> list[Line]:
    """``lines`` with each line that crosses another line into its target joined into that one there."""
    out = list(lines)
    by_target: dict[int, list[int]] = {}
    for number, (_, target) in enumerate(ends):
        by_target.setdefault(target, []).append(number)
    for numbers in by_target.values():
        for a, b in itertools.permutations(numbers, 2):
            joined = _joined(out[a], out[b])
            if joined is None:
                continue
            others = [line for k, line in enumerate(out) if k not in (a, b)]
            if crossings(_pieces(joined), others) > crossings(_pieces(out[a]), others):
                continue
            out[a] = joined
    return out


def _joined(line: Line, other: Line) -> Line | None:
    """``line`` up to where it first crosses ``other``, then along ``other`` to its end; ``None`` where they
    do not cross, or cross on either's stub out of its step, or the joined line is too long."""
    for i in range(1, len(line) - 1):
        p, q = line[i], line[i + 1]
        for j in range(1, len(other) - 1):
            r, s = other[j], other[j + 1]
            at = _crossing(p, q, r, s)
            if at is None:
                continue
            joined = (*line[: i + 1], at, *other[j + 1 :])
            return joined if line_length(joined) <= _LONGER * line_length(line) else None
    return None


def _crossing(p: Point, q: Point, r: Point, s: Point) -> Point | None:
    """Where an across piece and an along piece pass strictly through each other, clear of their ends."""
    if abs(p.x - q.x) < 0.01 and abs(r.y - s.y) < 0.01:
        at = Point(p.x, r.y)
    elif abs(p.y - q.y) < 0.01 and abs(r.x - s.x) < 0.01:
        at = Point(r.x, p.y)
    else:
        return None
    inside = all(
        min(u.x, v.x) + _CLEAR_OF_ENDS < at.x < max(u.x, v.x) - _CLEAR_OF_ENDS
        or min(u.y, v.y) + _CLEAR_OF_ENDS < at.y < max(u.y, v.y) - _CLEAR_OF_ENDS
        for u, v in ((p, q), (r, s))
    )
    return at if inside else None


def _pieces(line: Line) -> list[tuple[Point, Point]]:
    return list(itertools.pairwise(line))
