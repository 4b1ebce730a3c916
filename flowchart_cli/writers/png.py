"""The PNG writer: the SVG's cairo drawing (:mod:`.cairo_drawing`) replayed onto pixels.

The scale is settled first (:mod:`.size_limits`: at most 100 million pixels
and 32,000 on a side, with a warning naming the scale used) before the
drawing is recorded or any pixel buffer exists; SVG and PDF keep every detail.
"""

from __future__ import annotations

import io

from ..layout.geometry import Diagram
from ..options import RenderOptions
from .cairo_drawing import recorded_drawing
from .size_limits import png_scale

__all__ = ["write_png"]


def write_png(diagram: Diagram, options: RenderOptions) -> bytes:
    import cairocffi

    scale = png_scale(diagram.width, diagram.height, options.scale, title=diagram.title)
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
