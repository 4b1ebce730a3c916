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

__all__ = ["colour_lines", "link_lines", "mermaid_url"]


def colour_lines(diagram: Diagram, ids: dict[str, str], options: RenderOptions) -> list[str]:
    """The theme's fills per symbol and lane (none with ``mono``: Mermaid's neutral theme prints well)."""
    if diagram.theme.name == "mono":
        return []
    colours = diagram.theme
    lines = []
    for kind in SYMBOLS:
        members = [ids[n.key] for n in diagram.nodes if n.kind == kind]
        if members:
            fill = colours.fills.get(kind, colours.default_fill)
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
