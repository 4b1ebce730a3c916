"""Draw an off-page connector (ISO 5807): a pentagon pointing along the flow, its number inside.

Beside it, where there is room, the part the line continues on ("sigue en
la parte 3") or comes from; where two connectors sit close, the number alone.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping

from ..writers.svg_paint import INK, OUTLINED
from .cut import CONNECTOR, NUMBER_PX, Connector, attrs, svg_tag
from .sheets import Axis, Sheet

__all__ = ["connector_svg"]


def _free(end: Connector, others: list[Connector], axis: Axis, lo: float, hi: float) -> bool:
    """Whether no other connector on the same edge of the part lies across ``lo``–``hi``."""
    for other in others:
        if other.side != end.side:
            continue
        at = other.at.x if axis.vertical else other.at.y
        if lo - CONNECTOR[0] / 2 < at < hi + CONNECTOR[0] / 2:
            return False
    return True


def connector_svg(
    end: Connector,
    axis: Axis,
    sheet: Sheet,
    words: Mapping[str, str],
    colours: tuple[str, str],
    others: list[Connector],
) -> ET.Element:
    """The off-page connector: a pentagon pointing along the flow, its number inside, the other part beside it."""
    ink, paper = colours
    width, length = CONNECTOR
    group = ET.Element(svg_tag("g"), {"class": "fc-offpage-connector", "data-connector": str(end.number)})
    caption = words["to_part" if end.outgoing else "from_part"].format(n=end.other)
    along, across = (end.at.y, end.at.x) if axis.vertical else (end.at.x, end.at.y)
    if end.side in ("before", "after"):  # on a side cut between lanes: just inside it, centred on the line
        across = sheet.clo + 2 + width / 2 if end.side == "before" else sheet.chi - 2 - width / 2
        start = along - length / 2
    else:
        start = along + 2 if end.side == "low" else along - 2 - length
    points = [(c, a) if axis.vertical else (a, c) for a, c in _pentagon(start, across, width, length)]
    ET.SubElement(
        group,
        svg_tag("polygon"),
        {
            "points": " ".join(f"{x:.1f},{y:.1f}" for x, y in points),
            "fill": paper,
            "stroke": ink,
            "stroke-width": "1.5",
            "class": OUTLINED,
        },
    )
    centre = (across, start + length * 0.45) if axis.vertical else (start + length * 0.42, across)
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
                "class": INK,
            }
        ),
    )
    number.text = str(end.number)
    place = _caption_place(end, axis, sheet, caption, others, start, across)
    if place is None:
        return group
    note = ET.SubElement(
        group,
        svg_tag("text"),
        attrs(
            **{
                "class": f"fc-connector-part {INK}",
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


def _pentagon(start: float, across: float, width: float, length: float) -> list[tuple[float, float]]:
    """The off-page connector's outline as (along, across) points: a box with a point in the flow's direction."""
    side = width / 2
    return [
        (start, across - side),
        (start, across + side),
        (start + length * 0.6, across + side),
        (start + length, across),
        (start + length * 0.6, across - side),
    ]


def _caption_place(end, axis, sheet, caption, others, start, across):
    """Where "sigue en la parte 3" goes: beside the connector, on a side with room, else nowhere."""
    width, length = CONNECTOR
    if axis.vertical:
        room = len(caption) * NUMBER_PX * 0.62 + 8
        right, left = across + width / 2, across - width / 2
        middle = start + length * 0.45
        if right + room < sheet.chi and _free(end, others, axis, right, right + room):
            return right + 4, middle, "start"
        if left - room > sheet.clo and _free(end, others, axis, left - room, left):
            return left - 4, middle, "end"
        return None
    below = across + width / 2 + NUMBER_PX + 1
    if below + 4 < sheet.chi and _free(end, others, axis, across, below + NUMBER_PX):
        return start + length / 2, below, "middle"
    return None
