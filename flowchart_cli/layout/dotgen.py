"""Build the DOT text Graphviz ranks and orders: node ids and edges only, never user text.

Steps become ``n0``, ``n1``… (their index in the flow), so no label, id or
lane name can change the meaning of the DOT.  Back edges are marked
``constraint=false`` so that ranks follow the forward flow only.  Every name
is ``n<number>`` or ``k<number>``, which DOT takes without quotes, so the text is
written here, line for line as the ``graphviz`` package writes it (the tests
compare the two), without importing that package and its logging on every render.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Separators", "ranking_dot"]


@dataclass(frozen=True, slots=True)
class Separators:
    """Invisible constraints between the steps: small ``nodes`` and the ``edges`` that tie steps to them."""

    nodes: tuple[str, ...] = ()
    edges: tuple[tuple[str, str], ...] = ()
    loose: frozenset[str] = frozenset()
    """Steps whose ties to a separator only bound them (``weight=0``): they do not pull the step down."""


_HEAD = (
    "digraph flow {\n"
    "\tgraph [mclimit=1.0 nodesep=0.3 rankdir=TB ranksep=0.3]\n"
    '\tnode [fixedsize=true height=0.5 label="" shape=box width=1]\n'
)


def ranking_dot(
    count: int,
    edges: Sequence[tuple[int, int, bool]],
    separators: Separators = Separators(),
    level: frozenset[tuple[int, int]] = frozenset(),
) -> str:
    """DOT for ``count`` nodes and ``edges`` given as (source index, target index, is_back); the ``level``
    (source, target) pairs may share a rank (``minlen=0``)."""

    def attributes(source: int, target: int, back: bool) -> str:
        if back:
            return " [constraint=false]"
        return " [minlen=0]" if (source, target) in level else ""

    lines = [_HEAD]
    lines.extend(f"\tn{index}\n" for index in range(count))
    lines.extend(
        f"\tn{source} -> n{target}{attributes(source, target, back)}\n"
        for source, target, back in edges
        if source != target
    )
    lines.extend(f"\t{name} [height=0.1 width=0.1]\n" for name in separators.nodes)
    lines.extend(
        f"\t{source} -> {target} [style=invis{' weight=0' if source in separators.loose else ''}]\n"
        for source, target in separators.edges
    )
    lines.append("}\n")
    return "".join(lines)
