"""A line out of a side that jogs down a channel to come back over its target drops straight onto it instead.

The router runs every side exit down a channel between columns and then
along the channel above the target's row, so a line out of a decision's
corner into the step below and beside it is drawn as a Z: out to the gap,
down, back over, and a short drop into the top (review 11: "Account
suspended" ran down beside connector B and then along its top edge, under
its letter). Once every line has its points, such a line runs on along its
first row to the middle of its target and drops straight into its top, an L,
where the new pieces keep clear of every shape and of every other line and
lane border, nothing runs on into a stranger, no more lines cross, and the
target's top is its alone (a merged arrival keeps its trunk).

LR drawings are handled with x and y swapped.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from .arrivals import Line, apart_from_lines, clear_of_shapes, crossings, runs_on, swap_point, swap_rect
from .geometry import Point, Rect

__all__ = ["straight_drops"]

_APART_ALONG = 60.0  # a new piece on one straight line with another line's keeps this far from it (a whole
# row's drop put "Seguimiento"'s line 50 px short of "¿Satisfecho?"'s, and they read as one)
_LEAST_DROP = 24.0  # the drop into the top, at least: room for the arrowhead and a label on the row


def straight_drops(
    lines: Sequence[Line],
    boxes: Sequence[Rect],
    ends: Sequence[tuple[int, int]],
    walls: Sequence[Line] = (),
    stubs: Sequence[float] = (),
) -> list[Line]:
    """``lines`` with every Z out of a side into a top below drawn as an L where that is clear. ``stubs``
    gives, line by line, how long a run out of the side its label needs (none: a line that passes over its
    target and comes back keeps its Z)."""
    out = list(lines)
    for swapped in (False, True):
        for number in range(len(out)):
            stub = None if swapped or number >= len(stubs) else stubs[number]
            dropped = _dropped(out, number, boxes, ends, walls, swapped, stub)
            if dropped is not None:
                out[number] = dropped
    return out


def _dropped(
    lines: list[Line],
    number: int,
    boxes: Sequence[Rect],
    ends: Sequence[tuple[int, int]],
    walls: Sequence[Line],
    swapped: bool,
    stub: float | None = None,
) -> Line | None:
    """The line as an L, or ``None``. Worked out as if it arrived at the top (``swapped``: x and y exchanged).
    A line that runs past its target and comes back is made an L only where the run out of the side keeps
    ``stub`` px (its label's room)."""
    point = swap_point if swapped else (lambda p: p)
    rect = swap_rect if swapped else (lambda r: r)
    line = [point(p) for p in lines[number]]
    if len(line) != 5:
        return None
    a, b, c, d, e = line
    across_first = abs(a.y - b.y) < 0.01 and abs(b.x - c.x) < 0.01 and abs(c.y - d.y) < 0.01
    if not (across_first and abs(d.x - e.x) < 0.01 and b.y < c.y < e.y):
        return None  # not out of a side, down a channel, back over and down into a top
    if (b.x - a.x) * (d.x - b.x) <= 0 and (stub is None or (e.x - a.x) * (b.x - a.x) < stub * abs(b.x - a.x)):
        # the run over the target comes back: the stub out is as long as its label needs, unless the drop
        # leaves it that long (review 14: "No reply in 30 min" ran past "Call the customer" to the channel
        # its way back came up, down it and back over: one line on the page with the way back)
        return None
    source, target = ends[number]
    goal = rect(boxes[target])
    if e.y - a.y < _LEAST_DROP or not goal.x < e.x < goal.right:
        return None
    others = [tuple(point(p) for p in other) for k, other in enumerate(lines) if k != number]
    if any(abs(other[-1].x - e.x) < 0.5 and abs(other[-1].y - e.y) < 0.5 for other in others):
        return None  # a merged arrival: its trunk stays
    turn = Point(e.x, a.y)
    changed = [(a, turn), (turn, e)]
    shapes = [rect(box) for k, box in enumerate(boxes) if k not in (source, target)]
    source_box = rect(boxes[source])
    if source_box.x - 1 <= e.x <= source_box.right + 1:
        return None  # the drop would run down the source's own side
    borders = [tuple(point(p) for p in wall) for wall in walls]
    if not clear_of_shapes(changed, shapes) or not apart_from_lines(changed, [*others, *borders]):
        return None
    # a line out of the target's bottom goes on where the drop stops, through the shape: that reads right
    through = [() if ends[k][0] == target else other for k, other in enumerate(lines)]
    if runs_on(changed, number, through, ends, point, _APART_ALONG):
        return None
    if crossings(changed, others) > crossings(list(itertools.pairwise(line)), others):
        return None
    return (point(a), point(turn), point(e))
