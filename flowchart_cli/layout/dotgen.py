"""Build the DOT text Graphviz ranks and orders: node ids and edges only, never user text.

Steps become ``n0``, ``n1``… (their index in the flow), so no label, id or
lane name can change the meaning of the DOT.  Back edges are marked
``constraint=false`` so that ranks follow the forward flow only.  The
``graphviz`` package writes the DOT (and would quote any name that needed it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import graphviz

__all__ = ["Separators", "ranking_dot"]


@dataclass(frozen=True, slots=True)
class Separators:
    """Invisible constraints between the steps: small ``nodes`` and the ``edges`` that tie steps to them."""

    nodes: tuple[str, ...] = ()
    edges: tuple[tuple[str, str], ...] = ()


def ranking_dot(count: int, edges: Sequence[tuple[int, int, bool]], separators: Separators = Separators()) -> str:
    """DOT for ``count`` nodes and ``edges`` given as (source index, target index, is_back)."""
    graph = graphviz.Digraph(
        "flow",
        graph_attr={"rankdir": "TB", "nodesep": "0.3", "ranksep": "0.3", "mclimit": "1.0"},
        node_attr={"shape": "box", "width": "1", "height": "0.5", "fixedsize": "true", "label": ""},
    )
    # The steps' names n0, n1… need no quoting: their lines are written as the package would write
    # them, in bulk (on a 3,000-step flow, one call per node and edge cost more than a tenth of our layout).
    graph.body.extend(f"\tn{index}\n" for index in range(count))
    graph.body.extend(
        f"\tn{source} -> n{target}{' [constraint=false]' if back else ''}\n"
        for source, target, back in edges
        if source != target
    )
    for name in separators.nodes:
        graph.node(name, width="0.1", height="0.1")
    for source, target in separators.edges:
        graph.edge(source, target, style="invis")
    return graph.source
