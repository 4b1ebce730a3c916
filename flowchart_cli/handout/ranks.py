"""Where the flow may be cut between pages: ranks (shapes side by side) and, when they lie apart, stages.

A part of the printed diagram is a run of consecutive units whose extent
along the flow, with :data:`PAD_PX` around it, fits the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from ..layout.geometry import Diagram
from ..model import Flow
from .axis import Axis

__all__ = ["PAD_PX", "Unit", "merge", "pack", "units"]

PAD_PX = 36.0  # room kept around a part's first and last shapes, for lines, labels and connectors


@dataclass(frozen=True, slots=True)
class Unit:
    """Steps that must stay on one page: a rank (shapes side by side) or a whole stage."""

    keys: frozenset[str]
    lo: float
    hi: float


def units(diagram: Diagram, flow: Flow, axis: Axis, room: float) -> list[Unit]:
    """The flow cut into pieces that can start a page: stages when they lie apart, else ranks."""
    spans = {n.key: ((n.box.y, n.box.bottom) if axis.vertical else (n.box.x, n.box.right)) for n in diagram.nodes}
    ranks = merge([Unit(frozenset([key]), lo, hi) for key, (lo, hi) in spans.items()])
    stage_of = {s.key: s.stage for s in flow.steps}
    if not flow.stages or any(stage_of.get(key) is None for key in spans):
        return ranks
    stages = []
    for stage in flow.stages:
        keys = [key for key in spans if stage_of.get(key) == stage.id]
        if keys:
            stages.append(Unit(frozenset(keys), min(spans[k][0] for k in keys), max(spans[k][1] for k in keys)))
    stages.sort(key=lambda u: u.lo)
    if any(a.hi > b.lo for a, b in pairwise(stages)):
        return ranks  # stages interleave along the flow: cut between ranks
    units = []
    for stage in stages:
        if stage.hi - stage.lo + 2 * PAD_PX <= room:
            units.append(stage)
        else:
            units += [rank for rank in ranks if rank.keys <= stage.keys]
    return units


def merge(units: list[Unit]) -> list[Unit]:
    """Units side by side along the flow become one (a rank)."""
    merged: list[Unit] = []
    for unit in sorted(units, key=lambda u: (u.lo, u.hi)):
        if merged and unit.lo < merged[-1].hi:
            last = merged.pop()
            unit = Unit(last.keys | unit.keys, last.lo, max(last.hi, unit.hi))
        merged.append(unit)
    return merged


def pack(units: list[Unit], room: float) -> list[Unit]:
    """Consecutive units gathered into parts no longer than ``room``."""
    parts: list[Unit] = []
    for unit in units:
        if parts and unit.hi - parts[-1].lo + 2 * PAD_PX <= room:
            last = parts.pop()
            unit = Unit(last.keys | unit.keys, last.lo, max(last.hi, unit.hi))
        parts.append(unit)
    return parts
