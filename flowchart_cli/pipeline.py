"""The façade that wires the stages: layout once, then every requested writer and handout."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .atomic import write_atomic
from .formats import FORMATS as OUTPUTS
from .formats import HANDOUT_FORMATS
from .model import Flow
from .writers import FORMATS, RenderOptions, writer

if TYPE_CHECKING:
    from .layout.geometry import Diagram

__all__ = ["HANDOUT_FORMATS", "laid_out_for_paper", "output_path", "render_flow", "render_payloads"]


def output_path(flow: Flow, out_dir: Path, suffix: str) -> Path:
    return out_dir / f"{flow.stem}{suffix}"


def output_suffix(fmt: str) -> str:
    """``.svg`` for ``svg``, ``.handout.html`` for ``html``…"""
    return OUTPUTS[fmt].suffix


def render_payloads(
    flow: Flow,
    formats: list[str] | tuple[str, ...],
    options: RenderOptions,
    *,
    lang: str | None = None,
    quiz: bool = True,
    template_dir: Path | None = None,
) -> dict[str, bytes | str]:
    """Lay ``flow`` out once (and once more for paper, for a handout or a paged PDF) and produce every
    format in memory (diagram writers and handouts)."""
    from .layout import layout_flow

    laid_out: dict[bool, Diagram] = {}  # each layout made once, and only when a format asks for it

    def drawn(on_paper: bool = False) -> Diagram:
        if on_paper not in laid_out:
            laid_out[on_paper] = laid_out_for_paper(flow, options) if on_paper else layout_flow(flow, options)
        return laid_out[on_paper]

    payloads: dict[str, bytes | str] = {}
    for fmt in formats:
        if fmt in HANDOUT_FORMATS:
            from .handout import render_handout

            payloads[fmt] = render_handout(
                flow,
                drawn(on_paper=True),
                HANDOUT_FORMATS[fmt].handout,
                lang=lang,
                quiz=quiz,
                template_dir=template_dir,
                paper=options.paper,
            )
        elif fmt == "pdf" and options.paged:
            from .handout.paper_pdf import paged_pdf

            payloads[fmt] = paged_pdf(flow, drawn(on_paper=True), options)
        elif fmt in FORMATS:
            payloads[fmt] = writer(fmt)(drawn(), options)
        else:
            raise ValueError(f"unknown format {fmt!r}")
    return payloads


def laid_out_for_paper(flow: Flow, options: RenderOptions) -> Diagram:
    """The layout the handout and the paged PDF print: outcome labels and step numbers as large as
    the shapes' text, since the smallest text decides how small a page may print the drawing."""
    from .layout import layout_flow

    return layout_flow(flow, replace(options, even_text=True))


def render_flow(flow: Flow, formats: list[str], out_dir: Path, options: RenderOptions) -> list[Path]:
    """Lay ``flow`` out once and write one file per format; returns the paths written.

    Every output is produced in memory first, so a failing writer leaves no
    file of this flow changed; each file then appears atomically.
    """
    payloads = render_payloads(flow, formats, options)
    paths = []
    for fmt, data in payloads.items():
        path = output_path(flow, out_dir, output_suffix(fmt))
        write_atomic(path, data)
        paths.append(path)
    return paths
