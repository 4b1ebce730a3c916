"""The cells of one draw.io page: ids, parents, styles, labels and absolute boxes.

A cell is an `<mxCell>`, or a `<UserObject>`/`<object>` wrapper whose `label`
is the text and whose inner `<mxCell>` holds the rest.  Children of a
container have coordinates relative to it: :func:`absolute_box` adds up the
chain of parents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from ..kept_data import PREFIX
from ..values import is_safe_link
from .drawio_shapes import parse_style
from .drawn import Box, ImportFailure
from .safexml import local_name
from .text import html_text, plain_text

__all__ = ["Cell", "absolute_box", "read_cells"]


@dataclass(frozen=True)
class Cell:
    id: str
    parent: str | None
    label: str
    style: str
    base: str
    values: dict[str, str]
    vertex: bool
    edge: bool
    source: str | None
    target: str | None
    box: Box | None
    """The geometry as written (relative to the parent), ``None`` for edges and relative geometry."""
    data: tuple[tuple[str, str], ...] = field(default=())
    """The ``fc_*`` custom data of a ``UserObject``/``object`` cell (see :mod:`flowchart_cli.kept_data`)."""


def read_cells(model: Element) -> dict[str, Cell]:
    roots = [child for child in model if local_name(child) == "root"]
    if not roots:
        raise ImportFailure("the draw.io page has no <root> of cells")
    cells: dict[str, Cell] = {}
    for element in roots[0]:
        cell = _cell(element)
        if cell is not None:
            cells.setdefault(cell.id, cell)
    return cells


def _cell(element: Element) -> Cell | None:
    data: tuple[tuple[str, str], ...] = ()
    if local_name(element) == "mxCell":
        inner, label = element, element.get("value", "")
    else:
        data = _data(element)
        inner = next((c for c in element if local_name(c) == "mxCell"), None)
        if inner is None:
            return None
        label = element.get("label", "")
    cell_id = element.get("id") or inner.get("id")
    if not cell_id:
        return None
    style = inner.get("style", "")
    base, values = parse_style(style)
    text = html_text(label) if values.get("html") == "1" else plain_text(label)
    return Cell(
        id=cell_id,
        parent=inner.get("parent"),
        label=text,
        style=style,
        base=base,
        values=values,
        vertex=inner.get("vertex") == "1",
        edge=inner.get("edge") == "1",
        source=inner.get("source"),
        target=inner.get("target"),
        box=_box(inner),
        data=data,
    )


def _data(element: Element) -> tuple[tuple[str, str], ...]:
    """The ``fc_*`` attributes; draw.io's own ``link`` (Edit Link, shown on the shape) wins over ``fc_link``.

    The writer sets draw.io's ``link`` beside every usable ``fc_link``: a
    usable one left alone means the user removed the link in draw.io, so it
    goes too (an unusable one stays, to be reported)."""
    data = {name: value for name, value in element.attrib.items() if name.startswith(PREFIX)}
    if element.get("link", "").strip():
        data[PREFIX + "link"] = element.get("link", "")
    elif is_safe_link(data.get(PREFIX + "link", "").strip()):
        del data[PREFIX + "link"]
    return tuple(data.items())


def _box(cell: Element) -> Box | None:
    geometry = next((g for g in cell if g.get("as") == "geometry"), None)
    if geometry is None or geometry.get("relative") == "1":
        return None
    try:
        return Box(*(float(geometry.get(name, "0")) for name in ("x", "y", "width", "height")))
    except ValueError:
        return None


def absolute_box(cell: Cell, cells: dict[str, Cell]) -> Box | None:
    """The cell's box in page coordinates: its own geometry moved by every container above it."""
    if cell.box is None:
        return None
    x, y = cell.box.x, cell.box.y
    seen = {cell.id}
    parent = cells.get(cell.parent or "")
    while parent is not None and parent.id not in seen and parent.vertex:
        seen.add(parent.id)
        if parent.box is not None:
            x, y = x + parent.box.x, y + parent.box.y
        parent = cells.get(parent.parent or "")
    return Box(x, y, cell.box.width, cell.box.height)
