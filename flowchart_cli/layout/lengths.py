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

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .geometry import Diagram, Point

__all__ = [
    "DETOUR_LIMIT",
    "DRAWN_DETOUR_LIMIT",
    "PixelScale",
    "estimated_detour",
    "line_length",
    "longest_line",
    "pixel_scale",
]

DETOUR_LIMIT = 1.3
"""Planned lines longer than this many times the distance between their ends (plus four text heights) are
re-planned; the drawing's own limit is 1.5, the rest is the estimate's margin."""
DRAWN_DETOUR_LIMIT = 1.5
"""No drawn line is longer than this many times the distance between its ends (plus four text heights)."""
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
    rank: Sequence[int], column: Sequence[int], along: Sequence[float], across: Sequence[float], columns: int = 0
) -> PixelScale:
    """Rows as tall as their tallest shape, columns as wide as their widest, typical channels between;
    ``columns`` counts the columns of lanes without a step too (a line may run past them)."""
    rows = [0.0] * (max(rank, default=0) + 1)
    cols = [0.0] * max(columns, max(column, default=0) + 1)
    for node, (row, col) in enumerate(zip(rank, column, strict=True)):
        rows[row] = max(rows[row], along[node])
        cols[col] = max(cols[col], across[node])
    half = tuple((a / 2, c / 2) for a, c in zip(along, across, strict=True))
    return PixelScale(_positions(rows, _ALONG_GAP), _positions(cols, _ACROSS_GAP), half)


def estimated_detour(points: Sequence[tuple[int, int]], source: int, target: int, scale: PixelScale) -> float:
    """The line's estimated length over the distance between its ends plus four text heights.

    ``points`` are the route's grid points (whole units) from the source's centre to the target's; each
    end is moved from the shape's centre to its outline on the way to the next point.
    """
    if len(points) < 2 or not scale.half:
        return 1.0
    along_at, across_at = scale.along_at, scale.across_at
    length = 0.0
    first = points[0]
    p0, p1 = along_at[first[0]], across_at[first[1]]
    s0, s1 = p0, p1
    for q in points[1:]:
        q0, q1 = along_at[q[0]], across_at[q[1]]
        length += abs(q0 - p0) + abs(q1 - p1)
        p0, p1 = q0, q1
    # each end from the shape's centre to its outline, towards the next point
    (ha, hc), nxt = scale.half[source], points[1]
    if abs(nxt[0] - first[0]) > abs(nxt[1] - first[1]):
        s0 += ha if nxt[0] > first[0] else -ha
        length -= ha
    elif nxt[1] != first[1]:
        s1 += hc if nxt[1] > first[1] else -hc
        length -= hc
    last, before = points[-1], points[-2]
    (ha, hc) = scale.half[target]
    if abs(before[0] - last[0]) > abs(before[1] - last[1]):
        p0 += ha if before[0] > last[0] else -ha
        length -= ha
    elif before[1] != last[1]:
        p1 += hc if before[1] > last[1] else -hc
        length -= hc
    return length / (abs(p0 - s0) + abs(p1 - s1) + TEXT_HEIGHTS)


def longest_line(diagram: Diagram) -> float:
    """The drawing's worst line: its length over the distance between its ends plus four text heights
    (the measure :data:`DRAWN_DETOUR_LIMIT` bounds; the planner can only estimate it before the frame)."""
    worst = 0.0
    for edge in diagram.edges:
        first, last = edge.points[0], edge.points[-1]
        distance = abs(last.x - first.x) + abs(last.y - first.y) + 4 * diagram.font_size
        worst = max(worst, line_length(edge.points) / distance)
    return worst


def line_length(points: Sequence[Point]) -> float:
    """The drawn length of a line through ``points``."""
    return sum(math.hypot(b.x - a.x, b.y - a.y) for a, b in itertools.pairwise(points))
