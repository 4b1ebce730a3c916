"""Tracks inside one channel, ordered so that lines sharing the channel do not cross there.

A segment runs along its channel from ``low`` to ``high``; at each end the
line turns off towards the channel's low side (-1) or its high side (+1).
When one line turns off towards the low side at a point another line's
segment passes, the first must lie nearer the low side, or its turn would
cut through the second: that is a constraint "A before B".  Tracks follow
the constraints (a topological order, ties broken by position), and a track
is reused for a later segment only after a clear break, so that one line
never seems to run on into another.  A cycle of constraints (a crossing no
order avoids) is broken at the segment with the fewest constraints still
unmet (each unmet one is a crossing); on a tie, the one whose turns pull it
least towards the high side, then one whose labelled stub turns to the low
side (the other then crosses its run, not the stub under its label), then
the one that starts first.

Segments with the same ``group`` are one merged line (lines joining before
they reach one shape): they share one track.
"""

from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

__all__ = ["ChannelSegment", "order_tracks"]


@dataclass(frozen=True, slots=True)
class ChannelSegment:
    """``ends`` are (position, side) of its two turns; side -1 turns to the low side, +1 to the high side.

    ``before`` is the track the segment had in an earlier ordering of the channel: where nothing else
    decides, the order is kept, so that two channels ordered together stay consistent.
    """

    low: float
    high: float
    ends: tuple[tuple[float, int], ...]
    group: Hashable = None
    before: int = 0
    labelled: int = 0
    """The side (-1, +1) its first turn goes to when that turn is a labelled stub out of a decision: no
    other line's run should cross that stub under its label, so it lies nearest that side where a
    crossing is left either way."""


def _constraints(
    items: Sequence[ChannelSegment], units: Sequence[int]
) -> tuple[dict[int, set[int]], set[tuple[int, int]]]:
    """``after[a]`` holds every unit that must lie on the high side of unit ``a``; the pairs in
    ``strong`` would otherwise run along one stub (the others would only cross)."""
    after: dict[int, set[int]] = defaultdict(set)
    strong: set[tuple[int, int]] = set()
    order = sorted(range(len(items)), key=lambda n: items[n].low)
    active: list[int] = []
    for n in order:
        item = items[n]
        active = [m for m in active if items[m].high >= item.low]
        for m in active:
            for a, b in ((n, m), (m, n)):
                if units[a] == units[b]:
                    continue
                for at, side in items[a].ends:
                    if items[b].low < at < items[b].high:
                        if side < 0:
                            after[units[a]].add(units[b])
                        else:
                            after[units[b]].add(units[a])
                    elif side < 0 and any(abs(at - end) < 1e-9 and turn > 0 for end, turn in items[b].ends):
                        # both turn off at one place, away from each other: the one turning to the low
                        # side must lie there, or the two turns would run along one stub
                        after[units[a]].add(units[b])
                        strong.add((units[a], units[b]))
        active.append(n)
    return after, strong


def order_tracks(items: Sequence[ChannelSegment]) -> tuple[list[int], int]:
    """Each segment's track (0 on the channel's low side) and the number of tracks used."""
    if len(items) == 1:  # most channels hold one segment: its own track, the first
        return [0], 1
    unit_of: dict[Hashable, int] = {}
    units: list[int] = []
    spans: list[tuple[float, float]] = []
    kept: list[int] = []
    pull: list[int] = []  # the sides its turns go to, summed: > 0 for a line that comes back to the high side
    stub: list[int] = []  # the side a labelled stub of the unit turns to (0: none)
    for number, item in enumerate(items):
        key = ("own", number) if item.group is None else ("group", item.group)
        if key not in unit_of:
            unit_of[key] = len(spans)
            spans.append((item.low, item.high))
            kept.append(item.before)
            pull.append(0)
            stub.append(0)
        unit = unit_of[key]
        pull[unit] += sum(side for _, side in item.ends)
        stub[unit] = stub[unit] or item.labelled
        low, high = spans[unit]
        spans[unit] = (min(low, item.low), max(high, item.high))
        units.append(unit)
    after, strong = _constraints(items, units)
    before_count = [0] * len(spans)
    strong_before = [0] * len(spans)
    for unit, later in after.items():
        for b in later:
            before_count[b] += 1
            strong_before[b] += (unit, b) in strong
    ready = [(kept[u], spans[u], u) for u in range(len(spans)) if before_count[u] == 0]
    heapq.heapify(ready)
    placed: dict[int, int] = {}
    lows: list[list[float]] = []
    highs: list[list[float]] = []
    floor = [0] * len(spans)
    remaining = set(range(len(spans)))
    while remaining:
        if not ready:  # a cycle: break it at the line that leaves the fewest constraints unmet (crossings)
            free = [u for u in remaining if not strong_before[u]] or remaining
            # of as many, the one whose turns pull it least to the high side goes low: a line that leaves
            # a shape and comes back to its column lies nearest it, the one that passes by outside it;
            # then a line whose labelled stub turns to the low side goes low, one whose stub turns to the
            # high side last, so the other crosses its run, not the stub under its label (review 14:
            # hipoteca's "Aprobada", crossed there by a way back, stood 600 px off by another step)
            unit = min(free, key=lambda u: (before_count[u], kept[u], pull[u], stub[u], spans[u]))
            before_count[unit] = 0
            heapq.heappush(ready, (kept[unit], spans[unit], unit))
        _, _, unit = heapq.heappop(ready)
        if unit not in remaining:
            continue
        remaining.discard(unit)
        track = _free_track(lows, highs, floor[unit], *spans[unit])
        placed[unit] = track
        for b in after.get(unit, ()):
            floor[b] = max(floor[b], track + 1)
            before_count[b] -= 1
            strong_before[b] -= (unit, b) in strong
            if before_count[b] == 0 and b in remaining:
                heapq.heappush(ready, (kept[b], spans[b], b))
    return [placed[u] for u in units], len(lows)


def _free_track(lows: list[list[float]], highs: list[list[float]], floor: int, low: float, high: float) -> int:
    """The first track from ``floor`` on with a clear break around [low, high]; taken on return."""
    track = floor
    while track < len(lows):
        at = bisect.bisect_left(lows[track], low)
        clear_before = at == 0 or highs[track][at - 1] + 1 < low
        clear_after = at == len(lows[track]) or high + 1 < lows[track][at]
        if clear_before and clear_after:
            break
        track += 1
    if track == len(lows):
        lows.append([])
        highs.append([])
    at = bisect.bisect_left(lows[track], low)
    lows[track].insert(at, low)
    highs[track].insert(at, high)
    return track
