"""Hand-made diagrams for the draw.io, Mermaid and DOT writer tests.

``grid_diagram`` places steps on a plain grid (one row per step, each in its
lane's band) so the writers can be tested without Graphviz; the real layout
is exercised by the slow tests.
"""

from __future__ import annotations

import json
import textwrap

from flowchart_cli.layout.export import export_diagram
from flowchart_cli.layout.geometry import Diagram, EdgePath, LaneBand, Point, Rect
from flowchart_cli.loader import load_text
from flowchart_cli.model import Flow, flow_edges
from flowchart_cli.options import RenderOptions

QUEJAS_FLOW = """
title: Quejas
lanes:
  - Cliente
  - id: agente
    name: Agente de atención
steps:
  - id: recepcion
    start: El cliente presenta su queja
    lane: Cliente
  - id: grave
    decision: ¿La queja es grave?
    lane: agente
    branches:
      Sí: escalar
      "No": fin
  - id: escalar
    subprocess: Escalar
  - id: fin
    end: Cerrada
"""
"""Two lanes, a decision with a quoted `"No"`, a subprocess: the small flow the text-format tests share."""

HOSTILE = [
    "<script>alert(1)</script>",
    "</text></g><rect/>",
    "say \"hi\" & 'bye'",
    "]]> <![CDATA[ x ]]>",
    '"]; node [shape=box',
    "{} [] () | ; # %% -->",
    "back\\slash \\n \\\\ end\\",
    "emoji 😀👍🏽 and ¿qué tal? ñ",
    "RTL: مرحبا بالعالم שלום",
    "zero\u200bwidth\u200d\ufeffjoin",
    "`code` ~~x~~ **b** #quot; &amp; #35;",
    "style:x#123; classDef a fill:#f00;",
    "x" * 2000,
]

HOSTILE_FLOW = textwrap.dedent(
    """
    title: "<b>Hostile</b> & \\"title\\" ]]> \\\\"
    lanes:
      - id: a
        name: "Lane <one> & \\"1\\""
      - id: b
        name: "]]></mxfile>"
    steps:
      - id: s0
        start: "<script>alert(1)</script>"
        lane: a
        notes: "note with <b>tags</b> & \\"quotes\\""
        link: "https://example.com/?a=1&b=<2>"
      - id: s1
        process: "</text></g><rect/>"
      - id: s2
        decision: "say \\"hi\\" & 'bye'?"
        lane: b
        branches:
          "\\"]; node [shape=box": s3
          "<i>no</i> & #35; `x`": s4
      - id: s3
        io: "back\\\\slash \\\\n end\\\\"
      - id: s4
        document: "emoji 😀👍🏽 RTL مرحبا zero\\u200bwidth {} [] | ; # -->"
        lane: a
      - id: s5
        subprocess: "style:x#123; classDef a fill:#f00;"
      - id: s6
        end: "LONGWORD"
    """
).replace("LONGWORD", "x" * 2000)


def load(text: str) -> Flow:
    flow, diagnostics = load_text(textwrap.dedent(text).lstrip("\n"))
    assert flow is not None, diagnostics
    return flow


def grid_diagram(flow: Flow, options: RenderOptions = RenderOptions()) -> Diagram:
    """Every step on its own row (TB) or column (LR) inside its lane's band, exported with ``options``."""
    horizontal = flow.direction == "LR"
    row = 200.0 if horizontal else 110.0
    lane_ids = [lane.id for lane in flow.lanes]
    band_size, header = 240.0, 30.0
    extent = header + 20 + row * len(flow.steps)
    lanes = tuple(
        _band(i, lane.id, lane.name, band_size, header, extent, horizontal) for i, lane in enumerate(flow.lanes)
    )
    rects, lines = [], []
    for i, step in enumerate(flow.steps):
        lane_index = lane_ids.index(step.lane) if step.lane in lane_ids else 0
        across = lane_index * band_size + 40
        along = header + 20 + i * row
        x, y = (along, across) if horizontal else (across, along)
        rects.append(Rect(x, y, 160, 60))
        lines.append((step.label[:40], step.label[40:80]) if len(step.label) > 40 else (step.label,))
    boxes = {step.key: rect for step, rect in zip(flow.steps, rects, strict=True)}
    edges = tuple(_edge(e.source, e.target, e.label, boxes, horizontal) for e in flow_edges(flow))
    width, height = (extent, band_size * max(1, len(lanes))) if horizontal else (band_size * max(1, len(lanes)), extent)
    return export_diagram(
        flow, boxes=rects, lines=lines, lanes=lanes, edges=edges, width=width, height=height, options=options
    )


def _band(index: int, lane_id: str, name: str, size: float, header: float, extent: float, horizontal: bool) -> LaneBand:
    if horizontal:
        band = Rect(0, index * size, extent, size)
        head = Rect(0, index * size, header, size)
    else:
        band = Rect(index * size, 0, size, extent)
        head = Rect(index * size, 0, size, header)
    return LaneBand(lane_id, name, band, head, index)


def _edge(source: str, target: str, label: str, boxes: dict[str, Rect], horizontal: bool) -> EdgePath:
    a, b = boxes[source], boxes[target]
    if horizontal:
        start, end = Point(a.right, a.center.y), Point(b.x, b.center.y)
        mid = (start.x + end.x) / 2
        points = (start, Point(mid, start.y), Point(mid, end.y), end)
    else:
        start, end = Point(a.center.x, a.bottom), Point(b.center.x, b.y)
        mid = (start.y + end.y) / 2
        points = (start, Point(start.x, mid), Point(end.x, mid), end)
    label_at = Point(points[1].x + 6, points[1].y - 6) if label else None
    return EdgePath(source, target, label, points, label_at, back=b.y < a.y)


def every_hostile_label() -> str:
    """A flow whose decision has one outcome per hostile label, each leading to an end with that label."""
    labels = [label.replace("x" * 2000, "x" * 80) for label in HOSTILE]
    branches = "".join(f"      {json.dumps(label, ensure_ascii=False)}: e{i}\n" for i, label in enumerate(labels))
    ends = "".join(
        f"  - id: e{i}\n    end: {json.dumps(label, ensure_ascii=False)}\n" for i, label in enumerate(labels)
    )
    return f"title: h\nsteps:\n  - start: s\n  - decision: q?\n    branches:\n{branches}{ends}"
