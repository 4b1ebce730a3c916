"""The SVG writer: the diagram as a standalone, script-free SVG with the structure of spec §4.

Every other picture format (PNG, PDF, the handout) is made from this SVG, so
it uses only what Chromium, librsvg and cairo draw alike: paths, rects and
text with presentation attributes, no CSS, no markers, no external files.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..layout.annotations import header_layout, number_badge, number_size
from ..layout.geometry import Diagram, EdgePath, LaneBand, NodeBox, PartOutline, Point, Rect, StageBand
from ..layout.shapes import fmt, shape_parts, text_center
from ..layout.text import text_width
from ..layout.theme import Theme
from ..layout.theme import theme as pick_theme
from ..options import RenderOptions
from .escape import attr, xml_text
from .escape import clean as clean_text

__all__ = ["TextRun", "svg_without_text", "symbol_icon", "write_svg"]

LINE_HEIGHT = 16.0
_ARROW = 9.0
_STROKE = "1.5"
_text = xml_text


def _attr(value: str) -> str:
    """A double-quoted attribute value, quotes and whitespace kept as written."""
    return f'"{attr(value)}"'


@dataclass(frozen=True, slots=True)
class TextRun:
    """One line of text as the SVG places it (baseline ``y``; ``anchor`` start, middle or end)."""

    x: float
    y: float
    text: str
    anchor: str
    size: float
    bold: bool
    fill: str


def write_svg(diagram: Diagram, options: RenderOptions) -> str:
    """The whole drawing as SVG text (UTF-8, byte-identical for the same input)."""
    return _Drawing(diagram, options, keep_text=True).svg()


def svg_without_text(diagram: Diagram, options: RenderOptions) -> tuple[str, tuple[TextRun, ...]]:
    """The same SVG with its text lifted out as runs, for painters that set whole lines faster."""
    drawing = _Drawing(diagram, options, keep_text=False)
    return drawing.svg(), tuple(drawing.runs)


class _Drawing:
    def __init__(self, diagram: Diagram, options: RenderOptions, *, keep_text: bool) -> None:
        self.d = diagram
        self.colours = diagram.theme
        self.size = diagram.font_size
        self.keep_text = keep_text
        self.runs: list[TextRun] = []

    def svg(self) -> str:
        d, colours = self.d, self.colours
        w, h = fmt(d.width), fmt(d.height)
        parts = [
            '<?xml version="1.0" encoding="UTF-8"?>\n',
            f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'version="1.1" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" '
            f'aria-labelledby="fc-title fc-desc" font-family={_attr(d.font_family)} '
            f'font-size="{fmt(d.font_size)}">\n',
            f'<title id="fc-title">{_text(d.title)}</title>\n',
            f'<desc id="fc-desc">{_text(d.description)}</desc>\n',
            f'<rect x="0" y="0" width="{w}" height="{h}" fill="{colours.background}"/>\n',
        ]
        if d.header and d.header_box is not None:
            parts.append(self.header())
        parts += [self.lane(lane) for lane in d.lanes]
        parts += [self.stage(stage) for stage in d.stages]
        parts += [self.step(node) for node in d.nodes]
        parts += [self.edge(edge) for edge in d.edges]
        parts += [self.outline(outline) for outline in d.outlines]
        parts.append("</svg>\n")
        return "".join(parts)

    def lines(self, lines: tuple[str, ...], center: Point, size: float, bold: bool = False, label: str = "") -> str:
        """A text block centred on ``center``; a line that the wrap began at a space
        keeps that space, so the text of the block reads as the label written.  No lines, no text
        (an overview's shapes carry none)."""
        if not any(lines):
            return ""
        top = center.y - len(lines) * LINE_HEIGHT / 2
        ink = self.colours.ink
        places = [(line, top + (i + 0.5) * LINE_HEIGHT + 0.35 * size) for i, line in enumerate(lines)]
        if not self.keep_text:
            self.runs += [TextRun(center.x, y, clean_text(line), "middle", size, bold, ink) for line, y in places]
            return ""
        spaced = _respace(label, lines)
        spans = "".join(
            f'<tspan x="{fmt(center.x)}" y="{fmt(y)}">{_text(line)}</tspan>'
            for line, (_, y) in zip(spaced, places, strict=True)
        )
        style = f' font-weight="bold" font-size="{fmt(size)}"' if bold else ""
        return f'<text text-anchor="middle" fill="{ink}"{style}>{spans}</text>'

    def header(self) -> str:
        """The title block above the diagram: the title in bold, version, owner and date under it."""
        assert self.d.header_box is not None
        out = ['<g class="fc-header">']
        for line in header_layout(self.d.header, self.d.header_box, self.size):
            if not self.keep_text:
                self.runs.append(
                    TextRun(
                        line.at.x, line.at.y, clean_text(line.text), "start", line.size, line.bold, self.colours.ink
                    )
                )
                continue
            weight = ' font-weight="bold"' if line.bold else ""
            out.append(
                f'<text x="{fmt(line.at.x)}" y="{fmt(line.at.y)}" font-size="{fmt(line.size)}"{weight} '
                f'fill="{self.colours.ink}">{_text(line.text)}</text>'
            )
        out.append("</g>\n")
        return "".join(out)

    def lane(self, lane: LaneBand) -> str:
        stroke = self.colours.lane_stroke
        return (
            f'<g class="fc-lane" data-lane={_attr(lane.id)}>'
            f"{_rect(lane.band, lane.fill, stroke)}"
            f"{_rect(lane.header, lane.header_fill, stroke)}"
            f"{self.lines(lane.lines or (lane.name,), lane.header.center, self.size + 1, True, lane.name)}"
            "</g>\n"
        )

    def stage(self, stage: StageBand) -> str:
        """A stage's band across every lane (spec §4: ``fc-stage``, band first), its number, then its name.

        Bands come after the lanes and before lines and steps: behind the
        drawing, but over the lanes' fills, so their borders show.
        """
        colours = self.colours
        tint = colours.stage_tint if stage.number % 2 == 0 and colours.stage_tint != "none" else ""
        band = _rect(stage.band, tint or "none", colours.stage_stroke, ' fill-opacity="0.06"' if tint else "")
        number, *name = stage.lines or (str(stage.number), stage.name)
        x, top = stage.label.center.x, stage.label.center.y - (len(name) + 1) * LINE_HEIGHT / 2
        size = self.size + 1
        return (
            f'<g class="fc-stage" data-stage={_attr(stage.id)}>{band}'
            f"{_rect(stage.label, colours.stage_header_fill, colours.stage_stroke)}"
            f"{self.lines((number,), Point(x, top + LINE_HEIGHT / 2), size, True, number)}"
            f"{self.lines(tuple(name), Point(x, top + LINE_HEIGHT * (1 + len(name) / 2)), size, True, stage.name)}"
            "</g>\n"
        )

    def step(self, node: NodeBox) -> str:
        if node.connector:
            return self.connector(node)
        notes = f"<title>{_text(node.tooltip)}</title>" if node.tooltip else ""
        body = (
            f'<g class="fc-step fc-{node.kind}" data-step={_attr(node.key)}>{notes}'
            f"{_shape(node.kind, node.box, self.colours, node.fill)}"
            f"{self.lines(node.lines, text_center(node.kind, node.box), self.size, False, node.label)}"
            f"{self.number(node) if self.d.numbers else ''}</g>"
        )
        if node.href:
            body = f"<a href={_attr(node.href)} xlink:href={_attr(node.href)}>{body}</a>"
        return body + "\n"

    def connector(self, node: NodeBox) -> str:
        """A printed part's off-page connector (spec §4: ``fc-offpage-connector``): the ISO pentagon,
        where the line goes on (or comes from) inside it, and the pair's number in a dark badge."""
        return (
            f'<g class="fc-offpage-connector" data-connector="{node.connector}">'
            f"{_shape('offpage', node.box, self.colours, node.fill)}"
            f"{self.lines(node.lines, text_center('offpage', node.box), self.size, False, node.label)}"
            f"{self.number(node, node.connector, 'fc-connector-number')}</g>\n"
        )

    def number(self, node: NodeBox, number: int | None = None, css: str = "fc-number") -> str:
        """The step's number in a small badge on the corner of its box (spec §4: ``fc-number``);
        a connector's pair number (``css`` fc-connector-number) in the same badge, dark."""
        size = number_size(self.size)
        number = node.number if number is None else number
        label = str(number)
        badge = number_badge(node.box, number, self.size)
        colours = self.colours
        dark = css != "fc-number"
        fill, ink = (colours.ink, colours.background) if dark else (colours.background, colours.ink)
        shape = (
            f'<rect x="{fmt(badge.x)}" y="{fmt(badge.y)}" width="{fmt(badge.width)}" height="{fmt(badge.height)}" '
            f'rx="{fmt(badge.height / 2)}" fill="{fill}" stroke="{colours.ink}" stroke-width="1"/>'
        )
        x, y = badge.center.x, badge.y + badge.height / 2 + 0.36 * size
        if not self.keep_text:
            self.runs.append(TextRun(x, y, label, "middle", size, True, ink))
            return shape
        return (
            f'{shape}<text class="{css}" x="{fmt(x)}" y="{fmt(y)}" text-anchor="middle" '
            f'font-size="{fmt(size)}" font-weight="bold" fill="{ink}">{label}</text>'
        )

    def outline(self, outline: PartOutline) -> str:
        """A printed part framed on the overview: a dashed frame, its number in a box at the corner."""
        box, size, ink = outline.box, outline.font_size, self.colours.ink
        label = str(outline.number)
        tag = Rect(box.x + 4, box.y + 4, size * (0.9 + 0.7 * len(label)), size * 1.4)
        x, y = tag.center.x, tag.y + size * 1.08
        dashes = f' stroke-width="{fmt(size / 8)}" stroke-dasharray="{fmt(size / 2)}"'
        frame = (
            f'<g class="fc-part-outline" data-part="{outline.number}">'
            f"{_rect(box, 'none', ink, dashes)}{_rect(tag, self.colours.background, ink)}"
        )
        if not self.keep_text:
            self.runs.append(TextRun(x, y, label, "middle", size, True, ink))
            return frame + "</g>\n"
        return (
            f'{frame}<text x="{fmt(x)}" y="{fmt(y)}" text-anchor="middle" font-size="{fmt(size)}" '
            f'font-weight="bold" fill="{ink}">{label}</text></g>\n'
        )

    def edge(self, edge: EdgePath) -> str:
        line, head = _arrow(edge.points)
        ink = self.colours.line
        out = [
            f'<g class="fc-edge" data-from={_attr(edge.source)} data-to={_attr(edge.target)}>',
            f'<path d="{_path_d(line, self.d.curved)}" fill="none" stroke="{ink}" '
            f'stroke-width="{_STROKE}" stroke-linejoin="round"/>',
            f'<path d="{head}" fill="{ink}" stroke="{ink}" stroke-width="1" stroke-linejoin="round"/>',
        ]
        if edge.label and edge.label_at is not None:
            out.append(self.edge_label(edge.label, edge.label_at, edge.label_anchor))
        out.append("</g>\n")
        return "".join(out)

    def edge_label(self, label: str, at: Point, anchor: str) -> str:
        size, colours = self.size - 1, self.colours
        width = text_width(clean_text(label), size) * 1.08 + 6
        left = at.x - 3 if anchor == "start" else at.x - width + 3
        box = _rect(Rect(left, at.y - size, width, size + 5), colours.background, "none", ' fill-opacity="0.85"')
        if not self.keep_text:
            self.runs.append(TextRun(at.x, at.y, clean_text(label), anchor, size, True, colours.label_ink))
            return box
        return (
            f'{box}<text x="{fmt(at.x)}" y="{fmt(at.y)}" text-anchor="{anchor}" '
            f'fill="{colours.label_ink}" font-size="{fmt(size)}" font-weight="bold">{_text(label)}</text>'
        )


def _respace(label: str, lines: tuple[str, ...]) -> list[str]:
    """``lines`` with a leading space on each line that followed a space in ``label``."""
    text = " ".join(clean_text(label).split())
    out, at = [], 0
    for number, line in enumerate(lines):
        found = text.find(line, at)
        if found < 0:
            return list(lines)
        out.append(" " + line if number and found > 0 and text[found - 1] == " " else line)
        at = found + len(line)
    return out


def _rect(r: Rect, fill: str, stroke: str, extra: str = "") -> str:
    return (
        f'<rect x="{fmt(r.x)}" y="{fmt(r.y)}" width="{fmt(r.width)}" height="{fmt(r.height)}" '
        f'fill="{fill}" stroke="{stroke}"{extra}/>'
    )


def _shape(kind: str, box: Rect, colours: Theme, fill: str) -> str:
    out = []
    for role, d in shape_parts(kind, box):
        paint = fill if role == "fill" else "none"
        out.append(
            f'<path d="{d}" fill="{paint}" stroke="{colours.ink}" stroke-width="{_STROKE}" stroke-linejoin="round"/>'
        )
    return "".join(out)


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


def symbol_icon(kind: str, width: float, height: float, theme: str | Theme = "default") -> str:
    """A small standalone SVG of one symbol's shape (no text), for legends."""
    box = Rect(1.5, 1.5, max(1.0, width - 3), max(1.0, height - 3))
    colours = pick_theme(theme) if isinstance(theme, str) else theme
    if kind == "connector":
        side = min(box.width, box.height)
        box = Rect(width / 2 - side / 2, height / 2 - side / 2, side, side)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{fmt(width)}" height="{fmt(height)}" '
        f'viewBox="0 0 {fmt(width)} {fmt(height)}" role="img" aria-hidden="true">'
        f"{_shape(kind, box, colours, colours.fill_for(kind))}</svg>"
    )
