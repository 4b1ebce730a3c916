"""The PNG writer: the SVG's cairo drawing (:mod:`.cairo_drawing`) replayed onto pixels.

Cairo cannot make images wider or taller than 32,767 pixels, so a giant
diagram's PNG is scaled down to fit :data:`MAX_PIXELS` on its longest side
(SVG and PDF keep every detail).
"""

from __future__ import annotations

import io

from ..errors import FlowchartError
from ..layout.geometry import Diagram
from ..options import RenderOptions
from .cairo_drawing import recorded_drawing

__all__ = ["MAX_PIXELS", "png_scale", "write_png"]

MAX_PIXELS = 32000


def png_scale(diagram: Diagram, scale: float) -> float:
    """The scale actually used: ``scale``, or less when the image would be too large."""
    if not scale > 0:
        raise FlowchartError(f"the scale must be a positive number, not {scale}")
    return min(scale, MAX_PIXELS / max(diagram.width, diagram.height, 1.0))


def write_png(diagram: Diagram, options: RenderOptions) -> bytes:
    import cairocffi

    scale = png_scale(diagram, options.scale)
    recording = recorded_drawing(diagram, options)
    width, height = round(diagram.width * scale), round(diagram.height * scale)
    image = cairocffi.ImageSurface(cairocffi.FORMAT_ARGB32, width, height)
    context = cairocffi.Context(image)
    context.scale(scale, scale)
    context.set_source_surface(recording)
    context.paint()
    image.flush()
    out = io.BytesIO()
    image.write_to_png(out)
    return out.getvalue()
