"""The SVG writer: the diagram as a standalone, script-free SVG with the structure of spec §4.

Every other picture format (PNG, PDF, the handout) is made from this SVG, so
it uses only what Chromium, librsvg and cairo draw alike: paths, rects and
text with presentation attributes, no CSS, no markers, no external files.
"""

from __future__ import annotations

import math
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from ..layout.geometry import Diagram, EdgePath, LaneBand, NodeBox, Point, Rect
from ..layout.shapes import fmt, shape_parts, text_center
from ..layout.text import clean_text, text_width
from ..layout.theme import Theme, theme
from . import RenderOptions

__all__ = ["symbol_icon", "write_svg"]

_LINE_HEIGHT = 16.0
_ARROW = 9.0
_STROKE = "1.5"
_FADED = ' fill-opacity="0.85"'


def _text(value: str) -> str:
    return escape(clean_text(value))


def _attr(value: str) -> str:
    return quoteattr(clean_text(value))


def write_svg(diagram: Diagram, options: RenderOptions) -> str:
    """The whole drawing as SVG text (UTF-8, byte-identical for the same input)."""
    colours = theme(options.theme)
    w, h = fmt(diagram.width), fmt(diagram.height)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'version="1.1" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" '
        f'aria-labelledby="fc-title fc-desc" font-family={_attr(diagram.font_family)} '
        f'font-size="{fmt(diagram.font_size)}">\n',
        f'<title id="fc-title">{_text(diagram.title)}</title>\n',
        f'<desc id="fc-desc">{_text(_description(diagram))}</desc>\n',
        f'<rect x="0" y="0" width="{w}" height="{h}" fill="{colours.background}"/>\n',
    ]
    parts += [_lane(lane, colours, diagram.font_size) for lane in diagram.lanes]
    parts += [_step(node, colours, diagram.font_size) for node in diagram.nodes]
    parts += [_edge(edge, colours, diagram.font_size, diagram.curved) for edge in diagram.edges]
    parts.append("</svg>\n")
    return "".join(parts)


def _description(diagram: Diagram) -> str:
    flow = diagram.flow
    if flow.description.strip():
        return flow.description.strip()
    starts = [s.label for s in flow.steps if s.kind == "start"]
    ends = [s.label for s in flow.steps if s.kind == "end"]
    text = f"Flowchart of {len(flow.steps)} steps"
    if flow.lanes:
        text += " in lanes " + ", ".join(lane.name for lane in flow.lanes)
    if starts:
        text += f"; starts at: {'; '.join(starts)}"
    if ends:
        text += f"; ends at: {'; '.join(ends)}"
    return text + "."


def _rect(r: Rect, fill: str, stroke: str, extra: str = "") -> str:
    return (f'<rect x="{fmt(r.x)}" y="{fmt(r.y)}" width="{fmt(r.width)}" height="{fmt(r.height)}" '
            f'fill="{fill}" stroke="{stroke}"{extra}/>')


def _lines(lines: tuple[str, ...], center: Point, size: float, ink: str, extra: str = "") -> str:
    top = center.y - len(lines) * _LINE_HEIGHT / 2
    spans = "".join(
        f'<tspan x="{fmt(center.x)}" y="{fmt(top + (i + 0.5) * _LINE_HEIGHT + 0.35 * size)}">{_text(line)}</tspan>'
        for i, line in enumerate(lines))
    return f'<text text-anchor="middle" fill="{ink}"{extra}>{spans}</text>'


def _lane(lane: LaneBand, colours: Theme, size: float) -> str:
    band_fill = colours.lane_fills[lane.index % len(colours.lane_fills)]
    head_fill = colours.header_fills[lane.index % len(colours.header_fills)]
    bold = f' font-weight="bold" font-size="{fmt(size + 1)}"'
    return (f'<g class="fc-lane" data-lane={_attr(lane.id)}>'
            f'{_rect(lane.band, band_fill, colours.lane_stroke, "")}'
            f'{_rect(lane.header, head_fill, colours.lane_stroke, "")}'
            f"{_lines(lane.lines or (lane.name,), lane.header.center, size + 1, colours.ink, bold)}"
            "</g>\n")


def _shape(kind: str, box: Rect, colours: Theme) -> str:
    fill = colours.fills.get(kind, colours.default_fill)
    out = []
    for role, d in shape_parts(kind, box):
        paint = fill if role == "fill" else "none"
        out.append(f'<path d="{d}" fill="{paint}" stroke="{colours.ink}" stroke-width="{_STROKE}" '
                   'stroke-linejoin="round"/>')
    return "".join(out)


def _href(node: NodeBox) -> str:
    step = node.step
    if step.ref and step.kind in ("subprocess", "offpage"):
        target = step.ref
        for suffix in (".flow.yaml", ".flow.yml", ".yaml", ".yml"):
            if target.endswith(suffix):
                target = target[: -len(suffix)] + ".svg"
                break
        return quote(target.replace("\\", "/"), safe="/._-~")
    if step.link.startswith(("http://", "https://", "mailto:")):
        return step.link
    return ""


def _step(node: NodeBox, colours: Theme, size: float) -> str:
    notes = f"<title>{_text(node.step.notes)}</title>" if node.step.notes.strip() else ""
    body = (f'<g class="fc-step fc-{node.kind}" data-step={_attr(node.key)}>{notes}'
            f'{_shape(node.kind, node.box, colours)}'
            f'{_lines(node.lines, text_center(node.kind, node.box), size, colours.ink)}</g>')
    href = _href(node)
    if href:
        body = f"<a href={_attr(href)} xlink:href={_attr(href)}>{body}</a>"
    return body + "\n"


def _path_d(points: tuple[Point, ...], curved: bool) -> str:
    if not curved or len(points) < 3:
        return "M" + " L".join(f"{fmt(p.x)},{fmt(p.y)}" for p in points)
    d = [f"M{fmt(points[0].x)},{fmt(points[0].y)}"]
    for before, corner, after in zip(points, points[1:], points[2:], strict=False):
        radius = min(28.0, _dist(before, corner) / 2, _dist(corner, after) / 2)
        a, b = _toward(corner, before, radius), _toward(corner, after, radius)
        d.append(f"L{fmt(a.x)},{fmt(a.y)} Q{fmt(corner.x)},{fmt(corner.y)} {fmt(b.x)},{fmt(b.y)}")
    d.append(f"L{fmt(points[-1].x)},{fmt(points[-1].y)}")
    return " ".join(d)


def _dist(a: Point, b: Point) -> float:
    return math.hypot(b.x - a.x, b.y - a.y)


def _toward(start: Point, end: Point, length: float) -> Point:
    span = _dist(start, end) or 1.0
    return Point(start.x + (end.x - start.x) * length / span, start.y + (end.y - start.y) * length / span)


def _arrow(points: tuple[Point, ...]) -> tuple[tuple[Point, ...], str]:
    """The line shortened to the arrowhead's base, and the arrowhead's path."""
    tip, before = points[-1], points[-2]
    span = _dist(before, tip) or 1.0
    ux, uy = (tip.x - before.x) / span, (tip.y - before.y) / span
    base = Point(tip.x - ux * _ARROW, tip.y - uy * _ARROW)
    left = Point(base.x - uy * _ARROW / 2, base.y + ux * _ARROW / 2)
    right = Point(base.x + uy * _ARROW / 2, base.y - ux * _ARROW / 2)
    end = Point(tip.x - ux * (_ARROW - 1), tip.y - uy * (_ARROW - 1))
    head = f"M{fmt(tip.x)},{fmt(tip.y)} L{fmt(left.x)},{fmt(left.y)} L{fmt(right.x)},{fmt(right.y)} Z"
    return (*points[:-1], end), head


def _edge(edge: EdgePath, colours: Theme, size: float, curved: bool) -> str:
    line, head = _arrow(edge.points)
    out = [f'<g class="fc-edge" data-from={_attr(edge.source)} data-to={_attr(edge.target)}>',
           f'<path d="{_path_d(line, curved)}" fill="none" stroke="{colours.line}" stroke-width="{_STROKE}" '
           'stroke-linejoin="round"/>',
           f'<path d="{head}" fill="{colours.line}" stroke="{colours.line}" stroke-width="1" '
           'stroke-linejoin="round"/>']
    if edge.label and edge.label_at is not None:
        out.append(_edge_label(edge.label, edge.label_at, edge.label_anchor, size, colours))
    out.append("</g>\n")
    return "".join(out)


def _edge_label(label: str, at: Point, anchor: str, size: float, colours: Theme) -> str:
    width = text_width(clean_text(label), size - 1) + 6
    left = at.x - 3 if anchor == "start" else at.x - width + 3
    box = Rect(left, at.y - size + 1, width, size + 4)
    return (f'{_rect(box, colours.background, "none", _FADED)}'
            f'<text x="{fmt(at.x)}" y="{fmt(at.y)}" text-anchor="{anchor}" fill="{colours.label_ink}" '
            f'font-size="{fmt(size - 1)}" font-weight="bold">{_text(label)}</text>')


def symbol_icon(kind: str, width: float, height: float, theme: str = "default") -> str:
    """A small standalone SVG of one symbol's shape (no text), for legends."""
    from ..layout.theme import theme as pick

    colours = pick(theme)
    box = Rect(1.5, 1.5, max(1.0, width - 3), max(1.0, height - 3))
    if kind == "connector":
        side = min(box.width, box.height)
        box = Rect(width / 2 - side / 2, height / 2 - side / 2, side, side)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{fmt(width)}" height="{fmt(height)}" '
            f'viewBox="0 0 {fmt(width)} {fmt(height)}" role="img" aria-hidden="true">'
            f"{_shape(kind, box, colours)}</svg>")
