"""An index of planned routes on the grid, to count crossings before any coordinate exists.

Routes are polylines in grid units (rows and columns at odd numbers, the
channels between them at even ones).  Two segments cross when each passes
strictly through the other; segments that meet in one channel are left to
the track order (:mod:`.tracks`), which keeps them apart.  An index over
bands of rows keeps each query local, so choosing among a route's shapes
costs about the same on a 10,000-step flow as on a small one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

__all__ = ["RouteIndex", "Segment", "cross", "route_crossings", "segment_crossings", "segments_of"]

Point = tuple[float, float]
_BAND = 8.0  # rows of the along axis per bucket


Segment = tuple[bool, float, float, float]  # runs along the ranks?, its fixed coordinate, low, high


def _segments(points: Sequence[Point]) -> list[Segment]:
    out = []
    append = out.append
    if not points:
        return out
    p0, p1 = points[0]
    for q0, q1 in points[1:]:
        if p1 == q1:  # along: the across coordinate is fixed
            if p0 != q0:
                append((True, p1, p0 if p0 <= q0 else q0, p0 if p0 >= q0 else q0))
        else:
            append((False, p0, p1 if p1 <= q1 else q1, p1 if p1 >= q1 else q1))
        p0, p1 = q0, q1
    return out


def cross(a: Segment, b: Segment) -> float:
    """1 for a sure crossing; 0.5 when one ends on the other inside a channel, where the
    track order decides and a cycle of such turns costs a crossing; else 0."""
    if a[0] == b[0]:
        return 0.0
    v, h = (a, b) if a[0] else (b, a)
    _, across, lo_a, hi_a = v
    _, along, lo_c, hi_c = h
    inside_v = lo_a < along < hi_a
    inside_h = lo_c < across < hi_c
    if inside_v and inside_h:
        return 1.0
    if (inside_h and lo_a <= along <= hi_a) or (inside_v and lo_c <= across <= hi_c):
        return 0.5
    return 0.0


def _band_range(segment: Segment) -> range:
    along, fixed, low, high = segment
    first, last = (low, high) if along else (fixed, fixed)
    return range(int(first // _BAND), int(last // _BAND) + 1)


class RouteIndex:
    """Every route's grid segments, bucketed by the bands of the along axis they touch.

    In a bucket, a route's segments are kept in two lists, across ([0]) and along ([1]), in the
    order they come: only segments running the other way can cross, so a query reads one list.
    """

    def __init__(self, polylines: Sequence[Sequence[Point]]) -> None:
        self._buckets: dict[int, dict[int, tuple[list[tuple[Segment, int]], ...]]] = defaultdict(dict)
        self._lines: dict[int, list[Segment]] = {}
        for number, points in enumerate(polylines):
            self.put(number, points)

    def put(self, number: int, points: Sequence[Point]) -> None:
        """Add route ``number``, replacing what it was before."""
        if number in self._lines:
            self.remove(number)
        segments = _segments(points)
        self._lines[number] = segments
        buckets = self._buckets
        for segment in segments:
            along, fixed, low, high = segment
            first, last = (int(low // _BAND), int(high // _BAND)) if along else (int(fixed // _BAND),) * 2
            entry = (segment, first)
            for band in range(first, last + 1):
                bucket = buckets[band]
                split = bucket.get(number)
                if split is None:
                    split = bucket[number] = ([], [])
                split[along].append(entry)

    def remove(self, number: int) -> None:
        for segment in self._lines.pop(number, []):
            for band in _band_range(segment):
                self._buckets[band].pop(number, None)

    def crossings(
        self, points: Sequence[Point], skip: set[int], same_target: set[int], limit: float = float("inf")
    ) -> float:
        """How many times ``points`` would cross the indexed routes not in ``skip``.

        Routes in ``same_target`` join this one before its shape, so touching them costs nothing.
        A pair of segments is weighed once, in the first band both touch.  Counting stops once
        past ``limit``: the caller only needs to know the route is no better than one it has.
        """
        total = 0.0
        buckets = self._buckets
        for mine in _segments(points):
            # cross inlined: ``mine`` against the segments running the other way
            mine_along, fixed, low, high = mine
            other_way = 0 if mine_along else 1
            start, last = (int(low // _BAND), int(high // _BAND)) if mine_along else (int(fixed // _BAND),) * 2
            for band in range(start, last + 1):  # _band_range(mine)
                bucket = buckets.get(band)
                if not bucket:
                    continue
                for other, split in bucket.items():
                    if other in skip:
                        continue
                    for segment, first in split[other_way]:
                        if (first if first > start else start) != band:
                            continue
                        if mine_along:
                            _, along, lo_c, hi_c = segment
                            across, lo_a, hi_a = fixed, low, high
                        else:
                            _, across, lo_a, hi_a = segment
                            along, lo_c, hi_c = fixed, low, high
                        inside_v = lo_a < along < hi_a
                        inside_h = lo_c < across < hi_c
                        if inside_v and inside_h:
                            total += 1.0
                        elif (inside_h and lo_a <= along <= hi_a) or (inside_v and lo_c <= across <= hi_c):
                            if other in same_target:
                                continue
                            total += 0.5
                        else:
                            continue
                        if total > limit:
                            return total
        return total

    def crossers(self, points: Sequence[Point], skip: set[int]) -> set[int]:
        """The indexed routes not in ``skip`` that ``points`` crosses or turns against."""
        found: set[int] = set()
        for mine in _segments(points):
            for band in _band_range(mine):
                for other, split in self._buckets.get(band, {}).items():
                    if (
                        other not in skip
                        and other not in found
                        and any(cross(mine, segment) for segment, _ in split[0 if mine[0] else 1])
                    ):
                        found.add(other)
        return found


def route_crossings(a: Sequence[Point], b: Sequence[Point]) -> float:
    """How many times two grid polylines cross (halves for turns inside one channel)."""
    return segment_crossings(_segments(a), _segments(b))


def segments_of(points: Sequence[Point]) -> list[Segment]:
    """A grid polyline's segments, for :func:`segment_crossings` (worked out once for many pairs)."""
    return _segments(points)


def segment_crossings(a: Sequence[Segment], b: Sequence[Segment]) -> float:
    """:func:`route_crossings` of two polylines given by their segments."""
    total = 0.0
    for p in a:
        for q in b:
            if p[0] is not q[0]:  # cross is 0 for two segments running the same way
                total += cross(p, q)
    return total
