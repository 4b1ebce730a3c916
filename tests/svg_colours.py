"""What each text of a rendered SVG is painted on, in the light scheme and in the dark one.

The SVG writer's structure (spec §4) says where every text sits: a step's label
on its symbol's fill, a lane's name on its header, a stage's name on its label
strip, a number on its badge, an outcome label on its half-transparent box
over the lanes, the title block on the background.  The dark colours of an
`auto` SVG are read from its ``prefers-color-scheme: dark`` style block.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

NS = "{http://www.w3.org/2000/svg}"
_DARK_BLOCK = re.compile(r"@media \(prefers-color-scheme: dark\)\{(.*?)\}\n", re.S)
_RULE = re.compile(r"svg\.fc-auto \.(fc-p-[\w-]+)\{([^}]*)\}")


@dataclass(frozen=True)
class TextOnPaint:
    text: str
    ink: str
    behind: tuple[str, ...]
    """The colours it may sit on (an outcome label's box is blended over every lane fill)."""


def dark_rules(svg: str) -> dict[str, dict[str, str]]:
    """class → {fill/stroke: colour} from the first ``prefers-color-scheme: dark`` block."""
    block = _DARK_BLOCK.search(svg)
    if block is None:
        return {}
    return {
        name: dict(part.split(":", 1) for part in body.split(";") if part)
        for name, body in _RULE.findall(block.group(1))
    }


def texts_on_paint(svg: str, scheme: str = "light") -> list[TextOnPaint]:
    rules = dark_rules(svg) if scheme == "dark" else {}
    root = ET.fromstring(svg.encode("utf-8"))

    def paint(el: ET.Element, prop: str = "fill") -> str:
        for cls in (el.get("class") or "").split():
            if prop in rules.get(cls, {}):
                return rules[cls][prop]
        return el.get(prop, "none")

    background = paint(root.find(f"{NS}rect"))
    lanes = [paint(g.find(f"{NS}rect")) for g in root.iter(f"{NS}g") if g.get("class") == "fc-lane"]
    out: list[TextOnPaint] = []
    for group in root.iter(f"{NS}g"):
        kind = (group.get("class") or "").split()
        children = list(group)
        for i, el in enumerate(children):
            if el.tag != f"{NS}text":
                continue
            words = "".join(el.itertext()).strip()
            before = [c for c in children[:i] if c.tag in (f"{NS}rect", f"{NS}path") and paint(c) != "none"]
            if "fc-number" in (el.get("class") or "").split() or "fc-edge" in kind:
                box = before[-1]
                alpha = float(box.get("fill-opacity", "1"))
                behind = tuple(_blend(paint(box), under, alpha) for under in [background, *lanes])
            elif "fc-header" in kind:
                behind = (background,)
            elif "fc-lane" in kind or "fc-stage" in kind:
                behind = (paint(before[-1]),)
            elif "fc-step" in kind:
                behind = (paint(before[0]),)
            else:
                continue
            out.append(TextOnPaint(words, paint(el), behind))
    return out


def _blend(top: str, under: str, alpha: float) -> str:
    a, b = _rgb(top), _rgb(under)
    return "#" + "".join(f"{round(x * alpha + y * (1 - alpha)):02x}" for x, y in zip(a, b, strict=True))


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
