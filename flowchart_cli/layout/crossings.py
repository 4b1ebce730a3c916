"""How many times flow lines cross each other: a measure of a layout's legibility.

The tests and the layout benchmark use it to check that drawing a flow's
stages adds no crossings to the same flow drawn without them.
"""

from __future__ import annotations

from itertools import pairwise

from .geometry import Diagram, Point

__all__ = ["count_crossings"]

_SLACK = 0.5  # segments that only touch (a shared port, a joining trunk) do not cross


def count_crossings(diagram: Diagram) -> int:
    """Proper crossings between the orthogonal segments of two different flow lines."""
    lines = [list(pairwise(edge.points)) for edge in diagram.edges]
    count = 0
    for number, mine in enumerate(lines):
        for theirs in lines[number + 1 :]:
            count += sum(_cross(a, b) for a in mine for b in theirs)
    return count


def _cross(a: tuple[Point, Point], b: tuple[Point, Point]) -> bool:
    flat_a, flat_b = abs(a[0].y - a[1].y) < 0.01, abs(b[0].y - b[1].y) < 0.01
    if flat_a == flat_b:
        return False
    (h0, h1), (v0, v1) = (a, b) if flat_a else (b, a)
    inside_x = min(h0.x, h1.x) + _SLACK < v0.x < max(h0.x, h1.x) - _SLACK
    return inside_x and min(v0.y, v1.y) + _SLACK < h0.y < max(v0.y, v1.y) - _SLACK
