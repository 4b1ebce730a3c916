"""Enumerate the paths of a flow, depth first, and the loops met on the way.

A flow with many decisions has exponentially many paths, so the walk stops
at ``max_paths`` and also after a fixed amount of work (a maze of loops can
hide few paths behind very many dead walks).  Everything a path reports —
lanes met, handoffs, duration, time per lane — is kept up to date as the walk
goes down and back up, so listing a path costs a copy, not a second walk:
that is what keeps 1,000 paths of a 2,000-step flow well under a second.

Memory is bounded whatever `--max-paths` asks: at most :data:`MAX_HELD_PATHS`
paths are ever held (a path of a long flow is some 15 KB), and a walk cut by
that cap says so in a :class:`PathsCut` warning.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from fractions import Fraction

from ..durations import Duration, parse_duration
from ..model import Flow
from .graph import WayOn, ways_on
from .records import Analysis, FlowPath, LaneTime, Loop, Outcome

__all__ = ["DEFAULT_MAX_PATHS", "MAX_HELD_PATHS", "WORK_PER_PATH", "PathsCut", "walk_flow"]

DEFAULT_MAX_PATHS = 1000
MAX_HELD_PATHS = 10_000
"""The most paths one walk keeps, whatever is asked: about 160 MB for a flow of 120 steps."""
WORK_PER_PATH = 400
"""Steps the walk may take per path asked for (at least 100,000 in all) before it stops as truncated.

Listing 1,000 paths of a 2,000-step flow takes about 15,000 steps; a maze whose
walks mostly run into loops could take billions, and must stop in a second."""
MS_PER_MINUTE = 60_000


def _ms(minutes: Fraction) -> int:
    return round(minutes * MS_PER_MINUTE)


def _duration(low_ms: int, high_ms: int) -> Duration:
    return Duration(Fraction(low_ms, MS_PER_MINUTE), Fraction(high_ms, MS_PER_MINUTE))


class PathsCut(UserWarning):
    """More paths were asked for than one walk may hold; the message says how many were listed."""


class _Walk:
    """The state of one depth-first walk: the current path and its running totals."""

    def __init__(self, flow: Flow, max_paths: int, ways: Mapping[str, tuple[WayOn, ...]] | None = None) -> None:
        self.ways = ways if ways is not None else ways_on(flow)
        self.order = {s.key: s.index for s in flow.steps}
        self.hidden = {s.key for s in flow.steps if s.kind == "connector"}
        self.ends = {s.key for s in flow.steps if s.kind == "end"}
        self.lane = {s.key: (s.lane if flow.lane_by_id(s.lane) else None) for s in flow.steps}  # ids: names may repeat
        self.lane_name = {lane.id: lane.name for lane in flow.lanes}
        self.time: dict[str, tuple[int, int] | None] = {}
        self.written = {s.key: bool(s.duration.strip()) for s in flow.steps}
        for step in flow.steps:
            read = parse_duration(step.duration) if step.duration.strip() else None
            self.time[step.key] = (_ms(read.min), _ms(read.max)) if read else None
        self.max_paths = max_paths
        self.budget = max(100_000, WORK_PER_PATH * max_paths)
        self.paths: list[FlowPath] = []
        self.loops: list[Loop] = []
        self.seen_loops: set[tuple[str, ...]] = set()
        self.truncated = False  # the walk stopped early: more paths than asked for, or out of work
        self.loops_cut = False
        # the current path: every step (connectors too) and the visible steps with running totals
        self.nodes: list[str] = []
        self.taken: list[str | None] = []  # outcome of the way taken on from each node
        self.position: dict[str, int] = {}
        self.steps: list[str] = []
        self.handoffs = [0]
        self.low = [0]
        self.high = [0]
        self.lanes: list[str] = []
        self.lane_count: dict[str, int] = {}
        self.lane_ms: dict[str, list[int]] = {}
        self.unknown: list[str] = []
        self.unread: list[str] = []
        self.outcomes: list[Outcome] = []

    # -- going down and back up ----------------------------------------------------
    def enter(self, key: str) -> None:
        self.position[key] = len(self.nodes)
        self.nodes.append(key)
        self.taken.append(None)
        if key in self.hidden:
            return
        lane = self.lane[key]
        previous = self.lane[self.steps[-1]] if self.steps else lane
        self.steps.append(key)
        self.handoffs.append(self.handoffs[-1] + (lane != previous))
        time = self.time[key]
        low, high = time if time else (0, 0)
        self.low.append(self.low[-1] + low)
        self.high.append(self.high[-1] + high)
        if time is None:
            (self.unread if self.written[key] else self.unknown).append(key)
        if lane is not None:
            count = self.lane_count.get(lane, 0)
            self.lane_count[lane] = count + 1
            if not count:
                self.lanes.append(lane)
                self.lane_ms[lane] = [0, 0]
            self.lane_ms[lane][0] += low
            self.lane_ms[lane][1] += high

    def leave(self) -> None:
        key = self.nodes.pop()
        self.taken.pop()
        del self.position[key]
        if key in self.hidden:
            return
        self.steps.pop()
        self.handoffs.pop()
        low, high = self.low.pop() - self.low[-1], self.high.pop() - self.high[-1]
        if self.time[key] is None:
            (self.unread if self.written[key] else self.unknown).pop()
        lane = self.lane[key]
        if lane is not None:
            self.lane_ms[lane][0] -= low
            self.lane_ms[lane][1] -= high
            self.lane_count[lane] -= 1
            if not self.lane_count[lane]:
                self.lanes.pop()
                del self.lane_count[lane], self.lane_ms[lane]

    def take(self, way: WayOn) -> None:
        """Note the way taken on from the current node (its outcome, when it is a branch)."""
        self.taken[-1] = way.outcome
        if way.outcome is not None:
            self.outcomes.append(Outcome(self.nodes[-1], way.outcome))

    def untake(self) -> None:
        if self.taken[-1] is not None:
            self.outcomes.pop()
        self.taken[-1] = None

    # -- what is recorded ----------------------------------------------------------
    def record_path(self) -> None:
        if len(self.paths) >= self.max_paths:
            self.truncated = True  # one path more than asked for: say so, list none of it
            return
        self.paths.append(
            FlowPath(
                steps=tuple(self.steps),
                outcomes=tuple(self.outcomes),
                lanes=tuple(self.lane_name[lane] for lane in self.lanes),
                handoffs=self.handoffs[-1],
                duration=_duration(self.low[-1], self.high[-1]),
                unknown=tuple(self.unknown),
                unread=tuple(self.unread),
                lane_time=tuple(LaneTime(self.lane_name[lane], _duration(*self.lane_ms[lane])) for lane in self.lanes),
            )
        )

    def record_loop(self, way: WayOn) -> None:
        """The cycle closed by going from the current node back to ``way.target``, once per cycle."""
        cycle = self.nodes[self.position[way.target] :]
        first = min(range(len(cycle)), key=lambda i: self.order[cycle[i]])
        key = tuple(cycle[first:] + cycle[:first])
        if key in self.seen_loops:
            return
        if len(self.loops) >= self.max_paths:
            self.loops_cut = True  # as many loops as paths asked for: the rest are not listed
            return
        self.seen_loops.add(key)
        outcomes = self.taken[self.position[way.target] :]
        visible = [i for i, k in enumerate(cycle) if k not in self.hidden]
        if visible:
            last = visible[-1]
            self.loops.append(Loop(tuple(cycle[i] for i in visible), cycle[last], outcomes[last]))

    # -- the walk --------------------------------------------------------------------
    def run(self, starts: list[str]) -> None:
        for start in starts:
            if self.truncated:
                return
            self.walk_from(start)

    def walk_from(self, start: str) -> None:
        self.enter(start)
        stack = [0]  # for each node on the path, the index of its next way on to try
        while stack:
            node = self.nodes[-1]
            ways = self.ways[node]
            i = stack[-1]
            if i:
                self.untake()
            if node in self.ends and i == 0:
                self.record_path()
            if self.truncated or i >= len(ways) or node in self.ends:
                stack.pop()
                self.leave()
                continue
            stack[-1] = i + 1
            way = ways[i]
            self.take(way)
            if way.target in self.position:
                self.record_loop(way)
                continue
            self.budget -= 1
            if self.budget < 0:
                self.truncated = True
                continue
            self.enter(way.target)
            stack.append(0)


def walk_flow(
    flow: Flow, *, max_paths: int = DEFAULT_MAX_PATHS, ways: Mapping[str, tuple[WayOn, ...]] | None = None
) -> Analysis:
    """Every path of ``flow`` from each start in list order and every loop, at most ``max_paths`` of each.

    ``truncated`` says the lists are not complete: more paths or loops than that, or the walk ran
    out of work (:data:`WORK_PER_PATH`) in a maze of loops.  ``ways`` (each step's ways on, from
    :func:`ways_on`, possibly reordered) choose which paths come first: the handout asks for the
    first path that takes the outcomes it has not shown yet.
    """
    held = max(1, min(max_paths, MAX_HELD_PATHS))
    walk = _Walk(flow, held, ways)
    walk.run([s.key for s in flow.steps if s.kind == "start"])
    if walk.truncated and max_paths > held:
        warnings.warn(
            PathsCut(
                f"'{flow.title}': listing the first {held:,} paths, not the {max_paths:,} asked for "
                f"(--max-paths): at most {MAX_HELD_PATHS:,} paths are held in memory"
            ),
            stacklevel=2,
        )
    return Analysis(tuple(walk.paths), tuple(walk.loops), walk.truncated or walk.loops_cut)
