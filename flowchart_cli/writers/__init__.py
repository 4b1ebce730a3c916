"""The output formats: each writer turns one :class:`Diagram` into bytes or text.

Writers are imported only when their format is asked for, so that
`flowchart check` never pays for cairo or XML libraries.  Which writer makes
which format is a row of :data:`flowchart_cli.formats.FORMATS`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ..formats import DIAGRAM_FORMATS as FORMATS
from ..layout.geometry import Diagram
from ..options import RenderOptions

__all__ = ["FORMATS", "RenderOptions", "Writer", "suffix_of", "writer"]


Writer = Callable[[Diagram, RenderOptions], bytes | str]


def suffix_of(fmt: str) -> str:
    """``.svg`` for ``svg``…: the file suffix of a diagram format."""
    return FORMATS[fmt].suffix


def writer(fmt: str) -> Writer:
    """The writer function of ``fmt`` (a key of :data:`FORMATS`: the diagram formats)."""
    module, function = FORMATS[fmt].writer.split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)
