"""Which paths and loops the handout teaches: every outcome of every decision, each shown before any repeats.

`analyze` lists paths depth first, so its first dozen paths of a large flow
all take a decision's first outcome ("Teléfono", "Teléfono", …).  A trainee
needs the opposite: the four channels in the first four scenarios.  So each
scenario is the first path of a walk whose ways on are reordered: at every
decision an outcome not shown yet comes first (in written order, so the
first scenario is the main one), then the one with most unshown outcomes
ahead of it, then the least shown.  An outcome
that only goes back to an earlier step ("No → paso 5") is on no path; the
loop that takes it is taught instead.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..analyze import walk_flow
from ..analyze.graph import WayOn, ways_on
from ..analyze.records import FlowPath, Loop, Outcome
from ..model import Flow

__all__ = ["LoopCase", "Teaching", "decision_outcomes", "loop_outcomes", "teaching_plan"]

IDLE_WALKS = 3  # walks in a row that show nothing new before the search gives up
LOOKAHEAD_STEPS = 400  # above this many steps, ways are ranked without looking ahead (too slow to count)


@dataclass(frozen=True, slots=True)
class LoopCase:
    """A loop to teach and the outcomes it takes, in order along it."""

    loop: Loop
    outcomes: tuple[Outcome, ...]


@dataclass(frozen=True, slots=True)
class Teaching:
    """The paths to show (those that cover every outcome first) and the loops that show the rest."""

    paths: tuple[FlowPath, ...]
    loops: tuple[LoopCase, ...]


def decision_outcomes(flow: Flow) -> frozenset[Outcome]:
    """Every (decision, outcome) of ``flow``."""
    return frozenset(Outcome(key, w.outcome) for key, ways in ways_on(flow).items() for w in ways if w.outcome)


def teaching_plan(
    flow: Flow, loops: Sequence[Loop], *, wanted: int, limit: int, more: Sequence[FlowPath] = ()
) -> Teaching:
    """Paths that cover every outcome a path can take (at most ``limit``), topped up to ``wanted``
    with paths spread over ``more`` (`analyze`'s list); then the fewest of ``loops`` that take the
    outcomes no chosen path takes."""
    ways = ways_on(flow)
    every = decision_outcomes(flow)
    shown: Counter[Outcome] = Counter()
    chosen: list[FlowPath] = []
    seen: set[tuple[str, ...]] = set()
    idle = 0
    while len(chosen) < limit and idle < IDLE_WALKS and (missing := every - shown.keys()):
        path = _next_path(flow, ways, shown, missing)
        if path is None:
            break
        shown.update(path.outcomes)
        if path.steps in seen or not missing & set(path.outcomes):
            idle += 1  # what is left is on no path (it only goes back) or behind too many walks
            continue
        seen.add(path.steps)
        chosen.append(path)
        idle = 0
    for path in more:  # what the walks could not reach (another start, a maze) may still be on a listed path
        if len(chosen) < limit and path.steps not in seen and (every - shown.keys()) & set(path.outcomes):
            shown.update(path.outcomes)
            seen.add(path.steps)
            chosen.append(path)
    others = [path for path in more if path.steps not in seen]
    room = min(wanted - len(chosen), len(others))
    chosen += [others[i * len(others) // room] for i in range(room)] if room > 0 else []
    taken = {o for path in chosen for o in path.outcomes}
    hidden = frozenset(s.key for s in flow.steps if s.kind == "connector")
    return Teaching(tuple(chosen), _loops_for(flow, ways, hidden, loops, every - taken))


def _next_path(
    flow: Flow, ways: Mapping[str, tuple[WayOn, ...]], shown: Counter[Outcome], missing: frozenset[Outcome]
) -> FlowPath | None:
    ahead = _unshown_ahead(flow, ways, missing) if len(flow.steps) <= LOOKAHEAD_STEPS else {}

    def rank(key: str, index: int, way: WayOn) -> tuple[bool, int, int, int]:
        if way.outcome is None:
            return (False, 0, 0, index)
        uses = shown[Outcome(key, way.outcome)]
        if not uses:
            return (False, 0, 0, index)  # unshown outcomes in written order: the first scenario is the main one
        return (True, -ahead.get(way.target, 0), uses, index)

    ordered = {
        key: tuple(w for _, w in sorted(enumerate(found), key=lambda item: rank(key, item[0], item[1])))
        for key, found in ways.items()
    }
    paths = walk_flow(flow, max_paths=1, ways=ordered).paths
    return paths[0] if paths else None


def _unshown_ahead(flow: Flow, ways: Mapping[str, tuple[WayOn, ...]], missing: frozenset[Outcome]) -> dict[str, int]:
    """Step key → how many unshown outcomes lie ahead of it (reachable, loops aside)."""
    back: dict[str, list[str]] = {s.key: [] for s in flow.steps}
    for key, found in ways.items():
        for way in found:
            back[way.target].append(key)
    per_decision = Counter(o.step for o in missing)
    ahead: Counter[str] = Counter()
    for decision, weight in per_decision.items():
        reached, queue = {decision}, deque([decision])
        while queue:
            for source in back[queue.popleft()]:
                if source not in reached:
                    reached.add(source)
                    queue.append(source)
        for key in reached:
            ahead[key] += weight
    return dict(ahead)


def loop_outcomes(loop: Loop, ways: Mapping[str, tuple[WayOn, ...]], hidden: frozenset[str]) -> tuple[Outcome, ...]:
    """The outcomes taken going round ``loop`` (from its first step back to it); ``hidden`` are connectors."""
    cycle = (*loop.steps, loop.steps[0])
    taken = []
    for here, there in pairwise(cycle):
        for way in ways.get(here, ()):
            if way.outcome and _leads_to(ways, way.target, there, hidden):
                taken.append(Outcome(here, way.outcome))
                break
    return tuple(taken)


def _leads_to(ways: Mapping[str, tuple[WayOn, ...]], start: str, goal: str, hidden: frozenset[str]) -> bool:
    """Whether ``start`` is ``goal`` or reaches it through connectors only."""
    queue, seen = deque([start]), {start}
    while queue:
        key = queue.popleft()
        if key == goal:
            return True
        if key not in hidden:
            continue
        for way in ways.get(key, ()):
            if way.target not in seen:
                seen.add(way.target)
                queue.append(way.target)
    return False


def _loops_for(
    flow: Flow,
    ways: Mapping[str, tuple[WayOn, ...]],
    hidden: frozenset[str],
    loops: Sequence[Loop],
    missing: set[Outcome] | frozenset[Outcome],
) -> tuple[LoopCase, ...]:
    """The fewest loops (greedily) that take every outcome in ``missing``, in the order of their first step."""
    order = {s.key: s.index for s in flow.steps}
    cases = [LoopCase(loop, loop_outcomes(loop, ways, hidden)) for loop in loops]
    left, chosen = set(missing), []
    while left:
        best = max(cases, key=lambda c: len(left & set(c.outcomes)), default=None)
        if best is None or not left & set(best.outcomes):
            break
        chosen.append(best)
        left -= set(best.outcomes)
    return tuple(sorted(chosen, key=lambda c: (order[c.loop.steps[0]], len(c.loop.steps))))
