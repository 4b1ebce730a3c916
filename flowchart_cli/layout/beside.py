"""An arrival that runs down just beside a stranger into the side of the step next to it enters that step's top.

A line that comes down a channel a few pixels from a shape S and turns into
the side of the step T beside S reads as S → T: its last stub looks like S's
way out (review 15: "Incompleta" came down beside the end step "Expediente
cerrado por falta de documentación" into "Recordar al asegurado", so a new
agent read "closed, then remind"; "Accepted" came down beside "Offer the job
to the next operator" and read as its next step). It is arrivals.py's case
turned on its side: there the line ran along just under S into T's top and
now enters by the side; here it ran down just beside S into T's side and now
runs on along its row and drops into T's top, where that top is free, the
new pieces keep clear of every shape, line and lane border, nothing runs on
into a stranger's line, the drop is not itself just under a stranger, and no
more lines cross.  The drop takes the middle of the top where it can, else
the nearest place along the top's flat part (a line straight above the
middle, out of the step over T, would read as that step's).

The line's other end is read the same way, backwards: a way out of a side
that turns up just beside a stranger on its source's row leaves by the
source's top instead (review 16: the way back from "Wait in the lounge"
turned up 25 px short of the end "Guest checked in", as if the wait led
into it). Never a decision's outcome: its corner and its label are the
answer's.

LR drawings are handled with x and y swapped (the line ran along beside a
stranger into T's top or bottom and now enters by T's left), and a line that
came up beside a stranger with the drawing upside down: it enters T's bottom
(never an off-page connector's tip), or LR its right.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from .arrivals import (
    Line,
    apart_from_lines,
    clear_of_shapes,
    crossings,
    runs_on,
    side_taken,
    swap_point,
    swap_rect,
)
from .geometry import Point, Rect
from .shapes import inset

__all__ = ["top_entries"]

_NEAR = 32.0  # a run this close beside a shape's edge (its first two tracks) reads as leaving it
_ROW = 4.0  # the stub into T lies on S's row, give or take this
_LEAST_DROP = 24.0  # the drop into the top, at least: room for the arrowhead
_STEP = 10.0  # places tried along the top, this far apart
_END_AIR = 12.0  # a drop off the middle keeps this far inside the top's flat part
_RUN_ON_ROW = 16.0  # another line's run this close above or below a stub into a side seems to go on into it


def top_entries(
    lines: Sequence[Line],
    boxes: Sequence[Rect],
    ends: Sequence[tuple[int, int]],
    kinds: Sequence[str],
    walls: Sequence[Line] = (),
) -> list[Line]:
    """``lines`` with every arrival that ran just beside a stranger into its target's side re-entered by
    the target's top, where that is clear (see the module's docstring)."""
    out = list(lines)
    for swapped, flipped in ((False, False), (True, False), (False, True), (True, True)):
        frame = _Frame(swapped, flipped)
        for number in range(len(out)):
            moved = _from_above(out, number, boxes, ends, kinds, walls, frame)
            if moved is None and kinds[ends[number][0]] != "decision":  # a decision's outcomes keep their corners
                moved = _from_above(out, number, boxes, ends, kinds, walls, frame, leaving=True)
            if moved is not None:
                out[number] = moved
    return out


class _Frame:
    """The drawing seen so that the case at hand is a line coming down into a top: ``swapped`` exchanges x
    and y (LR), ``flipped`` turns it upside down (a line coming up into a bottom: review 17's "Entregar o
    novo produto" ran along under the end "Cliente reembolsado" and up beside it into "Novo produto
    entregue")."""

    def __init__(self, swapped: bool, flipped: bool) -> None:
        self.swapped, self.flipped = swapped, flipped
        self.top = {(False, False): "top", (True, False): "left", (False, True): "bottom", (True, True): "right"}[
            swapped, flipped
        ]

    def point(self, p: Point) -> Point:
        q = swap_point(p) if self.swapped else p
        return Point(q.x, -q.y) if self.flipped else q

    def back(self, p: Point) -> Point:
        q = Point(p.x, -p.y) if self.flipped else p
        return swap_point(q) if self.swapped else q

    def rect(self, r: Rect) -> Rect:
        q = swap_rect(r) if self.swapped else r
        return Rect(q.x, -q.bottom, q.width, q.height) if self.flipped else q


def _from_above(
    lines: list[Line],
    number: int,
    boxes: Sequence[Rect],
    ends: Sequence[tuple[int, int]],
    kinds: Sequence[str],
    walls: Sequence[Line],
    frame: _Frame,
    leaving: bool = False,
) -> Line | None:
    """The line dropped into its target's top, or ``None``. Worked out as if it came down beside the
    stranger (``frame``: x and y exchanged, for a line that ran along beside it; upside down, for one that
    came up beside it, into the target's bottom). ``leaving``: the same
    for the line's other end, read backwards (a way out of a side that turns up just beside a stranger
    leaves by the top instead: review 16's "Wait in the lounge" seemed to lead on into "Guest checked in")."""
    point, rect = frame.point, frame.rect
    source, target = ends[number]
    if leaving:
        source, target = target, source
    line = [point(p) for p in (reversed(lines[number]) if leaving else lines[number])]
    if source == target or len(line) < 4:
        return None
    a, b, c, d = line[-4:]
    if not (abs(a.y - b.y) < 0.01 and abs(b.x - c.x) < 0.01 and b.y < c.y and abs(c.y - d.y) < 0.01):
        return None  # not along a row, down a channel and across into a side
    goal = rect(boxes[target])
    left_of_drop = d.x < c.x
    if not goal.y <= d.y <= goal.bottom or (goal.right > c.x if left_of_drop else goal.x < c.x):
        return None
    others = [tuple(point(p) for p in other) for k, other in enumerate(lines) if k != number]
    strange = [o for k, o in enumerate(lines) if k != number and target not in ends[k]]
    if not _beside_stranger(c, left_of_drop, boxes, (source, target), rect) and not _runs_on_from(
        c, left_of_drop, [tuple(point(p) for p in o) for o in strange]
    ):
        return None
    if any(abs(p.x - d.x) < 0.5 and abs(p.y - d.y) < 0.5 for other in others for p in (other[0], other[-1])):
        return None  # one line of a merged arrival or of a shared way out: the trunk stays
    top_taken = side_taken([tuple(map(swap_point, o)) for o in others], swap_rect(goal), "left")  # on its side
    if goal.y - a.y < _LEAST_DROP or top_taken:
        return None
    shapes = [rect(box) for k, box in enumerate(boxes) if k != target]
    strangers = [rect(box) for k, box in enumerate(boxes) if k not in (source, target)]
    borders = [tuple(point(p) for p in wall) for wall in walls]
    old = crossings(list(itertools.pairwise(line[-4:])), others)
    if kinds[target] == "offpage" and frame.top == "bottom":  # its tip: only ever a way out
        return None
    middle = inset(kinds[target], boxes[target], frame.top, 0.0)
    for x in _places(goal, b.x):
        offset = x - (goal.x + goal.width / 2)
        depth = inset(kinds[target], boxes[target], frame.top, offset)
        if abs(depth - middle) > 0.01 or (offset and kinds[target] == "decision"):
            continue  # the top is not flat there: only its middle takes a line
        turn, entry = Point(x, a.y), Point(x, goal.y + depth)
        if any(s.x - 1 <= x <= s.right + 1 and 0 <= a.y - s.bottom <= _NEAR for s in strangers):
            continue  # a drop just under a stranger reads as its way out (arrivals.py)
        changed = [(b, turn), (turn, entry)] if (x - b.x) * (b.x - a.x) > 0 else [(turn, entry)]
        if not clear_of_shapes(changed, shapes) or not apart_from_lines(changed, [*others, *borders]):
            continue
        if runs_on(changed, number, lines, ends, point):
            continue
        if crossings([(a, turn), (turn, entry)], others) > old:
            continue
        head = line[:-3] if abs(x - a.x) > 0.5 else line[:-4]
        path = [frame.back(p) for p in [*head, turn, entry]]
        return tuple(reversed(path)) if leaving else tuple(path)
    return None


def _beside_stranger(
    corner: Point, left_of_drop: bool, boxes: Sequence[Rect], own: tuple[int, int], rect: Callable[[Rect], Rect]
) -> bool:
    """Whether a shape other than the line's own two stands just across the channel from the target,
    on the row the line turns into it."""
    for k, box in enumerate(boxes):
        if k in own:
            continue
        s = rect(box)
        gap = s.x - corner.x if left_of_drop else corner.x - s.right
        if 0 <= gap <= _NEAR and s.y - _ROW <= corner.y <= s.bottom + _ROW:
            return True
    return False


def _runs_on_from(corner: Point, left_of_drop: bool, others: Sequence[Line]) -> bool:
    """Whether another line's run along a row stops just across the channel from the corner the line turns
    into its target by, on about its row: the stub into the target reads as that line's (review 17: "Yes"
    came down 20 px beside the loop out of "Email a reminder", whose run stopped 14 px above "Yes"'s stub
    into "Fault fixed remotely", and read as "Email a reminder → Fault fixed remotely")."""
    for other in others:
        for p, q in itertools.pairwise(other):
            if abs(p.y - q.y) > 0.01 or abs(p.y - corner.y) > _RUN_ON_ROW:
                continue
            near = min(p.x, q.x) if left_of_drop else max(p.x, q.x)
            gap = near - corner.x if left_of_drop else corner.x - near
            if 0 <= gap <= _NEAR:
                return True
    return False


def _places(goal: Rect, toward: float) -> list[float]:
    """Where along the target's top a drop may come down: the middle first, then outwards, nearer the
    channel the line came down first."""
    middle = goal.x + goal.width / 2
    room = goal.width / 2 - max(min(goal.height / 2, goal.width / 4), _END_AIR)
    steps = int(room // _STEP) if room > 0 else 0
    places = [middle]
    for k in range(1, steps + 1):
        pair = (middle + k * _STEP, middle - k * _STEP)
        places += sorted(pair, key=lambda x: abs(x - toward))
    return places
