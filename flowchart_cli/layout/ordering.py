"""Our own crossing reduction over Graphviz's order: which step goes first where several share a cell.

Graphviz orders each rank for a drawing without lanes; ours puts every step
in its lane, so the steps of one rank and one lane (a cell) still need an
order, and `dot`'s is only a first guess.  Lanes never move: only the order
inside a cell changes.  Each candidate order is judged by routing the flow
and counting the crossings of our orthogonal routes with every line on its
track and port (:func:`.routing.tracked_crossings`, the drawing's own count,
before any size is known), so the pass optimises what the reader sees:

1. the targets of a decision's outcomes that share a cell are put in the
   order the outcomes are written (kept when no worse than `dot`'s order);
2. barycentre sweeps, down then up, as in Graphviz's ``mincross`` and ELK's
   layer sweep: each cell sorted by the mean place of its steps' neighbours
   in the rank above (below);
3. a lane mirrored: every cell of one lane reversed and its lone steps put
   on its other side, the lane's columns the other way round (a loop from
   the lane on the left into this lane's far column cuts the chain in its
   near column; mirrored, it does not) — no swap inside one cell reaches
   that, since the chains on either side follow their cells;
4. transposition: neighbours in a cell swap while a swap removes crossings.

A flow without a shared cell costs nothing; the number of routings is
bounded, and big flows keep `dot`'s order (its own mincross already did the
work there, and routing them again and again would cost seconds).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

__all__ = ["MOST_STEPS", "move_chains", "order_cells"]

MOST_STEPS = 150
"""Flows with more steps keep Graphviz's order."""
_MOST_ROUTINGS = 24
_MOST_CHAIN_ROUTINGS = 1  # after the row moves two or four found nothing more on the 90 flows measured

Order = tuple[float, ...]
Count = Callable[[Order], float]


def _cells(lane: Sequence[int], rank: Sequence[int], order: Order) -> list[list[int]]:
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for node in sorted(range(len(lane)), key=lambda n: (order[n], n)):
        cells[(rank[node], lane[node])].append(node)
    return [nodes for _, nodes in sorted(cells.items()) if len(nodes) > 1]


def _with(order: Order, cell: Sequence[int], nodes: Sequence[int]) -> Order:
    """``order`` with the keys held by ``cell`` handed out to ``nodes`` in turn (the cell's new order)."""
    keys = sorted(order[n] for n in cell)
    out = list(order)
    for node, key in zip(nodes, keys, strict=True):
        out[node] = key
    return tuple(out)


def order_cells(
    lane: Sequence[int],
    rank: Sequence[int],
    order: Order,
    links: Sequence[tuple[int, int, bool]],
    outcomes: Sequence[Sequence[int]],
    crossings: Count,
) -> Order:
    """The order of the steps inside their cells with the fewest crossings found; ``outcomes`` lists
    each decision's forward targets in written order; ``crossings`` routes an order and counts."""
    if len(lane) > MOST_STEPS or not _cells(lane, rank, order):
        return order
    budget = [_MOST_ROUTINGS]

    def better(candidate: Order, than: float) -> float | None:
        if budget[0] <= 0:
            return None
        budget[0] -= 1
        count = crossings(candidate)
        return count if count < than else None

    best = order
    best_count = crossings(best)
    # 1. outcome order: kept when no worse
    wanted = best
    for targets in outcomes:
        for cell in _cells(lane, rank, wanted):
            mine = [t for t in targets if t in cell]
            if len(mine) > 1:
                slots = [n for n in cell if n in mine]
                wanted = _with(wanted, slots, mine)
    if wanted != best:
        budget[0] -= 1
        count = crossings(wanted)
        if count <= best_count:
            best, best_count = wanted, count
    # 2. barycentre sweeps
    before: dict[int, list[int]] = defaultdict(list)
    after: dict[int, list[int]] = defaultdict(list)
    for source, target, back in links:
        if not back and source != target:
            after[source].append(target)
            before[target].append(source)
    for neighbours in (before, after):
        candidate = _sweep(lane, rank, best, neighbours)
        if candidate != best:
            count = better(candidate, best_count)
            if count is not None:
                best, best_count = candidate, count
    # 3. a lane mirrored: every cell of it reversed, and its lone steps on the other side
    for lane_index in sorted({lane[n] for cell in _cells(lane, rank, best) for n in cell}):
        if best_count == 0:
            break
        candidate = _mirrored(lane, best, lane_index)
        count = better(candidate, best_count)
        if count is not None:
            best, best_count = candidate, count
    # 4. transposition
    improved = True
    while improved and best_count > 0 and budget[0] > 0:
        improved = False
        for cell in _cells(lane, rank, best):
            for i in range(len(cell) - 1):
                swapped = [*cell[:i], cell[i + 1], cell[i], *cell[i + 2 :]]
                candidate = _with(best, cell, swapped)
                count = better(candidate, best_count)
                if count is not None:
                    best, best_count, improved = candidate, count, True
                    break
    return best


def _mirrored(lane: Sequence[int], order: Order, lane_index: int) -> Order:
    """``order`` with the keys of one lane's steps reflected across the lane's span: its cells reversed,
    and its lone steps' columns (read from where their key lies in that span) on the other side."""
    mine = [n for n in range(len(lane)) if lane[n] == lane_index]
    low = min(order[n] for n in mine)
    high = max(order[n] for n in mine)
    return tuple(low + high - key if lane[n] == lane_index else key for n, key in enumerate(order))


def _sweep(lane: Sequence[int], rank: Sequence[int], order: Order, neighbours: dict[int, list[int]]) -> Order:
    """Every shared cell sorted by its steps' barycentre: the mean place of their neighbours across
    the lanes (a lane's own place plus the neighbour's place in its cell); steps without neighbours
    keep theirs."""
    place: dict[int, float] = {}
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for node in sorted(range(len(lane)), key=lambda n: (order[n], n)):
        cells[(rank[node], lane[node])].append(node)
    for nodes in cells.values():
        for index, node in enumerate(nodes):
            place[node] = lane[node] + (index + 0.5) / len(nodes)
    out = order
    for nodes in cells.values():
        if len(nodes) < 2:
            continue
        centre = {
            node: sum(place[m] for m in neighbours[node]) / len(neighbours[node]) if neighbours[node] else place[node]
            for node in nodes
        }
        ranked = sorted(nodes, key=lambda n: (centre[n], place[n]))
        if ranked != nodes:
            out = _with(out, nodes, ranked)
    return out


def move_chains(
    lane: Sequence[int],
    rank: Sequence[int],
    order: Order,
    links: Sequence[tuple[int, int, bool]],
    crossings: Count,
    *,
    most: int = _MOST_CHAIN_ROUTINGS,
    starting: frozenset[int] | None = None,
) -> Order:
    """``order`` with chains moved to the first or last column of their lane where fewer lines cross.

    In a lane of several columns a step follows the column of the step of its lane that leads to it;
    the first step of such a chain (no step of its lane leads to it) alone in its cell takes the
    column its key points at, and the whole chain follows.  No order inside a cell reaches that: in
    `instalacao-internet` the chain from the start down to "Ligar para o cliente" ran in the right
    column, and the loop back to it from the technician's lane cut two lines; in the left column the
    loop comes round the other side and cuts none.  At most ``most`` routings: the first chains (in
    file order, only those ``starting`` at the steps given) not already at an end are tried at it.
    """
    cells = Counter((lane[n], rank[n]) for n in range(len(lane)))
    width: dict[int, int] = defaultdict(int)
    for (lane_index, _), count in cells.items():
        width[lane_index] = max(width[lane_index], count)
    led = {target for source, target, back in links if not back and source != target and lane[source] == lane[target]}
    heads = [n for n in range(len(lane)) if width[lane[n]] > 1 and cells[(lane[n], rank[n])] == 1 and n not in led]
    if starting is not None:
        heads = [n for n in heads if n in starting]
    if not heads:
        return order
    best = order
    best_count = crossings(best)
    budget = most
    for node in heads:
        keys = [best[m] for m in range(len(lane)) if lane[m] == lane[node]]
        low, high = min(keys), max(keys)
        if high - low < 1e-9:
            continue
        column = round((best[node] - low) / (high - low) * (width[lane[node]] - 1))  # as the grid reads it
        for key, end in ((low, 0), (high, width[lane[node]] - 1)):
            if best_count == 0 or budget <= 0:
                return best
            if column == end:
                continue
            candidate = (*best[:node], key, *best[node + 1 :])
            budget -= 1
            count = crossings(candidate)
            if count < best_count:
                best, best_count = candidate, count
    return best
