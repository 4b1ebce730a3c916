"""A stand-in for Graphviz `dot` when ranking: longest path over the forward lines, steps in file order.

It lets the frame, routing, geometry and writer code be tested fast and
without the Graphviz programs (``layout_flow(flow, ranker=fake_rank)``).
"""

from __future__ import annotations

from collections.abc import Sequence

from flowchart_cli.layout.dotgen import Separators
from flowchart_cli.layout.ranking import Ranking


def fake_rank(count: int, edges: Sequence[tuple[int, int, bool]], separators: Separators = Separators()) -> Ranking:
    names = [f"n{i}" for i in range(count)] + list(separators.nodes)
    number = {name: i for i, name in enumerate(names)}
    arcs = [(s, t) for s, t, back in edges if not back and s != t]
    arcs += [(number[a], number[b]) for a, b in separators.edges]
    level = [0] * len(names)
    for _ in range(len(names)):  # Bellman-Ford style longest path: the forward lines form a DAG
        changed = False
        for s, t in arcs:
            if level[t] < level[s] + 1:
                level[t], changed = level[s] + 1, True
        if not changed:
            break
    rows = sorted({level[i] for i in range(count)})
    row_of = {row: n for n, row in enumerate(rows)}
    return Ranking(tuple(row_of[level[i]] for i in range(count)), tuple(float(i) for i in range(count)))
