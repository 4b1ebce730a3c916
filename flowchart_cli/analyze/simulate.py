"""`analyze --simulate`: walk many cases through a flow and say how long they take (spec §5, "Simulation").

Each case starts at the first `start`; a decision takes an outcome drawn by
its `shares`; each step takes a duration drawn uniformly within its range;
loops are followed as drawn; a case still going after :data:`MAX_STEPS`
steps is cut.  The draws come from one ``random.Random(seed)``, so the same
seed gives the same figures on every run and machine.

The mean duration and the minutes per lane add, for every chain the ended
cases passed through, its steps' *mean* durations (the expected value given
the outcomes drawn): the same estimate as averaging the drawn totals, with
less noise, and the lanes then add up to the mean.  The median and the 90th
percentile are read from the drawn totals, interpolating between the two
nearest cases.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..gcpause import gc_paused
from ..model import Flow
from .chains import NO_LANE, Chains, compile_chains, draw_next

__all__ = ["DEFAULT_CASES", "DEFAULT_SEED", "MAX_STEPS", "Simulation", "percentile", "simulate_flow"]

DEFAULT_CASES = 10_000
DEFAULT_SEED = 1
MAX_STEPS = 10_000


@dataclass(frozen=True, slots=True)
class Simulation:
    """What ``cases`` simulated cases of one flow did; the figures are ``None`` when no case ended.

    Durations in minutes; ``ends`` (end step key, share of the cases that
    ended) and ``lanes`` (lane name, mean minutes per case) in the flow's order.
    """

    cases: int
    seed: int
    cut: int
    mean: float | None
    p50: float | None
    p90: float | None
    handoffs: float | None
    ends: tuple[tuple[str, float], ...]
    lanes: tuple[tuple[str, float], ...]
    p10: float | None = None
    """The 10th percentile: with the 90th, whether cases take "about the same" time (the handout's sentence)."""


def percentile(ordered: list[float], q: float) -> float:
    """The ``q`` quantile of the sorted ``ordered``, interpolated linearly between neighbours."""
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _run(c: Chains, cases: int, seed: int) -> tuple[list[float], int, list[int], list[int], int]:
    """The drawn totals of the ended cases, their handoffs, how many passes each chain had, ends reached, cuts."""
    rnd = random.Random(seed).random
    fixed, spans, steps, first, last = c.fixed, c.spans, c.steps, c.first_lane, c.last_lane
    inner, next_chain, draws, end = c.handoffs, c.next_chain, c.draws, c.end
    totals: list[float] = []
    handoff_sum, cut = 0, 0
    passes = [0] * len(fixed)
    ended = [0] * (max(end) + 1 if end else 0)
    for _ in range(cases):
        chain, total, handoffs, count, lane, path = c.start, 0.0, 0, 0, NO_LANE, []
        while True:
            path.append(chain)
            total += fixed[chain]
            for span in spans[chain]:
                total += span * rnd()
            entered = first[chain]
            if entered != NO_LANE:
                if lane != NO_LANE and entered != lane:
                    handoffs += 1
                handoffs += inner[chain]
                lane = last[chain]
            count += steps[chain]
            finish = end[chain]
            if finish >= 0 or count >= MAX_STEPS:
                break
            chain = next_chain[chain]
            if chain < 0:
                chain = draw_next(draws[path[-1]], rnd())
        if finish < 0 or count > MAX_STEPS:
            cut += 1
            continue
        totals.append(total)
        handoff_sum += handoffs
        ended[finish] += 1
        for passed in path:
            passes[passed] += 1
    return totals, handoff_sum, passes, ended, cut


def _lane_means(c: Chains, passes: list[int], cases: int) -> tuple[tuple[str, float], ...]:
    minutes = [0.0] * len(c.lanes)
    for chain, times in enumerate(passes):
        if times:
            for lane, mean in c.lane_minutes[chain]:
                minutes[lane] += mean * times
    merged: dict[str, float] = {}
    for name, total in zip(c.lanes, minutes, strict=True):
        merged[name] = merged.get(name, 0.0) + total / cases  # two lanes of one name are one key
    return tuple(merged.items())


def simulate_flow(flow: Flow, *, cases: int = DEFAULT_CASES, seed: int = DEFAULT_SEED) -> Simulation:
    """``cases`` cases of ``flow`` (checked, without errors) drawn with ``seed``."""
    chains = compile_chains(flow)
    with gc_paused():  # the loop makes one small list per case: nothing for the collector to find
        totals, handoff_sum, passes, ended, cut = _run(chains, cases, seed)
    done = len(totals)
    if not done:
        return Simulation(cases, seed, cut, None, None, None, None, tuple((e, 0.0) for e in chains.ends), ())
    means = chains.mean_minutes
    totals.sort()
    return Simulation(
        cases=cases,
        seed=seed,
        cut=cut,
        mean=sum(means[chain] * times for chain, times in enumerate(passes)) / done,
        p50=percentile(totals, 0.5),
        p90=percentile(totals, 0.9),
        handoffs=handoff_sum / done,
        ends=tuple((key, ended[n] / done) for n, key in enumerate(chains.ends)),
        lanes=_lane_means(chains, passes, done),
        p10=percentile(totals, 0.1),
    )
