"""Which row a step with room to move sits in, when another row crosses fewer lines.

Graphviz puts each step in the first row its inputs allow (or the last its
outputs do); in a swimlane chart that row is often where a line from
another lane has to cut across.  A step whose inputs end rows above it and
whose outputs start rows below may sit in any row between them: one where
its own lane's cell is empty costs no area, and a row of its own stage keeps
the stage bands.  Each such move is judged like an order of the cells
(:mod:`.ordering`): by routing the flow and counting the crossings the
drawing would show; it is kept only when there are fewer.

Loops back keep pointing back (a step never moves below a step that loops
to it), a start stays where it is, and a row is never emptied.  The number
of routings is bounded, and a flow that crosses nothing costs nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

__all__ = ["move_rows"]

_MOST_ROUTINGS = 16

Rows = tuple[int, ...]


def move_rows(
    lane: Sequence[int],
    rank: Rows,
    links: Sequence[tuple[int, int, bool]],
    stage_rows: Sequence[tuple[int, int]],
    starts: Sequence[int],
    crossings: Callable[[Rows], float],
) -> Rows:
    """``rank`` with steps moved to rows where fewer lines cross, or as it is; ``crossings`` routes the
    flow with the rows given and counts."""
    fixed = set(starts)
    movable = [
        node for node in range(len(rank)) if node not in fixed and _free_rows(node, lane, rank, links, stage_rows)
    ]
    if not movable:  # most flows: nothing to try, nothing to route
        return rank
    best, best_count = rank, crossings(rank)
    budget = _MOST_ROUTINGS
    for node in movable:
        if best_count <= 0 or budget <= 0:
            break
        for row in _free_rows(node, lane, best, links, stage_rows):
            if budget <= 0:
                break
            budget -= 1
            candidate = (*best[:node], row, *best[node + 1 :])
            count = crossings(candidate)
            if count < best_count:
                best, best_count = candidate, count
    return best


def _free_rows(
    node: int,
    lane: Sequence[int],
    rank: Rows,
    links: Sequence[tuple[int, int, bool]],
    stage_rows: Sequence[tuple[int, int]],
) -> list[int]:
    """The rows ``node`` may move to, nearest first: between its inputs and outputs, inside its stage,
    where its lane's cell is empty, without emptying the row it leaves."""
    here = rank[node]
    low, high = 0, max(rank)
    for first, last in stage_rows:
        if first <= here <= last:
            low, high = first, last
    for source, target, back in links:
        if source == target:
            continue
        if target == node:
            low = max(low, rank[source] + 1) if not back else low
            high = min(high, rank[source]) if back else high
        if source == node:
            high = min(high, rank[target] - 1) if not back else high
            low = max(low, rank[target]) if back else low
    per_row = Counter(rank)
    if per_row[here] < 2:
        return []
    taken = {rank[n] for n in range(len(rank)) if lane[n] == lane[node] and n != node}
    rows = [row for row in range(low, high + 1) if row != here and row not in taken]
    return sorted(rows, key=lambda row: (abs(row - here), row))
