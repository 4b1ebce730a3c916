"""Draw one part of a split diagram, or the overview page that shows where the parts lie.

Both start from the writer's drawing of the whole flow, numbers drawn (:func:`.cut.drawing_tree`),
and work on a copy of its element tree.  A part shifts its stretch of the flow
up under the lane headers; lines leaving the part are clipped to it and end at
their off-page connector.  The overview drops every word (they would be too
small to read) and frames each part with its number in large type.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from collections.abc import Mapping

from ..layout.geometry import Diagram
from ..layout.text import text_width
from ..writers.svg_paint import INK, OUTLINED, PAPER, STROKED
from .connector_shape import connector_svg
from .cut import Connector, attrs, svg_tag, svg_text
from .sheets import Axis, DiagramPlan, Sheet

__all__ = ["overview_svg", "sheet_svg"]

OVERVIEW_LABEL_PT = 11.0


def sheet_svg(
    whole: ET.Element,
    diagram: Diagram,
    plan: DiagramPlan,
    sheet: Sheet,
    ends: tuple[Connector, ...],
    *,
    words: Mapping[str, str],
    colours: tuple[str, str],
) -> str:
    """The SVG of ``sheet`` (the whole drawing when the plan has a single sheet)."""
    axis = plan.axis
    if (sheet.lo, sheet.hi, sheet.clo, sheet.chi) == (0.0, axis.length, 0.0, axis.cross):
        return svg_text(whole)
    root = copy.deepcopy(whole)
    width, height = axis.size(sheet.lo, sheet.hi, sheet.chi - sheet.clo)
    left, top = (sheet.clo, 0.0) if axis.vertical else (0.0, sheet.clo)
    _attrs_into(root, width=width, height=height)
    root.set("viewBox", f"{left:g} {top:g} {width:g} {height:g}")
    title = root.find(svg_tag("title"))
    if title is not None:
        title.text = f"{title.text or ''} — {words['part_of'].format(n=sheet.index, total=len(plan.sheets))}"
    shift = axis.head - sheet.lo
    content = ET.Element(
        svg_tag("g"), {"transform": f"translate(0 {shift:g})" if axis.vertical else f"translate({shift:g} 0)"}
    )
    headers = ET.Element(svg_tag("g"), {"class": "fc-lane-headers"})
    clip_id = "part-clip"
    defs = ET.Element(svg_tag("defs"))
    lo_x, lo_y = (sheet.clo, sheet.lo) if axis.vertical else (sheet.lo, sheet.clo)
    across, along = sheet.chi - sheet.clo, sheet.hi - sheet.lo
    size = (across, along) if axis.vertical else (along, across)
    clip = ET.SubElement(defs, svg_tag("clipPath"), {"id": clip_id})
    ET.SubElement(clip, svg_tag("rect"), attrs(x=lo_x, y=lo_y, width=size[0], height=size[1]))
    edges = iter(diagram.edges)
    moved = []
    for child in list(root):
        kind = (child.get("class") or "").split()
        if child.tag in (svg_tag("title"), svg_tag("desc")) or (child.tag == svg_tag("rect") and not moved):
            if child.tag == svg_tag("rect"):
                _attrs_into(child, x=left, y=top, width=width, height=height)
            continue
        root.remove(child)
        moved.append(child)
        if "fc-lane" in kind:
            if not _lane_shown(child, sheet, axis):
                continue
            header = list(child)[1:]
            for part in header:
                child.remove(part)
                headers.append(part)
            content.append(child)
        elif "fc-stage" in kind:
            if _band_meets(child, sheet, axis):  # a stage reaching past the part: clipped, its name kept if shown
                child.set("clip-path", f"url(#{clip_id})")
                _drop_words_outside(child, sheet, axis)
                content.append(child)
                if _strip_cut_off(child, sheet, axis):
                    content.append(_stage_name_inside(child, diagram, sheet, axis, colours))
        elif "fc-step" in kind:
            if child.get("data-step") in sheet.keys:
                content.append(child)
        elif "fc-edge" in kind:
            edge = next(edges, None)
            inside = [key in sheet.keys for key in (child.get("data-from"), child.get("data-to"))]
            if all(inside):
                content.append(child)
            elif any(inside):
                child.set("clip-path", f"url(#{clip_id})")
                if edge is not None and edge.label_at is not None and not _within(edge.label_at, sheet, axis):
                    for label in [c for c in child if c.tag in (svg_tag("text"), svg_tag("rect"))]:
                        child.remove(label)
                content.append(child)
        else:
            content.append(child)
    here = [end for end in ends if end.sheet == sheet.index]
    for end in here:
        content.append(connector_svg(end, axis, sheet, words, colours, [o for o in here if o is not end]))
    root.extend([defs, content, headers])
    return svg_text(root)


def _within(point, sheet: Sheet, axis: Axis) -> bool:
    along, across = (point.y, point.x) if axis.vertical else (point.x, point.y)
    return sheet.lo <= along <= sheet.hi and sheet.clo <= across <= sheet.chi


def _band_meets(group: ET.Element, sheet: Sheet, axis: Axis) -> bool:
    """Whether the band (the group's first child) reaches into the part's stretch of the flow."""
    band = next(iter(group), None)
    if band is None or band.get("y") is None:
        return True
    start = float(band.get("y" if axis.vertical else "x", 0))
    size = float(band.get("height" if axis.vertical else "width", 0))
    return start < sheet.hi and start + size > sheet.lo


def _drop_words_outside(group: ET.Element, sheet: Sheet, axis: Axis) -> None:
    """Texts placed outside the part would be cut off by the clip and still be in the PDF's words: gone."""
    for text in [t for t in group if t.tag == svg_tag("text")]:
        spans = [text, *text.iter(svg_tag("tspan"))]
        places = [float(t.get("y" if axis.vertical else "x")) for t in spans if t.get("y" if axis.vertical else "x")]
        if any(not sheet.lo <= place <= sheet.hi for place in places):
            group.remove(text)


def _strip_cut_off(group: ET.Element, sheet: Sheet, axis: Axis) -> bool:
    """Whether the stage's name strip (its group's second rect) lies outside the part's lanes.

    Parts cut between lanes to stay readable leave the strip out; its words go with it.
    """
    rects = [child for child in group if child.tag == svg_tag("rect")]
    if len(rects) < 2:
        return False
    strip = rects[1]
    start = float(strip.get("x" if axis.vertical else "y", 0))
    end = start + float(strip.get("width" if axis.vertical else "height", 0))
    if end > sheet.clo + 0.5:
        return False
    for text in [child for child in group if child.tag == svg_tag("text")]:
        group.remove(text)
    return True


def _stage_name_inside(
    group: ET.Element, diagram: Diagram, sheet: Sheet, axis: Axis, colours: tuple[str, str]
) -> ET.Element:
    """``N · name`` on a light plate at the start of the stage's band, inside the part's first lane."""
    stage = next(s for s in diagram.stages if s.id == group.get("data-stage"))
    band = next(iter(group))
    band_start = float(band.get("y" if axis.vertical else "x", 0))
    along, across = max(band_start, sheet.lo) + 4, sheet.clo + 4
    x, y = (across, along) if axis.vertical else (along, across)
    words = f"{stage.number} · {stage.name}"
    size = diagram.font_size - 1
    ink, paper = colours
    label = ET.Element(svg_tag("g"), {"class": "fc-stage-name"})
    width = text_width(words, size) * 1.08 + 8  # bold
    ET.SubElement(label, svg_tag("rect"), attrs(x=x, y=y, width=width, height=size + 6))
    label[0].set("fill", paper)
    label[0].set("fill-opacity", "0.85")
    label[0].set("class", PAPER)
    text = ET.SubElement(label, svg_tag("text"), attrs(x=x + 4, y=y + size + 1, **{"font-size": size}))
    text.set("font-weight", "bold")
    text.set("fill", ink)
    text.set("class", INK)
    text.text = words
    return label


def _lane_shown(lane: ET.Element, sheet: Sheet, axis: Axis) -> bool:
    """Whether the lane's band (its group's first child) lies within the part's lanes."""
    band = next(iter(lane), None)
    if band is None or band.get("x") is None:
        return True
    start = float(band.get("x" if axis.vertical else "y", 0))
    size = float(band.get("width" if axis.vertical else "height", 0))
    return start >= sheet.clo - 0.5 and start + size <= sheet.chi + 0.5


def _attrs_into(element: ET.Element, **values: float) -> None:
    for key, value in attrs(**values).items():
        element.set(key, value)


def overview_svg(whole: ET.Element, plan: DiagramPlan, scale: float, *, colours: tuple[str, str]) -> str:
    """The whole diagram without its words, each part framed and numbered in type readable at ``scale``."""
    ink, paper = colours
    root = copy.deepcopy(whole)
    for parent in list(root.iter()):
        children = list(parent)
        for index, child in enumerate(children):
            if parent is root or child.tag not in (svg_tag("text"), svg_tag("title")):
                continue
            parent.remove(child)
            before = children[index - 1] if index else None
            if (
                "fc-number" in (child.get("class") or "").split()
                and before is not None
                and before.tag == svg_tag("rect")
            ):
                parent.remove(before)  # the number's badge
    axis = plan.axis
    font = OVERVIEW_LABEL_PT / (0.75 * max(scale, 0.01))
    frames = ET.SubElement(root, svg_tag("g"), {"class": "fc-parts"})
    for sheet in plan.sheets:
        lo = sheet.lo if sheet.lo > axis.head else 0.0
        x, y = (sheet.clo, lo) if axis.vertical else (lo, sheet.clo)
        across, along = sheet.chi - sheet.clo, sheet.hi - lo
        w, h = (across, along) if axis.vertical else (along, across)
        ET.SubElement(
            frames,
            svg_tag("rect"),
            attrs(
                x=x + 1,
                y=y + 1,
                width=w - 2,
                height=h - 2,
                fill="none",
                stroke=ink,
                **{"class": STROKED},
                **{"stroke-width": 2.5 / max(scale, 0.05), "stroke-dasharray": f"{8 / max(scale, 0.05):.1f}"},
            ),
        )
        box_w = font * (0.9 + 0.7 * len(str(sheet.index)))
        ET.SubElement(
            frames,
            svg_tag("rect"),
            attrs(x=x + 4, y=y + 4, width=box_w, height=font * 1.4, fill=paper, stroke=ink, **{"class": OUTLINED}),
        )
        label = ET.SubElement(
            frames,
            svg_tag("text"),
            attrs(
                **{
                    "x": x + 4 + box_w / 2,
                    "y": y + 4 + font * 1.08,
                    "text-anchor": "middle",
                    "font-size": font,
                    "font-weight": "bold",
                    "fill": ink,
                    "class": INK,
                }
            ),
        )
        label.text = str(sheet.index)
    return svg_text(root)
