"""One printed part of a flow as a flow of its own, ready for the normal layout.

A part holds a run of the flow's steps (their ids and numbers unchanged),
the lanes and stages those steps use (in the flow's order), and one ISO 5807
off-page connector step for each line that leaves or enters it: "continúa
en la parte 3 · paso 12" below the step the line leaves, "viene de la parte
2 · paso 7" above the step it reaches.  The layout then gives the
connectors and their words room like any other step.  Both ends of a cut
line carry one number (:func:`cut_numbers`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..model import Edge, Flow, Step

__all__ = ["Crossing", "PartFlow", "connector_text", "cut_numbers", "part_flow"]


@dataclass(frozen=True, slots=True)
class Crossing:
    """A line of the flow that leaves the part (``outgoing``) or enters it; ``index`` is its place
    among the flow's lines, which names it on both parts."""

    index: int
    edge: Edge
    outgoing: bool


@dataclass(frozen=True, slots=True)
class PartFlow:
    """A part's flow and the lines to lay out (its own, and those to and from its connectors)."""

    flow: Flow
    edges: tuple[Edge, ...]
    connectors: Mapping[str, Crossing]  # connector step key → the line it ends


def cut_numbers(edges: Sequence[Edge], part_of: Mapping[str, int]) -> dict[int, int]:
    """Each line between two parts (by its index in ``edges``) → its connectors' number, 1, 2, 3…
    in the order the lines leave their parts (part, then the flow's order of lines)."""
    crossing = [i for i, e in enumerate(edges) if part_of[e.source] != part_of[e.target]]
    crossing.sort(key=lambda i: (part_of[edges[i].source], i))
    return {index: number for number, index in enumerate(crossing, start=1)}


def connector_text(words: Mapping[str, str], crossing: Crossing, other_part: int, other_step: int) -> str:
    """ "continúa en la parte 3 · paso 12" (a line leaving) or "viene de la parte 2 · paso 7", a line
    break before its "·" (the step on a line of its own, not a "·" left hanging at a line's end)."""
    text = words["to_part" if crossing.outgoing else "from_part"].format(n=other_part, step=other_step)
    return text.replace(" · ", "\n· ")


def part_flow(
    flow: Flow, edges: Sequence[Edge], keys: frozenset[str], part_of: Mapping[str, int], words: Mapping[str, str]
) -> PartFlow:
    """The flow of the part holding the steps ``keys``: their lanes and stages, a connector per line
    that crosses its edge, worded with the part numbers ``part_of`` gives the other steps."""
    by_key = {s.key: s for s in flow.steps}
    crossings = [
        Crossing(i, e, e.source in keys) for i, e in enumerate(edges) if (e.source in keys) != (e.target in keys)
    ]
    steps: list[Step] = []
    connectors: dict[str, Crossing] = {}
    for step in flow.steps:
        if step.key not in keys:
            continue
        entering = [c for c in crossings if not c.outgoing and c.edge.target == step.key]
        leaving = [c for c in crossings if c.outgoing and c.edge.source == step.key]
        for crossing in entering:
            steps.append(_connector(crossing, step, by_key[crossing.edge.source], part_of, words))
        steps.append(step)
        for crossing in leaving:
            steps.append(_connector(crossing, step, by_key[crossing.edge.target], part_of, words))
        connectors |= {_key(c): c for c in (*entering, *leaving)}
    lines = [e for e in edges if e.source in keys and e.target in keys]
    lines += [
        Edge(c.edge.source, _key(c), c.edge.label) if c.outgoing else Edge(_key(c), c.edge.target) for c in crossings
    ]
    lane_ids = {s.lane for s in steps}
    stage_ids = {s.stage for s in steps}
    part = replace(
        flow,
        steps=tuple(replace(step, index=n) for n, step in enumerate(steps)),
        lanes=tuple(lane for lane in flow.lanes if lane.id in lane_ids),
        stages=tuple(stage for stage in flow.stages if stage.id in stage_ids),
    )
    return PartFlow(part, tuple(lines), connectors)


def _key(crossing: Crossing) -> str:
    return f"offpage-{crossing.index}-{'out' if crossing.outgoing else 'in'}"


def _connector(
    crossing: Crossing, here: Step, there: Step, part_of: Mapping[str, int], words: Mapping[str, str]
) -> Step:
    """The off-page connector beside ``here`` (in its lane and stage), naming where the line goes on."""
    return Step(
        index=0,
        key=_key(crossing),
        kind="offpage",
        label=connector_text(words, crossing, part_of[there.key], there.number),
        lane=here.lane,
        stage=here.stage,
    )
