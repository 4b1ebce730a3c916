"""The DOT writer: the diagram *as laid out*, for Graphviz users.

Every step is a node pinned at its computed position (``pos="x,y!"``, points,
y flipped), lanes are clusters with their bounding boxes, and every flow line
carries its route as a ``pos`` spline, so ``neato -n2 -Tsvg NAME.dot``
redraws our layout while plain ``dot`` still lays the graph out afresh.
All text goes through :func:`quote`, so no label can change the graph.
"""

from __future__ import annotations

from urllib.parse import quote as quote_url

from ..layout.geometry import Diagram, EdgePath, LaneBand, NodeBox, Point, Rect
from ..options import RenderOptions
from ..symbols import symbol
from .dot_route import spline_pos
from .dot_stages import stage_background, stage_comments, stage_names
from .drawio import label_centre
from .escape import clean, num

__all__ = ["graph_id", "label", "quote", "text", "write_dot"]

POINTS_PER_INCH = 72.0


def write_dot(diagram: Diagram, options: RenderOptions) -> str:
    """The DOT text of ``diagram``, positions included."""
    colours = diagram.theme
    font = quote(diagram.font_family.split(",")[0].strip())
    size = num(diagram.font_size)
    lines = [
        "// Laid out by flowchart-cli: `neato -n2 -Tsvg FILE.dot` draws this layout; `dot` lays it out anew.",
        f"digraph {graph_id(diagram.title)} {{",
        f'    graph [bb="0,0,{num(diagram.width)},{num(diagram.height)}", '
        f"rankdir={'LR' if diagram.direction == 'LR' else 'TB'}, splines=true, notranslate=true, "
        f'outputorder=edgesfirst, bgcolor="{colours.background}", fontname={font}, fontsize={size}, '
        f'fontcolor="{colours.ink}"{_header(diagram)}{", " + stage_background(diagram) if diagram.stages else ""}];',
        *stage_comments(diagram),
        f'    node [fixedsize=true, fontname={font}, fontsize={size}, color="{colours.ink}", '
        f'fontcolor="{colours.ink}", fillcolor="{colours.default_fill}"];',
        f'    edge [fontname={font}, fontsize={num(diagram.font_size - 1)}, color="{colours.line}", '
        f'fontcolor="{colours.label_ink}", arrowsize=0.8];',
    ]
    lines.extend(stage_names(diagram, label))
    lines.extend(_node(node, diagram.height, diagram.numbers) for node in diagram.nodes)
    for lane in diagram.lanes:
        lines.extend(_cluster(lane, diagram))
    nodes = {node.key: node for node in diagram.nodes}
    lines.extend(_edge(edge, diagram, nodes[edge.target]) for edge in diagram.edges)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _cluster(lane: LaneBand, diagram: Diagram) -> list[str]:
    colours = diagram.theme
    fill = lane.fill + ("99" if diagram.stages and lane.fill.startswith("#") else "")  # stage bands show through
    centre = _flip(lane.header.center, diagram.height)
    members = [n for n in diagram.nodes if n.lane == lane.id]
    return [
        f"    subgraph {quote(f'cluster_lane{lane.index + 1}')} {{",
        f"        graph [bb={quote(_bb(lane.band, diagram.height))}, label={label(lane.lines or (lane.name,))}, "
        f'lp="{num(centre.x)},{num(centre.y)}", style=filled, fillcolor="{fill}", '
        f'color="{colours.lane_stroke}", fontcolor="{colours.ink}"];',
        *(f"        {quote(n.key)};" for n in members),
        "    }",
    ]


# Graphviz draws a `cds` 12 points shorter than asked, and a second periphery 4 points outside.
_GROW: dict[str, tuple[float, float]] = {"delay": (0.0, 12.0), "subprocess": (-8.0, -8.0)}


def _size(node: NodeBox) -> list[str]:
    """``width``/``height`` in inches so that Graphviz's outline matches the step's box."""
    grow_x, grow_y = _GROW.get(node.kind, (0.0, 0.0))
    size = [
        f"width={num((node.box.width + grow_x) / POINTS_PER_INCH, 4)}",
        f"height={num((node.box.height + grow_y) / POINTS_PER_INCH, 4)}",
    ]
    return [*size, "peripheries=2"] if node.kind == "subprocess" else size


def _header(diagram: Diagram) -> str:
    """With ``--header``: the title block as the graph's label, top left."""
    if not diagram.header:
        return ""
    return f", label={label(diagram.header)}, labelloc=t, labeljust=l"


def _node(node: NodeBox, height: float, numbers: bool = False) -> str:
    shape, style = symbol(node.kind).dot
    centre = _flip(node.box.center, height)
    attrs = [
        f"label={label(node.lines)}",
        f"shape={shape}",
        f'style="{style}"',
        f'fillcolor="{node.fill}"',
        f'pos="{num(centre.x)},{num(centre.y)}!"',
        *_size(node),
    ]
    if numbers:
        attrs.append(f'xlabel="{node.number}"')  # the step's number just outside its shape
    if node.tooltip:
        attrs.append(f"tooltip={text(node.tooltip)}")
    if node.link:
        attrs.append(f"URL={quote(url_for_svg(node.link))}")
    return f"    {quote(node.key)} [{', '.join(attrs)}];"


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


def _edge(edge: EdgePath, diagram: Diagram, target: NodeBox) -> str:
    attrs = []
    if edge.label:
        attrs.append(f"label={label(edge.label.split(chr(10)))}")
        if edge.label_at is not None:
            centre = _flip(label_centre(edge, diagram.font_size - 1), diagram.height)
            attrs.append(f'lp="{num(centre.x)},{num(centre.y)}"')
    if len(edge.points) >= 2:
        points = _onto_box(edge.points, target) if symbol(target.kind).dot[0] in _BOXES else list(edge.points)
        flipped = [_flip(p, diagram.height) for p in points]
        attrs.append(f'pos="{spline_pos(flipped, curved=diagram.curved)}"')
    if edge.back:
        attrs.append("constraint=false")
    suffix = f" [{', '.join(attrs)}]" if attrs else ""
    return f"    {quote(edge.source)} -> {quote(edge.target)}{suffix};"


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


def quote(text: str) -> str:
    """``text`` as a double-quoted DOT string that means exactly ``text``.

    Backslashes are doubled (so ``\\N``, ``\\n`` or ``\\G`` in user text are not
    Graphviz escapes), quotes escaped, line breaks written as ``\\n``; a quoted
    string is never an HTML label, so ``<…>`` stays text.
    """
    escaped = clean(text).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n") + '"'


def text(words: str) -> str:
    """Text Graphviz shows (labels, tooltips, the title): quoted, with ``&`` as ``&amp;``.

    Graphviz reads entity references (``&lt;``, ``&#35;``) in such strings, so a
    bare ``&`` would let ``&amp;`` written by a user show as ``&``.
    """
    return quote(words.replace("&", "&amp;"))


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
    return text("\n".join(lines))
