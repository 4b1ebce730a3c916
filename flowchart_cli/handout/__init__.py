"""The printable training handout: a flow as the document a new employee learns from.

`render_handout` is the one entry point (the `handout` command and the build
pipeline both call it): view-model (view.py) → HTML (html.py, Jinja2) → PDF
(pdf.py, WeasyPrint).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..formats import HANDOUT_FORMATS
from ..layout.geometry import Diagram
from ..model import Flow

__all__ = ["FORMATS", "render_handout"]

FORMATS = {f.handout: f.suffix for f in HANDOUT_FORMATS.values()}
"""What `render_handout` makes (html, pdf) → the file's suffix, from the one table of outputs."""


def render_handout(
    flow: Flow,
    diagram: Diagram,
    fmt: str,
    *,
    lang: str | None = None,
    quiz: bool = True,
    template_dir: Path | None = None,
    paper: str = "a4",
) -> bytes:
    """The handout of ``flow`` (laid out as ``diagram``) as HTML or PDF bytes.

    ``lang`` overrides the flow's language, ``quiz=False`` leaves the quiz out,
    ``template_dir`` holds templates that replace the built-in ones and ``paper``
    is the sheet size (a4, a3, letter).  The diagram's colours are its own
    (``--theme`` reaches it through the layout's options).
    """
    from .graphics import SvgDrawing
    from .html import render_html
    from .paper import paper as paper_named
    from .view import build_view

    if fmt not in FORMATS:
        raise ValueError(f"unknown handout format '{fmt}'; choose from {', '.join(FORMATS)}")
    if fmt == "pdf" and diagram.theme.alternate is not None:
        diagram = replace(diagram, theme=replace(diagram.theme, alternate=None))  # paper is light: `auto` prints so
    view = build_view(flow, diagram, SvgDrawing(diagram.theme), lang=lang, quiz=quiz, paper=paper_named(paper))
    html = render_html(view, template_dir)
    if fmt == "html":
        return html.encode("utf-8")
    from .pdf import render_pdf

    return render_pdf(html, view)
