"""An arrival that seems to come out of the shape above it enters its target by the side instead.

A line that runs along just under a shape S, then drops into the top of the
shape T right below S, reads as S → T: a reviewer read "Ask the policyholder"
→ "Loss assessor's report" where the line came from "Does the assessor need
more information? No", and in a printed part an off-page connector's tip
seemed to feed the step under it.  Where such a line came down a channel
beside T, it goes on down that channel and enters T by the side facing it,
as a person drawing it would.  Only when that side is free, the new pieces
keep clear of every shape (by the frame's 10 px) and of every other line
(by the track gap), and no more lines cross than before.  Where another line
into T already takes that side, the line goes on down its channel to that
line and joins it: one merged arrival.

LR drawings arrive mostly by a target's left side: the same holds with x and
y swapped (the line enters by the top or bottom instead).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from .geometry import Point, Rect
from .route_index import cross, segments_of
from .shapes import inset

__all__ = [
    "RUN_ON",
    "Line",
    "apart_from_lines",
    "clear_of_shapes",
    "crossings",
    "runs_on",
    "side_arrivals",
    "side_taken",
    "swap_point",
    "swap_rect",
]

_NEAR = 32.0  # a run this close past a shape's edge (its first two tracks) reads as leaving it
_STUB = 11.0  # the least side stub: the arrowhead's room
_SIDE = 16.0  # a side stub made for it, where the line ran closer
_CLEAR = 10.0  # from any other shape (the frame keeps tracks 10 px off shapes)
_APART = 19.5  # from a parallel piece of another line (tracks lie 20 px apart)
RUN_ON = 40.0  # two pieces on one straight line closer than this read as one line

Line = tuple[Point, ...]


def side_arrivals(
    lines: Sequence[Line], boxes: Sequence[Rect], ends: Sequence[tuple[int, int]], kinds: Sequence[str]
) -> list[Line]:
    """``lines`` with every arrival that runs just past a stranger's edge into the target behind it
    re-entered by the target's side, where that is clear (see the module's docstring)."""
    out = list(lines)
    for number, (source, target) in enumerate(ends):
        if source == target or len(out[number]) < 4:
            continue
        for swapped in (False, True):
            moved = _side_entry(out, number, boxes, ends, kinds, swapped)
            if moved is not None:
                out[number] = moved
                break
    return out


def swap_point(p: Point) -> Point:
    """``p`` with x and y exchanged: an LR drawing worked out as a TB one."""
    return Point(p.y, p.x)


def swap_rect(r: Rect) -> Rect:
    return Rect(r.y, r.x, r.height, r.width)


def _side_entry(
    lines: list[Line],
    number: int,
    boxes: Sequence[Rect],
    ends: Sequence[tuple[int, int]],
    kinds: Sequence[str],
    swapped: bool,
) -> Line | None:
    """The line re-entered by its target's side, or ``None``.  Worked out as if it arrived at the top
    (``swapped``: x and y exchanged, for an arrival at the left)."""
    point = swap_point if swapped else (lambda p: p)
    rect = swap_rect if swapped else (lambda r: r)
    source, target = ends[number]
    a, b, c, d = (point(p) for p in lines[number][-4:])
    goal = rect(boxes[target])
    if not (abs(c.x - d.x) < 0.01 and c.y < d.y and abs(b.y - c.y) < 0.01 and abs(a.x - b.x) < 0.01 and a.y < b.y):
        return None
    if not goal.y - 0.5 <= d.y <= goal.y + goal.height / 2:
        return None
    if not any(
        k not in (source, target) and (s := rect(box)).x - 1 <= d.x <= s.right + 1 and 0 <= c.y - s.bottom <= _NEAR
        for k, box in enumerate(boxes)
    ):
        return None
    line = [point(p) for p in lines[number]]
    others = [tuple(point(p) for p in other) for k, other in enumerate(lines) if k != number]
    shapes = [rect(box) for k, box in enumerate(boxes) if k != target]
    joined = _joined_sooner(line, others, shapes)
    if joined is not None and not runs_on(joined[1], number, lines, ends, point):
        return tuple(point(p) for p in joined[0])
    side = "left" if b.x < goal.x else "right" if b.x > goal.right else ""
    if not side:
        return None
    real_side = {("left", False): "left", ("right", False): "right", ("left", True): "top", ("right", True): "bottom"}
    if kinds[target] == "offpage" and real_side[side, swapped] == "bottom":  # its tip: only ever a way out
        return None
    depth = inset(kinds[target], boxes[target], real_side[side, swapped], 0.0)
    middle = goal.y + goal.height / 2
    entry = Point(goal.x + depth if side == "left" else goal.right - depth, middle)
    if side_taken(others, goal, side):
        # another line into the same target takes the side: on along the run past the stranger and into
        # that line where it runs across to the side, one merged arrival (review 12: "Dejar firme el abono"
        # came up beside "Disputa cerrada…" into "Enviar carta de resolución", whose other side a third
        # line took, as if out of the end shape)
        ours = [tuple(point(p) for p in other) for k, other in enumerate(lines) if k != number and ends[k][1] == target]
        joined = _joined_at_side(line, ours, goal, side)
        if joined is None:
            return None
        path, pieces, rest = joined
        into = [other for other in others if other not in rest]  # the line joined is no line to keep apart from
        if not clear_of_shapes(pieces, shapes) or not apart_from_lines(pieces, into):
            return None
        if runs_on(pieces, number, lines, ends, point):
            return None
        if crossings(list(itertools.pairwise(line[-4:])), others) < crossings(pieces, others):
            return None
        return tuple(point(p) for p in path)
    merged = any(abs(other[-1].x - line[-1].x) < 0.5 and abs(other[-1].y - line[-1].y) < 0.5 for other in others)
    late = None if merged else _late_turn(line, entry, side, middle)  # one line of a merged arrival stays in it
    for shaped in (_down_channel(line, entry, side, middle), late):
        if shaped is None:
            continue
        path, old_pieces, new_pieces, changed = shaped
        if not clear_of_shapes(changed, shapes) or not apart_from_lines(changed, others):
            continue
        if runs_on(changed, number, lines, ends, point):
            continue
        # the whole run down the channel counts: a line it met end to end where it turned may now cross it
        if crossings(old_pieces, others) < crossings(new_pieces, others):
            continue
        return tuple(point(p) for p in path)
    return None


_Shaped = tuple[list[Point], list[tuple[Point, Point]], list[tuple[Point, Point]], list[tuple[Point, Point]]]


def _joined_sooner(
    line: list[Point], others: list[Line], shapes: list[Rect]
) -> tuple[list[Point], list[tuple[Point, Point]]] | None:
    """On down the channel the line came down as far as the run of a line it merges with, and on along
    that one: the two join there, not in a run past the stranger (review 10: "Reembolsar o pedido inteiro"
    ran up beside "Explicar ao cliente…" into "Avisar o cliente…", whose other line came up one channel
    later). The new points and the one new piece; ``None`` where no merged line runs across below, or the
    new piece is not clear."""
    a, b, d = line[-4], line[-3], line[-1]
    for other in others:
        if abs(other[-1].x - d.x) > 0.5 or abs(other[-1].y - d.y) > 0.5 or len(other) < 3:
            continue
        for k in range(len(other) - 2):
            p, q = other[k], other[k + 1]
            if abs(p.y - q.y) > 0.01 or not b.y < p.y < d.y or not min(p.x, q.x) < b.x < max(p.x, q.x):
                continue
            join = Point(b.x, p.y)
            rest = [o for o in others if o is not other]
            new = [(a, join)]
            if not clear_of_shapes([(b, join)], shapes) or not apart_from_lines([(b, join)], rest):
                return None
            if crossings(new, rest) > crossings(list(itertools.pairwise(line[-4:])), rest):
                return None
            return [*line[:-3], join, *other[k + 1 :]], [(b, join)]
    return None


def _joined_at_side(
    line: list[Point], ours: list[Line], goal: Rect, side: str
) -> tuple[list[Point], list[tuple[Point, Point]], list[Line]] | None:
    """On down the channel the line came down as far as the last run of a line into the same target's
    ``side``, and on along it into that side: the new points, the one new piece, and the lines joined
    (``None`` where no such run crosses the channel below the turn)."""
    b = line[-3]
    for other in ours:
        if len(other) < 2:
            continue
        p, q = other[-2], other[-1]
        at_side = q.x < goal.x + goal.width * 0.3 if side == "left" else q.x > goal.right - goal.width * 0.3
        if abs(p.y - q.y) > 0.01 or not at_side or not b.y < q.y:  # its tip may stand in a shape's curve
            continue
        if not min(p.x, q.x) < b.x < max(p.x, q.x):
            continue
        join = Point(b.x, q.y)
        return [*line[:-3], join, q], [(b, join)], [other]
    return None


def _down_channel(line: list[Point], entry: Point, side: str, middle: float) -> _Shaped | None:
    """On down the channel the line came down, then across into the side: the new points, the pieces
    replaced, the pieces replacing them and what of those is new on the page."""
    a, b = line[-4], line[-3]
    old_pieces = list(itertools.pairwise(line[-4:]))
    head = line[:-3]  # up to the run down the channel (``a``), kept
    x = b.x
    if abs(entry.x - x) < _STUB:  # the channel's run too close to the target for a side stub: moved
        # out to a short stub's length, where the piece before it runs across to it and stays as long
        x = entry.x - _SIDE if side == "left" else entry.x + _SIDE
        if len(line) < 5 or abs(line[-5].y - a.y) > 0.01 or abs(line[-5].x - x) < _SIDE:
            return None
        if (line[-5].x - x) * (line[-5].x - a.x) <= 0:  # it would turn back on itself
            return None
        old_pieces.insert(0, (line[-5], a))
        head = [*line[:-4], Point(x, a.y)]
    turn = Point(x, middle)
    if x == b.x:
        new_pieces = [(a, turn), (turn, entry)]
        changed = [(b, turn), (turn, entry)]  # what is new on the page
    else:
        new_pieces = [(head[-2], head[-1]), (head[-1], turn), (turn, entry)]
        longer = abs(head[-1].x - head[-2].x) > abs(a.x - head[-2].x)  # the piece before grew: only that is new
        changed = [*([(a, head[-1])] if longer else []), (head[-1], turn), (turn, entry)]
    return [*head, turn, entry], old_pieces, new_pieces, changed


def _late_turn(line: list[Point], entry: Point, side: str, middle: float) -> _Shaped | None:
    """Along the run past the stranger as far as a side stub's length short of the target, then down
    and into its side: where a shape stands below the channel's run (review 5: "O paciente confirmou
    presença? Não" ran just under "Procedimento autorizado" into "Aguardar novo contato" below it, and
    the way on down its channel was blocked by "Enviar orientações")."""
    b, c, d = line[-3], line[-2], line[-1]
    x = entry.x - _SIDE if side == "left" else entry.x + _SIDE
    if (x - b.x) * (c.x - b.x) <= 0 or abs(x - b.x) < _SIDE:  # not on the way along the run
        return None
    corner, turn = Point(x, c.y), Point(x, middle)
    old_pieces = [(b, c), (c, d)]
    new_pieces = [(b, corner), (corner, turn), (turn, entry)]
    return [*line[:-2], corner, turn, entry], old_pieces, new_pieces, [(corner, turn), (turn, entry)]


def side_taken(others: list[Line], goal: Rect, side: str) -> bool:
    """Whether another line leaves or enters ``goal`` by ``side`` (one arrowhead per side, no crowding)."""
    for line in others:
        for p in (line[0], line[-1]):
            inside = goal.y + 2 < p.y < goal.bottom - 2 and goal.x - 2 <= p.x <= goal.right + 2
            near = p.x < goal.x + goal.width * 0.3 if side == "left" else p.x > goal.right - goal.width * 0.3
            if inside and near:
                return True
    return False


def clear_of_shapes(pieces: list[tuple[Point, Point]], shapes: list[Rect]) -> bool:
    for p, q in pieces:
        low_x, high_x, low_y, high_y = min(p.x, q.x), max(p.x, q.x), min(p.y, q.y), max(p.y, q.y)
        for s in shapes:
            if (
                low_x < s.right + _CLEAR
                and s.x - _CLEAR < high_x
                and low_y < s.bottom + _CLEAR
                and s.y - _CLEAR < high_y
            ):
                return False
    return True


def apart_from_lines(pieces: list[tuple[Point, Point]], others: list[Line]) -> bool:
    """Whether no piece runs along another line's piece closer than the track gap."""
    for p, q in pieces:
        vertical = abs(p.x - q.x) < 0.01
        for line in others:
            for r, s in itertools.pairwise(line):
                if vertical and abs(r.x - s.x) < 0.01:
                    overlap = min(max(p.y, q.y), max(r.y, s.y)) - max(min(p.y, q.y), min(r.y, s.y))
                    if overlap > 0 and abs(p.x - r.x) < _APART:
                        return False
                if not vertical and abs(r.y - s.y) < 0.01:
                    overlap = min(max(p.x, q.x), max(r.x, s.x)) - max(min(p.x, q.x), min(r.x, s.x))
                    if overlap > 0 and abs(p.y - r.y) < _APART:
                        return False
    return True


def runs_on(
    pieces: list[tuple[Point, Point]],
    number: int,
    lines: Sequence[Line],
    ends: Sequence[tuple[int, int]],
    point: Callable[[Point], Point],
    gap_least: float = RUN_ON,
) -> bool:
    """Whether a piece lies on one straight line with a piece of a line that shares neither end step with
    this one, less than ``gap_least`` (:data:`RUN_ON`) short of it: the eye would join the two
    (continuations.py)."""
    source, target = ends[number]
    for k, other in enumerate(lines):
        if k == number or ends[k][0] == source or ends[k][1] == target:
            continue
        mapped = [point(p) for p in other]
        for p, q in pieces:
            vertical = abs(p.x - q.x) < 0.01
            for r, s in itertools.pairwise(mapped):
                if vertical and abs(r.x - s.x) < 0.5 and abs(p.x - r.x) < 0.5:
                    gap = max(min(r.y, s.y) - max(p.y, q.y), min(p.y, q.y) - max(r.y, s.y))
                elif not vertical and abs(r.y - s.y) < 0.5 and abs(p.y - r.y) < 0.5:
                    gap = max(min(r.x, s.x) - max(p.x, q.x), min(p.x, q.x) - max(r.x, s.x))
                else:
                    continue
                if gap < gap_least:
                    return True
    return False


def crossings(pieces: list[tuple[Point, Point]], others: list[Line]) -> int:
    """Proper crossings of ``pieces`` with the other lines' pieces (route_index's rule: each passes
    strictly through the other)."""
    mine = segments_of([(p.x, p.y) for piece in pieces for p in piece])
    theirs = [segments_of([(p.x, p.y) for p in line]) for line in others]
    return sum(cross(a, b) == 1.0 for a in mine for line in theirs for b in line)
