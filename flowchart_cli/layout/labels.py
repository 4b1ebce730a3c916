"""Outcome labels beside their lines, clear of shapes, of other lines and of each other.

A branch label first tries its usual place just past the decision's corner;
when that spot would cover a shape, another line or an earlier label, it
tries the other side of its line, then spots further along it, so a reader
never sees a label sitting on a line it does not belong to.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from .geometry import Point, Rect, label_box
from .outcome_text import NARROW, outcome_lines, outcome_size
from .spatial import GridIndex

__all__ = ["LabelRequest", "place_labels"]

_STEP = 14.0  # how far each further try slides along the line
_TRIES = 12  # slides per segment
_CLEAR = 2.0  # empty margin kept between labels
_LINE_CLEAR = 6.0  # and to another line: any closer and the label seems to be that line's
_ROOMY = 10.0  # what a label keeps from other lines where it can: at 6 px beside a loop it read as the loop's
_WORD_GAP = 12.0  # between two labels side by side on one text line: closer, they read as one text
_CROSS_NEAR = 16.0  # another line crossing the label's own line this close to it seems to be the labelled one


@dataclass(frozen=True, slots=True)
class LabelRequest:
    """One line's label: its text, its points, which segment it starts on and its corner ``unit``."""

    text: str
    points: tuple[Point, ...]
    segment: int
    source: Rect
    unit: int
    share: str = ""
    wrap: int = True
    skip: float = 0.0
    """How far along its first segment the label starts at the least (past a stub it shares)."""
    near: bool = False
    """Only by its corner: beside its first segment or the one after it."""


def place_labels(
    requests: Sequence[LabelRequest | None],
    paths: Sequence[Sequence[Point]],
    shapes: Sequence[Rect],
    lr: bool,
    size: float,
) -> list[tuple[Point | None, str, int]]:
    """Where the label of every line in ``paths`` sits (``None`` without one), how its text hangs, and
    whether it is set on several lines when long (its request's ``wrap``, or wrapped to find room)."""
    lines = [_segments(points) for points in paths]
    segments: GridIndex[int] = GridIndex()
    for number, segs in enumerate(lines):
        for seg in segs:
            segments.add(seg, number)
    boxes: GridIndex[None] = GridIndex()
    for shape in shapes:
        boxes.add(shape, None)
    placed: GridIndex[None] = GridIndex()
    out: list[tuple[Point | None, str, int]] = []
    for number, request in enumerate(requests):
        if request is None:
            out.append((None, "start", True))
            continue
        # clear of every other line first: as asked, then (a label kept on one line beside an LR side stub)
        # on a few lines, then on narrow lines; only then beside or over another line, never over a text
        tries = [request, *([] if request.wrap else [replace(request, wrap=True)])]
        if outcome_lines(request.text, size, NARROW) != outcome_lines(request.text, size, tries[-1].wrap):
            tries.append(replace(request, wrap=NARROW))
        found = next(
            (
                (spot, tried)
                for levels in (_STRICT, _LOOSE)
                for tried in tries
                if (spot := _clear_spot(tried, number, lines, segments, boxes, placed, lr, size, levels)) is not None
            ),
            None,
        )
        if found is not None and found[0][1] > request.segment + 1:  # past the corner: narrower by it instead
            # (review 17: "Não, com avarias" on one line found room only 200 px on, beyond a lane border)
            near = replace(request, wrap=NARROW, near=True)
            spot = _clear_spot(near, number, lines, segments, boxes, placed, lr, size, _STRICT)
            found = (spot, near) if spot is not None else found
        if found is None:  # the first segment always offers its usual spot
            found = ((_least_covering(request, segments, number, boxes, placed, lr, size), 0), request)
        (spot, _), tried = found
        placed.add(label_box(tried.text, *spot, size, tried.share, tried.wrap), None)
        out.append((*spot, tried.wrap))
    return out


_STRICT = (  # clear of every line (roomy, then less), a word's gap from labels, then less
    (True, _WORD_GAP, _ROOMY),
    (True, _WORD_GAP, _LINE_CLEAR),
    (True, _CLEAR, _LINE_CLEAR),
)
_LOOSE = ((False, _CLEAR, _LINE_CLEAR),)  # clear of shapes and labels only


def _clear_spot(
    request: LabelRequest,
    number: int,
    lines: list[list[Rect]],
    segments: GridIndex[int],
    boxes: GridIndex[None],
    placed: GridIndex[None],
    lr: bool,
    size: float,
    levels: tuple[tuple[bool, float, float], ...],
) -> tuple[tuple[Point, str], int] | None:
    """The first spot that passes the first of ``levels`` (whether other lines count, the gap kept from the
    labels beside it), else the first that passes the next, ...; with the segment it is beside; ``None`` where
    none does."""
    tall = outcome_size(request.text, size, request.wrap)[1]  # a long label's further lines
    for strict, gap, line_clear in levels:
        for spot, beside in _spots(request, lr, tall):
            box = label_box(request.text, *spot, size, request.share, request.wrap)
            if _clear(
                box, number, lines[number], beside, segments if strict else _NO_LINES, boxes, placed, gap, line_clear
            ):
                return spot, beside
    return None


def _least_covering(
    request: LabelRequest,
    segments: GridIndex[int],
    number: int,
    boxes: GridIndex[None],
    placed: GridIndex[None],
    lr: bool,
    size: float,
) -> tuple[Point, str]:
    """Where no spot is clear: the one covering the least of the shapes and labels, then the fewest other
    lines' segments (the first of equals)."""
    tall = outcome_size(request.text, size, request.wrap)[1]

    def covered(spot: tuple[Point, str]) -> tuple[float, int]:
        box = label_box(request.text, *spot, size, request.share, request.wrap)
        near = [rect for rect, _ in boxes.near(box, 0.0)] + [rect for rect, _ in placed.near(box, 0.0)]
        crossed = sum(1 for seg, line in segments.near(box, 0.0) if line != number and _overlap(box, seg) > 0)
        return sum(_overlap(box, rect) for rect in near), crossed

    spots = [spot for spot, _ in _spots(request, lr, tall)]
    return min(spots, key=covered)


def _overlap(a: Rect, b: Rect) -> float:
    """The area two rectangles share (a zero-width border shares a length: counted as its length)."""
    wide = min(a.right, b.right) - max(a.x, b.x)
    tall = min(a.bottom, b.bottom) - max(a.y, b.y)
    if wide < 0 or tall < 0:
        return 0.0
    return max(wide, 1.0) * max(tall, 1.0)


_NO_LINES: GridIndex[int] = GridIndex()


def _unshared(segment: Rect, own: list[Rect]) -> list[Rect]:
    """The pieces of ``segment`` that do not run along one of ``own`` (lines into one step, or branches
    leaving one corner, share a trunk: a label may sit beside the shared piece, not beside the rest).
    Review 7: "Não" beside its stub sat on the trunk of "Trocar o módulo" below the point where the two
    lines meet, and read as that line's."""
    pieces = [segment]
    for mine in own:
        pieces = [part for piece in pieces for part in _minus(piece, mine)]
    return pieces


def _minus(piece: Rect, mine: Rect) -> list[Rect]:
    """``piece`` less the stretch of it that ``mine`` runs along (``piece`` whole when they do not)."""
    if not _along(piece, mine):
        return [piece]
    vertical = piece.width < 0.01
    low, high = (piece.y, piece.bottom) if vertical else (piece.x, piece.right)
    cut_low, cut_high = (mine.y, mine.bottom) if vertical else (mine.x, mine.right)
    out = []
    for a, b in ((low, min(high, cut_low)), (max(low, cut_high), high)):
        if b - a > 0.01:
            out.append(Rect(piece.x, a, 0.0, b - a) if vertical else Rect(a, piece.y, b - a, 0.0))
    return out


def _along(a: Rect, b: Rect) -> bool:
    vertical = a.width < 0.01 and b.width < 0.01 and abs(a.x - b.x) < 0.01 and a.y < b.bottom and b.y < a.bottom
    horizontal = a.height < 0.01 and b.height < 0.01 and abs(a.y - b.y) < 0.01 and a.x < b.right and b.x < a.right
    return vertical or horizontal


def _segments(points: Sequence[Point]) -> list[Rect]:
    return [Rect(min(p.x, q.x), min(p.y, q.y), abs(p.x - q.x), abs(p.y - q.y)) for p, q in itertools.pairwise(points)]


def _clear(
    box: Rect,
    number: int,
    own: list[Rect],
    beside: int,
    segments: GridIndex[int],
    shapes: GridIndex[None],
    labels: GridIndex[None],
    word_gap: float = _WORD_GAP,
    line_clear: float = _LINE_CLEAR,
) -> bool:
    """Whether a label box keeps clear of other lines (by ``line_clear``), of its own line's other segments, of
    shapes and labels.

    Another line's segment that runs along this line (a shared trunk) does not count.
    """
    # Every test is "box grown by a margin touches rect": the grown box's edges are worked out once.
    left, right = box.x - line_clear, box.x + box.width + line_clear
    top, bottom = box.y - line_clear, box.y + box.height + line_clear
    for segment, line in segments.near(box, line_clear):
        if line == number:
            continue
        for piece in _unshared(segment, own):
            if _behind(piece, own[beside], box):
                continue
            across = left <= piece.x + piece.width and piece.x <= right
            if across and top <= piece.y + piece.height and piece.y <= bottom:
                return False
    if _crossed_beside(box, number, own, segments):
        return False
    # then the label's own line but the segment it sits beside (it must not cover its own bends either),
    # the shapes and the labels placed so far
    left, right = box.x - _CLEAR, box.x + box.width + _CLEAR
    top, bottom = box.y - _CLEAR, box.y + box.height + _CLEAR
    for index, mine in enumerate(own):
        if (
            index != beside
            and left <= mine.x + mine.width
            and mine.x <= right
            and top <= mine.y + mine.height
            and mine.y <= bottom
        ):
            return False
    near_left, near_right = box.x - 1.0, box.x + box.width + 1.0
    near_top, near_bottom = box.y - 1.0, box.y + box.height + 1.0
    for shape, _ in shapes.near(box, 1.0):
        if (
            near_left <= shape.x + shape.width
            and shape.x <= near_right
            and near_top <= shape.y + shape.height
            and shape.y <= near_bottom
        ):
            return False
    # another label: side by side on one text line they need a word's gap, or they read as one text
    side_left, side_right = box.x - word_gap, box.x + box.width + word_gap
    for label, _ in labels.near(box, word_gap):
        if not (top <= label.y + label.height and label.y <= bottom):
            continue
        side_by_side = label.y < box.y + box.height - _CLEAR and box.y < label.y + label.height - _CLEAR
        reach_left, reach_right = (side_left, side_right) if side_by_side else (left, right)
        if reach_left <= label.x + label.width and label.x <= reach_right:
            return False
    return True


def _behind(piece: Rect, trunk: Rect, box: Rect) -> bool:
    """Whether the label's own segment ``trunk`` stands between ``box`` and ``piece``: a branch that turns off
    a stub it shares with the label's line, to the far side, cannot be read as the label's (review 16:
    "No, quedan intentos" was kept off the free side of its stub by "Sí" turning away left from it, and
    went over "Sí"'s turn, where it read as that line's)."""
    if trunk.width < 0.01:  # vertical: the piece across the trunk's run, on the far side of it
        if not (trunk.y <= piece.y and piece.y + piece.height <= trunk.y + trunk.height):
            return False
        if box.x >= trunk.x:
            return piece.x + piece.width <= trunk.x + 0.01
        return box.x + box.width <= trunk.x and piece.x >= trunk.x - 0.01
    if not (trunk.x <= piece.x and piece.x + piece.width <= trunk.x + trunk.width):
        return False
    if box.y >= trunk.y:
        return piece.y + piece.height <= trunk.y + 0.01
    return box.y + box.height <= trunk.y and piece.y >= trunk.y - 0.01


def _crossed_beside(box: Rect, number: int, own: list[Rect], segments: GridIndex[int]) -> bool:
    """Whether another line crosses the label's own line within :data:`_CROSS_NEAR` of the label: "Não" beside
    the stub that the long "Sim" line cuts just above it read as "Não → Encerrar o protocolo" (review 8)."""
    left, right = box.x - _CROSS_NEAR, box.x + box.width + _CROSS_NEAR
    top, bottom = box.y - _CROSS_NEAR, box.y + box.height + _CROSS_NEAR
    for segment, line in segments.near(box, _CROSS_NEAR):
        if line == number:
            continue
        for mine in own:
            point = _crossing(mine, segment)
            if point is not None and left <= point.x <= right and top <= point.y <= bottom:
                return True
    return False


def _crossing(a: Rect, b: Rect) -> Point | None:
    """Where a horizontal and a vertical segment (rects of no width or no height) pass through each other."""
    if a.width < 0.01 and b.height < 0.01:
        a, b = b, a
    if not (a.height < 0.01 and b.width < 0.01):
        return None
    x, y = b.x, a.y
    if a.x < x < a.x + a.width and b.y < y < b.y + b.height:
        return Point(x, y)
    return None


def _spots(request: LabelRequest, lr: bool, tall: float) -> Iterator[tuple[tuple[Point, str], int]]:
    """The usual spot first, then its mirror, then spots sliding along each later segment."""
    last = len(request.points) - 2
    first = min(request.segment, last)
    later = range(first + 1, min(first + 1, last) + 1) if request.near else range(first + 1, last + 1)
    for segment in [first, *later, *([] if request.near else range(first - 1, -1, -1))]:
        skip = request.skip if segment == first else 0.0
        for slide in range(_TRIES):
            spot = _beside(request, segment, skip + slide * _STEP, lr, tall, flip=False)
            if spot is None:
                break
            yield spot, segment
            mirror = _beside(request, segment, skip + slide * _STEP, lr, tall, flip=True)
            if mirror is not None:
                yield mirror, segment


def _beside(
    request: LabelRequest, segment: int, slide: float, lr: bool, tall: float, *, flip: bool
) -> tuple[Point, str] | None:
    """Beside ``segment``, just clear of the source shape's box, ``slide`` further along; a label ``tall``
    px more than one line hangs that much higher above a line or a start.

    Beside a vertical line the label goes right in TB (into the gap below the
    rank) and left in LR (into the room kept before the next rank); above a
    horizontal one.  Lines that share a corner (``unit`` > 0 lies further
    along) put their labels on opposite sides so they never stack.  ``None``
    once the slide runs past the segment's end.
    """
    start, end = request.points[segment], request.points[segment + 1]
    source = request.source if segment == 0 else Rect(start.x, start.y, 0, 0)
    unit = request.unit
    if abs(start.x - end.x) < 0.01:
        down = end.y >= start.y
        if segment == 1 and request.segment == 1 and lr:  # two outcomes out of one side stub: each label
            # a little along its own branch, clear of the stub they share, where it would label both
            slide += _STEP
        y = max(start.y, source.bottom) + 15 + slide if down else min(start.y, source.y) - 7 - slide - tall
        if slide and (y > end.y - 2 if down else y - 12 < end.y + 2):
            return None
        left = (unit < 0 or (lr and unit == 0)) != flip
        if segment == 1 and request.segment == 0 and not lr:  # the run after a side stub: outside the
            # corner first, never in under the shape the stub leaves
            left = (request.points[0].x > start.x) != flip
        return (Point(start.x - 6, y), "end") if left else (Point(start.x + 6, y), "start")
    right = end.x >= start.x
    x = max(start.x, source.right) + 7 + slide if right else min(start.x, source.x) - 7 - slide
    if slide and (x > end.x - 4 if right else x < end.x + 4):
        return None
    below = (unit > 0) != flip
    return Point(x, start.y + 15 if below else start.y - 6 - tall), "start" if right else "end"
