"""Counting crossings between planned routes on the grid, before any coordinate exists.

Routes are polylines in grid units (rows and columns at odd numbers, the
channels between them at even ones).  Two segments cross when each passes
strictly through the other; segments that meet in one channel are left to
the track order (:mod:`.tracks`), which keeps them apart.  An index over
bands of rows keeps each query local, so choosing among a route's shapes
costs about the same on a 10,000-step flow as on a small one.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence

__all__ = ["RouteIndex", "route_crossings"]

Point = tuple[float, float]
_BAND = 8.0  # rows of the along axis per bucket


def _segments(points: Sequence[Point]) -> list[tuple[Point, Point]]:
    return [(p, q) for p, q in itertools.pairwise(points) if p != q]


def _cross(a: tuple[Point, Point], b: tuple[Point, Point]) -> float:
    """1 for a sure crossing; 0.5 when one ends on the other inside a channel, where the
    track order decides and a cycle of such turns costs a crossing; else 0."""
    (a0, a1), (b0, b1) = a, b
    a_along = a0[1] == a1[1]  # runs along the ranks (its across coordinate fixed)
    b_along = b0[1] == b1[1]
    if a_along == b_along:
        return 0.0
    v, h = (a, b) if a_along else (b, a)
    across, lo_a, hi_a = v[0][1], min(v[0][0], v[1][0]), max(v[0][0], v[1][0])
    along, lo_c, hi_c = h[0][0], min(h[0][1], h[1][1]), max(h[0][1], h[1][1])
    inside_v = lo_a < along < hi_a
    inside_h = lo_c < across < hi_c
    if inside_v and inside_h:
        return 1.0
    if (inside_h and along in (lo_a, hi_a)) or (inside_v and across in (lo_c, hi_c)):
        return 0.5
    return 0.0


class RouteIndex:
    """Every route's grid polyline, bucketed by bands of the along axis."""

    def __init__(self, polylines: Sequence[Sequence[Point]]) -> None:
        self._buckets: dict[int, set[int]] = defaultdict(set)
        self._lines: dict[int, list[tuple[Point, Point]]] = {}
        for number, points in enumerate(polylines):
            self.put(number, points)

    @staticmethod
    def _bands(segments: Sequence[tuple[Point, Point]]) -> set[int]:
        bands: set[int] = set()
        for p, q in segments:
            bands.update(range(int(min(p[0], q[0]) // _BAND), int(max(p[0], q[0]) // _BAND) + 1))
        return bands

    def put(self, number: int, points: Sequence[Point]) -> None:
        """Add route ``number``, replacing what it was before."""
        self.remove(number)
        segments = _segments(points)
        self._lines[number] = segments
        for band in self._bands(segments):
            self._buckets[band].add(number)

    def remove(self, number: int) -> None:
        for band in self._bands(self._lines.pop(number, [])):
            self._buckets[band].discard(number)

    def crossings(self, points: Sequence[Point], skip: set[int], same_target: set[int]) -> float:
        """How many times ``points`` would cross the indexed routes not in ``skip``.

        Routes in ``same_target`` join this one before its shape, so touching them costs nothing.
        """
        mine = _segments(points)
        near = set().union(*(self._buckets.get(band, set()) for band in self._bands(mine))) - skip
        total = 0.0
        for other in near:
            for a in mine:
                for b in self._lines[other]:
                    cost = _cross(a, b)
                    total += cost if cost == 1.0 or other not in same_target else 0.0
        return total


def route_crossings(a: Sequence[Point], b: Sequence[Point]) -> float:
    """How many times two grid polylines cross (halves for turns inside one channel)."""
    return sum(_cross(p, q) for p in _segments(a) for q in _segments(b))
