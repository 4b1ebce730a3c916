"""The PDF writer: the SVG drawing (as cairosvg draws it) replayed onto one vector page.

Text stays text (searchable, selectable); a step with a web ``link`` is a
clickable area on the page, as it is in the SVG.
"""

from __future__ import annotations

import io
from typing import Any

from ..layout.geometry import Diagram
from ..options import RenderOptions
from .cairo_drawing import recorded_drawing
from .size_limits import pdf_scale

__all__ = ["write_pdf"]

_POINTS_PER_PX = 0.75  # CSS px are 1/96 in, PDF points 1/72 in
_WEB = ("http://", "https://", "mailto:")


def write_pdf(diagram: Diagram, options: RenderOptions) -> bytes:
    import cairocffi

    points = _POINTS_PER_PX * pdf_scale(
        diagram.width * _POINTS_PER_PX, diagram.height * _POINTS_PER_PX, title=diagram.title
    )
    recording = recorded_drawing(diagram, options)
    out = io.BytesIO()
    page = cairocffi.PDFSurface(out, diagram.width * points, diagram.height * points)
    if hasattr(page, "set_metadata"):  # cairo >= 1.16
        page.set_metadata(cairocffi.PDF_METADATA_TITLE, diagram.title)
    context = cairocffi.Context(page)
    context.scale(points, points)
    context.set_source_surface(recording)
    context.paint()
    _links(context, diagram, points)
    page.finish()
    return out.getvalue()


def _links(context: Any, diagram: Diagram, points: float) -> None:
    """Clickable areas over the steps that have a web link (cairo's tag API, cairo >= 1.16)."""
    if not hasattr(context, "tag_begin"):
        return
    for node in diagram.nodes:
        link = node.link
        if not link.lower().startswith(_WEB):
            continue
        box = node.box
        uri = link.replace("\\", "\\\\").replace("'", "\\'")
        area = " ".join(f"{v * points:.2f}" for v in (box.x, box.y, box.width, box.height))
        context.tag_begin("Link", f"rect=[{area}] uri='{uri}'")
        context.tag_end("Link")
