"""A line that leaves a shape by the side another line enters it leaves by the side it turns toward instead.

A side that holds an arrowhead in and a line out a few px apart reads as one
line passing by, or as the arrow going on out: review 8 could not tell which
line entered "Aplicar una nueva evaluación al estudiante" and which left it,
both on its bottom side 15 px apart.  Once every line has its points, a line
out of a step (not a decision: its answers' labels belong to their sides)
that leaves by a side where another line arrives, and turns left or right
right after its stub, leaves by that side instead, where it is free, the new
pieces keep clear of every shape and of every other line and lane border,
nothing runs on into a stranger, and no more lines cross.

LR drawings are handled with x and y swapped.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from .arrivals import Line, apart_from_lines, clear_of_shapes, crossings, runs_on, swap_point, swap_rect
from .geometry import Point, Rect
from .shapes import inset

__all__ = ["own_side_departures"]

_STUB = 16.0  # the new stub out of the side before the line turns down


def own_side_departures(
    lines: Sequence[Line],
    boxes: Sequence[Rect],
    ends: Sequence[tuple[int, int]],
    kinds: Sequence[str],
    walls: Sequence[Line] = (),
) -> list[Line]:
    """``lines`` with each departure that shares its side with an arrival moved to the side it turns toward."""
    out = list(lines)
    for swapped in (False, True):
        for number, (source, target) in enumerate(ends):
            if source == target or kinds[source] == "decision" or len(out[number]) < 3:
                continue
            moved = _moved(out, number, boxes, ends, kinds, swapped, walls)
            if moved is not None:
                out[number] = moved
    return out


def _moved(
    lines: list[Line],
    number: int,
    boxes: Sequence[Rect],
    ends: Sequence[tuple[int, int]],
    kinds: Sequence[str],
    swapped: bool,
    walls: Sequence[Line],
) -> Line | None:
    """The line out of its source's left or right side (top or bottom when ``swapped``), or ``None``: worked
    out as if it left by the bottom or the top."""
    point = swap_point if swapped else (lambda p: p)
    rect = swap_rect if swapped else (lambda r: r)
    source = ends[number][0]
    box = rect(boxes[source])
    line = [point(p) for p in lines[number]]
    start, corner, after = line[0], line[1], line[2]
    on_bottom, on_top = abs(start.y - box.bottom) < 2.5, abs(start.y - box.y) < 2.5
    if not (on_bottom or on_top) or not box.x < start.x < box.right:
        return None
    if abs(corner.x - start.x) > 0.01 or abs(after.y - corner.y) > 0.01 or abs(after.x - corner.x) < 1:
        return None
    others = [tuple(point(p) for p in other) for k, other in enumerate(lines) if k != number]
    if not any(_on_side(other[-1], box, on_bottom) for other in others):  # no arrowhead shares its side
        return None
    left = after.x < corner.x
    if any(_on_flank(p, box, left) for other in others for p in (other[0], other[-1])):
        return None
    real = {(True, False): "left", (False, False): "right", (True, True): "top", (False, True): "bottom"}
    depth = inset(kinds[source], boxes[source], real[left, swapped], 0.0)
    middle = box.y + box.height / 2
    exit_ = Point(box.x + depth if left else box.right - depth, middle)
    x = box.x - _STUB if left else box.right + _STUB
    if (after.x - x) * (x - corner.x) <= 0 or abs(after.x - x) < 1:  # it would turn back on itself
        return None
    out, down = Point(x, middle), Point(x, corner.y)
    changed = [(exit_, out), (out, down)]
    shapes = [rect(b) for k, b in enumerate(boxes) if k != source]
    borders = [tuple(point(p) for p in wall) for wall in walls]
    if not clear_of_shapes(changed, shapes) or not apart_from_lines(changed, [*others, *borders]):
        return None
    if runs_on(changed, number, lines, ends, point):
        return None
    old_pieces = list(itertools.pairwise(line[:3]))
    new_pieces = [*changed, (down, after)]
    if crossings(new_pieces, others) > crossings(old_pieces, others):
        return None
    return tuple(point(p) for p in [exit_, out, down, *line[2:]])


def _on_side(p: Point, box: Rect, bottom: bool) -> bool:
    """Whether ``p`` ends on ``box``'s bottom (``bottom``) or top side."""
    edge = box.bottom if bottom else box.y
    return box.x - 2 <= p.x <= box.right + 2 and abs(p.y - edge) < 2.5 + box.height * 0.3


def _on_flank(p: Point, box: Rect, left: bool) -> bool:
    """Whether ``p`` (a line's end) lies on ``box``'s left (``left``) or right side."""
    inside = box.y + 2 < p.y < box.bottom - 2 and box.x - 2 <= p.x <= box.right + 2
    return inside and (p.x < box.x + box.width * 0.3 if left else p.x > box.right - box.width * 0.3)
