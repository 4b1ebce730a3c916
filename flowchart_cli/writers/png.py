"""The PNG writer: the SVG drawing rasterised by cairosvg at ``options.scale``."""

from __future__ import annotations

from ..errors import FlowchartError
from ..layout.geometry import Diagram
from . import RenderOptions
from .svg import write_svg

__all__ = ["write_png"]


def write_png(diagram: Diagram, options: RenderOptions) -> bytes:
    import cairosvg

    if not options.scale > 0:
        raise FlowchartError(f"the scale must be a positive number, not {options.scale}")
    svg = write_svg(diagram, options).encode("utf-8")
    return cairosvg.svg2png(bytestring=svg, scale=options.scale, unsafe=False)
