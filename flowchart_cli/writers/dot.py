"""The DOT writer: the diagram *as laid out*, for Graphviz users.

Every step is a node pinned at its computed position (``pos="x,y!"``, points,
y flipped), lanes are clusters with their bounding boxes, and every flow line
carries its route as a ``pos`` spline, so ``neato -n2 -Tsvg NAME.dot``
redraws our layout while plain ``dot`` still lays the graph out afresh.
The ``graphviz`` package writes the DOT and quotes every name and value;
user text goes through :func:`shown_text` first, so no label can change the
graph (no escape sequence, no HTML label).
"""

from __future__ import annotations

from urllib.parse import quote as quote_url

import graphviz

from ..layout.geometry import Diagram, EdgePath, LaneBand, NodeBox, Point, Rect
from ..options import RenderOptions
from ..symbols import symbol
from .dot_route import spline_pos
from .dot_stages import stage_background, stage_comments, stage_names
from .escape import clean, num

__all__ = ["graph_id", "label", "shown_text", "write_dot"]

POINTS_PER_INCH = 72.0
COMMENT = "Laid out by flowchart-cli: `neato -n2 -Tsvg FILE.dot` draws this layout; `dot` lays it out anew."


def write_dot(diagram: Diagram, options: RenderOptions) -> str:
    """The DOT text of ``diagram``, positions included."""
    colours = diagram.theme
    font = diagram.font_family.split(",")[0].strip()
    size = num(diagram.font_size)
    graph_attr = {
        "bb": f"0,0,{num(diagram.width)},{num(diagram.height)}",
        "rankdir": "LR" if diagram.direction == "LR" else "TB",
        "splines": "true",
        "notranslate": "true",
        "outputorder": "edgesfirst",
        "bgcolor": colours.background,
        "fontname": font,
        "fontsize": size,
        "fontcolor": colours.ink,
        **_header(diagram),
        **({"_background": stage_background(diagram)} if diagram.stages else {}),
    }
    graph = graphviz.Digraph(
        graph_id(diagram.title),
        comment=COMMENT,
        graph_attr=graph_attr,
        node_attr={
            "fixedsize": "true",
            "fontname": font,
            "fontsize": size,
            "color": colours.ink,
            "fontcolor": colours.ink,
            "fillcolor": colours.default_fill,
        },
        edge_attr={
            "fontname": font,
            "fontsize": num(diagram.small_size),
            "color": colours.line,
            "fontcolor": colours.label_ink,
            "arrowsize": "0.8",
        },
    )
    graph.body.extend(f"\t{comment}\n" for comment in stage_comments(diagram))
    for name, attrs in stage_names(diagram, label):
        graph.node(name, **attrs)
    for node in diagram.nodes:
        graph.node(node.key, **_node(node, diagram.height, diagram.numbers))
    for lane in diagram.lanes:
        _cluster(graph, lane, diagram)
    nodes = {node.key: node for node in diagram.nodes}
    for edge in diagram.edges:
        graph.edge(edge.source, edge.target, **_edge(edge, diagram, nodes[edge.target]))
    return graph.source


def _cluster(graph: graphviz.Digraph, lane: LaneBand, diagram: Diagram) -> None:
    colours = diagram.theme
    fill = lane.fill + ("99" if diagram.stages and lane.fill.startswith("#") else "")  # stage bands show through
    centre = _flip(lane.header.center, diagram.height)
    with graph.subgraph(name=f"cluster_lane{lane.index + 1}") as cluster:
        cluster.attr(
            "graph",
            bb=_bb(lane.band, diagram.height),
            label=label(lane.lines or (lane.name,)),
            lp=f"{num(centre.x)},{num(centre.y)}",
            style="filled",
            fillcolor=fill,
            color=colours.lane_stroke,
            fontcolor=colours.ink,
        )
        for node in diagram.nodes:
            if node.lane == lane.id:
                cluster.node(node.key)


# Graphviz draws a `cds` 12 points shorter than asked, and a second periphery 4 points outside.
_GROW: dict[str, tuple[float, float]] = {"delay": (0.0, 12.0), "subprocess": (-8.0, -8.0)}


def _size(node: NodeBox) -> dict[str, str]:
    """``width``/``height`` in inches so that Graphviz's outline matches the step's box."""
    grow_x, grow_y = _GROW.get(node.kind, (0.0, 0.0))
    size = {
        "width": num((node.box.width + grow_x) / POINTS_PER_INCH, 4),
        "height": num((node.box.height + grow_y) / POINTS_PER_INCH, 4),
    }
    return {**size, "peripheries": "2"} if node.kind == "subprocess" else size


def _header(diagram: Diagram) -> dict[str, str]:
    """With ``--header``: the title block as the graph's label, top left."""
    if not diagram.header:
        return {}
    return {"label": label(diagram.header), "labelloc": "t", "labeljust": "l"}


def _node(node: NodeBox, height: float, numbers: bool = False) -> dict[str, str]:
    shape, style = symbol(node.kind).dot
    centre = _flip(node.box.center, height)
    attrs = {
        "label": label(node.lines),
        "shape": shape,
        "style": style,
        "fillcolor": node.fill,
        "pos": f"{num(centre.x)},{num(centre.y)}!",
        **_size(node),
    }
    if numbers:
        attrs["xlabel"] = str(node.number)  # the step's number just outside its shape
    if node.tooltip:
        attrs["tooltip"] = shown_text(node.tooltip)
    if node.link:
        attrs["URL"] = graphviz.nohtml(url_for_svg(node.link))
    return attrs


_BOXES = ("box", "note", "folder")


def _onto_box(points: tuple[Point, ...], target: NodeBox) -> list[Point]:
    """The route with its tip moved onto the target's box, where Graphviz draws a rectangle.

    Our outline may lie inside the box (a sloped top, a wavy base); Graphviz's
    rectangle would cover the arrowhead there.
    """
    before, tip = points[-2], points[-1]
    box = target.box
    if abs(before.x - tip.x) < 0.01 and box.x <= tip.x <= box.right:
        tip = Point(tip.x, box.y if before.y < tip.y else box.bottom)
    elif abs(before.y - tip.y) < 0.01 and box.y <= tip.y <= box.bottom:
        tip = Point(box.x if before.x < tip.x else box.right, tip.y)
    return [*points[:-1], tip]


def _edge(edge: EdgePath, diagram: Diagram, target: NodeBox) -> dict[str, str]:
    attrs: dict[str, str] = {}
    if edge.label:
        attrs["label"] = label(edge.label_lines)
        if edge.label_centre is not None:
            centre = _flip(edge.label_centre, diagram.height)
            attrs["lp"] = f"{num(centre.x)},{num(centre.y)}"
    if len(edge.points) >= 2:
        points = _onto_box(edge.points, target) if symbol(target.kind).dot[0] in _BOXES else list(edge.points)
        flipped = [_flip(p, diagram.height) for p in points]
        attrs["pos"] = spline_pos(flipped, curved=diagram.curved)
    if edge.back:
        attrs["constraint"] = "false"
    return attrs


def url_for_svg(url: str) -> str:
    """``url`` safe in the SVG Graphviz writes: older Graphviz copies ``URL`` into ``xlink:href`` unescaped.

    Characters a URL may not hold raw are percent-encoded (same meaning) and ``&``
    is written as ``&amp;``, which every Graphviz version passes through as an entity.
    """
    return "&amp;".join(quote_url(part, safe="/?:@=+$,;#%-_.!~*()[]") for part in clean(url).split("&"))


def _flip(point: Point, height: float) -> Point:
    return Point(point.x, height - point.y)


def _bb(rect: Rect, height: float) -> str:
    return f"{num(rect.x)},{num(height - rect.bottom)},{num(rect.right)},{num(height - rect.y)}"


def shown_text(words: str) -> str:
    """Text Graphviz shows (labels, tooltips) as a value for the ``graphviz`` package to quote.

    Backslashes are doubled (``graphviz.escape``: ``\\N``, ``\\n`` or ``\\G`` in user
    text are not Graphviz escapes), ``&`` is written ``&amp;`` (Graphviz reads entity
    references in such strings), line breaks become ``\\n``, and the result is never
    taken for an HTML label (``graphviz.nohtml``).
    """
    lines = clean(words).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return graphviz.nohtml("\\n".join(graphviz.escape(line.replace("&", "&amp;")) for line in lines))


def graph_id(title: str) -> str:
    """The graph's name, as an HTML-like DOT string: the only kind in which a backslash stays one backslash.

    Graphviz keeps a doubled backslash in a quoted graph name as two characters
    (names are not escaped strings), and a name ending in a backslash would
    escape its closing quote; between ``<`` and ``>`` only ``&``, ``<`` and ``>`` need entities.
    """
    flat = " ".join(clean(title).split())
    return "<" + flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + ">"


def label(lines: tuple[str, ...] | list[str]) -> str:
    """Lines of a label, each centred (``\\n`` between them)."""
    return shown_text("\n".join(lines))
