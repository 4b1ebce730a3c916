"""The flow compiled for simulation: chains of steps in flat arrays, built once per flow.

A *chain* is a run of steps the flow always walks in a row: it starts where
the flow can arrive from more than one place (the start, a decision's
outcome, a step several lines lead into) and stops at a decision, an end, or
before the next such step.  Simulating a case is then a short loop over
chains, not over the YAML model: each chain's fixed minutes, its random
spans, handoffs and steps are added at once, and only decisions draw.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise

from ..durations import parse_duration
from ..model import Flow
from ..shares import outcome_shares
from .graph import ways_on

__all__ = ["NO_LANE", "Chains", "compile_chains", "draw_next"]

NO_LANE = -2
"""``first_lane`` of a chain without a visible step (connectors only): it neither makes nor breaks a handoff."""


@dataclass(frozen=True, slots=True)
class Chains:
    """Per chain (the index is the chain's number): what one pass through it adds to a case.

    ``fixed`` is the sum of its steps' shortest durations and ``spans`` the
    width of each range (a draw adds ``span × U(0, 1)``), in minutes; ``steps``
    counts every step (for the 10,000-step cut); ``first_lane``/``last_lane``
    are the lanes of its first and last visible steps, ``handoffs`` those
    inside it.  ``next_chain`` is the chain that always follows (-1: an end or
    a draw), ``draws`` the cumulative shares and chains of a decision's
    outcomes, ``end`` the number of the end it finishes at (-1: none).
    ``lane_minutes`` holds each lane's mean minutes for one pass.
    """

    start: int
    fixed: tuple[float, ...]
    spans: tuple[tuple[float, ...], ...]
    steps: tuple[int, ...]
    first_lane: tuple[int, ...]
    last_lane: tuple[int, ...]
    handoffs: tuple[int, ...]
    next_chain: tuple[int, ...]
    draws: tuple[tuple[tuple[float, ...], tuple[int, ...]], ...]
    end: tuple[int, ...]
    ends: tuple[str, ...]
    lanes: tuple[str, ...]
    lane_minutes: tuple[tuple[tuple[int, float], ...], ...]

    @property
    def mean_minutes(self) -> tuple[float, ...]:
        """Each chain's mean minutes for one pass (its lanes' and its unlaned steps' together)."""
        return tuple(f + sum(s) / 2 for f, s in zip(self.fixed, self.spans, strict=True))


def draw_next(draw: tuple[tuple[float, ...], tuple[int, ...]], u: float) -> int:
    """The chain an outcome drawn with ``u`` in [0, 1) leads to (a zero share is never drawn)."""
    cumulative, targets = draw
    return targets[bisect_right(cumulative, u)]


def _successors(flow: Flow) -> tuple[list[list[int]], list[tuple[float, ...]]]:
    """Each step's ways on (step indexes) and their shares (decisions by `shares`, others equally)."""
    index = {s.key: s.index for s in flow.steps}
    ways = ways_on(flow)
    succ: list[list[int]] = []
    shares: list[tuple[float, ...]] = []
    for step in flow.steps:
        targets = [index[w.target] for w in ways[step.key]]
        if step.kind == "decision" and step.branches:
            by_label = dict(zip((b.label for b in step.branches), outcome_shares(step), strict=True))
            weights = tuple(float(by_label.get(w.outcome or "", 0)) for w in ways[step.key])
        else:
            weights = tuple(1 / len(targets) for _ in targets)
        succ.append(targets)
        shares.append(weights)
    return succ, shares


def _entries(flow: Flow, succ: list[list[int]], start: int) -> list[int]:
    """Steps that begin a chain: the start, and every step not reached from exactly one single-exit step."""
    into: list[list[int]] = [[] for _ in flow.steps]
    for source, targets in enumerate(succ):
        for target in targets:
            into[target].append(source)
    return [n for n in range(len(flow.steps)) if n == start or len(into[n]) != 1 or len(succ[into[n][0]]) != 1]


class _Builder:
    """Collects the arrays of :class:`Chains`, one chain at a time."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        self.lane_of = {lane.id: n for n, lane in enumerate(flow.lanes)}
        self.times: list[tuple[float, float]] = []
        for step in flow.steps:
            read = parse_duration(step.duration) if step.duration.strip() and step.kind != "connector" else None
            self.times.append((float(read.min), float(read.max)) if read else (0.0, 0.0))
        self.ends = [s.key for s in flow.steps if s.kind == "end"]

    def lane(self, n: int) -> int:
        return self.lane_of.get(self.flow.steps[n].lane or "", -1)

    def chain(self, nodes: list[int]) -> tuple:
        """(fixed, spans, steps, first lane, last lane, handoffs, lane minutes) of the steps ``nodes``."""
        visible = [n for n in nodes if self.flow.steps[n].kind != "connector"]
        lanes = [self.lane(n) for n in visible]
        handoffs = sum(a != b for a, b in pairwise(lanes))
        minutes: dict[int, float] = {}
        for n, lane in zip(visible, lanes, strict=True):
            low, high = self.times[n]
            minutes[lane] = minutes.get(lane, 0.0) + (low + high) / 2
        return (
            sum(self.times[n][0] for n in visible),
            tuple(high - low for low, high in (self.times[n] for n in visible) if high > low),
            len(nodes),
            lanes[0] if lanes else NO_LANE,
            lanes[-1] if lanes else NO_LANE,
            handoffs,
            tuple((lane, m) for lane, m in sorted(minutes.items()) if lane >= 0),
        )


def compile_chains(flow: Flow) -> Chains:
    """``flow`` (checked, without errors) as chains from its first `start`."""
    start = next(s.index for s in flow.steps if s.kind == "start")
    succ, shares = _successors(flow)
    entries = _entries(flow, succ, start)
    number = {n: c for c, n in enumerate(entries)}
    build = _Builder(flow)
    columns: list[tuple] = []
    next_chain, draws, end = [], [], []
    for entry in entries:
        nodes, node = [entry], entry
        while len(succ[node]) == 1 and flow.steps[node].kind != "end" and succ[node][0] not in number:
            node = succ[node][0]
            nodes.append(node)
        columns.append(build.chain(nodes))
        targets = succ[node] if flow.steps[node].kind != "end" else []
        finished = build.ends.index(flow.steps[node].key) if flow.steps[node].kind == "end" else -1
        end.append(finished if targets or finished >= 0 else len(build.ends))
        if not targets and finished < 0:
            build.ends.append(flow.steps[node].key)  # a step that flows nowhere (never in a checked flow)
        next_chain.append(number[targets[0]] if len(targets) == 1 else -1)
        running, cumulative = 0.0, []
        for weight in shares[node][:-1] if len(targets) > 1 else ():
            running += weight
            cumulative.append(running)
        draws.append((tuple(cumulative), tuple(number[t] for t in targets) if len(targets) > 1 else ()))
    fixed, spans, steps, first, last, handoffs, lane_minutes = zip(*columns, strict=True)
    return Chains(
        start=number[start],
        fixed=fixed,
        spans=spans,
        steps=steps,
        first_lane=first,
        last_lane=last,
        handoffs=handoffs,
        next_chain=tuple(next_chain),
        draws=tuple(draws),
        end=tuple(end),
        ends=tuple(build.ends),
        lanes=tuple(lane.name for lane in flow.lanes),
        lane_minutes=lane_minutes,
    )
