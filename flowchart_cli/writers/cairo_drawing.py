"""The one cairo drawing of the SVG that the PNG and PDF writers both replay.

cairosvg draws the SVG once onto a cairo recording surface; PNG replays it
onto pixels at ``options.scale`` and PDF onto a vector page, so both show
exactly the SVG's drawing and the slow part runs once per diagram even when
both formats are asked for.  cairosvg sets text one letter at a time, which
is most of its time on big flows, so the text lines (the SVG writer's own
runs, same font, places and colours) are set whole by cairo instead.
"""

from __future__ import annotations

import math
import threading
from typing import Any

from ..layout.geometry import Diagram
from ..layout.text import visual_order
from ..options import RenderOptions
from .svg import TextRun, svg_without_text

__all__ = ["recorded_drawing"]

_cache = threading.local()  # .last = (svg text, recording): PNG then PDF of one flow, per thread


def recorded_drawing(diagram: Diagram, options: RenderOptions) -> Any:
    """A cairo recording surface holding the SVG of ``diagram`` drawn by cairosvg (1 unit = 1 px)."""
    import cairocffi
    import cairosvg.parser
    import cairosvg.surface

    svg, runs = svg_without_text(diagram, options)
    last = getattr(_cache, "last", None)
    if last is not None and last[0] == svg:
        return last[1]

    class _Recording(cairosvg.surface.Surface):
        device_units_per_user_units = 1

        def _create_surface(self, width: float, height: float) -> tuple[Any, float, float]:
            surface = cairocffi.RecordingSurface(cairocffi.CONTENT_COLOR_ALPHA, (0, 0, width, height))
            return surface, width, height

    tree = cairosvg.parser.Tree(bytestring=svg.encode("utf-8"), unsafe=False)
    recording = _Recording(tree, None, 96).cairo
    _set_text(cairocffi.Context(recording), runs, diagram.font_family.split(",")[0].strip())
    _cache.last = (svg, recording)
    return recording


def _set_text(context: Any, runs: tuple[TextRun, ...], family: str) -> None:
    import cairocffi

    def font(bold: bool, size: float) -> None:
        weight = cairocffi.FONT_WEIGHT_BOLD if bold else cairocffi.FONT_WEIGHT_NORMAL
        context.select_font_face(family, cairocffi.FONT_SLANT_NORMAL, weight)
        context.set_font_size(size)

    for run in runs:
        text = visual_order(run.text)
        tail = f" {visual_order(run.tail)}" if run.tail else ""
        tail_advance = 0.0
        if tail:  # measured in its own font, so the label and its share sit one space apart whatever the anchor
            font(False, run.tail_size)
            tail_advance = context.text_extents(tail)[4]
        font(run.bold, run.size)
        advance = context.text_extents(text)[4] + tail_advance
        shift = {"start": 0.0, "middle": advance / 2, "end": advance}[run.anchor]
        context.set_source_rgb(*_rgb(run.fill))
        if run.upwards:
            context.save()
            context.translate(run.x, run.y - 0.35 * run.size)
            context.rotate(-math.pi / 2)
            context.move_to(-shift, 0.35 * run.size)
            context.show_text(text)
            context.restore()
            continue
        context.move_to(run.x - shift, run.y)
        context.show_text(text)
        if tail:
            font(False, run.tail_size)
            context.show_text(tail)


def _rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]
