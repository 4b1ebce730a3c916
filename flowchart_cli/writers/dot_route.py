"""A routed polyline as a Graphviz edge ``pos``: a cubic B-spline plus the arrowhead's tip.

Graphviz draws the arrowhead between the spline's last point and the ``e,x,y``
tip, so the line is shortened by the arrow's length; straight stretches are
degenerate cubics, and with ``curved`` each bend becomes a short arc.
"""

from __future__ import annotations

from itertools import pairwise

from ..layout.geometry import Point
from .escape import num

__all__ = ["ARROW_LENGTH", "spline_pos"]

ARROW_LENGTH = 8.0  # Graphviz's arrow length (10 points) at arrowsize=0.8
BEND_RADIUS = 8.0


def spline_pos(points: list[Point], *, curved: bool) -> str:
    """``e,tip p0 p1 … p3k`` for the polyline ``points`` (already in Graphviz coordinates)."""
    tip = points[-1]
    line = [*points[:-1], _shorten(points[-2], tip)]
    controls = _curved(line) if curved else _straight(line)
    return f"e,{num(tip.x)},{num(tip.y)} " + " ".join(f"{num(p.x)},{num(p.y)}" for p in controls)


def _shorten(before: Point, tip: Point) -> Point:
    dx, dy = tip.x - before.x, tip.y - before.y
    length = (dx * dx + dy * dy) ** 0.5
    if length == 0:
        return tip
    cut = min(ARROW_LENGTH, length * 0.9)
    return Point(tip.x - dx / length * cut, tip.y - dy / length * cut)


def _straight(line: list[Point]) -> list[Point]:
    controls = [line[0]]
    for a, b in pairwise(line):
        controls += [a, b, b]
    return controls


def _curved(line: list[Point]) -> list[Point]:
    controls = [line[0]]
    current = line[0]
    for before, corner, after in zip(line, line[1:], line[2:], strict=False):
        radius = min(BEND_RADIUS, _distance(before, corner) / 2, _distance(corner, after) / 2)
        enter, leave = _towards(corner, before, radius), _towards(corner, after, radius)
        controls += [current, enter, enter]
        controls += [_mix(enter, corner), _mix(leave, corner), leave]
        current = leave
    return [*controls, current, line[-1], line[-1]]


def _distance(a: Point, b: Point) -> float:
    return ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5


def _towards(origin: Point, target: Point, length: float) -> Point:
    total = _distance(origin, target)
    if total == 0:
        return origin
    return Point(origin.x + (target.x - origin.x) / total * length, origin.y + (target.y - origin.y) / total * length)


def _mix(a: Point, corner: Point) -> Point:
    """A control point 55 % of the way from ``a`` to the corner (a quarter circle's handle)."""
    return Point(a.x + (corner.x - a.x) * 0.55, a.y + (corner.y - a.y) * 0.55)
