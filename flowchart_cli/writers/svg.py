"""The SVG writer: the diagram as a standalone, script-free SVG with the structure of spec §4.

Every other picture format (PNG, PDF, the handout) is made from this SVG, so
it uses only what Chromium, librsvg and cairo draw alike: paths, rects and
text with presentation attributes, no markers, no external files.  The one
exception is the `auto` theme's style block (see :mod:`.svg_paint`), which
only the SVG file itself carries; the painters get the light drawing.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ..layout.annotations import header_layout, number_badge, pair_letters
from ..layout.geometry import (
    SHARE_SCALE,
    Diagram,
    EdgePath,
    LaneBand,
    NodeBox,
    PartOutline,
    Point,
    Rect,
    StageBand,
    share_width,
)
from ..layout.outcome_text import LEADING, outcome_lines
from ..layout.shapes import Parts, fmt, shape_parts, text_center
from ..layout.text import text_width
from ..layout.theme import Theme
from ..layout.theme import theme as pick_theme
from ..options import RenderOptions
from ..words import words
from .escape import attr, xml_text
from .escape import clean as clean_text
from .svg_paint import Paints

__all__ = ["TextRun", "svg_without_text", "symbol_icon", "write_svg"]

LINE_HEIGHT = 16.0


def line_step(size: float) -> float:
    """From one line of a text block to the next: the drawing's own 16 px, or 1.2 font sizes for text set
    larger than that (an overview's lane names, drawn big to print at 7.5 pt on a shrunk page)."""
    return LINE_HEIGHT if size <= LINE_HEIGHT else 1.2 * size


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
    tail: str = ""
    """Set right after ``text``, after a space, not bold and in ``tail_size`` (an outcome's share)."""
    tail_size: float = 0.0
    upwards: bool = False
    """Turned a quarter left about ``x`` and its middle height (a narrow lane's name on an overview)."""


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
        self.paints = Paints(diagram.theme, switch=keep_text)

    def both(self, pick: Callable[[Theme], str]) -> tuple[str, str]:
        """A colour in the light theme and in the dark alternate (the same when there is none)."""
        return pick(self.colours), pick(self.paints.dark or self.colours)

    def svg(self) -> str:
        d = self.d
        w, h = fmt(d.width), fmt(d.height)
        parts = [
            '<?xml version="1.0" encoding="UTF-8"?>\n',
            f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'version="1.1" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" '
            f'aria-labelledby="fc-title fc-desc" font-family={_attr(d.font_family)} '
            f'font-size="{fmt(d.font_size)}"{self.paints.root_class()}>\n',
            f'<title id="fc-title">{_text(d.title)}</title>\n',
            f'<desc id="fc-desc">{_text(d.description)}</desc>\n',
            f'<rect x="0" y="0" width="{w}" height="{h}"{self.paints.attrs("bg", fill=self.both(_background))}/>\n',
        ]
        if d.header and d.header_box is not None:
            parts.append(self.header())
        parts += [self.lane(lane) for lane in d.lanes]
        parts += [self.stage(stage) for stage in d.stages]
        parts += [self.step(node) for node in d.nodes]
        parts += [self.edge(edge) for edge in d.edges]
        parts += [self.outline(outline) for outline in d.outlines]
        # an overview's stage names over the parts' frames, on a patch of the stage column's colour: a frame's
        # edge across a stage struck its name through (review 11: "Home care", cut between two parts)
        parts += [self.sideways(stage, self.size + 1) for stage in d.stages if stage.sideways is not None]
        parts.insert(3, self.paints.style())
        parts.append("</svg>\n")
        return "".join(parts)

    def lines(self, lines: tuple[str, ...], center: Point, size: float, bold: bool = False, label: str = "") -> str:
        """A text block centred on ``center``; a line that the wrap began at a space
        keeps that space, so the text of the block reads as the label written.  No lines, no text
        (an overview's shapes carry none)."""
        if not any(lines):
            return ""
        step = line_step(size)
        top = center.y - len(lines) * step / 2
        ink = self.colours.ink
        places = [(line, top + (i + 0.5) * step + 0.35 * size) for i, line in enumerate(lines)]
        if not self.keep_text:
            self.runs += [TextRun(center.x, y, clean_text(line), "middle", size, bold, ink) for line, y in places]
            return ""
        spaced = _respace(label, lines)
        spans = "".join(
            f'<tspan x="{fmt(center.x)}" y="{fmt(y)}">{_text(line)}</tspan>'
            for line, (_, y) in zip(spaced, places, strict=True)
        )
        style = f' font-weight="bold" font-size="{fmt(size)}"' if bold else ""
        return f'<text text-anchor="middle"{self.ink()}{style}>{spans}</text>'

    def ink(self, classes: str = "") -> str:
        """The attributes of text in the ink colour."""
        return self.paints.attrs("ink", classes=classes, fill=self.both(lambda t: t.ink))

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
                f'<text x="{fmt(line.at.x)}" y="{fmt(line.at.y)}" font-size="{fmt(line.size)}"{weight}'
                f"{self.ink()}>{_text(line.text)}</text>"
            )
        out.append("</g>\n")
        return "".join(out)

    def lane(self, lane: LaneBand) -> str:
        i, paints = _palette_index(self.colours.lane_fills, lane.fill, lane.index), self.paints
        stroke = self.both(lambda t: t.lane_stroke)
        band = paints.attrs(f"lane{i}", fill=(lane.fill, self.both(lambda t: t.lane_fill(i))[1]), stroke=stroke)
        head = paints.attrs(
            f"lanehead{i}", fill=(lane.header_fill, self.both(lambda t: t.header_fill(i))[1]), stroke=stroke
        )
        name = (
            self.upwards(lane)
            if lane.sideways
            else self.lines(_header_text(lane, self.d.lang), lane.header.center, self.size + 1, True, lane.name)
        )
        header = f"{_rect(lane.band, band)}{_rect(lane.header, head)}"
        return f'<g class="fc-lane" data-lane={_attr(lane.id)}>{header}{name}</g>\n'

    def upwards(self, lane: LaneBand) -> str:
        """A lane's name reading upwards in its header, its lines side by side from the left (a printed
        overview's narrow lane, :class:`LaneBand`): each line turned about its own middle."""
        at, size = lane.header.center, self.size + 1
        step = line_step(size)
        out = []
        for i, line in enumerate(lane.lines):
            x, y = at.x + (i + 0.5 - len(lane.lines) / 2) * step, at.y + 0.35 * size
            if not self.keep_text:
                self.runs.append(TextRun(x, y, clean_text(line), "middle", size, True, self.colours.ink, upwards=True))
                continue
            out.append(
                f'<text x="{fmt(x)}" y="{fmt(y)}" text-anchor="middle" font-weight="bold" font-size="{fmt(size)}" '
                f'transform="rotate(-90 {fmt(x)} {fmt(at.y)})"{self.ink()}>{_text(line)}</text>'
            )
        return "".join(out)

    def stage(self, stage: StageBand) -> str:
        """A stage's band across every lane (spec §4: ``fc-stage``, band first), its number, then its name.

        Bands come after the lanes and before lines and steps: behind the
        drawing, but over the lanes' fills, so their borders show.
        """
        colours, paints = self.colours, self.paints
        stroke = self.both(lambda t: t.stage_stroke)
        if stage.number % 2 == 0 and colours.stage_tint != "none":
            tint = paints.attrs("stagetint", fill=self.both(lambda t: t.stage_tint), stroke=stroke)
            band = _rect(stage.band, tint + ' fill-opacity="0.06"')
        else:
            band = _rect(stage.band, ' fill="none"' + paints.attrs("stageline", stroke=stroke))
        label = paints.attrs("stagelabel", fill=self.both(lambda t: t.stage_header_fill), stroke=stroke)
        number, *name = stage.lines or (str(stage.number), stage.name)
        x, top = stage.label.center.x, stage.label.center.y - (len(name) + 1) * LINE_HEIGHT / 2
        size = self.size + 1
        if stage.sideways is not None:  # its name goes on top of the parts' frames (see :meth:`svg`)
            return f'<g class="fc-stage" data-stage={_attr(stage.id)}>{band}{_rect(stage.label, label)}</g>\n'
        return (
            f'<g class="fc-stage" data-stage={_attr(stage.id)}>{band}'
            f"{_rect(stage.label, label)}"
            f"{self.lines((number,), Point(x, top + LINE_HEIGHT / 2), size, True, number)}"
            f"{self.lines(tuple(name), Point(x, top + LINE_HEIGHT * (1 + len(name) / 2)), size, True, stage.name)}"
            "</g>\n"
        )

    def sideways(self, stage: StageBand, size: float) -> str:
        """A stage's name (``lines[1:]``, shortened to fit) centred in ``stage.sideways`` (a printed overview's
        stage column, reading upwards, its lines side by side from the left; a left-to-right overview's stage
        row, across), on a patch of the stage column's colour, where a frame's edge passes under it."""
        names = [line for line in stage.lines[1:] if line] or [stage.name]
        if stage.sideways is None or not any(names) or not self.keep_text:  # only the handout draws an overview
            return ""
        at = stage.sideways.center
        upright = stage.sideways.width > stage.sideways.height
        step = line_step(size)
        long = max(text_width(name, size, bold=True) for name in names) + size * 0.6
        short = size * 1.3 + step * (len(names) - 1)
        patch = (
            Rect(at.x - long / 2, at.y - short / 2, long, short)
            if upright
            else Rect(at.x - short / 2, at.y - long / 2, short, long)
        )
        fill = self.paints.attrs("stagename", fill=self.both(lambda t: t.stage_header_fill))
        texts = []
        for i, name in enumerate(names):
            offset = (i + 0.5 - len(names) / 2) * step
            x, y = (at.x, at.y + offset) if upright else (at.x + offset, at.y)
            turn = "" if upright else f' transform="rotate(-90 {fmt(x)} {fmt(y)})"'
            texts.append(
                f'<text x="{fmt(x)}" y="{fmt(y + 0.35 * size)}" text-anchor="middle" font-weight="bold" '
                f'font-size="{fmt(size)}"{turn}{self.ink()}>{_text(name)}</text>'
            )
        return f'<g class="fc-stage-name" data-stage={_attr(stage.id)}>{_rect(patch, fill)}{"".join(texts)}</g>\n'

    def step(self, node: NodeBox) -> str:
        if node.connector:
            return self.connector(node)
        notes = f"<title>{_text(node.tooltip)}</title>" if node.tooltip else ""
        body = (
            f'<g class="fc-step fc-{node.kind}" data-step={_attr(node.key)}>{notes}'
            f"{_shape(node.kind, node.box, self.paints, (node.fill, self.both(lambda t: t.fill_for(node.kind))[1]))}"
            f"{self.lines(node.lines, text_center(node.kind, node.box), self.size, False, node.label)}"
            f"{self.number(node) if self.d.numbers else ''}</g>"
        )
        if node.href:
            body = f"<a href={_attr(node.href)} xlink:href={_attr(node.href)}>{body}</a>"
        return body + "\n"

    def connector(self, node: NodeBox) -> str:
        """A printed part's off-page connector (spec §4: ``fc-offpage-connector``): the ISO pentagon,
        where the line goes on (or comes from) inside it, and the pair's number in a dark badge."""
        fill = (node.fill, self.both(lambda t: t.fill_for("offpage"))[1])
        return (
            f'<g class="fc-offpage-connector" data-connector="{node.connector}">'
            f"{_shape('offpage', node.box, self.paints, fill)}"
            f"{self.lines(node.lines, text_center('offpage', node.box), self.size, False, node.label)}"
            f"{self.number(node, node.connector)}</g>\n"
        )

    def number(self, node: NodeBox, connector: int = 0) -> str:
        """The step's number in a small badge on the corner of its box (spec §4: ``fc-number``);
        an off-page connector's pair letters (``fc-connector-number``: A, B… so they are never read as a
        step's number) in the same badge, inverted."""
        size = self.d.small_size
        label = pair_letters(connector) if connector else str(node.number)
        badge = number_badge(node.box, label, size, node.kind)
        ink, paper = self.both(lambda t: t.ink), self.both(_background)
        text, back = (paper, ink) if connector else (ink, paper)
        ink_class = self.paints.paint_class("paper" if connector else "ink", fill=text)
        paint = self.paints.attrs("darkbadge" if connector else "badge", fill=back, stroke=ink)
        shape = (
            f'<rect x="{fmt(badge.x)}" y="{fmt(badge.y)}" width="{fmt(badge.width)}" height="{fmt(badge.height)}" '
            f'rx="{fmt(badge.height / 2)}"{paint} stroke-width="1"/>'
        )
        x, y = badge.center.x, badge.y + badge.height / 2 + 0.36 * size
        if not self.keep_text:
            self.runs.append(TextRun(x, y, label, "middle", size, True, text[0]))
            return shape
        css = "fc-connector-number" if connector else "fc-number"
        return (
            f'{shape}<text class="{" ".join(filter(None, (css, ink_class)))}" x="{fmt(x)}" y="{fmt(y)}" '
            f'text-anchor="middle" font-size="{fmt(size)}" font-weight="bold" fill="{text[0]}">{label}</text>'
        )

    def outline(self, outline: PartOutline) -> str:
        """A printed part framed on the overview: a dashed frame, its tag ("Parte 3") in a box at its corner."""
        box, size, tag = outline.box, outline.font_size, outline.tag
        ink, paper = self.both(lambda t: t.ink), self.both(_background)
        dashes = f' stroke-width="{fmt(size / 8)}" stroke-dasharray="{fmt(size / 2)}"'
        line = ' fill="none"' + self.paints.attrs("outline", stroke=ink) + dashes
        frame = (
            f'<g class="fc-part-outline" data-part="{outline.number}">'
            f"{_rect(box, line)}{_rect(tag, self.paints.attrs('badge', fill=paper, stroke=ink))}"
        )
        if outline.word and outline.stacked:  # the word small over the number
            small = outline.word_size
            texts = [(outline.word, small, tag.y + small * 1.15), (str(outline.number), size, tag.bottom - size * 0.32)]
        else:
            texts = [(outline.text, size, tag.y + size * 1.08)]
        x = tag.center.x
        if not self.keep_text:
            self.runs.extend(TextRun(x, y, words, "middle", at, True, ink[0]) for words, at, y in texts)
            return frame + "</g>\n"
        return (
            frame
            + "".join(
                f'<text x="{fmt(x)}" y="{fmt(y)}" text-anchor="middle" font-size="{fmt(at)}" '
                f'font-weight="bold"{self.ink()}>{_text(words)}</text>'
                for words, at, y in texts
            )
            + "</g>\n"
        )

    def edge(self, edge: EdgePath) -> str:
        line, head = _arrow(edge.points)
        ink = self.both(lambda t: t.line)
        out = [
            f'<g class="fc-edge" data-from={_attr(edge.source)} data-to={_attr(edge.target)}>',
            f'<path d="{_path_d(line, self.d.curved)}" fill="none"{self.paints.attrs("line", stroke=ink)} '
            f'stroke-width="{_STROKE}" stroke-linejoin="round"/>',
            f'<path d="{head}"{self.paints.attrs("head", fill=ink, stroke=ink)} '
            'stroke-width="1" stroke-linejoin="round"/>',
        ]
        if edge.label_at is not None and edge.label_box is not None:
            lines = outcome_lines(edge.label, edge.label_size, edge.label_wrap)
            out.append(self.edge_label(lines, edge.label_at, edge.label_anchor, edge.label_box, edge.share))
        out.append("</g>\n")
        return "".join(out)

    def edge_label(self, lines: tuple[str, ...], at: Point, anchor: str, backing: Rect, share: str = "") -> str:
        """The outcome label on its backing box, a line under another; its share ("60 %") after the last
        line, smaller and not bold."""
        size, colours = self.d.small_size, self.colours
        paint = self.paints.attrs("labelbox", fill=self.both(_background)) + ' stroke="none" fill-opacity="0.85"'
        small = size * SHARE_SCALE
        step = size * LEADING
        box = "".join(_rect(r, paint) for r in _line_backings(lines, backing, anchor, size, share))
        if not self.keep_text:
            for number, line in enumerate(lines):
                last = number == len(lines) - 1
                tail, tail_size = (clean_text(share), small) if last else ("", 0.0)
                run = TextRun(
                    at.x, at.y + number * step, clean_text(line), anchor, size, True, colours.label_ink, tail, tail_size
                )
                self.runs.append(run)
            return box
        tail = (
            f'<tspan class="fc-share" dx="{fmt(text_width(" ", small))}" font-size="{fmt(small)}" '
            f'font-weight="normal">{_text(share)}</tspan>'
            if share
            else ""
        )
        if len(lines) == 1:
            text = f"{_text(lines[0])}{tail}"
        else:
            text = "".join(
                f'<tspan x="{fmt(at.x)}" y="{fmt(at.y + number * step)}">{_text(line)}'
                f"{tail if number == len(lines) - 1 else ''}</tspan>"
                for number, line in enumerate(lines)
            )
        return (
            f'{box}<text x="{fmt(at.x)}" y="{fmt(at.y)}" text-anchor="{anchor}"'
            f"{self.paints.attrs('label', fill=self.both(lambda t: t.label_ink))} "
            f'font-size="{fmt(size)}" font-weight="bold">{text}</text>'
        )


def _header_text(lane: LaneBand, lang: str) -> tuple[str, ...]:
    """A lane header's lines: its name, and "(externo)" in the flow's language under the name of a lane
    outside the team the flow trains (spec: "it may be marked as external")."""
    lines = lane.lines or (lane.name,)
    return (*lines, f"({words(lang)['external']})") if lane.external and any(lines) else lines


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


def _palette_index(palette: tuple[str, ...], colour: str, fallback: int) -> int:
    """Which of the theme's lane colours ``colour`` is (a handout's part keeps the whole flow's lane colours)."""
    return palette.index(colour) if colour in palette else fallback


def _background(theme: Theme) -> str:
    return theme.background


def _line_backings(lines: tuple[str, ...], backing: Rect, anchor: str, size: float, share: str) -> list[Rect]:
    """The backing of each line of an outcome label, as wide as that line, so a short line shows no
    blank box beside it; the lines' backings meet, and one line's is the whole ``backing``."""
    if len(lines) == 1:
        return [backing]
    step = size * LEADING
    out = []
    for number, line in enumerate(lines):
        last = number == len(lines) - 1
        width = text_width(line, size, bold=True) + 6 + (share_width(share, size) if last else 0.0)
        left = backing.x if anchor == "start" else backing.right - width
        out.append(Rect(left, backing.y + number * step, width, size + 5 if last else step))
    return out


def _rect(r: Rect, paint: str) -> str:
    """A rectangle; ``paint`` holds its colour attributes (leading space included)."""
    return f'<rect x="{fmt(r.x)}" y="{fmt(r.y)}" width="{fmt(r.width)}" height="{fmt(r.height)}"{paint}/>'


def _shape(kind: str, box: Rect, paints: Paints, fill: tuple[str, str], parts: Parts | None = None) -> str:
    """A symbol's outline paths (``parts``, else the symbol's own in ``box``): filled with ``fill`` (light,
    dark), or only stroked."""
    light, dark = paints.light, paints.dark or paints.light
    stroke = (light.ink, dark.ink)
    filled = paints.attrs(f"shape-{kind}", fill=fill, stroke=stroke)
    outline = ' fill="none"' + paints.attrs("outline", stroke=stroke)
    return "".join(
        f'<path d="{d}"{filled if role == "fill" else outline} stroke-width="{_STROKE}" stroke-linejoin="round"/>'
        for role, d in (parts if parts is not None else shape_parts(kind, box))
    )


ICON_SHEET_STEP = 0.18
"""How far apart the sheets of a small "documents" icon stand, as a share of its height: the diagram's few
pixels between sheets are less than the stroke at 18 px, and the three top edges printed as one heavy black bar
(review 4 #15)."""


def _icon_parts(kind: str, box: Rect) -> Parts:
    """The outline of a legend or step-table icon: a symbol's own, but a "documents" icon's three sheets stand
    far enough apart to read as three sheets at that size."""
    if kind != "documents":
        return shape_parts(kind, box)
    step = box.height * ICON_SHEET_STEP
    width, height = box.width - 2 * step, box.height - 2 * step
    sheets = (Rect(box.x + n * step, box.y + (2 - n) * step, width, height) for n in (2, 1, 0))
    return tuple(part for sheet in sheets for part in shape_parts("document", sheet))


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
    paints = Paints(colours)
    fill = (colours.fill_for(kind), (paints.dark or colours).fill_for(kind))
    drawn = _shape(kind, box, paints, fill, _icon_parts(kind, box))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{fmt(width)}" height="{fmt(height)}" '
        f'viewBox="0 0 {fmt(width)} {fmt(height)}" role="img" aria-hidden="true"{paints.root_class()}>'
        f"{paints.style()}{drawn}</svg>"
    )
