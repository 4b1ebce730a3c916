"""Which row a step with room to move sits in, when another row crosses fewer lines.

Graphviz puts each step in the first row its inputs allow (or the last its
outputs do); in a swimlane chart that row is often where a line from
another lane has to cut across.  A step whose inputs end rows above it and
whose outputs start rows below may sit in any row between them: one where
its own lane's cell has room costs no area — it is empty, or it holds
fewer steps than the lane has columns, so the step takes a column that is
there anyway (a row it leaves empty is dropped, which saves some) — and a
row of its own stage keeps the stage bands.  Each such move is judged
like an order of the cells (:mod:`.ordering`): by routing the flow and
counting the crossings the drawing would show; it is kept only when there
are fewer.

Loops back keep pointing back (a step never moves below a step that loops
to it), and a start stays where it is.  The number
of routings is bounded, and a flow that crosses nothing costs nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

__all__ = ["move_rows"]

_MOST_ROUTINGS = 10

Rows = tuple[int, ...]


def move_rows(
    lane: Sequence[int],
    rank: Rows,
    links: Sequence[tuple[int, int, bool]],
    stage_rows: Sequence[tuple[int, int]],
    starts: Sequence[int],
    crossings: Callable[[Rows], float],
) -> tuple[Rows, tuple[tuple[int, int], ...]]:
    """``rank`` with steps moved to rows where fewer lines cross, and each stage's first and last row
    after the move (a row a step leaves empty is dropped); ``crossings`` routes the flow with the rows
    given and counts."""
    spans = tuple(stage_rows)
    fixed = set(starts)
    movable = [node for node in range(len(rank)) if node not in fixed and _free_rows(node, lane, rank, links, spans)]
    if not movable:  # most flows: nothing to try, nothing to route
        return rank, spans
    best, best_count = rank, crossings(rank)
    budget = _MOST_ROUTINGS
    seen = {best}
    for node in movable:
        improved = True
        while improved and best_count > 0 and budget > 0:  # rows are numbered anew after each move
            improved = False
            for row in _free_rows(node, lane, best, links, spans):
                candidate, moved_spans = _compact((*best[:node], row, *best[node + 1 :]), best, spans)
                if candidate in seen:
                    continue
                if budget <= 0:
                    break
                budget -= 1
                seen.add(candidate)
                count = crossings(candidate)
                if count < best_count:
                    best, best_count, spans, improved = candidate, count, moved_spans, True
                    break
    return best, spans


def _compact(rows: Rows, before: Rows, spans: tuple[tuple[int, int], ...]) -> tuple[Rows, tuple[tuple[int, int], ...]]:
    """The rows renumbered without the one a step just left empty, and the stages' spans to match."""
    emptied = set(before) - set(rows)
    if not emptied:
        return rows, spans
    (gone,) = emptied
    rows = tuple(row - (row > gone) for row in rows)
    spans = tuple((first - (first > gone), last - (last >= gone)) for first, last in spans)
    return rows, spans


def _free_rows(
    node: int,
    lane: Sequence[int],
    rank: Rows,
    links: Sequence[tuple[int, int, bool]],
    stage_rows: Sequence[tuple[int, int]],
) -> list[int]:
    """The rows ``node`` may move to, nearest first: between its inputs and outputs, inside its stage,
    where its lane's cell has room (fewer steps than the lane has columns), without emptying the row
    it leaves."""
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
    if Counter(rank)[here] < 2 and low == high:  # alone in its stage's only row: nowhere to go
        return []
    # a cell has room while it holds fewer steps than its lane has columns: moving there widens nothing
    per_cell = Counter((lane[n], rank[n]) for n in range(len(rank)) if lane[n] == lane[node] and n != node)
    columns = max(Counter((lane[n], rank[n]) for n in range(len(rank)) if lane[n] == lane[node]).values())
    taken = {row for (_, row), count in per_cell.items() if count >= columns}
    rows = [row for row in range(low, high + 1) if row != here and row not in taken]
    return sorted(rows, key=lambda row: (abs(row - here), row))
