"""Two lines that merge into one arrival from opposite ends of one channel part: one enters by another side.

A merged arrival is lines into one side of a shape that join before it and
share one arrowhead.  When one comes down the channel and the other comes up
it, both turning into the side at the same corner, the page shows one long
line with an arrowhead branching off its middle, and neither line's way is
readable (review 8: "Covered" coming down and "Disputes" coming up one
vertical into "Ask for photos, receipts and a plumber's report"; 17 of 72
drawings had one).  The line coming down then enters the target's top, or the
line coming up its bottom, where that side is free, the new pieces keep clear
of every shape and of every other line, nothing runs on into a stranger, and
no more lines cross than before.

Runs up and down a channel are parted, in TB and LR alike. Two lines along
a row from both sides that meet above (or below) a shape and drop into it
with one arrowhead are the usual drawing of a merge, and read as one, unless
one of them is a way back: then the row reads as a line from one source to
the other (review 10: "Sim" from "O cliente enviou as fotos em 24 h?" and the
way back from "Esperar 2 h e cobrar a resposta do restaurante" met over
"Confirmar o problema com o restaurante", read as "Sim → Esperar 2 h"). One
of them goes on down the channel it came down and enters the side facing it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from .arrivals import RUN_ON, Line, apart_from_lines, clear_of_shapes, crossings, runs_on, side_taken, swap_point
from .geometry import Point, Rect
from .shapes import inset

__all__ = ["parted_arrivals"]

_STUB = 16.0  # the new stub into the top or bottom: room for the arrowhead and a little line
_FURTHEST = 80  # the longest stub tried, where a shorter one would crowd a lane border or a line


def parted_arrivals(
    lines: Sequence[Line],
    boxes: Sequence[Rect],
    ends: Sequence[tuple[int, int]],
    kinds: Sequence[str],
    walls: Sequence[Line] = (),
    back: Sequence[bool] = (),
) -> list[Line]:
    """``lines`` with one line of each opposed merged arrival moved to another side of its target; the new
    pieces keep the track gap from the ``walls`` (lane borders) as from lines. ``back``: which lines are ways
    back (a row's head-on merge is parted only where one is)."""
    out = list(lines)
    for group in _opposed(out):
        for number in group:
            moved = _end_on(out, number, boxes, ends, kinds, walls)
            if moved is not None:
                out[number] = moved
                break
    for group in _opposed_rows(out, back):
        for number in group:
            moved = _side_on(out, number, boxes, ends, kinds, walls)
            if moved is not None:
                out[number] = moved
                break
    return out


def _opposed_rows(lines: Sequence[Line], back: Sequence[bool]) -> list[list[int]]:
    """The lines of each merged arrival into a top or bottom that reach its last corner from both ways along
    the row, one of them a way back: the lines going forward first."""
    return [
        sorted((n for n, _ in members), key=lambda n: n < len(back) and back[n])
        for members in _meeting(lines, along_row=True)
        if any(number < len(back) and back[number] for number, _ in members)
    ]


def _meeting(lines: Sequence[Line], along_row: bool) -> list[list[tuple[int, int]]]:
    """The lines of each merged arrival that reach its last corner from both ways along a channel (``along_row``:
    a row, into a top or bottom; else a column, into a side), each with the way it comes (+1 down or right)."""
    corners: dict[tuple[float, float, float, float], list[tuple[int, int]]] = {}
    for number, line in enumerate(lines):
        if len(line) < 3:
            continue
        a, b, c = line[-3:]
        if along_row:
            a, b, c = swap_point(a), swap_point(b), swap_point(c)
        if abs(b.y - c.y) > 0.01 or abs(a.x - b.x) > 0.01 or abs(a.y - b.y) < 0.01:
            continue
        key = (round(b.x, 1), round(b.y, 1), round(c.x, 1), round(c.y, 1))
        corners.setdefault(key, []).append((number, 1 if a.y < b.y else -1))
    return [members for members in corners.values() if len({way for _, way in members}) > 1]


def _side_on(
    lines: list[Line],
    number: int,
    boxes: Sequence[Rect],
    ends: Sequence[tuple[int, int]],
    kinds: Sequence[str],
    walls: Sequence[Line],
) -> Line | None:
    """The line on down (or up) the channel it came along, or only so far, and into the side of its target
    facing it, or ``None``."""
    line = list(lines[number])
    if len(line) < 4:
        return None
    a, b, c = line[-4:-1]  # a-b along a column, b-c along the row, c-d into the top or bottom
    if abs(a.x - b.x) > 0.01:
        return None
    target = ends[number][1]
    goal = boxes[target]
    side = "left" if b.x < c.x else "right"
    middle = goal.y + goal.height / 2
    if (middle - a.y) * (b.y - a.y) <= 0:  # the run would turn back on itself (it may turn before its end:
        return None  # a line that ran on past the side's height to arrive from below)
    if (side == "left" and b.x > goal.x - _STUB) or (side == "right" and b.x < goal.right + _STUB):
        return None
    others = [other for k, other in enumerate(lines) if k != number]
    if side_taken(others, goal, side):
        return None
    depth = inset(kinds[target], goal, side, 0.0)
    turn = Point(b.x, middle)
    entry = Point(goal.x + depth if side == "left" else goal.right - depth, middle)
    changed = [(b, turn), (turn, entry)]
    shapes = [box for k, box in enumerate(boxes) if k != target]
    if not clear_of_shapes(changed, shapes) or not apart_from_lines(changed, [*others, *walls]):
        return None
    if runs_on(changed, number, lines, ends, lambda p: p):
        return None
    if crossings([(a, turn), (turn, entry)], others) > crossings(list(itertools.pairwise(line[-4:])), others):
        return None
    return (*line[:-3], turn, entry)


def _opposed(lines: Sequence[Line]) -> list[list[int]]:
    """The lines of each merged arrival into a left or right side that reach its last corner from both ways
    along the channel: those coming down first."""
    return [[n for n, _ in sorted(members, key=lambda m: -m[1])] for members in _meeting(lines, along_row=False)]


def _end_on(
    lines: list[Line],
    number: int,
    boxes: Sequence[Rect],
    ends: Sequence[tuple[int, int]],
    kinds: Sequence[str],
    walls: Sequence[Line],
) -> Line | None:
    """The line entering its target by the top (coming down) or the bottom (coming up), or ``None``."""
    target = ends[number][1]
    line = list(lines[number])
    a, b = line[-3], line[-2]
    goal = boxes[target]
    down = a.y < b.y
    side = "top" if down else "bottom"
    if kinds[target] == "offpage" and side == "bottom":  # its tip: only ever a way out
        return None
    others = [other for k, other in enumerate(lines) if k != number]
    borders = list(walls)
    depth = inset(kinds[target], boxes[target], side, 0.0)
    middle = goal.x + goal.width / 2
    entry = Point(middle, goal.y + depth if down else goal.bottom - depth)
    edge = goal.y if down else goal.bottom
    if _end_taken(others, goal, down):
        return _joined(lines, number, boxes, ends, borders, entry, edge)
    # the turn far enough from the other line's corner that the two runs down the channel do not seem one
    # broken line (arrivals.RUN_ON), else a short stub's length from the side, else further out (past a lane
    # border a short stub would run along: a step in a lane hardly taller than itself)
    preferred = max(_STUB, RUN_ON + 1 - abs(b.y - edge))
    for stub in dict.fromkeys((preferred, _STUB, *range(int(_STUB) + 8, _FURTHEST + 1, 8))):
        turn_y = edge - stub if down else edge + stub
        if (turn_y - a.y) * (b.y - a.y) <= 0.5:  # the channel's run would turn back on itself
            continue
        turn, across = Point(b.x, turn_y), Point(middle, turn_y)
        changed = [(turn, across), (across, entry)]
        shapes = [box for k, box in enumerate(boxes) if k != target]
        if not clear_of_shapes(changed, shapes) or not apart_from_lines(changed, [*others, *borders]):
            continue
        if runs_on(changed, number, lines, ends, lambda p: p):
            continue
        old_pieces = list(itertools.pairwise(line[-3:]))
        new_pieces = [(a, turn), *changed]
        if crossings(new_pieces, others) > crossings(old_pieces, others):
            continue
        return (*line[:-2], turn, across, entry)
    return None


def _joined(
    lines: list[Line],
    number: int,
    boxes: Sequence[Rect],
    ends: Sequence[tuple[int, int]],
    walls: Sequence[Line],
    entry: Point,
    edge: float,
) -> Line | None:
    """The line coming down (or up) the channel joining the arrival that already takes its target's top (or
    bottom) where that arrival turns in, or ``None`` where lines leave by that end or none arrives there.

    Review 15: "Sim" came down and the way back from "Ligar para o segurado e reagendar" came up one channel
    into "Agendar data e hora"'s side, and read as "Sim → Ligar"; "Agendar"'s top took a line from the other
    side along its row, which "Sim" now meets head on there, one arrowhead for both.
    """
    source, target = ends[number]
    line = list(lines[number])
    a, b = line[-3], line[-2]
    down = a.y < b.y
    goal = boxes[target]
    at_end = [
        k
        for k, other in enumerate(lines)
        if k != number and any(abs(p.x - entry.x) <= goal.width / 2 + 2 and abs(p.y - edge) <= 4 for p in other)
    ]
    if not at_end or any(ends[k][1] != target or lines[k][-1] != entry for k in at_end):
        return None  # a line leaves by that end, or arrives there somewhere else
    joined = lines[at_end[0]]
    corner = joined[-2]  # where the arrival turns into its last run, straight into the end
    if abs(corner.x - entry.x) > 0.01:
        return None
    if len(joined) >= 3 and abs(joined[-3].y - corner.y) < 0.01 and (joined[-3].x - entry.x) * (b.x - entry.x) > 0:
        return None  # it comes along its row from this line's side: the two would run on top of each other
    join_y = corner.y if abs(edge - corner.y) <= RUN_ON else edge + (-_STUB if down else _STUB)
    if (join_y - a.y) * (b.y - a.y) <= 0.5 or (join_y - corner.y) * (edge - corner.y) < -0.01:
        return None  # the channel's run would turn back on itself, or the join lies past the arrival's turn
    turn, across = Point(b.x, join_y), Point(entry.x, join_y)
    changed = [(turn, across)]
    others = [other for k, other in enumerate(lines) if k != number]
    shapes = [box for k, box in enumerate(boxes) if k not in (source, target)]
    if not clear_of_shapes(changed, shapes) or not apart_from_lines(changed, [*others, *walls]):
        return None
    if runs_on(changed, number, lines, ends, lambda p: p):
        return None
    if crossings([(a, turn), *changed], others) > crossings(list(itertools.pairwise(line[-3:])), others):
        return None
    return (*line[:-2], turn, across, entry)


def _end_taken(others: list[Line], goal: Rect, top: bool) -> bool:
    """Whether another line leaves or enters ``goal`` by its top (``top``) or its bottom."""
    for line in others:
        for p in (line[0], line[-1]):
            inside = goal.x - 2 <= p.x <= goal.right + 2 and goal.y - 2 <= p.y <= goal.bottom + 2
            near = p.y < goal.y + goal.height * 0.3 if top else p.y > goal.bottom - goal.height * 0.3
            if inside and near:
                return True
    return False
