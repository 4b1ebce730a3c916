"""The PDF writer: the SVG drawing (as cairosvg draws it) replayed onto one vector page."""

from __future__ import annotations

import io

from ..layout.geometry import Diagram
from . import RenderOptions
from .png import recorded_drawing

__all__ = ["write_pdf"]

_POINTS_PER_PX = 0.75  # CSS px are 1/96 in, PDF points 1/72 in


def write_pdf(diagram: Diagram, options: RenderOptions) -> bytes:
    import cairocffi

    recording = recorded_drawing(diagram, options)
    out = io.BytesIO()
    page = cairocffi.PDFSurface(out, diagram.width * _POINTS_PER_PX, diagram.height * _POINTS_PER_PX)
    if hasattr(page, "set_metadata"):  # cairo >= 1.16
        page.set_metadata(cairocffi.PDF_METADATA_TITLE, diagram.title)
    context = cairocffi.Context(page)
    context.scale(_POINTS_PER_PX, _POINTS_PER_PX)
    context.set_source_surface(recording)
    context.paint()
    page.finish()
    return out.getvalue()
