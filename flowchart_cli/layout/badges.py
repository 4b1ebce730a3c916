"""Room between a line and the number badge of a step it passes: over the badge it seemed to enter that step.

A step's number sits in a pill on its top-left corner, a little above the
shape, where a track 11 px above the shape runs through it. In a printed
part "Does the parent want the escort service? Yes" ran across the top of
"Book as a regular passenger", over its "5", into the step beside it, and a
reviewer read "Yes" as leading to step 5 (review 6). When the drawing shows
numbers, the channel of such a run keeps more room below its tracks, so the
run stands :data:`BADGE_ROOM` clear of the badge. Only that channel grows;
the tracks stay where they were (as in :mod:`.turns`). The same beside a
badge: it stands out past its step's side, so a line passing that side the
usual 16 px off ran 4 px from the "2" (review 18).
"""

from __future__ import annotations

from itertools import pairwise

from .annotations import number_badge
from .frame import Frame
from .geometry import Rect
from .lines import edge_points
from .turns import grow_below

__all__ = ["BADGE_ROOM", "clear_badges"]

BADGE_ROOM = 8.0  # from a run past a badge to the badge's edge
_WIDEST = 88  # a two-digit number: the widest pill a step of a handout's flow gets


def clear_badges(f: Frame, size: float) -> None:
    """Grow, in place, each along-gap where a line runs less than :data:`BADGE_ROOM` before the number badge
    (set at ``size`` px) of a step of the next row that is neither of its ends, and each across-gap where a
    line runs down (LR: along) that close beside such a badge, which stands out past its step's side."""
    boxes = [f.node_rect(n) for n in range(len(f.p.flow.steps))]
    badges = [
        _along_across(number_badge(box, _WIDEST, size, step.kind or "process"), f.lr)
        for box, step in zip(boxes, f.p.flow.steps, strict=True)
    ]
    need: dict[int, float] = {}
    beside: dict[tuple[int, int], float] = {}  # (across-gap, 1: room after its tracks): px more
    for route in f.p.routes:
        for (a0, c0), (a1, c1) in pairwise(edge_points(f, route, boxes)):
            across = abs(a0 - a1) <= 0.01
            if not across and abs(c0 - c1) > 0.01:
                continue
            low, high = (min(c0, c1), max(c0, c1)) if across else (min(a0, a1), max(a0, a1))
            for node, row in enumerate(f.p.rank):
                if node in (route.source, route.target):
                    continue
                start, end, first, last = badges[node]
                if across and low < last and high > first and 0 <= start - a0 < BADGE_ROOM and a0 < f.row_at[row]:
                    need[row] = max(need.get(row, 0.0), BADGE_ROOM - (start - a0))
                column = f.p.grid.column[node]  # the run lies in the channel before the badge's column
                alongside = not across and low < end and high > start and f.gap_at[column] <= c0
                if alongside and 0 <= first - c0 < BADGE_ROOM:
                    beside[(column, 1)] = max(beside.get((column, 1), 0.0), BADGE_ROOM - (first - c0))
    grow_below(f, need)
    f.keep_room({}, beside)


def _along_across(r: Rect, lr: bool) -> tuple[float, float, float, float]:
    """The badge's extent along the flow (start, end), then across it (first, last), in the frame's axes."""
    return (r.x, r.right, r.y, r.bottom) if lr else (r.y, r.bottom, r.x, r.right)
