"""The PDF writer: the SVG drawing as one vector page (cairosvg), text kept as text."""

from __future__ import annotations

from ..layout.geometry import Diagram
from . import RenderOptions
from .svg import write_svg

__all__ = ["write_pdf"]


def write_pdf(diagram: Diagram, options: RenderOptions) -> bytes:
    import cairosvg

    svg = write_svg(diagram, options).encode("utf-8")
    return cairosvg.svg2pdf(bytestring=svg, unsafe=False)
