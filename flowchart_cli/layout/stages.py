"""Stages in the layout: rows that never mix phases, in declared order along the flow.

A flow with stages is a cross-functional chart: each stage owns a block of
consecutive ranks, so its band can run across every lane.  Graphviz is told
so with one invisible separator node between two stages (every last step of
the earlier stage leads to it, it leads to every first step of the later
one); a line that goes back to an earlier stage is a loop back.  Without
stages nothing here changes the layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from itertools import pairwise

from ..model import Flow
from .dotgen import Separators
from .graphviz_run import TIMEOUT_SECONDS
from .ranking import Ranker, Ranking, rank_nodes

__all__ = [
    "rank_in_stages",
    "stage_back_edges",
    "stage_label",
    "stage_numbers",
    "stage_rows",
    "stage_separators",
]


def rank_in_stages(
    flow: Flow,
    edges: Sequence[tuple[int, int]],
    back: Sequence[bool],
    *,
    timeout: float = TIMEOUT_SECONDS,
    ranker: Ranker | None = None,
    level: frozenset[tuple[int, int]] = frozenset(),
    raised: bool = False,
) -> tuple[Ranking, tuple[bool, ...], tuple[tuple[int, int], ...]]:
    """Ranks, loops back and each stage's rows; for a flow without stages, plain `dot` ranks.

    ``timeout`` bounds the `dot` run (``--layout-timeout``); ``ranker`` stands in for `dot` (tests);
    the ``level`` lines (source, target) may join two steps of one rank; ``raised``: every step of a
    stage whose lines out all loop back in the row after the step before it, not pulled to the stage's
    foot by its tie to the next stage (see :func:`stage_separators`).
    """
    rank_nodes_with = ranker or partial(rank_nodes, timeout=timeout, level=level)
    stage = stage_numbers(flow)
    marked = [(s, t, b) for (s, t), b in zip(edges, back, strict=True)]
    if stage is None:
        return rank_nodes_with(len(flow.steps), marked, Separators()), tuple(back), ()
    back = stage_back_edges(stage, edges, back)
    forward = [edge for edge, b in zip(edges, back, strict=True) if not b]
    marked = [(s, t, b) for (s, t), b in zip(edges, back, strict=True)]
    loops = [edge for edge, b in zip(edges, back, strict=True) if b]
    ranking = rank_nodes_with(len(flow.steps), marked, stage_separators(stage, forward, raised=raised, loops=loops))
    rows, spans = stage_rows(ranking.rank, stage, len(flow.stages))
    return Ranking(rows, ranking.order), back, spans


def stage_numbers(flow: Flow) -> tuple[int, ...] | None:
    """Each step's stage as its 0-based place in ``flow.stages``; ``None`` for a flow without stages."""
    if not flow.stages:
        return None
    place = {stage.id: number for number, stage in enumerate(flow.stages)}
    return tuple(place.get(step.stage or "", 0) for step in flow.steps)


def stage_label(number: int, name: str) -> str:
    """The band's label: "1 · Contacto del cliente"."""
    return f"{number + 1} · {name}"


def stage_back_edges(stage: Sequence[int], edges: Sequence[tuple[int, int]], back: Sequence[bool]) -> tuple[bool, ...]:
    """Loops back once stages count: a line to an earlier stage always, within a stage as found.

    A line to a later stage is never a loop back.  Every cycle either stays in
    one stage (and keeps one of the walk's back edges) or returns to an
    earlier stage, so the forward lines stay acyclic.
    """
    return tuple(stage[t] < stage[s] or (stage[t] == stage[s] and b) for (s, t), b in zip(edges, back, strict=True))


def stage_separators(
    stage: Sequence[int],
    forward: Sequence[tuple[int, int]],
    *,
    raised: bool = False,
    loops: Sequence[tuple[int, int]] = (),
) -> Separators:
    """Invisible nodes and lines that keep every stage's ranks below the previous stage's (``k1``, ``k2``…).

    Only the steps without a forward line inside their stage are tied to a
    separator: the others follow them, which keeps Graphviz's ordering free.
    A dead end's tie pulls it down as hard as its one line in pulls it up: `dot`
    may put it at the stage's foot ("Aviso de visita" under the main path's last
    step, in `troca-medidor`). ``raised`` makes the ties of those whose lines
    out all loop back (the ``loops``) bounds only; an end stays at the foot.
    """
    starts, ends = set(), set()
    for s, t in forward:
        if stage[s] == stage[t] and s != t:
            ends.add(s)
            starts.add(t)
    used = sorted(set(stage))
    nodes: list[str] = []
    edges: list[tuple[str, str]] = []
    for before, after in pairwise(used):
        name = f"k{after}"
        nodes.append(name)
        edges.extend((f"n{n}", name) for n, s in enumerate(stage) if s == before and n not in ends)
        edges.extend((name, f"n{n}") for n, s in enumerate(stage) if s == after and n not in starts)
    if not raised:
        return Separators(tuple(nodes), tuple(edges))
    leading = {s for s, t in forward if s != t}
    looping = {s for s, t in loops if s != t}
    loose = frozenset(f"n{n}" for n in range(len(stage)) if n in looping and n not in leading)
    return Separators(tuple(nodes), tuple(edges), loose)


def stage_rows(
    rank: Sequence[int], stage: Sequence[int], count: int
) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    """Ranks renumbered so that stages never share one, and each stage's first and last row.

    Rows follow (stage, rank), which is Graphviz's own order when it kept
    the separators; a stage no step uses gets one empty row of its own.
    """
    levels = sorted({(stage[n], rank[n]) for n in range(len(rank))} | {(s, -1) for s in range(count) if s not in stage})
    row_of = {level: row for row, level in enumerate(levels)}
    rows = tuple(row_of[(stage[n], rank[n])] for n in range(len(rank)))
    spans = []
    for s in range(count):
        mine = [row for (st, _), row in row_of.items() if st == s]
        spans.append((min(mine), max(mine)))
    return rows, tuple(spans)
