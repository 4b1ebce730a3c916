"""Read a Visio `.vsdx` drawing (also what Lucidchart and Gliffy export for Visio) into a drawn graph.

A `.vsdx` is a zip of XML parts: `visio/masters/masters.xml` names the masters
(Process, Decision, Swimlane, Phase…), each `visio/pages/pageN.xml` holds the
shapes and, in `<Connects>`, how each connector is glued (its begin to the
source, its end to the target).  The zip module and `defusedxml` read it
directly: every part is read at most :data:`MAX_DRAWING` bytes, so an
archive that inflates without end is refused.  Visio's y axis points up; it
is turned so that "first" means top, as in the other readers.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree.ElementTree import Element

from .drawio import PageNotFound
from .drawn import Box, DrawnEdge, DrawnGraph, DrawnLane, DrawnNode, DrawnStage, ImportFailure
from .safexml import MAX_DRAWING, local_name, parse_xml
from .text import plain_text

__all__ = ["read_vsdx"]

_MASTERS = {
    "process": "process", "decision": "decision", "document": "document", "multiple documents": "documents",
    "data": "io", "start/end": "terminator", "terminator": "terminator", "start": "terminator", "end": "terminator",
    "predefined process": "subprocess", "subprocess": "subprocess", "manual input": "manual_input",
    "manual operation": "manual", "preparation": "preparation", "delay": "delay", "database": "database",
    "stored data": "database", "direct data": "database", "internal storage": "database",
    "on-page reference": "connector", "off-page reference": "offpage", "custom 1": "process",
}  # fmt: skip
_LANES = ("swimlane", "swimlane (vertical)", "functional band", "lane")
_STAGES = ("phase", "separator", "phase (vertical)", "separator (vertical)")
_SKIPPED = ("cff container", "title", "text", "annotation", "callout")
_PAGE = re.compile(r"visio/pages/page(\d+)\.xml")
_SUFFIX = re.compile(r"\.\d+$")


def read_vsdx(data: bytes, file_title: str, page: int = 1) -> DrawnGraph:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ImportFailure("not a Visio .vsdx drawing: it is not a zip archive") from None
    with archive:
        names = set(archive.namelist())
        pages = sorted((int(m.group(1)), n) for n in names if (m := _PAGE.fullmatch(n)))
        if not pages:
            raise ImportFailure("not a Visio .vsdx drawing: it has no visio/pages/pageN.xml")
        if not 1 <= page <= len(pages):
            raise PageNotFound(f"--page {page}: the drawing has {len(pages)} page(s)")
        masters = _masters(archive, names)
        titles = _page_names(archive, names)
        root = parse_xml(_part(archive, pages[page - 1][1]), f"page {page}")
    title = titles[page - 1] if page <= len(titles) and not re.fullmatch(r"page-\d+", titles[page - 1], re.I) else ""
    return _graph(root, masters, title or file_title)


def _part(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as handle:
        data = handle.read(MAX_DRAWING + 1)
    if len(data) > MAX_DRAWING:
        raise ImportFailure(f"{name} inflates to more than {MAX_DRAWING // (1024 * 1024)} MB; not read")
    return data


def _masters(archive: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    if "visio/masters/masters.xml" not in names:
        return {}
    root = parse_xml(_part(archive, "visio/masters/masters.xml"), "the masters")
    return {
        m.get("ID", ""): _SUFFIX.sub("", m.get("NameU") or m.get("Name") or "").casefold()
        for m in root
        if local_name(m) == "Master"
    }


def _page_names(archive: zipfile.ZipFile, names: set[str]) -> list[str]:
    if "visio/pages/pages.xml" not in names:
        return []
    root = parse_xml(_part(archive, "visio/pages/pages.xml"), "the page list")
    return [p.get("Name") or p.get("NameU") or "" for p in root if local_name(p) == "Page"]


def _child(element: Element, name: str) -> Element | None:
    return next((c for c in element if local_name(c) == name), None)


def _cells(shape: Element) -> dict[str, str]:
    return {c.get("N", ""): c.get("V", "") for c in shape if local_name(c) == "Cell"}


def _box(cells: dict[str, str]) -> Box | None:
    try:
        x, y = float(cells["PinX"]), float(cells["PinY"])
        width, height = float(cells.get("Width", "0")), float(cells.get("Height", "0"))
    except (KeyError, ValueError):
        return None
    return Box(x - width / 2, -(y + height / 2), width, height)


def _text(shape: Element) -> str:
    """The shape's text, or that of the shapes grouped inside it (where some tools put it)."""
    text = _child(shape, "Text")
    if text is not None:
        return plain_text("".join(text.itertext()))
    inner = _child(shape, "Shapes")
    return " ".join(t for t in (_text(s) for s in (inner if inner is not None else [])) if t)


def _master_of(shape: Element, masters: dict[str, str]) -> str:
    """The shape's master name; for a shape without one, its own name (`Decision.12`), as other tools write it."""
    if shape.get("Master"):
        return masters.get(shape.get("Master", ""), "")
    own = _SUFFIX.sub("", shape.get("NameU") or shape.get("Name") or "").casefold()
    return own if own in _MASTERS or own in _LANES or own in _STAGES else ""


def _graph(root: Element, masters: dict[str, str], title: str) -> DrawnGraph:
    shapes_element = _child(root, "Shapes")
    shapes = [s for s in (shapes_element if shapes_element is not None else []) if local_name(s) == "Shape"]
    glue = _glue(root)
    nodes: list[DrawnNode] = []
    lanes: list[tuple[str, str, Box]] = []
    stages: list[tuple[str, str, Box]] = []
    notes: list[str] = []
    for shape in shapes:
        shape_id, master = shape.get("ID", ""), _master_of(shape, masters)
        box = _box(_cells(shape))
        if shape_id in glue or "connector" in master or box is None or master in _SKIPPED:
            continue
        label = _text(shape)
        if master in _LANES:
            lanes.append((shape_id, label, box))
        elif master in _STAGES:
            stages.append((shape_id, label, box))
        else:
            kind = _MASTERS.get(master) if master else "process"  # a box drawn without a stencil
            guess = "" if kind else f"the Visio master {master!r} is not a flowchart symbol: written as a process"
            nodes.append(DrawnNode(shape_id, label, kind or "process", box, guess=guess))
    if not nodes:
        raise ImportFailure("the drawing has no shapes that could be steps")
    keys = {n.key for n in nodes}
    edges = []
    for connector, (source, target) in glue.items():
        if source in keys and target in keys:
            shape = next(s for s in shapes if s.get("ID") == connector)
            edges.append(DrawnEdge(source, target, _text(shape)))
        else:
            notes.append(f"the connector {connector} is not glued to a step at both ends: left out")
    rows = sum(1 for _, _, box in lanes if box.width > box.height)
    direction = "LR" if lanes and rows * 2 > len(lanes) else "TB"
    lane_key = (lambda b: (b[2].y, b[2].x)) if direction == "LR" else (lambda b: (b[2].x, b[2].y))
    stage_key = (lambda b: b[2].x) if direction == "LR" else (lambda b: b[2].y)
    return DrawnGraph(
        title,
        direction,
        tuple(nodes),
        tuple(edges),
        tuple(DrawnLane(k, n or f"Lane {i}", b) for i, (k, n, b) in enumerate(sorted(lanes, key=lane_key), 1)),
        tuple(DrawnStage(k, n or f"Stage {i}", b) for i, (k, n, b) in enumerate(sorted(stages, key=stage_key), 1)),
        tuple(notes),
    )


def _glue(root: Element) -> dict[str, tuple[str, str]]:
    """Connector shape id → (the shape its begin is glued to, the shape its end is glued to)."""
    ends: dict[str, dict[str, str]] = {}
    connects = _child(root, "Connects")
    for connect in connects if connects is not None else []:
        side = {"BeginX": "begin", "EndX": "end"}.get(connect.get("FromCell", ""))
        if side:
            ends.setdefault(connect.get("FromSheet", ""), {})[side] = connect.get("ToSheet", "")
    return {k: (v.get("begin", ""), v.get("end", "")) for k, v in ends.items()}
