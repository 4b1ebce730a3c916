"""The handout's diagram drawings: links taken out, and where the lines between parts cross over.

They start from the SVG writer's drawing of the whole flow (so the handout
shows the same diagram as `flowchart render`).  Links are unwrapped because
the drawing is one image (`role="img"`) and an image holds nothing to focus;
the step table lists every link.  A part keeps its own steps, the lines
between them, and the lane headers on top; a line to another part ends at a
numbered off-page connector (ISO 5807), and the same number starts it there.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from itertools import pairwise

from ..layout.geometry import Diagram, EdgePath, Point
from .sheets import Axis, DiagramPlan, Sheet

__all__ = ["CONNECTOR", "NUMBER_PX", "Connector", "attrs", "connectors", "drawing_tree", "svg_tag", "svg_text"]

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
NUMBER_PX = 12.0  # the connectors' texts: as big as the outcome labels
CONNECTOR = (26.0, 28.0)  # across, along the flow (px)


def svg_tag(name: str) -> str:
    return f"{{{SVG}}}{name}"


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True, slots=True)
class Connector:
    """One end of an off-page connector pair: ``number`` on the part ``sheet``, at ``at`` (px)."""

    number: int
    sheet: int
    other: int  # the part the line continues on (or comes from)
    at: Point
    outgoing: bool
    side: str  # the part's edge it sits on: "low"/"high" along the flow (top/bottom in TB), "before"/"after" across


def svg_text(root: ET.Element) -> str:
    """The tree as SVG text with SVG the default namespace.

    Registered just before writing: a library loaded since (the PDF printer's
    SVG reader) may have registered an `svg:` prefix for it, and browsers
    render `<svg:svg>` inside HTML as nothing.
    """
    ET.register_namespace("", SVG)
    ET.register_namespace("xlink", XLINK)
    return ET.tostring(root, encoding="unicode")


def drawing_tree(svg: str) -> ET.Element:
    """The writer's drawing parsed, its links unwrapped (the step table lists them)."""
    root = ET.fromstring(svg.encode("utf-8"))
    _unwrap_links(root)
    return root


def attrs(**values: object) -> dict[str, str]:
    return {k: _fmt(v) if isinstance(v, float | int) and not isinstance(v, bool) else str(v) for k, v in values.items()}


def _unwrap_links(root: ET.Element) -> None:
    for parent in list(root.iter()):
        for index, child in reversed(list(enumerate(parent))):
            if child.tag == svg_tag("a"):
                parent.remove(child)
                for offset, grandchild in enumerate(child):
                    parent.insert(index + offset, grandchild)


def connectors(diagram: Diagram, plan: DiagramPlan) -> tuple[Connector, ...]:
    """Both ends of every line that leaves its part, numbered part by part along the flow."""
    sheet_of = {key: sheet for sheet in plan.sheets for key in sheet.keys}
    pairs: dict[tuple[int, str], list[tuple[EdgePath, Sheet, Sheet]]] = {}
    for edge in diagram.edges:
        start, end = sheet_of.get(edge.source), sheet_of.get(edge.target)
        if start is None or end is None or start.index == end.index:
            continue
        pairs.setdefault((start.index, edge.target), []).append((edge, start, end))
    ends: list[Connector] = []

    def place(item: tuple[tuple[int, str], list[tuple[EdgePath, Sheet, Sheet]]]) -> tuple:
        edge, start, _ = item[1][0]
        at = _exit(edge, start, plan.axis)[0]
        return item[0][0], (at.y, at.x) if plan.axis.vertical else (at.x, at.y)

    order = sorted(pairs.items(), key=place)
    for number, (_, edges) in enumerate(order, start=1):
        for edge, start, end in edges:
            out, side = _exit(edge, start, plan.axis)
            ends.append(Connector(number, start.index, end.index, out, True, side))
            into, side = _exit(edge, end, plan.axis, backwards=True)
            ends.append(Connector(number, end.index, start.index, into, False, side))
    return tuple(_distinct(ends))


def _distinct(ends: list[Connector]):
    """One connector per number and place: two lines to one step often share their last stretch."""
    seen: list[Connector] = []
    for end in ends:
        if not any(
            (o.number, o.sheet, o.outgoing) == (end.number, end.sheet, end.outgoing)
            and abs(o.at.x - end.at.x) + abs(o.at.y - end.at.y) < CONNECTOR[0]
            for o in seen
        ):
            seen.append(end)
    return seen


def _exit(edge: EdgePath, sheet: Sheet, axis: Axis, backwards: bool = False) -> tuple[Point, str]:
    """Where ``edge`` leaves ``sheet``'s rectangle (from its start, or from its end), and across which side."""
    points = list(reversed(edge.points)) if backwards else list(edge.points)

    def split(p: Point) -> tuple[float, float]:  # (along the flow, across it)
        return (p.y, p.x) if axis.vertical else (p.x, p.y)

    bounds = ((0, sheet.lo, "low"), (0, sheet.hi, "high"), (1, sheet.clo, "before"), (1, sheet.chi, "after"))
    for a, b in pairwise(points):
        pa, pb = split(a), split(b)
        crossings = []
        for coordinate, bound, side in bounds:
            da, db = pa[coordinate] - bound, pb[coordinate] - bound
            outward = db < 0 if side in ("low", "before") else db > 0
            if da == db or not outward or (da < 0 if side in ("low", "before") else da > 0):
                continue
            t = da / (da - db)
            crossings.append((t, side))
        if crossings:
            t, side = min(crossings)
            along, across = pa[0] + t * (pb[0] - pa[0]), pa[1] + t * (pb[1] - pa[1])
            return (Point(across, along) if axis.vertical else Point(along, across)), side
    last = points[-1] if points else Point(0, 0)
    along = split(last)[0]
    return last, "low" if along < (sheet.lo + sheet.hi) / 2 else "high"
