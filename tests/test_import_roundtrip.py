"""Round trip: `render -f drawio`, edit the file as draw.io would, `import`: the same flow with the edits.

The edits are those a person makes in draw.io: widen a lane (the lanes after
it and the stage bands make room), move a step, relabel a step, and add a
step and a line inside a lane, rewiring one line to pass through the new
step.  They are made twice: by editing the XML as draw.io writes it (changed
`mxGeometry` and `value`, new cells with ids of draw.io's kind), and, in the
slow tests, through draw.io's own Graph API in headless Chromium
(``tests/drawio/drawio_edit.js``), whose saved file is imported too.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from import_support import drawio_check, imported_flow, lines_of, steps_of
from typer.testing import CliRunner

from flowchart_cli.cli import app
from flowchart_cli.loader import load_flow
from flowchart_cli.model import Flow, flow_edges

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [  # the shipped samples and templates, and a pt/LR flow with an external party, stages and YAML traps
    *sorted((ROOT / "samples").glob("*.flow.yaml")),
    *sorted(p for p in (ROOT / "templates" / "new").glob("*.flow.yaml") if p.name != "blank.flow.yaml"),
    ROOT / "tests" / "import_cases" / "garantia.flow.yaml",
]
EDITOR = Path(__file__).resolve().parent / "drawio" / "drawio_edit.js"
NEW_LABEL = "Confirmar los datos con el cliente"
NEW_STEP, NEW_LINE = "kQ9x-Gf1-7", "kQ9x-Gf1-8"
WIDER = 220.0
PROCESS = "rounded=0;whiteSpace=wrap;html=1;"
LINE = "edgeStyle=orthogonalEdgeStyle;rounded=0;orthogonalLoop=1;jettySize=auto;html=1;"


def _render(sample: Path, out: Path) -> Path:
    result = CliRunner().invoke(app, ["render", str(sample), "-f", "drawio", "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out / sample.name.replace(".flow.yaml", ".drawio")


def _cells(root: ET.Element) -> dict[str, ET.Element]:
    """Cell id → the element that carries its id (an `mxCell`, or a `UserObject` around one)."""
    return {e.get("id"): e for e in root.iter() if e.tag in ("mxCell", "UserObject") and e.get("id")}


def _inner(element: ET.Element) -> ET.Element:
    return element.find("mxCell") if element.tag == "UserObject" else element


def _number(element: ET.Element, attribute: str) -> float:
    return float(_inner(element).find("mxGeometry").get(attribute, "0"))


@dataclass(frozen=True)
class Plan:
    """The edits for one drawing, in cell ids and numbers."""

    columns: bool
    lane: str
    lane_size: tuple[float, float]
    lanes_after: tuple[str, ...]
    stages: tuple[tuple[str, float, float], ...]
    first_step: str
    new_at: tuple[float, float]
    line: str
    line_target: str
    renamed: str
    old_label: str
    before: str


def _plan(path: Path, flow: Flow) -> Plan:
    cells = _cells(ET.parse(path).getroot())
    by_key = {s.key: s for s in flow.steps}
    cell_of = {s.key: f"step-{s.id}" if s.id else s.key for s in flow.steps}
    edge = next(
        e
        for e in flow_edges(flow)
        if by_key[e.source].lane and by_key[e.source].lane == by_key[e.target].lane
        and by_key[e.source].kind not in ("decision", "connector") and by_key[e.target].kind != "connector"
    )  # fmt: skip
    source, target = cell_of[edge.source], cell_of[edge.target]
    lane = _inner(cells[source]).get("parent")
    columns = flow.direction != "LR"
    along, size = ("x", "width") if columns else ("y", "height")
    line = next(i for i, c in cells.items() if _inner(c).get("source") == source and _inner(c).get("target") == target)
    extent = _number(cells[lane], size)
    x, y = _number(cells[source], "x"), _number(cells[source], "y")
    return Plan(
        columns=columns,
        lane=lane,
        lane_size=(_number(cells[lane], "width"), _number(cells[lane], "height")),
        lanes_after=tuple(
            i for i in cells if i.startswith("lane-") and _number(cells[i], along) > _number(cells[lane], along)
        ),
        stages=tuple(
            (i, _number(cells[i], "width"), _number(cells[i], "height")) for i in cells if i.startswith("stage-")
        ),
        first_step=cell_of[flow.steps[0].key],
        new_at=(extent + 20, y) if columns else (x, extent + 20),
        line=line,
        line_target=target,
        renamed=by_key[edge.target].label + " (revisado)",
        old_label=by_key[edge.target].label,
        before=by_key[edge.source].label,
    )


def _grown(plan: Plan, width: float, height: float) -> tuple[float, float]:
    return (width + WIDER, height) if plan.columns else (width, height + WIDER)


def _edit_xml(path: Path, plan: Plan) -> None:
    """The edits as draw.io writes them into the file."""
    tree = ET.parse(path)
    root = tree.getroot()
    cells = _cells(root)

    def geometry(cell_id: str) -> ET.Element:
        return _inner(cells[cell_id]).find("mxGeometry")

    def shift(cell_id: str, attribute: str, by: float) -> None:
        geometry(cell_id).set(attribute, str(float(geometry(cell_id).get(attribute, "0")) + by))

    for lane in plan.lanes_after:
        shift(lane, "x" if plan.columns else "y", WIDER)
    for cell_id, width, height in (*plan.stages, (plan.lane, *plan.lane_size)):
        new_width, new_height = _grown(plan, width, height)
        geometry(cell_id).attrib.update(width=str(new_width), height=str(new_height))
    model = root.find("./diagram/mxGraphModel/root")
    step = ET.SubElement(model, "mxCell", id=NEW_STEP, value=NEW_LABEL, style=PROCESS, vertex="1", parent=plan.lane)
    x, y = plan.new_at
    ET.SubElement(step, "mxGeometry", x=str(x), y=str(y), width="160", height="48", **{"as": "geometry"})
    _inner(cells[plan.line]).set("target", NEW_STEP)
    line = ET.SubElement(model, "mxCell", id=NEW_LINE, style=LINE, edge="1", parent=plan.lane, source=NEW_STEP,
                         target=plan.line_target)  # fmt: skip
    ET.SubElement(line, "mxGeometry", relative="1", **{"as": "geometry"})
    shift(plan.first_step, "x" if plan.columns else "y", 6)
    holder = cells[plan.line_target]
    holder.set("label" if holder.tag == "UserObject" else "value", plan.renamed)
    tree.write(path, encoding="utf-8", xml_declaration=False)


def _edits_for_drawio(plan: Plan) -> list[dict]:
    """The same edits as calls of draw.io's Graph API (see drawio_edit.js).

    The lanes after the widened one are not moved here: the lanes' stack that
    `render` writes moves them, as draw.io's stack layout runs on the edit.
    """
    edits: list[dict] = []
    for cell_id, width, height in (*plan.stages, (plan.lane, *plan.lane_size)):
        new_width, new_height = _grown(plan, width, height)
        edits.append({"op": "resize", "id": cell_id, "width": new_width, "height": new_height})
    x, y = plan.new_at
    edits += [
        {"op": "vertex", "id": NEW_STEP, "parent": plan.lane, "value": NEW_LABEL, "style": PROCESS,
         "x": x, "y": y, "width": 160, "height": 48},
        {"op": "retarget", "id": plan.line, "target": NEW_STEP},
        {"op": "edge", "id": NEW_LINE, "parent": plan.lane, "source": NEW_STEP, "target": plan.line_target,
         "style": LINE},
        {"op": "move", "id": plan.first_step, "dx": 6 if plan.columns else 0, "dy": 0 if plan.columns else 6},
        {"op": "relabel", "id": plan.line_target, "value": plan.renamed},
    ]  # fmt: skip
    return edits


def _assert_edited(flow: Flow, plan: Plan, drawn: Path) -> None:
    back, text, _ = imported_flow(drawn)
    lane = {lane.id: lane.name for lane in flow.lanes}
    stage = {s.id: s.name for s in flow.stages}
    old, new = plan.old_label, plan.renamed
    steps = {(s.kind, new if s.label == old else s.label, lane.get(s.lane or ""), stage.get(s.stage or ""))
             for s in flow.steps}  # fmt: skip
    source = next(s for s in flow.steps if s.label == plan.before)
    steps.add(("process", NEW_LABEL, lane.get(source.lane or ""), stage.get(source.stage or "")))
    lines = set()
    for a, b, label in lines_of(flow):
        if (a, b) == (plan.before, old):
            lines |= {(plan.before, NEW_LABEL, ""), (NEW_LABEL, new, "")}
        else:
            lines.add((new if a == old else a, new if b == old else b, label))
    assert set(steps_of(back)) == steps, text
    assert lines_of(back) == lines, text
    assert [lane.name for lane in back.lanes] == [lane.name for lane in flow.lanes]
    assert [s.name for s in back.stages] == [s.name for s in flow.stages]
    assert back.title == flow.title and back.direction == flow.direction
    _assert_kept(flow, back, plan)


def _assert_kept(flow: Flow, back: Flow, plan: Plan | None = None) -> None:
    """What the drawing does not show came back through its custom data: ids, notes, durations, links…"""
    renamed = {plan.old_label: plan.renamed} if plan else {}

    def data(step) -> tuple:
        return (step.kind, step.label, step.notes, step.duration, step.link, step.ref,
                tuple((s.outcome, s.text) for s in step.shares))  # fmt: skip

    expected = [data(replace(s, label=renamed.get(s.label, s.label))) for s in flow.steps]
    if plan:  # the step added by hand in draw.io carries nothing
        expected.append(("process", NEW_LABEL, "", "", "", "", ()))
    assert sorted(data(s) for s in back.steps) == sorted(expected)
    ids = {(s.kind, s.label, s.id) for s in back.steps}
    for step in flow.steps:  # two steps may share a label (a connector's pair): each id is on one of them
        if step.id:
            assert (step.kind, renamed.get(step.label, step.label), step.id) in ids
    assert [(x.id, x.name, x.description, x.external) for x in back.lanes] == [
        (x.id, x.name, x.description, x.external) for x in flow.lanes
    ]
    assert [(x.id, x.name, x.description) for x in back.stages] == [(x.id, x.name, x.description) for x in flow.stages]
    keys = ("title", "lang", "version", "owner", "updated", "description", "direction")
    assert [getattr(back, k) for k in keys] == [getattr(flow, k) for k in keys]


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_render_edit_import_keeps_every_edit(sample, tmp_path):
    drawn = _render(sample, tmp_path)
    flow, _ = load_flow(sample)
    plan = _plan(drawn, flow)
    _edit_xml(drawn, plan)
    _assert_edited(flow, plan, drawn)


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_render_then_import_unedited_gives_the_same_flow(sample, tmp_path):
    flow, _ = load_flow(sample)
    back, _, _ = imported_flow(_render(sample, tmp_path))
    assert set(steps_of(back)) == set(steps_of(flow))
    assert lines_of(back) == lines_of(flow)
    _assert_kept(flow, back)


def _drawio_edit(drawn: Path, edits: list[dict], out: Path) -> None:
    if shutil.which("node") is None:
        pytest.skip("node not found")
    plan_file = out.with_suffix(".json")
    plan_file.write_text(json.dumps(edits), encoding="utf-8")
    run = subprocess.run(["node", str(EDITOR), str(drawn), str(out), str(plan_file)], capture_output=True,
                         text=True, timeout=300)  # fmt: skip
    if run.returncode == 3:
        pytest.skip(f"draw.io is not installed: {run.stderr.strip()[:200]}")
    assert run.returncode == 0, run.stderr


@pytest.mark.slow
@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_edits_made_with_draw_io_own_code_survive_the_import(sample, tmp_path):
    drawn = _render(sample, tmp_path)
    flow, _ = load_flow(sample)
    plan = _plan(drawn, flow)
    edited = tmp_path / "edited.drawio"
    _drawio_edit(drawn, _edits_for_drawio(plan), edited)
    before, after = _cells(ET.parse(drawn).getroot()), _cells(ET.parse(edited).getroot())
    along = "x" if plan.columns else "y"
    for lane in plan.lanes_after:  # draw.io's stack layout made room for the wider lane
        assert _number(after[lane], along) == pytest.approx(_number(before[lane], along) + WIDER, abs=0.5)
    _assert_edited(flow, plan, edited)


@pytest.mark.slow
def test_files_edited_as_xml_are_ones_draw_io_reads(tmp_path):
    for sample in SAMPLES[:2]:
        drawn = _render(sample, tmp_path)
        flow, _ = load_flow(sample)
        _edit_xml(drawn, _plan(drawn, flow))
        report = drawio_check(drawn, "--no-editor")
        assert report["ok"], report["errors"]
