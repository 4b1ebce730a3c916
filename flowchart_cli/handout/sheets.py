"""Which pages the handout's diagram takes: one page when it is readable there, else parts along the flow.

A diagram is readable when its smallest text prints at 7 pt or more (see
:mod:`.paper`).  One that cannot be, on one page, is cut across the flow — at
stage boundaries when the flow has stages, else between ranks — into parts
that each fill a page at a readable size; an overview page shows the whole.
When even its lanes are too many to sit side by side on the page, each part
is cut again between lanes.  Only positions are decided here; :mod:`.cut`
and :mod:`.parts` draw them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..layout.geometry import Diagram
from ..model import Flow
from .axis import Axis, axis_of
from .page import Fit, drawing_box, fit_diagram
from .paper import PX_TO_MM, Paper, min_scale
from .ranks import PAD_PX, Unit, pack, units

__all__ = ["Axis", "DiagramPlan", "Sheet", "axis_of", "plan_diagram"]


@dataclass(frozen=True, slots=True)
class Sheet:
    """One printed piece of the diagram: the stretch ``lo``–``hi`` of the flow axis (px), lanes ``clo``–``chi``."""

    index: int
    lo: float
    hi: float
    clo: float
    chi: float
    lanes: tuple[str, ...]  # the lanes' names when the part shows only some of them
    keys: frozenset[str]
    numbers: tuple[int, ...]
    stages: tuple[str, ...]
    landscape: bool
    width_mm: float
    height_mm: float
    scale: float


@dataclass(frozen=True, slots=True)
class DiagramPlan:
    """The diagram's pages; ``legend`` is "below", "side", "after" (own page) or "overview"."""

    axis: Axis
    sheets: tuple[Sheet, ...]
    legend: str
    overview: Fit | None

    @property
    def split(self) -> bool:
        return len(self.sheets) > 1


def plan_diagram(
    diagram: Diagram, flow: Flow, *, legend_items: int, paper: Paper, smallest_font_px: float
) -> DiagramPlan:
    """The pages that print ``diagram`` with no text under 7 pt (on ``paper``)."""
    axis = axis_of(diagram)
    readable = min_scale(smallest_font_px)
    whole = frozenset(node.key for node in diagram.nodes)
    numbers = tuple(sorted(s.number for s in flow.steps))
    for legend_on_page in (True, False):
        fit = fit_diagram(diagram.width, diagram.height, legend_items if legend_on_page else 0, paper)
        if fit.scale >= readable or not diagram.nodes:
            legend = ("side" if fit.legend_side else "below") if legend_on_page else "after"
            sheet = Sheet(
                1,
                0.0,
                axis.length,
                0.0,
                axis.cross,
                (),
                whole,
                numbers,
                (),
                fit.landscape,
                fit.width_mm,
                fit.height_mm,
                fit.scale,
            )
            return DiagramPlan(axis, (sheet,), legend, None)
    tilings = [_tiles(diagram, flow, axis, paper, landscape, readable) for landscape in (False, True)]
    # Readable first; then lanes kept together (a trainee follows the hand-overs), then fewest pages.
    sheets = min(
        tilings,
        key=lambda tiles: (min(t.scale for t in tiles) < readable, len({(t.clo, t.chi) for t in tiles}), len(tiles)),
    )
    if len(sheets) == 1:  # the margins were too much: the shapes alone fit one page, the legend follows it
        return DiagramPlan(axis, sheets, "after", None)
    overview = fit_diagram(diagram.width, diagram.height, legend_items, paper, caption=True)
    return DiagramPlan(axis, sheets, "overview", overview)


@dataclass(frozen=True, slots=True)
class _Group:
    """Lanes printed side by side: the stretch ``lo``–``hi`` across the flow."""

    lo: float
    hi: float
    lanes: frozenset[str]
    names: tuple[str, ...]


def _tiles(diagram: Diagram, flow: Flow, axis: Axis, paper: Paper, landscape: bool, readable: float):
    """The parts on ``landscape`` (or portrait) pages: ranges of the flow, each cut into groups of lanes."""
    box_w, box_h = drawing_box(paper, landscape, caption=True)
    across_mm, along_mm = (box_w, box_h) if axis.vertical else (box_h, box_w)
    groups = _groups(diagram, axis, across_mm / (readable * PX_TO_MM))
    widest = max(g.hi - g.lo for g in groups)
    scale = min(readable, across_mm / (widest * PX_TO_MM))  # below readable only for one lane wider than a page
    room = along_mm / (scale * PX_TO_MM) - axis.head
    tiles = []
    for order, group in enumerate(groups):
        # Each group of lanes is cut along the flow on its own: a lane group with few steps
        # in a stretch of the flow gets longer parts, not pages of empty lanes.
        mine = [n for n in diagram.nodes if len(groups) == 1 or n.lane in group.lanes]
        parts = pack(units(replace(diagram, nodes=tuple(mine)), flow, axis, room), room)
        for part_index, part in enumerate(parts, start=1):
            tiles.append((part.lo, order, _sheet(0, part_index, part.keys, group, parts, axis, flow, landscape, scale)))
    tiles.sort(key=lambda tile: tile[:2])
    return tuple(
        replace(sheet, index=index, lanes=sheet.lanes if len(groups) > 1 else ())
        for index, (_, _, sheet) in enumerate(tiles, start=1)
    )


def _groups(diagram: Diagram, axis: Axis, room: float) -> list[_Group]:
    """Consecutive lanes packed into groups no wider than ``room`` (px); one group when all fit."""
    if axis.cross <= room or not diagram.lanes:
        return [_Group(0.0, axis.cross, frozenset(lane.id for lane in diagram.lanes), ())]
    bands = sorted(diagram.lanes, key=lambda lane: lane.band.x if axis.vertical else lane.band.y)
    groups: list[list] = []
    for lane in bands:
        lo, hi = (lane.band.x, lane.band.right) if axis.vertical else (lane.band.y, lane.band.bottom)
        if groups and hi - groups[-1][0] <= room:
            groups[-1][1] = hi
            groups[-1][2].append(lane)
        else:
            groups.append([lo, hi, [lane]])
    return [
        _Group(lo, hi, frozenset(la.id for la in lanes), tuple(la.name for la in lanes)) for lo, hi, lanes in groups
    ]


def _sheet(
    index: int,
    part_index: int,
    keys: frozenset[str],
    group: _Group,
    parts: list[Unit],
    axis: Axis,
    flow: Flow,
    landscape: bool,
    scale: float,
) -> Sheet:
    part = parts[part_index - 1]
    before = parts[part_index - 2] if part_index > 1 else None
    after = parts[part_index] if part_index < len(parts) else None
    lo = max(part.lo - PAD_PX, (before.hi + part.lo) / 2 if before else axis.head)
    hi = min(part.hi + PAD_PX, (part.hi + after.lo) / 2 if after else axis.length)
    width, height = axis.size(lo, hi, group.hi - group.lo)
    steps = [s for s in flow.steps if s.key in keys]
    stage_ids = list(dict.fromkeys(s.stage for s in steps if s.stage))
    names = tuple(st.name for st in flow.stages if st.id in stage_ids)
    return Sheet(
        index,
        lo,
        hi,
        group.lo,
        group.hi,
        group.names,
        keys,
        tuple(sorted(s.number for s in steps)),
        names,
        landscape,
        round(width * scale * PX_TO_MM, 2),
        round(height * scale * PX_TO_MM, 2),
        scale,
    )
