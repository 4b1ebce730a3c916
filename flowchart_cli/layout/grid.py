"""Columns inside lanes: each step gets a slot in its lane so that chains run straight.

A lane is as many columns wide as it has steps side by side in one rank.
Within a rank, steps keep `dot`'s left-to-right order; a step prefers the
column of the step that leads to it, so a plain sequence is one straight line.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Grid", "place_columns"]


@dataclass(frozen=True, slots=True)
class Grid:
    """``column[i]`` is node i's global column; lane l spans ``first[l]`` .. ``first[l] + width[l] - 1``."""

    column: tuple[int, ...]
    first: tuple[int, ...]
    width: tuple[int, ...]

    @property
    def columns(self) -> int:
        return self.first[-1] + self.width[-1] if self.first else 0

    def lane_of_column(self, column: int) -> int:
        return max(lane for lane, start in enumerate(self.first) if start <= column)


def place_columns(
    lane_count: int,
    lane: Sequence[int],
    rank: Sequence[int],
    order: Sequence[float],
    forward: Sequence[tuple[int, int]],
) -> Grid:
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for node in sorted(range(len(lane)), key=lambda n: (order[n], n)):
        cells[(lane[node], rank[node])].append(node)
    width = [1] * lane_count
    for (lane_index, _), nodes in cells.items():
        width[lane_index] = max(width[lane_index], len(nodes))
    first = [sum(width[:index]) for index in range(lane_count)]
    preds: dict[int, list[int]] = defaultdict(list)
    for source, target in forward:
        preds[target].append(source)
    span = _lane_spans(lane, order)
    slot: dict[int, int] = {}
    for key in sorted(cells, key=lambda k: (k[1], k[0])):
        lane_index = key[0]
        nodes = cells[key]
        if width[lane_index] == 1:  # a one-column lane: its one node per cell takes that column
            slot[nodes[0]] = 0
            continue
        wanted = [_preferred(n, lane, slot, preds, span, order, width[lane_index]) for n in nodes]
        for node, chosen in zip(nodes, _fit(wanted, width[lane_index]), strict=True):
            slot[node] = chosen
    column = tuple(first[lane[n]] + slot[n] for n in range(len(lane)))
    return Grid(column, tuple(first), tuple(width))


def _lane_spans(lane: Sequence[int], order: Sequence[float]) -> dict[int, tuple[float, float]]:
    spans: dict[int, tuple[float, float]] = {}
    for node, lane_index in enumerate(lane):
        low, high = spans.get(lane_index, (order[node], order[node]))
        spans[lane_index] = (min(low, order[node]), max(high, order[node]))
    return spans


def _preferred(
    node: int,
    lane: Sequence[int],
    slot: dict[int, int],
    preds: dict[int, list[int]],
    span: dict[int, tuple[float, float]],
    order: Sequence[float],
    width: int,
) -> float:
    for pred in preds[node]:
        if pred in slot and lane[pred] == lane[node]:
            return slot[pred]
    low, high = span[lane[node]]
    if width == 1 or high - low < 1e-9:
        return (width - 1) / 2
    return (order[node] - low) / (high - low) * (width - 1)


def _fit(wanted: list[float], width: int) -> list[int]:
    """Order-keeping slots for the cell's nodes, closest in total to ``wanted`` (small DP)."""
    count = len(wanted)
    inf = float("inf")
    cost = [[inf] * width for _ in range(count)]
    back = [[0] * width for _ in range(count)]
    for s in range(width):
        cost[0][s] = abs(s - wanted[0])
    for i in range(1, count):
        best, best_at = inf, 0
        for s in range(width):
            if s >= 1 and cost[i - 1][s - 1] < best:
                best, best_at = cost[i - 1][s - 1], s - 1
            cost[i][s] = best + abs(s - wanted[i])
            back[i][s] = best_at
    end = min(range(width), key=lambda s: (cost[count - 1][s], s))
    slots = [end]
    for i in range(count - 1, 0, -1):
        slots.append(back[i][slots[-1]])
    return slots[::-1]
