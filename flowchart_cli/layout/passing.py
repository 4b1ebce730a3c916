"""Room between a shape and a line that only passes it, in the channel under, over or beside it.

The frame keeps a channel's first track :data:`~.frame._PAD` (10 px) under the
shapes above it, its last :data:`~.frame._ARROW_ROOM` (11 px) over the shapes
below and 12 px beside a column: room enough for a line that leaves or enters
them. A line that runs along that close under a step it has nothing to do
with seems to leave it (review 17: "Entregar a encomenda → Encomenda
entregue com atraso" ran 10 px under "Cobrar uma resposta da
transportadora"; the loop back to "Fazer a vistoria" 10 px under the end
"Renovação recusada"; "No" 11 px over
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
    """Grow, in place, each channel whose tracks run less than :data:`PASSING_ROOM` under or over (between rows)
    or beside (between columns) a shape that is neither end of their line."""
    count = len(f.p.flow.steps)
    rows, columns = [f.p.rank[n] for n in range(count)], [f.p.grid.column[n] for n in range(count)]
    extents = [_extent(f, n) for n in range(count)]
    boxes = [f.node_rect(n) for n in range(count)]
    along: dict[tuple[int, int], float] = {}  # (along-gap, 0 room above its tracks | 1 below): px more
    across: dict[tuple[int, int], float] = {}  # (across-gap, 0 room before its tracks | 1 after): px more
    # every shape as (node, its row or column, its extent across the channel, its extent along it)
    by_row = [(n, rows[n], (e[0], e[1]), (e[2], e[3])) for n, e in enumerate(extents)]
    by_column = [(n, columns[n], (e[2], e[3]), (e[0], e[1])) for n, e in enumerate(extents)]
    for route in f.p.routes:
        points = edge_points(f, route, boxes)
        ends = (route.source, route.target)
        for kind, gap in set(route.refs):
            if kind == "h":  # runs across, between rows gap - 1 and gap
                runs = [(a0, c0, c1) for (a0, c0), (a1, c1) in pairwise(points) if abs(a0 - a1) < _EPS]
                window = (f.hgap_at[gap], f.hgap_at[gap] + f.hgap_size[gap])
                _note(runs, window, [s[1:] for s in by_row if s[0] not in ends], gap, along)
            elif kind in ("g", "gL", "gR"):  # runs along, between columns gap - 1 and gap
                runs = [(c0, a0, a1) for (a0, c0), (a1, c1) in pairwise(points) if abs(c0 - c1) < _EPS]
                window = (f.gap_at[gap], f.gap_at[gap] + f.gap_size[gap])
                _note(runs, window, [s[1:] for s in by_column if s[0] not in ends], gap, across)
    f.keep_room(along, across)


def _note(
    runs: list[tuple[float, float, float]],
    window: tuple[float, float],
    near: list[tuple[int, tuple[float, float], tuple[float, float]]],
    gap: int,
    room: dict[tuple[int, int], float],
) -> None:
    """Note in ``room`` how much more the channel ``gap`` needs before (0) or after (1) its tracks: ``runs`` are
    (where across the channel, from, to along it); ``near`` the strangers as (their row or column, their extent
    across the channel, their extent along it)."""
    for at, one, other in runs:
        if not window[0] - _EPS <= at <= window[1] + _EPS:
            continue
        low, high = min(one, other), max(one, other)
        for line, (first, last), (n_low, n_high) in near:
            if n_high <= low or high <= n_low:
                continue
            if line == gap - 1 and (short := PASSING_ROOM - (at - last)) > 0:
                room[(gap, 0)] = max(room.get((gap, 0), 0.0), short)
            elif line == gap and (short := PASSING_ROOM - (first - at)) > 0:
                room[(gap, 1)] = max(room.get((gap, 1), 0.0), short)


def _extent(f: Frame, node: int) -> tuple[float, float, float, float]:
    """The node's shape from its first to its last along coordinate, then across."""
    a, c = f.node_center(node)
    return (a - f.along[node] / 2, a + f.along[node] / 2, c - f.across[node] / 2, c + f.across[node] / 2)
