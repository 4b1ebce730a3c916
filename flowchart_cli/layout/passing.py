"""Room between a shape and a line that only passes it, in the channel under or over its row.

The frame keeps a channel's first track :data:`~.frame._PAD` (10 px) under the
shapes above it and its last :data:`~.frame._ARROW_ROOM` (11 px) over the
shapes below: room enough for a line that leaves or enters them. A line that
runs along that close under a step it has nothing to do with seems to leave
it (review 17: "Entregar a encomenda → Encomenda entregue com atraso" ran
10 px under "Cobrar uma resposta da transportadora"; the loop back to "Fazer
a vistoria" 10 px under the end "Renovação recusada"; "No" 11 px over
"Inspect and diagnose the laptop"). Where a track passes a stranger like
that, its channel keeps :data:`PASSING_ROOM` between them. Only that channel
grows, and only where a line passes a stranger: a plain chain packs as tight
as before. No line changes its route.
"""

from __future__ import annotations

from itertools import pairwise

from .frame import Frame
from .lines import edge_points

__all__ = ["PASSING_ROOM", "clear_passing"]

PASSING_ROOM = 16.0  # from a shape to a line running along past it that neither leaves nor enters it
_EPS = 0.01


def clear_passing(f: Frame) -> None:
    """Grow, in place, each channel between rows whose tracks run along less than :data:`PASSING_ROOM` under
    or over a shape that is neither end of their line."""
    rows = [f.p.rank[n] for n in range(len(f.p.flow.steps))]
    extents = [_extent(f, n) for n in range(len(f.p.flow.steps))]
    boxes = [f.node_rect(n) for n in range(len(f.p.flow.steps))]
    above: dict[int, float] = {}  # along-gap: px more between the row above and its tracks
    below: dict[int, float] = {}  # along-gap: px more between its tracks and the row below
    for route in f.p.routes:
        points = edge_points(f, route, boxes)
        runs = [(a0, min(c0, c1), max(c0, c1)) for (a0, c0), (a1, c1) in pairwise(points) if abs(a0 - a1) < _EPS]
        for gap in {gap for kind, gap in route.refs if kind == "h"}:
            low, high = f.hgap_at[gap], f.hgap_at[gap] + f.hgap_size[gap]
            for at, c_low, c_high in runs:
                if not low - _EPS <= at <= high + _EPS:
                    continue
                for node, (a_low, a_high, n_low, n_high) in enumerate(extents):
                    if node in (route.source, route.target) or n_high <= c_low or c_high <= n_low:
                        continue
                    if rows[node] == gap - 1 and (short := PASSING_ROOM - (at - a_high)) > 0:
                        above[gap] = max(above.get(gap, 0.0), short)
                    elif rows[node] == gap and (short := PASSING_ROOM - (a_low - at)) > 0:
                        below[gap] = max(below.get(gap, 0.0), short)
    for gap, extra in sorted(above.items()):
        f.keep_above(gap, extra)
    for gap, extra in sorted(below.items()):
        f.keep_below(gap, extra)
    if above or below:
        f.place()


def _extent(f: Frame, node: int) -> tuple[float, float, float, float]:
    """The node's shape from its first to its last along coordinate, then across."""
    a, c = f.node_center(node)
    return (a - f.along[node] / 2, a + f.along[node] / 2, c - f.across[node] / 2, c + f.across[node] / 2)
