"""The flow model: frozen dataclasses that remember where everything was written.

Every later stage (rules, layout, writers, handout) reads only this model, so
a position survives from the YAML text to the diagnostic that quotes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "OUTCOMES_JOINED",
    "Branch",
    "Edge",
    "Flow",
    "Lane",
    "Pos",
    "Share",
    "Stage",
    "Step",
    "connector_jumps",
    "exit_connectors",
    "flow_edges",
    "output_stem",
]


@dataclass(frozen=True, slots=True)
class Pos:
    """A 1-based line and column in the flow file."""

    line: int = 1
    column: int = 1


@dataclass(frozen=True, slots=True)
class Lane:
    """A responsible party: a column (TB) or a row (LR) of the diagram."""

    id: str
    name: str
    description: str = ""
    pos: Pos = Pos()
    external: bool = False
    """A party outside the team the handout trains (the customer, a payment provider)."""


@dataclass(frozen=True, slots=True)
class Stage:
    """A phase of the process: a band across every lane, in declared order along the flow."""

    id: str
    name: str
    description: str = ""
    pos: Pos = Pos()


@dataclass(frozen=True, slots=True)
class Branch:
    """One outcome of a decision: its label and the id of the step it leads to."""

    label: str
    target: str
    pos: Pos = Pos()
    target_pos: Pos = Pos()


@dataclass(frozen=True, slots=True)
class Share:
    """One entry of a decision's `shares`: the outcome named and the share as written (``30%``, ``0.3``)."""

    outcome: str
    text: str
    pos: Pos = Pos()
    value_pos: Pos = Pos()


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the process.

    ``key`` is the step's name everywhere in outputs: its ``id``, or ``step-N``
    (N its 1-based position) when it has none.  ``kind`` is the symbol key, or
    ``None`` when the step had no valid symbol (FC103).  ``positions`` maps each
    key written in the step to the position of its value, ``key_positions`` to
    the position of the key itself.
    """

    index: int
    key: str
    kind: str | None
    label: str
    id: str | None = None
    lane: str | None = None
    stage: str | None = None
    next: str | None = None
    branches: tuple[Branch, ...] = ()
    shares: tuple[Share, ...] = ()
    notes: str = ""
    duration: str = ""
    link: str = ""
    ref: str = ""
    pos: Pos = Pos()
    positions: tuple[tuple[str, Pos], ...] = ()
    key_positions: tuple[tuple[str, Pos], ...] = ()

    @property
    def number(self) -> int:
        """1-based position in ``steps`` (the handout's step number)."""
        return self.index + 1

    def at(self, key: str) -> Pos:
        """Where the value of ``key`` was written (the step itself when absent)."""
        for name, pos in self.positions:
            if name == key:
                return pos
        return self.pos

    def key_at(self, key: str) -> Pos:
        """Where ``key`` itself was written (the step itself when absent): for "remove this key" messages."""
        for name, pos in self.key_positions:
            if name == key:
                return pos
        return self.pos


@dataclass(frozen=True, slots=True)
class Edge:
    """A flow line between two steps (by ``key``); ``label`` is a branch outcome."""

    source: str
    target: str
    label: str = ""
    implicit: bool = False


@dataclass(frozen=True)
class Flow:
    """One process as read from a flow file."""

    title: str
    steps: tuple[Step, ...]
    lanes: tuple[Lane, ...] = ()
    lang: str = "en"
    direction: str = "TB"
    version: str = ""
    owner: str = ""
    updated: str = ""
    description: str = ""
    path: Path | None = None
    lanes_declared: bool = False
    positions: tuple[tuple[str, Pos], ...] = ()
    stages: tuple[Stage, ...] = ()
    stages_declared: bool = False
    source: str = field(default="", compare=False, repr=False)
    """The file's text, for rules that judge how a value was written (FC308)."""
    _by_id: dict[str, Step] = field(default_factory=dict, init=False, compare=False, repr=False)
    _lanes_by_id: dict[str, Lane] = field(default_factory=dict, init=False, compare=False, repr=False)
    _stages_by_id: dict[str, Stage] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update((s.id, s) for s in reversed(self.steps) if s.id is not None)
        self._lanes_by_id.update((lane.id, lane) for lane in reversed(self.lanes))
        self._stages_by_id.update((stage.id, stage) for stage in reversed(self.stages))

    def stage_by_id(self, stage_id: str | None) -> Stage | None:
        """The stage with this id (``None`` for a flow without stages)."""
        return self._stages_by_id.get(stage_id) if stage_id is not None else None

    def step_by_id(self, step_id: str) -> Step | None:
        """The first step with this id (duplicates are FC104)."""
        return self._by_id.get(step_id)

    def lane_by_id(self, lane_id: str | None) -> Lane | None:
        """The lane with this id (constant time: writers call it once per step)."""
        return self._lanes_by_id.get(lane_id) if lane_id is not None else None

    def at(self, key: str) -> Pos:
        for name, pos in self.positions:
            if name == key:
                return pos
        return Pos()

    @property
    def stem(self) -> str:
        return output_stem(self.path) if self.path else "flow"


OUTCOMES_JOINED = " / "
"""Between the outcomes one drawn line stands for, when several of a decision lead to the same step ("Yes /
No"): the drawing writes them so, and `import` splits a line labelled so back into its outcomes."""


def flow_edges(flow: Flow) -> tuple[Edge, ...]:
    """Every flow line, in step order; targets that name no step are left out (FC105).

    A step without `next` flows on to the following step, except an end, a
    decision, and an *exit connector*: a connector without `next` that flow
    lines lead into while another connector with its label has none leading
    in (the *entry*).  The flow jumps from the exit to the entry; ISO 5807
    draws no line between them.
    """
    edges: list[Edge] = []
    steps = flow.steps
    for step in steps:
        if step.kind == "end":
            continue
        if step.branches:
            for branch in step.branches:
                target = flow.step_by_id(branch.target)
                if target is not None:
                    edges.append(Edge(step.key, target.key, branch.label))
        elif step.next is not None:
            target = flow.step_by_id(step.next)
            if target is not None:
                edges.append(Edge(step.key, target.key))
        elif step.kind != "decision" and step.index + 1 < len(steps):
            edges.append(Edge(step.key, steps[step.index + 1].key, implicit=True))
    exits = exit_connectors(flow, edges)
    return tuple(e for e in edges if not (e.implicit and e.source in exits))


def exit_connectors(flow: Flow, edges: list[Edge] | tuple[Edge, ...]) -> set[str]:
    """Keys of the connectors the flow leaves by jumping to their entry (see :func:`flow_edges`)."""
    groups: dict[str, list[Step]] = {}
    for step in flow.steps:
        if step.kind == "connector" and step.label:
            groups.setdefault(step.label, []).append(step)
    if not any(len(group) > 1 for group in groups.values()):
        return set()
    label_of = {s.key: s.label for group in groups.values() for s in group}
    # Running on from a connector into its partner listed right after it is the jump itself, not a way in.
    entered = {
        e.target for e in edges if not (e.implicit and label_of.get(e.source, object()) == label_of.get(e.target))
    }
    exits: set[str] = set()
    for group in groups.values():
        by_id = {s.id for s in group if s.id is not None}
        entries = [s for s in group if s.key not in entered and s.next not in by_id]
        if len(group) > 1 and entries:
            exits.update(s.key for s in group if s.key in entered and s.next is None)
    return exits


def connector_jumps(flow: Flow, edges: list[Edge] | tuple[Edge, ...]) -> dict[str, tuple[str, ...]]:
    """Exit connector key → the keys of the entries it jumps to (its label's connectors no line leads into)."""
    exits = exit_connectors(flow, edges)
    if not exits:
        return {}
    entered = {e.target for e in edges}
    entries: dict[str, list[str]] = {}
    for step in flow.steps:
        if step.kind == "connector" and step.key not in entered:
            entries.setdefault(step.label, []).append(step.key)
    return {
        step.key: tuple(key for key in entries.get(step.label, ()) if key != step.key)
        for step in flow.steps
        if step.key in exits
    }


def output_stem(path: Path) -> str:
    """NAME of ``NAME.flow.yaml`` (or ``NAME.yaml``, ``NAME.yml``): the outputs' base name."""
    name = path.name
    for suffix in (".flow.yaml", ".flow.yml", ".yaml", ".yml"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return path.stem
