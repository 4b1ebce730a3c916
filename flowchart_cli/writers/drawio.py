"""The draw.io writer: an uncompressed ``.drawio`` file that diagrams.net opens as an editable diagram.

Each lane becomes a ``swimlane`` container, each step a vertex inside its lane
(geometry relative to the container) with draw.io's own flowchart shape style,
and each flow line an edge wired to its source and target with the waypoints
of the computed route, so moving a box in draw.io keeps its lines attached.
Labels are HTML (``html=1``): escaped as HTML, then as an XML attribute.
The lanes (and the stage bands behind them) sit in one invisible stack
container, so that widening or moving a lane in draw.io moves the others.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from itertools import pairwise

from ..layout.annotations import header_layout, number_badge
from ..layout.geometry import Diagram, EdgePath, LaneBand, NodeBox, Point, Rect, StageBand
from ..layout.text import text_width
from ..options import RenderOptions
from ..symbols import symbol
from .drawio_style import (
    edge_style,
    header_style,
    lane_stack_style,
    lane_style,
    number_style,
    stage_style,
    step_style,
)
from .escape import attr, clean, num

__all__ = ["write_drawio"]

LAYER = "1"
STACK = "lanes"
"""The invisible container that stacks the lanes (and holds the stage bands), at the page's origin."""


@dataclass(frozen=True, slots=True)
class _Frame:
    """A cell that holds children: its id and the absolute position of its top-left corner."""

    id: str
    origin: Point


def write_drawio(diagram: Diagram, options: RenderOptions) -> str:
    """The whole ``<mxfile>`` document of ``diagram``."""
    frames = {lane.id: _Frame(lane_cell_id(lane), Point(lane.band.x, lane.band.y)) for lane in diagram.lanes}
    layer = _Frame(LAYER, Point(0.0, 0.0))
    step_ids = step_cell_ids(diagram.nodes)
    nodes = {n.key: n for n in diagram.nodes}
    node_frame = {n.key: frames.get(n.lane or "", layer) for n in diagram.nodes}
    cells = [
        _root_cell(diagram),
        f'<mxCell id="{LAYER}" parent="0"/>',
        *_stack_cells(diagram),
        *(_stage_cell(stage, diagram) for stage in diagram.stages),
        *(_lane_cell(lane, diagram, options) for lane in diagram.lanes),
        *(_step_cell(n, step_ids[n.key], node_frame[n.key], diagram, options) for n in diagram.nodes),
        *(_number_cell(n, step_ids[n.key], diagram) for n in diagram.nodes if diagram.numbers),
        *_header_cells(diagram),
        *(
            _edge_cell(i, e, _Wiring(nodes, step_ids, node_frame, layer), diagram, options)
            for i, e in enumerate(diagram.edges, 1)
        ),
    ]
    body = "\n".join(f"        {cell}" for cell in cells)
    return (
        '<mxfile host="flowchart-cli" type="device">\n'
        f'  <diagram id="flowchart" name="{attr(diagram.title)}">\n'
        f'    <mxGraphModel dx="{num(diagram.width)}" dy="{num(diagram.height)}" grid="1" gridSize="10" '
        'guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="1" pageScale="1" '
        f'pageWidth="{num(diagram.width)}" pageHeight="{num(diagram.height)}" math="0" shadow="0">\n'
        "      <root>\n"
        f"{body}\n"
        "      </root>\n"
        "    </mxGraphModel>\n"
        "  </diagram>\n"
        "</mxfile>\n"
    )


# -- ids -------------------------------------------------------------------------
def lane_cell_id(lane: LaneBand) -> str:
    return f"lane-{lane.index + 1}"


def step_cell_ids(nodes: tuple[NodeBox, ...]) -> dict[str, str]:
    """``step-ID`` for a step with an id, its key ``step-N`` for one without; made unique should two clash."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    for node in nodes:
        base = f"step-{node.key}" if node.has_id else node.key
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}~{n}"
        used.add(candidate)
        ids[node.key] = candidate
    return ids


# -- cells -----------------------------------------------------------------------
def _lane_cell(lane: LaneBand, diagram: Diagram, options: RenderOptions) -> str:
    horizontal = diagram.direction != "LR"
    start = lane.header.height if horizontal else lane.header.width
    style = lane_style(lane, start, horizontal=horizontal, theme=diagram.theme, see_through=bool(diagram.stages))
    extras = _tooltip(lane.description) + _data(lane.data)
    label = html_label(lane.lines or (lane.name,))
    return _vertex(lane_cell_id(lane), label, style, STACK, _geometry(lane.band, Point(0.0, 0.0)), extras)


def _stack_cells(diagram: Diagram) -> list[str]:
    """The lanes' stack, from the page's origin (so the cells inside keep page coordinates) to the drawing's end."""
    if not diagram.lanes:
        return []
    bands = [lane.band for lane in diagram.lanes]
    left, top = min(b.x for b in bands), min(b.y for b in bands)
    right, bottom = max(b.x + b.width for b in bands), max(b.y + b.height for b in bands)
    ends = [(b.band.x + b.band.width, b.band.y + b.band.height) for b in diagram.stages]
    width, height = max([right, *(x for x, _ in ends)]), max([bottom, *(y for _, y in ends)])
    style = lane_stack_style((left, top, width - right, height - bottom), horizontal=diagram.direction != "LR")
    return [_vertex(STACK, "", style, LAYER, _geometry(Rect(0.0, 0.0, width, height), Point(0.0, 0.0)), "")]


def _stage_cell(stage: StageBand, diagram: Diagram) -> str:
    """A stage's band, first in the file so that it lies behind the lanes and their steps."""
    style = stage_style(
        stage,
        horizontal=diagram.direction != "LR",
        theme=diagram.theme,
        font_size=diagram.font_size,
        stacked=bool(diagram.lanes),
    )
    label = html_label(stage.lines or (str(stage.number), stage.name))
    return _vertex(
        f"stage-{stage.number}",
        label,
        style,
        STACK if diagram.lanes else LAYER,
        _geometry(stage.band, Point(0.0, 0.0)),
        _tooltip(stage.description) + _data(stage.data),
    )


def _step_cell(node: NodeBox, cell_id: str, frame: _Frame, diagram: Diagram, options: RenderOptions) -> str:
    style = step_style(node, symbol(node.kind).drawio_style, diagram.font_size, theme=diagram.theme)
    extras = _tooltip(node.tooltip)
    if node.link:
        extras += f' link="{attr(node.link)}"'
    extras += _data(node.data)
    return _vertex(cell_id, html_label(node.lines), style, frame.id, _geometry(node.box, frame.origin), extras)


def _number_cell(node: NodeBox, step_id: str, diagram: Diagram) -> str:
    """The step's number in a pill on its corner: a child of the step's cell, so it moves with it."""
    badge = number_badge(node.box, node.number, diagram.small_size, node.kind)
    style = number_style(diagram.theme, diagram.small_size)
    return _vertex(
        f"{step_id}-number", str(node.number), style, step_id, _geometry(badge, Point(node.box.x, node.box.y)), ""
    )


def _header_cells(diagram: Diagram) -> list[str]:
    """The title block: one text cell per line, above the lanes."""
    if not diagram.header or diagram.header_box is None:
        return []
    cells = []
    for number, line in enumerate(header_layout(diagram.header, diagram.header_box, diagram.font_size), 1):
        width = text_width(clean(line.text), line.size, bold=line.bold) + 8
        box = Rect(line.at.x, line.at.y - line.size, width, line.size + 6)
        style = header_style(diagram.theme, line.size, bold=line.bold)
        cells.append(
            _vertex(f"header-{number}", html_label([line.text]), style, LAYER, _geometry(box, Point(0, 0)), "")
        )
    return cells


def _vertex(cell_id: str, label: str, style: str, parent: str, geometry: str, extras: str) -> str:
    """A vertex cell; wrapped in a ``UserObject`` when it carries a tooltip, a link or custom data."""
    cell = f'style="{attr(style)}" vertex="1" parent="{parent}">{geometry}</mxCell>'
    if not extras:
        return f'<mxCell id="{cell_id}" value="{attr(label)}" {cell}'
    return f'<UserObject id="{cell_id}" label="{attr(label)}"{extras}><mxCell {cell}</UserObject>'


def _root_cell(diagram: Diagram) -> str:
    """The root cell; it carries the flow's own data, which draw.io edits as the diagram's "Edit Data"."""
    if not diagram.data:
        return '<mxCell id="0"/>'
    return f'<UserObject id="0" label=""{_data(diagram.data)}><mxCell/></UserObject>'


def _data(pairs: tuple[tuple[str, str], ...]) -> str:
    """Custom data as draw.io keeps it: plain attributes of the cell's ``UserObject`` (see :mod:`kept_data`)."""
    return "".join(f' {name}="{attr(value)}"' for name, value in pairs)


def _tooltip(text: str) -> str:
    """A ``tooltip`` attribute (HTML, which draw.io sanitizes) for notes or a lane's description."""
    if not text.strip():
        return ""
    return f' tooltip="{attr(html_label(text.strip().split(chr(10))))}"'


def _geometry(box: Rect, origin: Point) -> str:
    return (
        f'<mxGeometry x="{num(box.x - origin.x)}" y="{num(box.y - origin.y)}" '
        f'width="{num(box.width)}" height="{num(box.height)}" as="geometry"/>'
    )


@dataclass(frozen=True, slots=True)
class _Wiring:
    """What an edge needs to know about the steps: boxes, cell ids and containers."""

    nodes: dict[str, NodeBox]
    ids: dict[str, str]
    frames: dict[str, _Frame]
    layer: _Frame

    def frame(self, edge: EdgePath) -> _Frame:
        """The nearest container holding both ends: their lane, or the layer."""
        source, target = self.frames[edge.source], self.frames[edge.target]
        return source if source == target else self.layer


def _edge_cell(index: int, edge: EdgePath, wiring: _Wiring, diagram: Diagram, options: RenderOptions) -> str:
    frame = wiring.frame(edge)
    ends = (
        (_anchor(wiring.nodes[edge.source], edge.points[0]), _anchor(wiring.nodes[edge.target], edge.points[-1]))
        if edge.points
        else (None, None)
    )
    style = edge_style(*ends, curved=diagram.curved, theme=diagram.theme, label_size=diagram.small_size)
    return (
        f'<mxCell id="edge-{index}" value="{attr(html_label(edge.label_lines))}" '
        f'style="{attr(style)}" edge="1" parent="{frame.id}" '
        f'source="{wiring.ids[edge.source]}" target="{wiring.ids[edge.target]}">'
        f"{_edge_geometry(edge, frame.origin)}</mxCell>"
    )


def _anchor(node: NodeBox, point: Point) -> tuple[float, float]:
    """Where ``point`` sits on the step's box as fractions of its width and height (0…1).

    draw.io mirrors a connection point along with a flipped shape (``flipV=1``
    on the manual operation), so the fraction is mirrored back for those.
    """
    box, shape = node.box, symbol(node.kind).drawio_style
    fx = (point.x - box.x) / box.width if box.width else 0.5
    fy = (point.y - box.y) / box.height if box.height else 0.5
    fx, fy = min(max(fx, 0.0), 1.0), min(max(fy, 0.0), 1.0)
    return (1 - fx if "flipH=1;" in shape else fx), (1 - fy if "flipV=1;" in shape else fy)


def _edge_geometry(edge: EdgePath, origin: Point) -> str:
    inner = ""
    waypoints = edge.points[1:-1]
    if waypoints:
        points = "".join(f'<mxPoint x="{num(p.x - origin.x)}" y="{num(p.y - origin.y)}"/>' for p in waypoints)
        inner += f'<Array as="points">{points}</Array>'
    position = ""
    centre = edge.label_centre
    if centre is not None and len(edge.points) >= 2:
        along, foot = locate_on_path(edge.points, centre)
        position = f' x="{num(2 * along - 1, 3)}"'
        dx, dy = centre.x - foot.x, centre.y - foot.y
        if dx or dy:
            inner += f'<mxPoint x="{num(dx)}" y="{num(dy)}" as="offset"/>'
    if not inner:
        return f'<mxGeometry{position} relative="1" as="geometry"/>'
    return f'<mxGeometry{position} relative="1" as="geometry">{inner}</mxGeometry>'


def locate_on_path(points: tuple[Point, ...], at: Point) -> tuple[float, Point]:
    """The fraction (0…1) of the path's length at the point nearest ``at``, and that point."""
    best: tuple[float, float, Point] | None = None
    walked = 0.0
    for a, b in pairwise(points):
        length = ((b.x - a.x) ** 2 + (b.y - a.y) ** 2) ** 0.5
        t = 0.0 if not length else ((at.x - a.x) * (b.x - a.x) + (at.y - a.y) * (b.y - a.y)) / length**2
        t = min(max(t, 0.0), 1.0)
        foot = Point(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y))
        distance = (at.x - foot.x) ** 2 + (at.y - foot.y) ** 2
        if best is None or distance < best[0] - 1e-9:
            best = (distance, walked + t * length, foot)
        walked += length
    assert best is not None
    return (best[1] / walked if walked else 0.5), best[2]


# -- text ------------------------------------------------------------------------
def html_label(lines: tuple[str, ...] | list[str]) -> str:
    """Lines as draw.io HTML: each escaped, joined with ``<br>``."""
    return "<br>".join(html.escape(clean(line), quote=False) for line in lines)
