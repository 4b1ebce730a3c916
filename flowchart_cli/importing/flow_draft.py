"""A drawn graph → the flow a person would have written (:class:`FlowDraft`).

Symbols come from the shapes and the lines (a terminator with no line in is a
start, with none out an end), steps are put in flow order, ids are made only
for the steps a `next` or a branch names, and a step names its lane or stage
only where it differs from the step before (the format's inheritance).  Every
guess becomes a note at its step.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import OUTCOMES_JOINED
from .draft import DraftLane, DraftStep, FlowDraft
from .drawn import DrawnEdge, DrawnGraph, DrawnLane, DrawnNode, DrawnStage
from .ids import IdMaker
from .kept import kept_flow, kept_id, kept_step, value_of
from .kinds import decide_kinds
from .language import guess_lang
from .ordering import flow_order
from .places import place_nodes

__all__ = ["UNLABELLED", "draft_flow"]

UNLABELLED = "?"
"""The outcome written for a decision's line without a label, for the author to name."""


def short(text: str) -> str:
    return f'"{text[:40]}…"' if len(text) > 40 else f'"{text}"'


def draft_flow(graph: DrawnGraph, source: str) -> FlowDraft:
    """The flow ``graph`` shows; ``source`` names the drawing in the header comment."""
    nodes = {n.key: n for n in graph.nodes}
    edges = _unique_edges(e for e in graph.edges if e.source in nodes and e.target in nodes)
    notes: dict[str, list[str]] = {key: [n.guess] if n.guess else [] for key, n in nodes.items()}
    for key, node in nodes.items():
        if not node.label.strip():
            nodes[key] = replace(node, label=UNLABELLED)
            notes[key].append(f'the shape has no text: written as "{UNLABELLED}"')
    outgoing: dict[str, list[DrawnEdge]] = {key: [] for key in nodes}
    incoming: dict[str, int] = dict.fromkeys(nodes, 0)
    for edge in edges:
        outgoing[edge.source].append(edge)
        incoming[edge.target] += 1
        if not edge.arrow:
            notes[edge.source].append(
                f"the line to {short(nodes[edge.target].label)} has no arrow: read as going from this step to it"
            )
    kinds = decide_kinds(graph.nodes, outgoing, incoming, notes)
    visual = _visual_order(graph)
    starts = [k for k in visual if kinds[k] == "start"]
    successors = {k: list(dict.fromkeys(e.target for e in outgoing[k])) for k in nodes}
    order = _entries_before_targets(flow_order(starts, successors, visual), kinds, incoming, successors)
    lanes = _parties(graph.lanes)
    stages = _parties(graph.stages)
    lane_of = place_nodes(graph.nodes, graph.lanes, "lane", notes)
    stage_of = place_nodes(graph.nodes, graph.stages, "stage", notes)
    wiring = _wire(order, kinds, outgoing, nodes, notes)
    ids = _ids(order, nodes, wiring, notes)
    steps: list[DraftStep] = []
    last_lane = last_stage = None
    for index, key in enumerate(order):
        following = order[index + 1] if index + 1 < len(order) else None
        target, branches = wiring[key]
        lane = lanes[lane_of[key]].ref if key in lane_of else None
        stage = stages[stage_of[key]].ref if key in stage_of else None
        lane = lane or _first_band(lanes, last_lane, "lane", notes[key])
        stage = stage or _first_band(stages, last_stage, "stage", notes[key])
        kept = kept_step(nodes[key].data, kinds[key], tuple(label for label, _ in branches), notes[key])
        steps.append(
            DraftStep(
                kind=kinds[key],
                label=nodes[key].label,
                id=ids.get(key),
                lane=lane if lane != last_lane else None,
                stage=stage if stage != last_stage else None,
                next=ids[target] if target is not None and target != following else None,
                branches=tuple((label, ids[t]) for label, t in branches),
                notes=tuple(notes[key]),
                guidance=kept.notes,
                duration=kept.duration,
                link=kept.link,
                ref=kept.ref,
                shares=kept.shares,
            )
        )
        last_lane, last_stage = lane or last_lane, stage or last_stage
    labels = [n.label for n in graph.nodes] + [e.label for e in edges]
    flow = kept_flow(graph.data)
    return FlowDraft(
        title=graph.title,
        lang=flow.lang or guess_lang(labels),
        direction=flow.direction or graph.direction,
        lanes=tuple(lanes.values()),
        stages=tuple(stages.values()),
        steps=tuple(steps),
        notes=graph.notes,
        source=source,
        version=flow.version,
        owner=flow.owner,
        updated=flow.updated,
        description=flow.description,
    )


def _entries_before_targets(order: list[str], kinds, incoming, successors) -> list[str]:
    """An entry connector (nothing leads in) just before the step it leads to, as a person lists it.

    Left at the end, it would follow its exit connector, and the flow would
    read the jump as a drawn line between the two.
    """
    for key in [k for k in order if kinds[k] == "connector" and not incoming[k] and len(successors[k]) == 1]:
        order.remove(key)
        order.insert(order.index(successors[key][0]), key)
    return order


def _first_band(bands: Mapping[str, DraftLane], last: str | None, what: str, notes: list[str]) -> str | None:
    """The first step must name a lane (stage) where they are declared: the first one, noted."""
    if last is not None or not bands:
        return None
    first = next(iter(bands.values()))
    notes.append(f"in no {what}, and the first step must name one: put in {first.name!r}")
    return first.ref


def _unique_edges(edges) -> list[DrawnEdge]:
    """Each line once: a drawing may hold the same line twice (copied, or drawn over)."""
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for edge in edges:
        if (edge.source, edge.target, edge.label) not in seen:
            seen.add((edge.source, edge.target, edge.label))
            kept.append(edge)
    return kept


def _visual_order(graph: DrawnGraph) -> list[str]:
    """Node keys top to bottom then left to right (TB), or left to right then down (LR); as written without boxes."""
    if not all(n.box for n in graph.nodes):
        return [n.key for n in graph.nodes]

    def position(node: DrawnNode) -> tuple[float, float]:
        x, y = node.box.centre  # type: ignore[union-attr]
        return (x, y) if graph.direction == "LR" else (y, x)

    return [n.key for n in sorted(graph.nodes, key=position)]


def _parties(bands: Sequence[DrawnLane | DrawnStage]) -> dict[str, DraftLane]:
    """Lanes or stages as they will be written: the id the drawing's data kept, else by name, with an id
    made only where two share a name; with the description and `external` the data kept."""
    maker = IdMaker()
    kept: dict[str, str] = {}
    for band in bands:
        taken = value_of(band.data, "id").strip()
        if taken and maker.reserve(taken):  # a copied lane carries its original's id: the first one keeps it
            kept[band.key] = taken
    counts: dict[str, int] = {}
    for band in bands:
        counts[band.name.casefold()] = counts.get(band.name.casefold(), 0) + 1
    parties = {}
    for band in bands:
        made = maker.make(band.name) if counts[band.name.casefold()] > 1 and band.key not in kept else None
        parties[band.key] = DraftLane(
            band.name,
            kept.get(band.key, made),
            description=value_of(band.data, "description"),
            external=value_of(band.data, "external").strip().lower() in ("true", "1"),
        )
    return parties


Wiring = tuple[str | None, tuple[tuple[str, str], ...]]
"""Where a step goes: its one next step's key, or its outcomes (label, key)."""


def _wire(order: list[str], kinds, outgoing, nodes: Mapping[str, DrawnNode], notes) -> dict[str, Wiring]:
    wiring: dict[str, Wiring] = {}
    for key in order:
        lines = outgoing[key]
        if kinds[key] == "end":
            wiring[key] = (None, ())
        elif kinds[key] == "decision":
            wiring[key] = (None, _outcomes(lines, nodes, notes[key]))
        else:
            for edge in lines[1:]:
                notes[key].append(f"a second line out, to {short(nodes[edge.target].label)}, is left out")
            for edge in lines[:1]:
                if edge.label:
                    notes[key].append(f"the label {short(edge.label)} of its line is left out (only outcomes have one)")
            wiring[key] = (lines[0].target if lines else None, ())
    return wiring


def _outcomes(lines: list[DrawnEdge], nodes: Mapping[str, DrawnNode], notes: list[str]) -> tuple[tuple[str, str], ...]:
    """A decision's (outcome, target) pairs; unlabelled lines get "?", "? 2"… and a repeated label (Mermaid's
    `A -->|x| B & C`) "x (2)", so that no line is lost as a duplicate YAML key and each is noted."""
    outcomes = []
    unnamed = 0
    used: set[str] = set()
    for edge, written in _each_outcome(lines, nodes, notes):
        if not written:
            unnamed += 1
            label = UNLABELLED if unnamed == 1 else f"{UNLABELLED} {unnamed}"
            notes.append(f'the outcome leading to {short(nodes[edge.target].label)} has no label: written as "{label}"')
        else:
            label, copy = written, 1
            while label.casefold() in used:  # `check` compares outcomes ignoring case (FC206)
                copy += 1
                label = f"{written} ({copy})"
            if label != written:
                notes.append(
                    f'two outcomes are labelled "{written}": the one leading to {short(nodes[edge.target].label)} '
                    f'is written as "{label}"; give it a label of its own'
                )
        used.add(label.casefold())
        outcomes.append((label, edge.target))
    return tuple(outcomes)


def _each_outcome(
    lines: list[DrawnEdge], nodes: Mapping[str, DrawnNode], notes: list[str]
) -> list[tuple[DrawnEdge, str]]:
    """Each line with its label; a decision's only line labelled "Yes / No" is one outcome per part.

    That is how flowchart's own diagrams draw two outcomes that lead to the same
    step; read as one outcome the decision would have a single one (FC205).
    """
    if len(lines) == 1 and OUTCOMES_JOINED in lines[0].label:
        parts = [part.strip() for part in lines[0].label.split(OUTCOMES_JOINED) if part.strip()]
        if len(parts) > 1:
            notes.append(
                f'its one line, labelled "{lines[0].label.strip()}", is read as {len(parts)} outcomes that all lead '
                f"to {short(nodes[lines[0].target].label)}"
            )
            return [(lines[0], part) for part in parts]
    return [(edge, edge.label.strip()) for edge in lines]


def _ids(
    order: list[str], nodes: Mapping[str, DrawnNode], wiring: Mapping[str, Wiring], notes: Mapping[str, list[str]]
) -> dict[str, str]:
    """The ids the drawing's data kept, and ids made for the other steps something points to by name."""
    needed: set[str] = set()
    for index, key in enumerate(order):
        target, branches = wiring[key]
        following = order[index + 1] if index + 1 < len(order) else None
        if target is not None and target != following:
            needed.add(target)
        needed.update(t for _, t in branches)
    maker = IdMaker()
    ids: dict[str, str] = {}
    for key in order:
        taken = kept_id(nodes[key].data, notes[key])
        if taken and maker.reserve(taken):
            ids[key] = taken
        elif taken:
            notes[key].append(f"its id {taken!r} is another step's too (a copied shape?): not kept")
    for key in order:
        if key in needed and key not in ids:
            ids[key] = maker.make(nodes[key].label)
    return ids
