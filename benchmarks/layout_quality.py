"""How good a drawing is, measured on its geometry: crossings, bends, length, area, crowding, arrowheads,
shared runs, detours, lines that seem to run on into one another and the order of a decision's outcomes.

The layout tests and ``benchmarks/bench_layout.py`` read the same numbers, so
a rule the tests enforce is the one the benchmark reports.  Lines are the
orthogonal polylines of :class:`~.geometry.EdgePath`; two lines that run on
top of each other (a shared trunk or a merge) do not cross, and a line that
ends on another one (a merge point) does not cross it either.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from flowchart_cli.layout.geometry import Diagram, Point, Rect

__all__ = [
    "Quality",
    "Segment",
    "continuations",
    "crossing_pairs",
    "crossings_near_tips",
    "detours",
    "measure",
    "misordered_outcomes",
    "segments_of",
    "shared_runs",
    "stranger_arrivals",
    "turns_before_strangers",
]

_EPS = 0.5
_NEAR = 20.0  # parallel lines closer than this…
_LONG = 100.0  # …over more than this are hard to tell apart
_CELL = 200.0  # bucket size of the spatial index
_SHARED = 1.5  # two lines this close to collinear…
_RUN_ON = 40.0  # two collinear pieces of line whose ends are closer than this read as one line
_TEXT_HEIGHTS = 4  # a line's detour is its length over the distance between its ends plus this many text heights


@dataclass(frozen=True, slots=True)
class Segment:
    """One straight piece of line ``edge``: from (x0, y0) to (x1, y1), x0 <= x1 and y0 <= y1."""

    edge: int
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def vertical(self) -> bool:
        return self.x1 - self.x0 < _EPS

    @property
    def length(self) -> float:
        return (self.x1 - self.x0) + (self.y1 - self.y0)


@dataclass(frozen=True, slots=True)
class Quality:
    """The numbers of one drawing; ``arrowheads`` is the most arrowheads any one shape side receives."""

    nodes: int
    crossings: int
    outcome_crossings: int
    arrival_crossings: int
    bends_per_line: float
    length: float
    area_per_node: float
    close_runs: int
    arrowheads: int
    shared_runs: int = 0
    worst_detour: float = 0.0
    misordered_outcomes: int = 0
    continuations: int = 0
    misleading_ends: int = 0
    """Lines whose end reads as another shape's: arrivals past a stranger, turns just before one, crossings just
    before an arrowhead (review 3 and 4)."""


def segments_of(edge: int, points: Sequence[Point]) -> list[Segment]:
    """The straight pieces of a polyline, each with its ends sorted."""
    return [
        Segment(edge, min(p.x, q.x), min(p.y, q.y), max(p.x, q.x), max(p.y, q.y))
        for p, q in itertools.pairwise(points)
        if abs(p.x - q.x) + abs(p.y - q.y) > _EPS
    ]


def _buckets(segments: Sequence[Segment]) -> dict[tuple[int, int], list[int]]:
    index: dict[tuple[int, int], list[int]] = defaultdict(list)
    for number, s in enumerate(segments):
        for cx in range(int(s.x0 // _CELL), int(s.x1 // _CELL) + 1):
            for cy in range(int(s.y0 // _CELL), int(s.y1 // _CELL) + 1):
                index[(cx, cy)].append(number)
    return index


def _candidate_pairs(segments: Sequence[Segment]) -> Iterable[tuple[Segment, Segment]]:
    """Pairs of segments of different lines that share a bucket, each pair once."""
    seen: set[tuple[int, int]] = set()
    for members in _buckets(segments).values():
        for a, b in itertools.combinations(members, 2):
            if segments[a].edge == segments[b].edge or (a, b) in seen:
                continue
            seen.add((a, b))
            yield segments[a], segments[b]


def _cross(a: Segment, b: Segment) -> bool:
    """A proper crossing: one vertical, one horizontal, each passing strictly through the other."""
    if a.vertical == b.vertical:
        return False
    v, h = (a, b) if a.vertical else (b, a)
    return h.x0 + _EPS < v.x0 < h.x1 - _EPS and v.y0 + _EPS < h.y0 < v.y1 - _EPS


def crossing_pairs(lines: Sequence[Sequence[Point]]) -> list[tuple[int, int]]:
    """Every crossing between two different lines, as the pair of line numbers (once per crossing)."""
    segments = [s for n, points in enumerate(lines) for s in segments_of(n, points)]
    return [(a.edge, b.edge) for a, b in _candidate_pairs(segments) if _cross(a, b)]


def _close(a: Segment, b: Segment) -> bool:
    """Parallel, closer than ``_NEAR`` but not on top of each other, side by side over ``_LONG``."""
    if a.vertical != b.vertical:
        return False
    if a.vertical:
        gap, overlap = abs(a.x0 - b.x0), min(a.y1, b.y1) - max(a.y0, b.y0)
    else:
        gap, overlap = abs(a.y0 - b.y0), min(a.x1, b.x1) - max(a.x0, b.x0)
    return _EPS < gap < _NEAR - 1e-6 and overlap > _LONG  # exactly 20 px apart is clear (float noise aside)


def _border(number: int, band: Rect, lr: bool) -> Segment:
    """A lane's leading border: its left edge in TB, its top edge in LR."""
    if lr:
        return Segment(number, band.x, band.y, band.right, band.y)
    return Segment(number, band.x, band.y, band.x, band.bottom)


def _side(box: Rect, end: Point) -> str:
    distances = {
        "top": abs(end.y - box.y),
        "bottom": abs(end.y - box.bottom),
        "left": abs(end.x - box.x),
        "right": abs(end.x - box.right),
    }
    return min(distances, key=lambda side: distances[side])


def arrowheads_per_side(diagram: Diagram) -> dict[tuple[str, str], int]:
    """For each (step key, side) that lines arrive at, how many distinct arrow tips it gets."""
    tips: dict[tuple[str, str], set[tuple[float, float]]] = defaultdict(set)
    boxes = {node.key: node.box for node in diagram.nodes}
    for edge in diagram.edges:
        end = edge.points[-1]
        tips[(edge.target, _side(boxes[edge.target], end))].add((round(end.x, 1), round(end.y, 1)))
    return {place: len(points) for place, points in tips.items()}


def measure(diagram: Diagram) -> Quality:
    """The quality numbers of ``diagram``."""
    decisions = {node.key for node in diagram.nodes if node.kind == "decision"}
    lines = [edge.points for edge in diagram.edges]
    pairs = crossing_pairs(lines)
    edges = diagram.edges
    outcome = sum(1 for a, b in pairs if edges[a].source == edges[b].source and edges[a].source in decisions)
    arrival = sum(1 for a, b in pairs if edges[a].target == edges[b].target)
    segments = [s for n, points in enumerate(lines) for s in segments_of(n, points)]
    borders = [_border(-1 - n, lane.band, diagram.direction == "LR") for n, lane in enumerate(diagram.lanes)]
    close = sum(1 for a, b in _candidate_pairs([*segments, *borders]) if _close(a, b))
    count = max(1, len(diagram.nodes))
    ends = [(edge.source, edge.target) for edge in edges]
    return Quality(
        nodes=len(diagram.nodes),
        crossings=len(pairs),
        outcome_crossings=outcome,
        arrival_crossings=arrival,
        bends_per_line=sum(max(0, len(p) - 2) for p in lines) / max(1, len(lines)),
        length=sum(s.length for s in segments),
        area_per_node=diagram.width * diagram.height / count,
        close_runs=close,
        arrowheads=max(arrowheads_per_side(diagram).values(), default=0),
        shared_runs=len(shared_runs(lines, ends, diagram.font_size)),
        worst_detour=max(detours(lines, diagram.font_size), default=0.0),
        misordered_outcomes=len(misordered_outcomes(diagram)),
        continuations=len(continuations(lines, ends)),
        misleading_ends=len(stranger_arrivals(diagram))
        + len(turns_before_strangers(diagram))
        + len(crossings_near_tips(diagram)),
    )


def continuations(lines: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]]) -> list[tuple[int, int]]:
    """Every two lines that leave no step together and enter none together, one of whose pieces stops
    less than ``_RUN_ON`` short of a piece of the other on the same straight line: the eye joins them
    into a line from one's source to the other's target that the flow does not have."""
    pieces = [s for n, points in enumerate(lines) for s in segments_of(n, points) if s.length >= _EPS]
    on_line: dict[tuple[bool, int], list[Segment]] = defaultdict(list)  # pieces by their straight line
    for piece in pieces:
        on_line[(piece.vertical, round(piece.x0 if piece.vertical else piece.y0))].append(piece)
    found = set()
    for (vertical, at), here in on_line.items():
        near = here + on_line.get((vertical, at + 1), [])  # a line within _EPS may round to the next pixel
        for a, b in itertools.combinations(near, 2):
            (sa, ta), (sb, tb) = ends[a.edge], ends[b.edge]
            if a.edge == b.edge or sa == sb or ta == tb:
                continue
            if vertical and abs(a.x0 - b.x0) < _EPS:
                gap = max(b.y0 - a.y1, a.y0 - b.y1)
            elif not vertical and abs(a.y0 - b.y0) < _EPS:
                gap = max(b.x0 - a.x1, a.x0 - b.x1)
            else:
                continue
            if -_EPS < gap < _RUN_ON:
                found.add((min(a.edge, b.edge), max(a.edge, b.edge)))
    return sorted(found)


Raw = tuple[tuple[float, float], ...]


def _raw(points: Sequence[Point] | Sequence[tuple[float, float]]) -> Raw:
    return tuple((p.x, p.y) if isinstance(p, Point) else (float(p[0]), float(p[1])) for p in points)


def _pieces(points: Raw) -> list[tuple[float, float, float, float]]:
    return [
        (a[0], a[1], b[0], b[1]) for a, b in itertools.pairwise(points) if abs(a[0] - b[0]) + abs(a[1] - b[1]) > 1e-6
    ]


def _collinear_length(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """How long a stretch of ``b`` lies within :data:`_SHARED` px of ``a``'s line and beside ``a`` itself.

    Works for any direction, so the flattened splines of a peer are measured like our orthogonal lines.
    """
    ax, ay, bx, by = a
    length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
    ux, uy = (bx - ax) / length, (by - ay) / length
    cx, cy, dx, dy = b
    s0 = ux * (cy - ay) - uy * (cx - ax)  # signed distances of b's ends from a's line
    s1 = ux * (dy - ay) - uy * (dx - ax)
    t0 = ux * (cx - ax) + uy * (cy - ay)  # and their places along it
    t1 = ux * (dx - ax) + uy * (dy - ay)
    if abs(s1 - s0) < 1e-9:
        if abs(s0) > _SHARED:
            return 0.0
        lo, hi = 0.0, 1.0
    else:  # the part of b (0..1) where |s0 + (s1 - s0) k| <= _SHARED
        k0, k1 = (-_SHARED - s0) / (s1 - s0), (_SHARED - s0) / (s1 - s0)
        lo, hi = max(0.0, min(k0, k1)), min(1.0, max(k0, k1))
        if hi <= lo:
            return 0.0
    p, q = t0 + (t1 - t0) * lo, t0 + (t1 - t0) * hi
    p, q = min(p, q), max(p, q)
    return max(0.0, min(q, length) - max(p, 0.0))


def shared_runs(
    lines: Sequence[Sequence[Point]] | Sequence[Sequence[tuple[float, float]]],
    ends: Sequence[tuple[str, str]],
    text_height: float,
) -> list[tuple[int, int]]:
    """Pairs of lines with no end in common that run on top of each other for more than ``text_height``.

    "On top" is within 1.5 px of collinear; lines that share a step (the
    outcomes leaving one decision, the lines merging into one arrival) may
    share a trunk, any other pair reads as one line leading somewhere else.
    """
    raws = [_raw(points) for points in lines]
    index: dict[tuple[int, int], list[tuple[int, tuple[float, float, float, float]]]] = defaultdict(list)
    for number, points in enumerate(raws):
        for piece in _pieces(points):
            x0, x1 = sorted((piece[0], piece[2]))
            y0, y1 = sorted((piece[1], piece[3]))
            for cx in range(int((x0 - _SHARED) // _CELL), int((x1 + _SHARED) // _CELL) + 1):
                for cy in range(int((y0 - _SHARED) // _CELL), int((y1 + _SHARED) // _CELL) + 1):
                    index[(cx, cy)].append((number, piece))
    together: dict[tuple[int, int], float] = defaultdict(float)
    seen: set[tuple[tuple[float, ...], tuple[float, ...]]] = set()
    for members in index.values():
        for (m, p), (n, q) in itertools.combinations(members, 2):
            if m == n or set(ends[m]) & set(ends[n]):
                continue
            key = (p, q) if (m, p) < (n, q) else (q, p)
            if key in seen:
                continue
            seen.add(key)
            together[(min(m, n), max(m, n))] += _collinear_length(p, q)
    return sorted(pair for pair, length in together.items() if length > text_height)


def detours(
    lines: Sequence[Sequence[Point]] | Sequence[Sequence[tuple[float, float]]], text_height: float
) -> list[float]:
    """Each line's length over the orthogonal distance between its ends plus four text heights.

    A straight drop is about 1; a loop round the outside of the drawing to a
    step nearby is several.
    """
    out = []
    for line in lines:
        points = _raw(line)
        if len(points) < 2:
            continue
        length = sum(((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5 for a, b in itertools.pairwise(points))
        (x0, y0), (x1, y1) = points[0], points[-1]
        out.append(length / (abs(x1 - x0) + abs(y1 - y0) + _TEXT_HEIGHTS * text_height))
    return out


def misordered_outcomes(diagram: Diagram) -> list[tuple[str, str, str]]:
    """Pairs of a decision's forward outcomes whose targets, in one row, lie in the opposite order to the
    sides they leave by.

    Sides are read across the flow: left, bottom, right in TB; top, right,
    bottom in LR.  Of two targets side by side in one row, the one an outcome
    leaving left leads to must not lie right of the other, or the two lines
    cross or wind round each other.
    """
    boxes = {node.key: node.box for node in diagram.nodes}
    decisions = {node.key for node in diagram.nodes if node.kind == "decision"}
    lr = diagram.direction == "LR"
    order = {"top": 0, "right": 1, "bottom": 2} if lr else {"left": 0, "bottom": 1, "right": 2}
    by_source: dict[str, list[tuple[int, float, str]]] = defaultdict(list)
    for edge in diagram.edges:
        if edge.back or edge.source == edge.target or edge.source not in decisions:
            continue
        side = _side(boxes[edge.source], edge.points[0])
        if side not in order:
            continue
        target = boxes[edge.target].center
        across, along = (target.y, target.x) if lr else (target.x, target.y)
        by_source[edge.source].append((order[side], across, along, edge.target))
    wrong = []
    for source, outs in by_source.items():
        for (sa, ca, la, ta), (sb, cb, lb, tb) in itertools.combinations(outs, 2):
            if sa != sb and abs(la - lb) < 0.5 and (sa - sb) * (ca - cb) < 0 and abs(ca - cb) > 0.5:
                wrong.append((source, ta, tb))
    return wrong


_UNDER = 32.0  # a line's last run this close past a shape's edge reads as coming out of it


def stranger_arrivals(diagram: Diagram) -> list[tuple[str, str, str]]:
    """Every line whose last run passes within :data:`_UNDER` px of a shape that is neither of its ends,
    to arrive right behind it (an arrowhead under its bottom or beside its right side): the eye reads a
    line from that shape, as "Ask the policyholder" → "Loss assessor's report" (source, target, shape). A
    shape with a line of its own into the same target is no stranger: the lines merge into one arrival
    beside it, and reading them as its line is right."""
    found = []
    for edge in diagram.edges:
        feeding = {other.source for other in diagram.edges if other.target == edge.target}
        points = [(p.x, p.y) for p in edge.points]
        if len(points) < 3:
            continue
        for swapped in (False, True):
            flip = [(y, x) for x, y in points] if swapped else points
            (_, by), (cx, cy), (dx, dy) = flip[-3:]
            if not (abs(cx - dx) < 0.01 and cy < dy and abs(by - cy) < 0.01):
                continue
            for node in diagram.nodes:
                if node.key in (edge.source, edge.target) or node.key in feeding:
                    continue
                r = node.box
                x, width, bottom = (r.y, r.height, r.x + r.width) if swapped else (r.x, r.width, r.y + r.height)
                if x - 1 <= dx <= x + width + 1 and 0 <= cy - bottom <= _UNDER:
                    found.append((edge.source, edge.target, node.key))
                    break
    return found


_TURN = 24.0  # a line that turns this close before a shape it does not go to seems to head into it
_SIDE_TURN = 30.0  # the same across the flow, where a side stub and its label lead the eye on (review 18: 21 px)


def turns_before_strangers(diagram: Diagram) -> list[tuple[str, str, str]]:
    """Every line that runs along the flow (down in TB, right in LR) and turns aside less than
    :data:`_TURN` px before the middle of a shape that is neither of its ends, or runs across it and turns
    less than :data:`_SIDE_TURN` px before such a shape's side, level with its middle: the eye reads it as
    heading into that shape ("Há ONT reserva? Sim" into "Substituir o cabo"; "Not yet" into "Claim
    declined")."""
    lr = diagram.direction == "LR"
    found = []
    for edge in diagram.edges:
        points = [(p.y, p.x) if not lr else (p.x, p.y) for p in edge.points]  # (along, across)
        for (a0, c0), (a1, c1), (a2, c2) in zip(points, points[1:], points[2:], strict=False):
            if abs(c0 - c1) < 0.01 and a1 > a0 and abs(a1 - a2) < 0.01:
                ahead, at, limit, flipped = 1, c1, _TURN, False  # a run down (LR: right) that turns across
            elif abs(a0 - a1) < 0.01 and abs(c0 - c1) > 0.01 and abs(c1 - c2) < 0.01:
                ahead, at, limit, flipped = (1 if c1 > c0 else -1), a1, _SIDE_TURN, True  # across, turns along
            else:
                continue
            for node in diagram.nodes:
                if node.key in (edge.source, edge.target):
                    continue
                r = node.box
                top, low, wide, deep = (r.x, r.y, r.height, r.width) if lr else (r.y, r.x, r.width, r.height)
                if flipped:  # the shape's side ahead, and its extent along the flow
                    top, low, wide, deep = low, top, deep, wide
                    near = top if ahead > 0 else top + deep
                    gap = (near - c1) * ahead
                else:
                    gap = top - a1
                if low + 0.2 * wide <= at <= low + 0.8 * wide and 0 <= gap < limit:
                    found.append((edge.source, edge.target, node.key))
    return found


_TIP = 24.0  # a line crossed this close before an arrowhead seems to feed that arrowhead


def crossings_near_tips(diagram: Diagram) -> list[tuple[str, str, str, str]]:
    """Every crossing less than :data:`_TIP` px before the arrowhead of one of the two lines, as (source,
    target) of the line whose arrowhead it is and of the line crossing it: the crossing line seems to feed
    that arrow ("Tell the patient to call emergency services" into "Send the appointment link", review 4)."""
    lines = [edge.points for edge in diagram.edges]
    found = []
    for a, b in crossing_pairs(lines):
        for arrow, other in ((a, b), (b, a)):
            tip, before = lines[arrow][-1], lines[arrow][-2]
            for s in segments_of(other, lines[other]):
                v, h = (s, None) if s.vertical else (None, s)
                if abs(tip.x - before.x) < _EPS and h is not None:  # arrives along x = tip.x: crossed by a run across
                    at = Point(tip.x, h.y0)
                    if not (h.x0 + _EPS < tip.x < h.x1 - _EPS and min(tip.y, before.y) < h.y0 < max(tip.y, before.y)):
                        continue
                elif abs(tip.y - before.y) < _EPS and v is not None:
                    at = Point(v.x0, tip.y)
                    if not (v.y0 + _EPS < tip.y < v.y1 - _EPS and min(tip.x, before.x) < v.x0 < max(tip.x, before.x)):
                        continue
                else:
                    continue
                if abs(at.x - tip.x) + abs(at.y - tip.y) < _TIP:
                    e, o = diagram.edges[arrow], diagram.edges[other]
                    found.append((e.source, e.target, o.source, o.target))
    return found
