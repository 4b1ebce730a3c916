"""The Mermaid chart's colours and links: ``classDef``/``class``/``style`` and ``click … href`` lines.

Only constants (theme colours) and percent-encoded URLs are written here, never
label text, so these lines cannot be bent by what a flow file says.
"""

from __future__ import annotations

from urllib.parse import quote as quote_url

from ..layout.geometry import Diagram
from ..options import RenderOptions
from ..symbols import SYMBOLS
from .escape import clean

__all__ = ["CLASSIC_SHAPES", "classic_node", "colour_lines", "link_lines", "mermaid_url"]

CLASSIC_SHAPES: dict[str, tuple[str, str]] = {
    "stadium": ("([", "])"),
    "rect": ("[", "]"),
    "diam": ("{", "}"),
    "lean-r": ("[/", "/]"),
    "doc": ("[", "]"),  # no document shape before 11.3: a rectangle
    "docs": ("[", "]"),
    "fr-rect": ("[[", "]]"),  # subroutine: the predefined process's double sides
    "sl-rect": ("[/", "\\]"),  # manual input: a trapezoid, the nearest to a slanted top
    "trap-t": ("[\\", "/]"),  # manual operation: wide top, narrow bottom
    "hex": ("{{", "}}"),
    "delay": ("(", ")"),  # rounded rectangle, the nearest to the D shape
    "cyl": ("[(", ")]"),
    "circle": ("((", "))"),
    "notch-pent": (">", "]"),  # asymmetric flag, the nearest to the off-page pentagon
}
"""Mermaid 11 shape name → the classic brackets Mermaid 10 reads (``--mermaid 10``): exact where Mermaid 10
has the shape, else the nearest one (noted). Keyed by shape so every row of the symbol table is covered."""


def classic_node(node_id: str, shape: str, label: str) -> str:
    """``n1(["label"])``: a node in the bracket syntax of every Mermaid version; ``label`` is already encoded."""
    opening, closing = CLASSIC_SHAPES[shape]
    return f'{node_id}{opening}"{label}"{closing}'


def colour_lines(diagram: Diagram, ids: dict[str, str], options: RenderOptions) -> list[str]:
    """The theme's fills per symbol and lane (none with ``mono``: Mermaid's neutral theme prints well)."""
    if diagram.theme.name == "mono":
        return []
    colours = diagram.theme
    lines = []
    for kind in SYMBOLS:
        members = [ids[n.key] for n in diagram.nodes if n.kind == kind]
        if members:
            fill = colours.fill_for(kind)
            lines.append(f"    classDef fc_{kind} fill:{fill},stroke:{colours.ink},color:{colours.ink}")
            lines.append(f"    class {','.join(members)} fc_{kind}")
    for lane in diagram.lanes:
        lines.append(
            f"    style lane{lane.index + 1} fill:{lane.fill},stroke:{colours.lane_stroke},color:{colours.ink}"
        )
    return lines


def link_lines(diagram: Diagram, ids: dict[str, str]) -> list[str]:
    """A ``click`` line per step with an http, https or mailto ``link``."""
    return [f'    click {ids[n.key]} href "{mermaid_url(n.link)}" _blank' for n in diagram.nodes if n.link]


def mermaid_url(url: str) -> str:
    """``url`` percent-encoded so that no quote, space, ``;`` or markup reaches the chart."""
    return quote_url(clean(url), safe="/?:@=+$,&#%-_.!~*()[]")
