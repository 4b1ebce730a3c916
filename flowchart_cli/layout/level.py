"""Level handoffs in a left-to-right flow: a handoff to another lane that stays in its column.

In LR every rank is a column of the drawing, so a flow that passes from lane
to lane and gives each step a rank of its own draws as a long strip (issue
25: a 16-step flow 3,457 px across). A handoff into a step that has no
other line in, within one stage, may instead go straight down (or up) to
the other lane in the same column, as swimlane charts drawn by hand do:
first every such handoff is tried, then only the plain ones (also the only
line out of their step). A drawing is kept only when it is narrower, no
larger and no worse to read: no more crossings and no line longer than the
detour limit (or than before).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["LEVEL_UP_TO", "Judged", "keeps_level", "level_handoffs"]

LEVEL_UP_TO = 60
"""Flows up to this many steps try level handoffs. Each try is a whole layout more (a 30-step flow's
layout takes about four times as long); a longer flow never fits one printed page anyway."""


def level_handoffs(
    marked: Sequence[tuple[int, int, bool]], lane: Sequence[int], stage: Sequence[int] | None, *, plain: bool = True
) -> frozenset[tuple[int, int]]:
    """The forward lines (source, target) that may join two steps of one rank: each the only line into its
    target, to another lane, within one stage; if ``plain``, also the only line out of its source."""
    outs = Counter(s for s, t, _ in marked if s != t)
    ins = Counter(t for s, t, _ in marked if s != t)
    return frozenset(
        (s, t)
        for s, t, back in marked
        if not back
        and lane[s] != lane[t]
        and (stage is None or stage[s] == stage[t])
        and (outs[s] == 1 or not plain)
        and ins[t] == 1
    )


@dataclass(frozen=True, slots=True)
class Judged:
    """What a drawing is weighed by against another drawing of the same flow."""

    crossings: float
    longest: float
    """Its longest line, as a multiple of the distance between the line's ends."""
    length: float
    """Its length along the flow (its width in LR)."""
    area: float


def keeps_level(level: Judged, usual: Judged, limit: float) -> bool:
    """Whether the drawing with level handoffs is kept: shorter and no larger, no more crossings, and no
    line over ``limit`` (or over the usual drawing's longest)."""
    return (
        level.length < usual.length
        and level.area <= usual.area
        and level.crossings <= usual.crossings
        and (level.longest <= limit or level.longest <= usual.longest)
    )
