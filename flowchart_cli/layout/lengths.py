"""How long a planned route will be on the page, before any channel has its size.

The router works in grid units (rows and columns at odd numbers, channels
between them at even ones).  To keep loops short it needs their length in
pixels: each row is about as tall as its tallest shape, each column as wide
as its widest, with a typical channel between them, and a line starts and
ends on the outline of its shapes, not at their centres.  That is close
enough to tell a channel next door from a way round the outside of the
drawing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["DETOUR_LIMIT", "PixelScale", "estimated_detour", "pixel_scale"]

DETOUR_LIMIT = 1.3
"""Planned lines longer than this many times the distance between their ends (plus four text heights) are
re-planned; the drawing's own limit is 1.5, the rest is the estimate's margin."""
TEXT_HEIGHTS = 4 * 13.0
_ALONG_GAP = 30.0  # a typical channel between two rows
_ACROSS_GAP = 44.0  # and between two columns


@dataclass(frozen=True, slots=True)
class PixelScale:
    """Where each grid unit lies in pixels along the ranks and across them, and each node's half size."""

    along_at: Sequence[float]
    across_at: Sequence[float]
    half: Sequence[tuple[float, float]]


def _positions(sizes: Sequence[float], gap: float) -> tuple[float, ...]:
    """Grid unit 2k is the channel before row (or column) k, 2k + 1 its middle."""
    out = [0.0]
    at = 0.0
    for size in sizes:
        out.append(at + gap / 2 + size / 2)
        at += gap + size
        out.append(at)
    return tuple(out)


def pixel_scale(
    rank: Sequence[int], column: Sequence[int], along: Sequence[float], across: Sequence[float]
) -> PixelScale:
    """Rows as tall as their tallest shape, columns as wide as their widest, typical channels between."""
    rows = [0.0] * (max(rank, default=0) + 1)
    cols = [0.0] * (max(column, default=0) + 1)
    for node, (row, col) in enumerate(zip(rank, column, strict=True)):
        rows[row] = max(rows[row], along[node])
        cols[col] = max(cols[col], across[node])
    half = tuple((a / 2, c / 2) for a, c in zip(along, across, strict=True))
    return PixelScale(_positions(rows, _ALONG_GAP), _positions(cols, _ACROSS_GAP), half)


def estimated_detour(points: Sequence[tuple[float, float]], source: int, target: int, scale: PixelScale) -> float:
    """The line's estimated length over the distance between its ends plus four text heights.

    ``points`` are the route's grid points from the source's centre to the target's; each end is moved
    from the shape's centre to its outline on the way to the next point.
    """
    if len(points) < 2 or not scale.half:
        return 1.0
    along_at, across_at = scale.along_at, scale.across_at
    length = 0.0
    p0, p1 = along_at[int(points[0][0])], across_at[int(points[0][1])]
    for q in points[1:]:
        q0, q1 = along_at[int(q[0])], across_at[int(q[1])]
        length += abs(q0 - p0) + abs(q1 - p1)
        p0, p1 = q0, q1
    s0, s1, cut0 = _outline(points[0], points[1], scale.half[source], scale)
    t0, t1, cut1 = _outline(points[-1], points[-2], scale.half[target], scale)
    return (length - cut0 - cut1) / (abs(t0 - s0) + abs(t1 - s1) + TEXT_HEIGHTS)


def _outline(
    point: tuple[float, float], toward: tuple[float, float], half: tuple[float, float], scale: PixelScale
) -> tuple[float, float, float]:
    """A shape's centre moved to its outline on the way to the next point, in pixels, and the pixels cut."""
    a, c = scale.along_at[int(point[0])], scale.across_at[int(point[1])]
    da, dc = toward[0] - point[0], toward[1] - point[1]
    if abs(da) > abs(dc):
        return a + math.copysign(half[0], da), c, half[0]
    if dc:
        return a, c + math.copysign(half[1], dc), half[1]
    return a, c, 0.0
