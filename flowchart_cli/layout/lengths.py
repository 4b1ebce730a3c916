"""How long a planned route will be on the page, before any channel has its size.

The router works in grid units (rows and columns at odd numbers, channels
between them at even ones).  To keep loops short it needs their length in
pixels: a row is about as tall as its shapes plus a gap, a column about as
wide as its shapes plus a gap, and a line starts and ends on the outline of
its shapes, not at their centres.  The estimate is the mean pitch of each
axis, which is close enough to tell a channel next door from a way round the
outside of the drawing.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["DETOUR_LIMIT", "PixelScale", "estimated_detour", "pixel_scale"]

DETOUR_LIMIT = 1.3
"""Planned lines longer than this many times the distance between their ends (plus four text heights) are
re-planned; the drawing's own limit is 1.5, the rest is the estimate's margin."""
TEXT_HEIGHTS = 4 * 13.0
_ALONG_GAP = 30.0  # a typical channel between two rows
_ACROSS_GAP = 40.0  # and between two columns


@dataclass(frozen=True, slots=True)
class PixelScale:
    """Pixels per grid unit along the ranks and across them, and each node's half size (along, across)."""

    along: float
    across: float
    half: Sequence[tuple[float, float]]


def pixel_scale(column: Sequence[int], along: Sequence[float], across: Sequence[float]) -> PixelScale:
    """The mean pitch of rows and columns, halved (a row or a column is two grid units)."""
    if not along:
        return PixelScale(35.0, 100.0, ())
    widest: dict[int, float] = {}
    for node, col in enumerate(column):
        widest[col] = max(widest.get(col, 0.0), across[node])
    row_pitch = sum(along) / len(along) + _ALONG_GAP
    column_pitch = sum(widest.values()) / len(widest) + _ACROSS_GAP
    half = tuple((a / 2, c / 2) for a, c in zip(along, across, strict=True))
    return PixelScale(row_pitch / 2, column_pitch / 2, half)


def estimated_detour(points: Sequence[tuple[float, float]], source: int, target: int, scale: PixelScale) -> float:
    """The line's estimated length over the distance between its ends plus four text heights.

    ``points`` are the route's grid points from the source's centre to the target's.
    """
    px = [(a * scale.along, c * scale.across) for a, c in points]
    if len(px) < 2 or not scale.half:
        return 1.0
    px[0] = _towards(px[0], px[1], scale.half[source])
    px[-1] = _towards(px[-1], px[-2], scale.half[target])
    length = 0.0
    for (a0, c0), (a1, c1) in itertools.pairwise(px):
        length += abs(a1 - a0) + abs(c1 - c0)
    (a0, c0), (a1, c1) = px[0], px[-1]
    return length / (abs(a1 - a0) + abs(c1 - c0) + TEXT_HEIGHTS)


def _towards(point: tuple[float, float], toward: tuple[float, float], half: tuple[float, float]) -> tuple[float, float]:
    """A shape's centre moved to its outline on the way to the next point."""
    a, c = point
    if abs(toward[0] - a) > abs(toward[1] - c):
        return a + (half[0] if toward[0] > a else -half[0]), c
    if abs(toward[1] - c) > 0:
        return a, c + (half[1] if toward[1] > c else -half[1])
    return point
