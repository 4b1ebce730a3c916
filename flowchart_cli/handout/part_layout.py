"""Lay a printed part out like any diagram, then give it back the whole flow's numbers and colours.

The layout numbers steps, stages and lanes by their place in the flow it is
given; a part must show each step's and stage's number in the whole flow
(the step table and the other parts use them) and each lane in the colour
it has on the overview, so a trainee keeps their bearings from page to page.
The blank margin around the drawing is trimmed: the page has its own, and
every millimetre across a page is text a little larger.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..layout import layout_flow
from ..layout.annotations import number_badge, pair_letters
from ..layout.geometry import Diagram, NodeBox, Point, Rect
from ..layout.sizing import size_step
from ..model import Flow, Step
from ..options import RenderOptions
from .part_flow import PartFlow, connector_text

__all__ = ["lay_out_part", "part_options", "worded_part"]


def part_options(whole: Diagram) -> RenderOptions:
    """The options that draw a part as ``whole`` is drawn, with step numbers (the handout refers to them)."""
    return RenderOptions(
        edges="spline" if whole.curved else "ortho", theme=whole.theme.name, numbers=True, even_text=True
    )


def lay_out_part(part: PartFlow, flow: Flow, whole: Diagram) -> Diagram:
    """The diagram of ``part`` (of ``flow``, laid out whole as ``whole``), trimmed to its content."""
    diagram = layout_flow(part.flow, part_options(whole), edges=part.edges)
    numbers = {s.key: s.number for s in flow.steps}
    stage_numbers = {stage.id: n for n, stage in enumerate(flow.stages, start=1)}
    colours = {lane.id: (lane.fill, lane.header_fill) for lane in whole.lanes}
    trial_letters = {key: n for n, key in enumerate(part.connectors, start=1)}
    nodes = tuple(
        replace(node, connector=trial_letters[node.key], number=0, label=_one_line(node.label))
        if node.key in part.connectors
        else replace(node, number=numbers[node.key])
        for node in diagram.nodes
    )
    lanes = tuple(
        replace(lane, fill=colours[lane.id][0], header_fill=colours[lane.id][1]) if lane.id in colours else lane
        for lane in diagram.lanes
    )
    stages = tuple(
        replace(band, number=stage_numbers[band.id], lines=(str(stage_numbers[band.id]), *band.lines[1:]))
        for band in diagram.stages
    )
    # the whole's own colours object (an `auto` handout printed to PDF has dropped its dark alternate) and its
    # description (the part's own would count its connectors as steps)
    return _trimmed(
        replace(diagram, nodes=nodes, lanes=lanes, stages=stages, theme=whole.theme, description=whole.description)
    )


def worded_part(
    diagram: Diagram,
    part: PartFlow,
    flow: Flow,
    *,
    title: str,
    numbers: Mapping[str, int],
    part_of: Mapping[str, int],
    words: Mapping[str, str],
) -> Diagram | None:
    """A part laid out while the cut was chosen, its connectors given their final numbers and words;
    None when a connector's words no longer fit its box.

    The trial layout wrote the widest part number there can be, so the final
    words fit the box the layout made for them, unless the lines into one
    step come from more than one part (a line of words for each).
    """
    number_of = {s.key: s.number for s in flow.steps}

    def connector(node: NodeBox) -> NodeBox | None:
        crossing = part.connectors[node.key]
        text = connector_text(words, crossing, part_of, number_of, part.short)
        if _one_line(text) == node.label:  # laid out with these very words: as the layout set them (a box
            # its column widened holds them on fewer lines than a box of its own would: review 13's crash)
            return replace(node, connector=numbers[crossing.target])
        lr = diagram.direction == "LR"
        lines, width, height = size_step(Step(0, node.key, "offpage", text), diagram.font_size, lr)
        if len(lines) > len(node.lines) or width > node.box.width + 0.5 or height > node.box.height + 0.5:
            return None
        return replace(node, label=_one_line(text), lines=lines, connector=numbers[crossing.target])

    nodes = tuple(connector(n) if n.connector else n for n in diagram.nodes)
    if None in nodes:
        return None
    return replace(diagram, title=title, nodes=nodes)


def _one_line(text: str) -> str:
    """The connector's words as read (the SVG's text, a tooltip): its line break a space."""
    return " ".join(text.split())


_KEEP_PX = 3.0  # what is left around the drawing: the strokes' width and a little air


def _trimmed(d: Diagram) -> Diagram:
    """``d`` moved up and left to within :data:`_KEEP_PX` of its content, and cut to size."""
    rects = [lane.band for lane in d.lanes] + [lane.header for lane in d.lanes]
    rects += [stage.band for stage in d.stages] + [stage.label for stage in d.stages]
    rects += [e.label_box for e in d.edges if e.label_box is not None]
    rects += [node.box for node in d.nodes] + [
        number_badge(n.box, pair_letters(n.connector) if n.connector else n.number, d.small_size, n.kind)
        for n in d.nodes
    ]
    xs = [r.x for r in rects] + [p.x for e in d.edges for p in e.points]
    ys = [r.y for r in rects] + [p.y for e in d.edges for p in e.points]
    dx, dy = max(0.0, min(xs, default=0.0) - _KEEP_PX), max(0.0, min(ys, default=0.0) - _KEEP_PX)
    right = max([r.right for r in rects] + [p.x for e in d.edges for p in e.points], default=d.width)
    bottom = max([r.bottom for r in rects] + [p.y for e in d.edges for p in e.points], default=d.height)

    def box(r: Rect) -> Rect:
        return Rect(r.x - dx, r.y - dy, r.width, r.height)

    def point(p: Point) -> Point:
        return Point(p.x - dx, p.y - dy)

    return replace(
        d,
        width=min(d.width, right + _KEEP_PX) - dx,
        height=min(d.height, bottom + _KEEP_PX) - dy,
        nodes=tuple(replace(n, box=box(n.box)) for n in d.nodes),
        lanes=tuple(replace(lane, band=box(lane.band), header=box(lane.header)) for lane in d.lanes),
        stages=tuple(replace(s, band=box(s.band), label=box(s.label)) for s in d.stages),
        edges=tuple(
            replace(
                e,
                points=tuple(point(p) for p in e.points),
                label_at=point(e.label_at) if e.label_at is not None else None,
            )
            for e in d.edges
        ),
    )
