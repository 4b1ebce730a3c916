"""Round trip: `render -f drawio`, edit the file as draw.io would, `import`: the same flow with the edits.

The edits are those a person makes in draw.io: widen a lane (its neighbours
and the stage bands move to make room), move a step, relabel a step, and add
a step and a line inside a lane, rewiring one line to pass through it.  draw.io
writes such edits as changed `mxGeometry`, a changed `value` and new cells with
ids of its own; the edited file is loaded by draw.io's own code too.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from import_support import drawio_check, imported_flow, lines_of, steps_of
from typer.testing import CliRunner

from flowchart_cli.cli import app
from flowchart_cli.loader import load_flow
from flowchart_cli.model import flow_edges

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.flow.yaml"))
NEW_LABEL = "Confirmar los datos con el cliente"
WIDER = 220.0


def _render(sample: Path, out: Path) -> Path:
    result = CliRunner().invoke(app, ["render", str(sample), "-f", "drawio", "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out / sample.name.replace(".flow.yaml", ".drawio")


def _cells(root: ET.Element) -> dict[str, ET.Element]:
    """Cell id → its `mxCell` (the inner one of a `UserObject`)."""
    cells = {}
    for element in root.iter():
        if element.tag == "mxCell" and element.get("id"):
            cells[element.get("id")] = element
        elif element.tag == "UserObject":
            cells[element.get("id")] = element.find("mxCell")
    return cells


def _geometry(cell: ET.Element) -> ET.Element:
    return cell.find("mxGeometry")


def _shift(cell: ET.Element, attribute: str, by: float) -> None:
    geometry = _geometry(cell)
    geometry.set(attribute, str(float(geometry.get(attribute, "0")) + by))


def _edit(path: Path) -> tuple[str, str, str, str]:
    """Edit the drawing; returns (step edited: old label, new label, step before the new one, step after it)."""
    tree = ET.parse(path)
    root = tree.getroot()
    flow, _ = load_flow(path.with_suffix(".yaml"))
    columns = flow.direction != "LR"
    cells = _cells(root)
    labels = {s.key: s.label for s in flow.steps}
    cell_of = {s.key: f"step-{s.id}" if s.id else s.key for s in flow.steps}
    # a line between two non-decision steps of one lane: the new step goes on it
    by_key = {s.key: s for s in flow.steps}
    edge = next(
        e
        for e in flow_edges(flow)
        if by_key[e.source].lane == by_key[e.target].lane and by_key[e.source].kind not in ("decision", "connector")
        and by_key[e.target].kind != "connector" and by_key[e.source].lane
    )  # fmt: skip
    source = cells[cell_of[edge.source]]
    lane_id = source.get("parent")
    lane_cell = cells[lane_id]
    # widen that lane; the lanes after it and every stage band make room
    size, along = ("width", "x") if columns else ("height", "y")
    lane_start = float(_geometry(lane_cell).get(along, "0"))
    for cell_id, cell in cells.items():
        if cell_id.startswith("lane-") and float(_geometry(cell).get(along, "0")) > lane_start:
            _shift(cell, along, WIDER)
        if cell_id.startswith("stage-"):
            _shift(cell, size, WIDER)
    _shift(lane_cell, size, WIDER)
    # the new step beside the source, in the widened part of the lane, and the line through it
    g = _geometry(source)
    x, y = float(g.get("x")), float(g.get("y"))
    lane_box = _geometry(lane_cell)
    lane_extent = float(lane_box.get(size))
    new_x, new_y = (lane_extent - WIDER + 20, y) if columns else (x, lane_extent - WIDER + 20)
    model_root = root.find("./diagram/mxGraphModel/root")
    step = ET.SubElement(model_root, "mxCell", id="kQ9x-Gf1-7", value=NEW_LABEL,
                         style="rounded=0;whiteSpace=wrap;html=1;", vertex="1", parent=lane_id)  # fmt: skip
    ET.SubElement(step, "mxGeometry", x=str(new_x), y=str(new_y), width="160", height="48", **{"as": "geometry"})
    old_edge = next(c for c in cells.values() if c.get("edge") == "1" and c.get("source") == cell_of[edge.source]
                    and c.get("target") == cell_of[edge.target])  # fmt: skip
    old_edge.set("target", "kQ9x-Gf1-7")
    old_edge.find("mxGeometry").clear()
    old_edge.find("mxGeometry").attrib.update({"relative": "1", "as": "geometry"})
    line = ET.SubElement(model_root, "mxCell", id="kQ9x-Gf1-8", style="edgeStyle=orthogonalEdgeStyle;html=1;",
                         edge="1", parent=lane_id, source="kQ9x-Gf1-7", target=cell_of[edge.target])  # fmt: skip
    ET.SubElement(line, "mxGeometry", relative="1", **{"as": "geometry"})
    # move the first step a little and relabel the edge's target
    _shift(cells[cell_of[flow.steps[0].key]], "x" if columns else "y", 6)
    renamed = labels[edge.target] + " (revisado)"
    holder = next(e for e in root.iter() if e.get("id") == cell_of[edge.target])
    holder.set("label" if holder.tag == "UserObject" else "value", renamed)
    tree.write(path, encoding="utf-8", xml_declaration=False)
    return labels[edge.target], renamed, labels[edge.source], NEW_LABEL


def _expected(flow, old: str, new: str, before: str, added: str):
    lane = {lane.id: lane.name for lane in flow.lanes}
    stage = {s.id: s.name for s in flow.stages}
    steps = {(s.kind, new if s.label == old else s.label, lane.get(s.lane or ""), stage.get(s.stage or ""))
             for s in flow.steps}  # fmt: skip
    source = next(s for s in flow.steps if s.label == before)
    steps.add(("process", added, lane.get(source.lane or ""), stage.get(source.stage or "")))
    lines = set()
    for a, b, label in lines_of(flow):
        if (a, b) == (before, old):
            lines |= {(before, added, ""), (added, new, "")}
        else:
            lines.add((new if a == old else a, new if b == old else b, label))
    return steps, lines


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_render_edit_import_keeps_every_edit(sample, tmp_path):
    drawn = _render(sample, tmp_path)
    flow, _ = load_flow(sample)
    (tmp_path / drawn.name).with_suffix(".yaml").write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    old, new, before, added = _edit(drawn)
    back, text, _ = imported_flow(drawn)
    steps, lines = _expected(flow, old, new, before, added)
    assert set(steps_of(back)) == steps, text
    assert lines_of(back) == lines, text
    assert [lane.name for lane in back.lanes] == [lane.name for lane in flow.lanes]
    assert [s.name for s in back.stages] == [s.name for s in flow.stages]
    assert back.title == flow.title and back.direction == flow.direction


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_render_then_import_unedited_gives_the_same_flow(sample, tmp_path):
    flow, _ = load_flow(sample)
    back, _, _ = imported_flow(_render(sample, tmp_path))
    assert set(steps_of(back)) == set(steps_of(flow))
    assert lines_of(back) == lines_of(flow)


@pytest.mark.slow
def test_edited_files_are_ones_draw_io_reads(tmp_path):
    for sample in SAMPLES[:2]:
        drawn = _render(sample, tmp_path)
        drawn.with_suffix(".yaml").write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
        _edit(drawn)
        report = drawio_check(drawn, "--no-editor")
        assert report["ok"], report["errors"]
