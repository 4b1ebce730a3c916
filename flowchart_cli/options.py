"""How a flow is drawn: the one set of options that travels from the command line to every output.

Layout reads ``edges``; the export step resolves ``theme``, ``numbers`` and
``header`` into the geometry, so every writer and the handout see the same
choice; the picture writers read ``scale``.  The options are part of a
build's cache key.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EDGE_STYLES", "RenderOptions"]

EDGE_STYLES = ("ortho", "spline")


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """``edges``: ortho or spline; ``theme``: a name of :data:`~.layout.theme.THEMES`;
    ``scale``: PNG/PDF zoom; ``numbers``: step numbers on the shapes; ``header``: a title block;
    ``paper``: the handout's sheet size (a4, a3, letter); ``paged``: the PDF printed on ``paper``
    pages, in parts when too big for one (`render --paper`; other writers ignore both);
    ``shares``: each decision outcome's share beside its label (`render --shares`)."""

    edges: str = "ortho"
    theme: str = "default"
    scale: float = 1.0
    numbers: bool = False
    header: bool = False
    paper: str = "a4"
    paged: bool = False
    even_text: bool = False
    """Outcome labels and step numbers as big as the shapes' text instead of 1 px smaller: a printed
    part, whose smallest text sets how small it may print, then prints larger."""
    mermaid: str = "11"
    """Mermaid syntax: "11" (``@{ shape: … }``, Mermaid ≥ 11.3) or "10" (classic brackets, for older renderers)."""
    layout_timeout: float = 60.0
    """Seconds Graphviz may take to rank the steps (`--layout-timeout`); it changes no output."""
    shares: bool = False
