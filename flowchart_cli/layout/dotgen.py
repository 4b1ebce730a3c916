"""Build the DOT text Graphviz ranks and orders: node ids and edges only, never user text.

Steps become ``n0``, ``n1``… (their index in the flow), so no label, id or
lane name can change the meaning of the DOT.  Back edges are marked
``constraint=false`` so that ranks follow the forward flow only.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["ranking_dot"]


def ranking_dot(count: int, edges: Sequence[tuple[int, int, bool]], extra: Sequence[str] = ()) -> str:
    """DOT for ``count`` nodes and ``edges`` given as (source index, target index, is_back).

    ``extra`` lines (invisible constraints such as stage separators) go in as written.
    """
    lines = [
        "digraph flow {",
        "  graph [rankdir=TB, nodesep=0.3, ranksep=0.3, mclimit=1.0];",
        '  node [shape=box, width=1, height=0.5, fixedsize=true, label=""];',
    ]
    lines.extend(f"  n{index};" for index in range(count))
    for source, target, back in edges:
        if source == target:
            continue
        free = " [constraint=false]" if back else ""
        lines.append(f"  n{source} -> n{target}{free};")
    lines.extend(extra)
    lines.append("}")
    return "\n".join(lines) + "\n"
