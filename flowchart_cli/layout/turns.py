"""Room between a line that turns just above a shape it does not go to and that shape.

A line that comes down from its source and turns aside in the last track
above a shape, right over its middle, seems to head into it: in a printed
part "Decision letter" read as leading into the off-page connector under it,
and "Há ONT reserva? Sim" into "Substituir o cabo". The channel then keeps
more room below its tracks, so the turn stands clear of the shape (at least
:data:`TURN_ROOM`) and reads as a turn, not an arrival. Only that channel
grows; the tracks stay where they were.  The same across the flow: see :mod:`.side_turns`.
"""

from __future__ import annotations

from .frame import Frame
from .lines import edge_points

__all__ = ["MIDDLE", "TURN_ROOM", "clear_turns", "grow_below"]

TURN_ROOM = 26.0  # from a turn to the top of a shape right below it
MIDDLE = 0.2  # "over its middle": not within this share of the shape's width of either end


def clear_turns(f: Frame) -> None:
    """Grow, in place, each along-gap where a line turns less than :data:`TURN_ROOM` above the middle of a
    shape of the next row that is neither of its ends."""
    boxes = [f.node_rect(n) for n in range(len(f.p.flow.steps))]
    need: dict[int, float] = {}
    for route in f.p.routes:
        points = edge_points(f, route, boxes)
        for (a0, c0), (a1, c1), (a2, _) in zip(points, points[1:], points[2:], strict=False):
            if abs(c0 - c1) > 0.01 or a1 <= a0 or abs(a1 - a2) > 0.01:
                continue  # not a run down (along the flow) that turns across
            for node, row in enumerate(f.p.rank):
                if node in (route.source, route.target) or a1 >= f.row_at[row]:
                    continue
                top, middle = f.node_center(node)
                top -= f.along[node] / 2
                half = f.across[node] / 2
                if abs(c1 - middle) <= half * (1 - 2 * MIDDLE) and 0 <= top - a1 < TURN_ROOM:
                    need[row] = max(need.get(row, 0.0), TURN_ROOM - (top - a1))
    grow_below(f, need)


def grow_below(f: Frame, need: dict[int, float]) -> None:
    """Each along-gap in ``need`` that much more room below its tracks, then the frame placed again."""
    for gap, extra in sorted(need.items()):
        f.keep_below(gap, extra)
    if need:
        f.place()
