"""Draw one part of a split diagram, or the overview page that shows where the parts lie.

Both start from the numbered drawing of the whole flow (:func:`.cut.numbered`)
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
from .cut import CONNECTOR, NUMBER_PX, Connector, attrs, svg_tag, svg_text
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
    if not plan.split:
        return svg_text(whole)
    axis = plan.axis
    root = copy.deepcopy(whole)
    width, height = axis.size(sheet.lo, sheet.hi)
    _resize(root, width, height)
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
    lo_x, lo_y = (0.0, sheet.lo) if axis.vertical else (sheet.lo, 0.0)
    size = (axis.cross, sheet.hi - sheet.lo) if axis.vertical else (sheet.hi - sheet.lo, axis.cross)
    clip = ET.SubElement(defs, svg_tag("clipPath"), {"id": clip_id})
    ET.SubElement(clip, svg_tag("rect"), attrs(x=lo_x, y=lo_y, width=size[0], height=size[1]))
    edges = iter(diagram.edges)
    moved = []
    for child in list(root):
        kind = (child.get("class") or "").split()
        if child.tag in (svg_tag("title"), svg_tag("desc")) or (child.tag == svg_tag("rect") and not moved):
            if child.tag == svg_tag("rect"):
                _attrs_into(child, width=width, height=height)
            continue
        root.remove(child)
        moved.append(child)
        if "fc-lane" in kind:
            header = list(child)[1:]
            for part in header:
                child.remove(part)
                headers.append(part)
            content.append(child)
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
        content.append(_connector(end, axis, words, colours, [o for o in here if o is not end]))
    root.extend([defs, content, headers])
    return svg_text(root)


def _within(point, sheet: Sheet, axis: Axis) -> bool:
    along = point.y if axis.vertical else point.x
    return sheet.lo <= along <= sheet.hi


def _resize(root: ET.Element, width: float, height: float) -> None:
    _attrs_into(root, width=width, height=height)
    root.set("viewBox", f"0 0 {width:g} {height:g}")


def _attrs_into(element: ET.Element, **values: float) -> None:
    for key, value in attrs(**values).items():
        element.set(key, value)


def _free(end: Connector, others: list[Connector], axis: Axis, lo: float, hi: float) -> bool:
    """Whether no other connector on the same edge of the part lies across ``lo``–``hi``."""
    for other in others:
        if other.low != end.low:
            continue
        at = other.at.x if axis.vertical else other.at.y
        if lo - CONNECTOR[0] / 2 < at < hi + CONNECTOR[0] / 2:
            return False
    return True


def _connector(
    end: Connector, axis: Axis, words: Mapping[str, str], colours: tuple[str, str], others: list[Connector]
) -> ET.Element:
    """The off-page connector: a pentagon pointing along the flow, its number inside, the other part beside it."""
    ink, paper = colours
    across, along = CONNECTOR
    group = ET.Element(svg_tag("g"), {"class": "fc-offpage-connector", "data-connector": str(end.number)})
    caption = words["to_part" if end.outgoing else "from_part"].format(n=end.other)
    if axis.vertical:
        cx, bound = end.at.x, end.at.y
        top = bound + 2 if end.low else bound - 2 - along
        left, right, tip = cx - across / 2, cx + across / 2, top + along
        points = [(left, top), (right, top), (right, top + along * 0.6), (cx, tip), (left, top + along * 0.6)]
        centre = (cx, top + along * 0.45)
        room = len(caption) * NUMBER_PX * 0.62 + 8
        place: tuple[float, float, str] | None = None  # no room beside it: the number alone says it
        if right + room < axis.cross and _free(end, others, axis, right, right + room):
            place = (right + 4, centre[1], "start")
        elif left - room > 0 and _free(end, others, axis, left - room, left):
            place = (left - 4, centre[1], "end")
    else:
        cy, bound = end.at.y, end.at.x
        start = bound + 2 if end.low else bound - 2 - along
        top, bottom, tip = cy - across / 2, cy + across / 2, start + along
        points = [(start, top), (start + along * 0.6, top), (tip, cy), (start + along * 0.6, bottom), (start, bottom)]
        centre = (start + along * 0.42, cy)
        place = (start + along / 2, bottom + NUMBER_PX + 1, "middle")
    ET.SubElement(
        group,
        svg_tag("polygon"),
        {
            "points": " ".join(f"{x:.1f},{y:.1f}" for x, y in points),
            "fill": paper,
            "stroke": ink,
            "stroke-width": "1.5",
        },
    )
    number = ET.SubElement(
        group,
        svg_tag("text"),
        attrs(
            **{
                "x": centre[0],
                "y": centre[1] + NUMBER_PX * 0.35,
                "text-anchor": "middle",
                "font-size": NUMBER_PX,
                "font-weight": "bold",
                "fill": ink,
            }
        ),
    )
    number.text = str(end.number)
    if place is None:
        return group
    note = ET.SubElement(
        group,
        svg_tag("text"),
        attrs(
            **{
                "class": "fc-connector-part",
                "x": place[0],
                "y": place[1] + NUMBER_PX * 0.35,
                "text-anchor": place[2],
                "font-size": NUMBER_PX,
                "fill": ink,
            }
        ),
    )
    note.text = caption
    return group


def overview_svg(whole: ET.Element, plan: DiagramPlan, scale: float, *, colours: tuple[str, str]) -> str:
    """The whole diagram without its words, each part framed and numbered in type readable at ``scale``."""
    ink, paper = colours
    root = copy.deepcopy(whole)
    for parent in list(root.iter()):
        for child in list(parent):
            kind = (child.get("class") or "").split()
            if parent is not root and (child.tag in (svg_tag("text"), svg_tag("title")) or "fc-number-box" in kind):
                parent.remove(child)
    axis = plan.axis
    font = OVERVIEW_LABEL_PT / (0.75 * max(scale, 0.01))
    frames = ET.SubElement(root, svg_tag("g"), {"class": "fc-parts"})
    for sheet in plan.sheets:
        lo = max(sheet.lo, axis.head) if sheet.index > 1 else 0.0
        x, y = (0.0, lo) if axis.vertical else (lo, 0.0)
        w, h = (axis.cross, sheet.hi - lo) if axis.vertical else (sheet.hi - lo, axis.cross)
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
                **{"stroke-width": 2.5 / max(scale, 0.05), "stroke-dasharray": f"{8 / max(scale, 0.05):.1f}"},
            ),
        )
        box_w = font * (0.9 + 0.7 * len(str(sheet.index)))
        ET.SubElement(
            frames, svg_tag("rect"), attrs(x=x + 4, y=y + 4, width=box_w, height=font * 1.4, fill=paper, stroke=ink)
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
                }
            ),
        )
        label.text = str(sheet.index)
    return svg_text(root)
