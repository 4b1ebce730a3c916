"""The output formats: each writer turns one :class:`Diagram` into bytes or text.

Writers are imported only when their format is asked for, so that
`flowchart check` never pays for cairo or XML libraries.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ..layout.geometry import Diagram
from ..options import RenderOptions

__all__ = ["FORMATS", "RenderOptions", "Writer", "suffix_of", "writer"]


Writer = Callable[[Diagram, RenderOptions], bytes | str]

FORMATS: dict[str, tuple[str, str]] = {
    "svg": (".svg", "svg:write_svg"),
    "png": (".png", "png:write_png"),
    "pdf": (".pdf", "pdf:write_pdf"),
    "drawio": (".drawio", "drawio:write_drawio"),
    "mermaid": (".mmd", "mermaid:write_mermaid"),
    "dot": (".dot", "dot:write_dot"),
}


def suffix_of(fmt: str) -> str:
    return FORMATS[fmt][0]


def writer(fmt: str) -> Writer:
    """The writer function of ``fmt`` (a key of :data:`FORMATS`)."""
    module, function = FORMATS[fmt][1].split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)
