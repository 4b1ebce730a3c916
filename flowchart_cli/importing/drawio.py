"""Read a draw.io drawing (as draw.io saves it, or as `render -f drawio` wrote it) into a drawn graph.

Vertices are steps, except swimlanes (lanes; a swimlane holding swimlanes is a
pool, not a lane), stage bands, text cells, edge-label cells and the small
non-connectable cells our writer puts on a step (its number).  A line's label
is its own value plus any `edgeLabel` child cells.  A line attached to a cell
inside a step (a label, an icon) counts as attached to the step.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .drawio_cells import Cell, absolute_box, read_cells
from .drawio_pages import drawio_pages
from .drawio_shapes import node_shape
from .drawn import DrawnEdge, DrawnGraph, DrawnLane, DrawnNode, DrawnStage, ImportFailure

__all__ = ["STAGE_MARK", "PageNotFound", "read_drawio"]

STAGE_MARK = "flowchartStage"
"""A style key `render -f drawio` puts on a stage band (draw.io keeps unknown keys through edits)."""
_OUR_STAGE_ID = re.compile(r"stage-\d+")
_STAGE_NUMBER = re.compile(r"^\d+\s+(?=\S)")
_DEFAULT_PAGE_NAME = re.compile(r"(page|p[aá]gina|seite)-\d+", re.IGNORECASE)
_IGNORED_BASES = {"text", "edgeLabel", "group", "image", "line", "label;image"}


class PageNotFound(Exception):
    """`--page N` names a page the file does not have (a usage error)."""


def read_drawio(data: bytes, file_title: str, page: int = 1) -> DrawnGraph:
    pages = drawio_pages(data)
    if not 1 <= page <= len(pages):
        names = ", ".join(f"{n} {p.name!r}" if p.name else str(n) for n, p in enumerate(pages, 1))
        raise PageNotFound(f"--page {page}: the file has {len(pages)} page(s): {names}")
    chosen = pages[page - 1]
    cells = read_cells(chosen.model)
    title = chosen.name if chosen.name and not _DEFAULT_PAGE_NAME.fullmatch(chosen.name) else file_title
    return _graph(cells, title.strip() or file_title)


def _graph(cells: dict[str, Cell], title: str) -> DrawnGraph:
    swimlanes = {c.id: c for c in cells.values() if c.vertex and _is_swimlane(c)}
    pools = {c.parent for c in swimlanes.values() if c.parent in swimlanes}
    lanes = [c for c in swimlanes.values() if c.id not in pools]
    stages = [c for c in cells.values() if c.vertex and _is_stage(c)]
    notes: list[str] = []
    nodes: dict[str, DrawnNode] = {}
    skipped = 0
    for cell in cells.values():
        if not cell.vertex or cell.id in swimlanes or _is_stage(cell) or _is_edge_label(cell, cells):
            continue
        if _is_frame(cell):
            continue
        if _is_decoration(cell, cells):
            skipped += 1
            continue
        box = absolute_box(cell, cells)
        if box is None:
            continue
        shape, guess = node_shape(cell.style, box.width, box.height)
        nodes[cell.id] = DrawnNode(cell.id, cell.label, shape, box, guess=guess, data=cell.data)
    if skipped:
        notes.append(f"{skipped} cell(s) that are not steps (text, pictures, groups) left out")
    if not nodes:
        raise ImportFailure("the drawing has no shapes that could be steps")
    edges = _edges(cells, nodes, notes)
    rows = sum(1 for lane in lanes if lane.values.get("horizontal") == "0")
    direction = "LR" if lanes and rows * 2 > len(lanes) else "TB" if lanes else _direction(nodes, edges)
    return DrawnGraph(
        title=title,
        direction=direction,
        nodes=tuple(nodes.values()),
        edges=tuple(edges),
        lanes=_bands(lanes, cells, direction, DrawnLane, "Lane"),
        stages=_bands(
            [_unnumbered(s) for s in stages], cells, "TB" if direction == "LR" else "LR", DrawnStage, "Stage"
        ),
        notes=tuple(notes),
        data=next((c.data for c in cells.values() if c.parent is None), ()),
    )


def _across(direction: str) -> str:
    """Stage bands run across the lanes: rows in a TB drawing, columns in an LR one."""
    return "TB" if direction == "LR" else "LR"


def _is_swimlane(cell: Cell) -> bool:
    return cell.base == "swimlane" or cell.values.get("shape") == "swimlane"


def _is_stage(cell: Cell) -> bool:
    return cell.values.get(STAGE_MARK) == "1" or (
        bool(_OUR_STAGE_ID.fullmatch(cell.id)) and cell.parent == "1" and not _is_swimlane(cell)
    )


def _unnumbered(stage: Cell) -> Cell:
    """Our stage bands read "2 Registro" (number, then name): the name alone."""
    return replace(stage, label=_STAGE_NUMBER.sub("", stage.label, count=1))


def _is_frame(cell: Cell) -> bool:
    """A container that only arranges others (a stack of lanes, draw.io's Container shape): no step."""
    return cell.values.get("container") == "1" or "childLayout" in cell.values


def _is_edge_label(cell: Cell, cells: dict[str, Cell]) -> bool:
    parent = cells.get(cell.parent or "")
    return parent is not None and parent.edge


def _is_decoration(cell: Cell, cells: dict[str, Cell]) -> bool:
    """A text cell, a picture, a group box, or a non-connectable cell on a step (our step numbers)."""
    parent = cells.get(cell.parent or "")
    on_vertex = parent is not None and parent.vertex and not _is_swimlane(parent)
    return (
        cell.base in _IGNORED_BASES
        or cell.values.get("shape") == "image"
        or cell.values.get("text") == "1"
        or (on_vertex and cell.values.get("connectable") == "0")
    )


def _edges(cells: dict[str, Cell], nodes: dict[str, DrawnNode], notes: list[str]) -> list[DrawnEdge]:
    labels: dict[str, list[str]] = {}
    for cell in cells.values():
        if cell.vertex and cell.label and _is_edge_label(cell, cells):
            labels.setdefault(cell.parent or "", []).append(cell.label)
    edges: list[DrawnEdge] = []
    loose = 0
    for cell in cells.values():
        if not cell.edge:
            continue
        source, target = _owner(cell.source, cells, nodes), _owner(cell.target, cells, nodes)
        if source is None or target is None:
            loose += 1
            continue
        label = " ".join(t for t in (cell.label, *labels.get(cell.id, [])) if t)
        end, start = cell.values.get("endArrow", "classic"), cell.values.get("startArrow", "none")
        if end == "none" and start != "none":
            source, target = target, source
        edges.append(DrawnEdge(source, target, label, arrow=end != "none" or start != "none"))
    if loose:
        notes.append(f"{loose} line(s) not attached to a step at both ends left out")
    return edges


def _owner(cell_id: str | None, cells: dict[str, Cell], nodes: dict[str, DrawnNode]) -> str | None:
    """The step a line end is attached to: the cell itself, or the step that holds it."""
    seen: set[str] = set()
    while cell_id is not None and cell_id not in nodes and cell_id not in seen and cell_id in cells:
        seen.add(cell_id)
        cell_id = cells[cell_id].parent
    return cell_id if cell_id in nodes else None


def _direction(nodes: dict[str, DrawnNode], edges: list[DrawnEdge]) -> str:
    """LR when the lines run mostly sideways, else TB."""
    across = down = 0.0
    for edge in edges:
        (x1, y1), (x2, y2) = nodes[edge.source].box.centre, nodes[edge.target].box.centre  # type: ignore[union-attr]
        across, down = across + abs(x2 - x1), down + abs(y2 - y1)
    return "LR" if across > down else "TB"


def _bands(bands: list[Cell], cells: dict[str, Cell], direction: str, kind, fallback: str) -> tuple:
    placed = [(band, absolute_box(band, cells)) for band in bands]
    placed = [(band, box) for band, box in placed if box is not None]
    placed.sort(key=lambda item: (item[1].y, item[1].x) if direction == "LR" else (item[1].x, item[1].y))
    return tuple(
        kind(band.id, band.label or f"{fallback} {number}", box, band.data)
        for number, (band, box) in enumerate(placed, 1)
    )
