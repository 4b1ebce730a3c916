"""Which pages the handout's diagram takes: one page when it is readable there, else parts along the flow.

A diagram is readable when its smallest text prints at 7 pt or more (see
:mod:`.paper`).  One that cannot be, on one page, is cut across the flow — at
stage boundaries when the flow has stages, else between ranks — into parts
that each fill a page at a readable size; an overview page shows the whole.
Only positions are decided here; :mod:`.cut` draws the parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from ..layout.geometry import Diagram
from ..model import Flow
from .page import Fit, drawing_box, fit_diagram
from .paper import PX_TO_MM, Paper, min_scale

__all__ = ["Axis", "DiagramPlan", "Sheet", "axis_of", "plan_diagram"]

PAD_PX = 36.0  # room kept around a part's first and last shapes, for lines, labels and connectors


@dataclass(frozen=True, slots=True)
class Axis:
    """The diagram seen along its flow: TB flows run down (``vertical``), LR flows run right.

    ``head`` is where the lane headers end along the flow, ``length`` the
    drawing's extent along it and ``cross`` its extent across it (px).
    """

    vertical: bool
    head: float
    length: float
    cross: float

    def size(self, lo: float, hi: float) -> tuple[float, float]:
        """Width and height (px) of a part drawing ``lo``–``hi`` under the lane headers."""
        along = self.head + hi - lo
        return (self.cross, along) if self.vertical else (along, self.cross)


@dataclass(frozen=True, slots=True)
class Sheet:
    """One printed piece of the diagram: the stretch ``lo``–``hi`` of the flow axis (px)."""

    index: int
    lo: float
    hi: float
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


def axis_of(diagram: Diagram) -> Axis:
    vertical = diagram.direction != "LR"
    heads = [lane.header.bottom if vertical else lane.header.right for lane in diagram.lanes]
    head = max(heads, default=0.0)
    length, cross = (diagram.height, diagram.width) if vertical else (diagram.width, diagram.height)
    return Axis(vertical, head, length, cross)


@dataclass(frozen=True, slots=True)
class _Unit:
    """Steps that must stay on one page: a rank (shapes side by side) or a whole stage."""

    keys: frozenset[str]
    lo: float
    hi: float


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
                1, 0.0, axis.length, whole, numbers, (), fit.landscape, fit.width_mm, fit.height_mm, fit.scale
            )
            return DiagramPlan(axis, (sheet,), legend, None)
    landscape, scale = _orientation(axis, paper, readable)
    box = drawing_box(paper, landscape, caption=True)
    room = (box[1] if axis.vertical else box[0]) / (scale * PX_TO_MM) - axis.head
    parts = _pack(_units(diagram, flow, axis, room), room)
    sheets = tuple(_sheet(i, part, parts, axis, flow, landscape, scale) for i, part in enumerate(parts, start=1))
    overview = fit_diagram(diagram.width, diagram.height, legend_items, paper)
    return DiagramPlan(axis, sheets, "overview", overview)


def _orientation(axis: Axis, paper: Paper, readable: float) -> tuple[bool, float]:
    """Portrait or landscape, and the scale: the readable one when the lanes fit across the page.

    When they fit neither way (very many lanes), the page they fit best sets
    a smaller scale: the parts stay whole rather than cutting lanes apart.
    """
    options = []
    for landscape in (False, True):
        box_w, box_h = drawing_box(paper, landscape, caption=True)
        across = box_w if axis.vertical else box_h
        options.append((across / (axis.cross * PX_TO_MM), not landscape, landscape))
    fitting = [landscape for best, _, landscape in options if best >= readable]
    if fitting:
        return fitting[0], readable
    best, _, landscape = max(options)
    return landscape, best


def _units(diagram: Diagram, flow: Flow, axis: Axis, room: float) -> list[_Unit]:
    """The flow cut into pieces that can start a page: stages when they lie apart, else ranks."""
    spans = {n.key: ((n.box.y, n.box.bottom) if axis.vertical else (n.box.x, n.box.right)) for n in diagram.nodes}
    ranks = _merge([_Unit(frozenset([key]), lo, hi) for key, (lo, hi) in spans.items()])
    stage_of = {s.key: s.stage for s in flow.steps}
    if not flow.stages or any(stage_of.get(key) is None for key in spans):
        return ranks
    stages = []
    for stage in flow.stages:
        keys = [key for key in spans if stage_of.get(key) == stage.id]
        if keys:
            stages.append(_Unit(frozenset(keys), min(spans[k][0] for k in keys), max(spans[k][1] for k in keys)))
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


def _merge(units: list[_Unit]) -> list[_Unit]:
    """Units side by side along the flow become one (a rank)."""
    merged: list[_Unit] = []
    for unit in sorted(units, key=lambda u: (u.lo, u.hi)):
        if merged and unit.lo < merged[-1].hi:
            last = merged.pop()
            unit = _Unit(last.keys | unit.keys, last.lo, max(last.hi, unit.hi))
        merged.append(unit)
    return merged


def _pack(units: list[_Unit], room: float) -> list[_Unit]:
    """Consecutive units gathered into parts no longer than ``room``."""
    parts: list[_Unit] = []
    for unit in units:
        if parts and unit.hi - parts[-1].lo + 2 * PAD_PX <= room:
            last = parts.pop()
            unit = _Unit(last.keys | unit.keys, last.lo, max(last.hi, unit.hi))
        parts.append(unit)
    return parts


def _sheet(index: int, part: _Unit, parts: list[_Unit], axis: Axis, flow: Flow, landscape: bool, scale: float):
    before = parts[index - 2] if index > 1 else None
    after = parts[index] if index < len(parts) else None
    lo = max(part.lo - PAD_PX, (before.hi + part.lo) / 2 if before else axis.head)
    hi = min(part.hi + PAD_PX, (part.hi + after.lo) / 2 if after else axis.length)
    width, height = axis.size(lo, hi)
    steps = [s for s in flow.steps if s.key in part.keys]
    stage_ids = list(dict.fromkeys(s.stage for s in steps if s.stage))
    names = tuple(st.name for st in flow.stages if st.id in stage_ids)
    return Sheet(
        index,
        lo,
        hi,
        part.keys,
        tuple(sorted(s.number for s in steps)),
        names,
        landscape,
        round(width * scale * PX_TO_MM, 2),
        round(height * scale * PX_TO_MM, 2),
        scale,
    )
