"""Ranks and order from Graphviz `dot`: which row each step sits in and its place in the row.

Back edges (the loops of the flow) are found here by a depth-first walk from
the start steps in file order, so the same flow always gives the same answer;
`dot` ranks the rest and orders each rank to keep crossings few.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import GraphvizFailed
from .dotgen import Separators, ranking_dot
from .graphviz_run import TIMEOUT_SECONDS, run_graphviz

__all__ = ["Ranker", "Ranking", "back_edges", "rank_nodes"]


@dataclass(frozen=True, slots=True)
class Ranking:
    """``rank[i]`` is node i's row; ``order[i]`` its left-to-right position key in that row."""

    rank: tuple[int, ...]
    order: tuple[float, ...]


Ranker = Callable[[int, Sequence[tuple[int, int, bool]], Separators], Ranking]
"""What ranks the steps: `dot` (:func:`rank_nodes`), or a stand-in that lets tests lay out without Graphviz."""


def back_edges(count: int, edges: Sequence[tuple[int, int]], starts: Sequence[int]) -> tuple[bool, ...]:
    """For each edge, whether it closes a loop (points to a step still on the walk's path)."""
    out: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    for number, (source, target) in enumerate(edges):
        out[source].append((number, target))
    state = [0] * count  # 0 unseen, 1 on the path, 2 done
    back = [False] * len(edges)
    for root in [*starts, *range(count)]:
        if state[root]:
            continue
        state[root] = 1
        stack = [(root, 0)]
        while stack:
            node, at = stack[-1]
            if at == len(out[node]):
                state[node] = 2
                stack.pop()
                continue
            stack[-1] = (node, at + 1)
            number, target = out[node][at]
            if state[target] == 1:
                back[number] = True
            elif state[target] == 0:
                state[target] = 1
                stack.append((target, 0))
    return tuple(back)


def rank_nodes(
    count: int,
    edges: Sequence[tuple[int, int, bool]],
    separators: Separators = Separators(),
    *,
    timeout: float = TIMEOUT_SECONDS,
    level: frozenset[tuple[int, int]] = frozenset(),
) -> Ranking:
    """Run `dot` on the flow's skeleton (within ``timeout`` seconds) and read back each node's rank and order.

    ``separators`` add invisible constraints (stage separators); only ``n…`` nodes are read back; the
    ``level`` lines may join two steps of one rank.
    """
    plain = run_graphviz(ranking_dot(count, edges, separators, level), output="plain", timeout=timeout)
    where: dict[int, tuple[float, float]] = {}
    for line in plain.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[0] == "node" and parts[1].startswith("n"):
            try:
                where[int(parts[1][1:])] = (float(parts[2]), float(parts[3]))
            except ValueError:
                continue
    if len(where) != count:
        raise GraphvizFailed(f"Graphviz `dot` placed {len(where)} of {count} steps")
    levels = sorted({round(y, 3) for _, y in where.values()}, reverse=True)
    level_of = {y: index for index, y in enumerate(levels)}
    rank = tuple(level_of[round(where[i][1], 3)] for i in range(count))
    order = tuple(where[i][0] for i in range(count))
    return Ranking(rank, order)
