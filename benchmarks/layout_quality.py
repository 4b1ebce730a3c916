"""How good a drawing is, measured on its geometry: crossings, bends, length, area, crowding, arrowheads.

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

__all__ = ["Quality", "Segment", "crossing_pairs", "measure", "segments_of"]

_EPS = 0.5
_NEAR = 20.0  # parallel lines closer than this…
_LONG = 100.0  # …over more than this are hard to tell apart
_CELL = 200.0  # bucket size of the spatial index


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
    return _EPS < gap < _NEAR and overlap > _LONG


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
    )
