"""The draw.io writer: lanes as swimlane containers, steps inside them, edges wired to their ends."""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from writer_diagrams import HOSTILE, HOSTILE_FLOW, grid_diagram, load

from flowchart_cli.layout.geometry import Diagram
from flowchart_cli.loader import load_flow
from flowchart_cli.symbols import symbol
from flowchart_cli.writers import RenderOptions
from flowchart_cli.writers.drawio import STACK, write_drawio

CHECKER = Path(__file__).resolve().parent / "drawio" / "drawio_check"
ELEMENTS = {"mxfile", "diagram", "mxGraphModel", "root", "mxCell", "UserObject", "mxGeometry", "Array", "mxPoint"}

TB_FLOW = """
title: Quejas
lanes:
  - Cliente
  - id: agente
    name: Agente de atención
steps:
  - id: recepcion
    start: El cliente presenta su queja
    lane: Cliente
  - id: registro
    process: Registrar la queja
    lane: agente
    notes: Datos del cliente.
  - id: grave
    decision: ¿La queja es grave?
    branches:
      Sí: escalar
      "No": fin
  - id: escalar
    subprocess: Escalar
    lane: Cliente
  - id: fin
    end: Cerrada
"""


def cells(xml_text: str) -> dict[str, dict[str, object]]:
    """Every cell by id: its attributes (UserObject's merged in), geometry and waypoints."""
    root = ET.fromstring(xml_text)
    found: dict[str, dict[str, object]] = {}
    for element in root.find("diagram/mxGraphModel/root"):
        cell = element if element.tag == "mxCell" else element.find("mxCell")
        data: dict[str, object] = {**element.attrib, **cell.attrib}
        if element.tag == "UserObject":
            data["value"] = element.get("label")
        geometry = cell.find("mxGeometry")
        data["geometry"] = geometry
        data["points"] = (
            []
            if geometry is None
            else [(float(p.get("x")), float(p.get("y"))) for p in geometry.findall("Array/mxPoint")]
        )
        assert data["id"] not in found, f"duplicate id {data['id']}"
        found[str(data["id"])] = data
    return found


def text_of(value: str) -> list[str]:
    """The lines a draw.io HTML label shows."""
    return [html.unescape(part) for part in value.split("<br>")]


def box(cell: dict[str, object]) -> tuple[float, float, float, float]:
    geometry = cell["geometry"]
    return tuple(float(geometry.get(k, "0")) for k in ("x", "y", "width", "height"))  # type: ignore[union-attr]


def start_size(style: str) -> float:
    return float(next(p.split("=")[1] for p in style.split(";") if p.startswith("startSize=")))


def cell_id(diagram: Diagram, key: str) -> str:
    """The draw.io id of a step: ``step-ID``, or the ``step-N`` key of a step without id."""
    return f"step-{key}" if diagram.node(key).has_id else key


def check_structure(diagram: Diagram, xml_text: str) -> None:
    """The promises of spec §4 for draw.io, checked on the XML."""
    root = ET.fromstring(xml_text)
    assert {e.tag for e in root.iter()} <= ELEMENTS
    assert root.find("diagram").get("name") == diagram.title
    found = cells(xml_text)
    lanes = {c["id"]: c for c in found.values() if str(c.get("style", "")).startswith("swimlane;")}
    assert len(lanes) == len(diagram.lanes)
    lane_of = {}
    for band in diagram.lanes:
        cell = next(c for c in lanes.values() if " ".join(text_of(str(c["value"]))) == " ".join(band.name.split()))
        assert cell["parent"] == STACK  # the lanes' stack: widening one in draw.io moves the others
        lane_of[band.id] = cell
    stages = [c for c in found.values() if c["id"].startswith("stage-")]
    assert [c["id"] for c in stages] == [f"stage-{band.number}" for band in diagram.stages]
    for cell, band in zip(stages, diagram.stages, strict=True):  # a band cell behind the lanes, holding the name
        assert cell["parent"] == STACK and " ".join(text_of(str(cell["value"]))).endswith(" ".join(band.name.split()))
        assert box(cell) == pytest.approx((band.band.x, band.band.y, band.band.width, band.band.height), abs=0.01)
    vertices = {
        c["id"]: c
        for c in found.values()
        if c.get("vertex") == "1" and c["id"] not in lanes and c not in stages and c["id"] != STACK
    }
    if diagram.lanes:
        stack = found[STACK]
        assert stack["parent"] == "1" and box(stack)[:2] == (0.0, 0.0) and "childLayout=stackLayout;" in stack["style"]
    assert len(vertices) == len(diagram.nodes)
    for node in diagram.nodes:
        cell = vertices[cell_id(diagram, node.key)]
        assert symbol(node.kind).drawio_style in cell["style"]
        assert text_of(str(cell["value"])) == list(node.lines)
        x, y, w, h = box(cell)
        assert (w, h) == pytest.approx((node.box.width, node.box.height), abs=0.01)
        if diagram.lanes:
            lane = lane_of[node.lane]
            assert cell["parent"] == lane["id"]
            lx, ly, lw, lh = box(lane)
            assert (x + lx, y + ly) == pytest.approx((node.box.x, node.box.y), abs=0.01)
            header = start_size(str(lane["style"]))
            horizontal = "horizontal=0" not in str(lane["style"])
            assert x >= (0 if horizontal else header) - 0.01 and y >= (header if horizontal else 0) - 0.01
            assert x + w <= lw + 0.01 and y + h <= lh + 0.01
        else:
            assert cell["parent"] == "1"
    edges = [c for c in found.values() if c.get("edge") == "1"]
    assert len(edges) == len(diagram.edges)
    for cell, edge in zip(edges, diagram.edges, strict=True):
        assert cell["source"] in vertices and cell["target"] in vertices
        assert (cell["source"], cell["target"]) == (cell_id(diagram, edge.source), cell_id(diagram, edge.target))
        assert html.unescape(str(cell["value"])) == edge.label
        assert cell["parent"] in ("1", *lanes)
        assert "edgeStyle=orthogonalEdgeStyle" in cell["style"]


@pytest.fixture
def tb() -> Diagram:
    return grid_diagram(load(TB_FLOW))


def test_structure_top_to_bottom(tb):
    xml_text = write_drawio(tb, RenderOptions())
    check_structure(tb, xml_text)
    assert xml_text.startswith("<mxfile ") and "<diagram " in xml_text


def test_structure_left_to_right():
    diagram = grid_diagram(load(TB_FLOW.replace("title: Quejas", "title: Quejas\ndirection: LR")))
    xml_text = write_drawio(diagram, RenderOptions())
    check_structure(diagram, xml_text)
    lanes = [c for c in cells(xml_text).values() if str(c.get("style", "")).startswith("swimlane;")]
    assert all("horizontal=0;" in c["style"] for c in lanes)


def test_without_lanes_steps_live_in_the_layer():
    diagram = grid_diagram(load("title: Plain\nsteps:\n  - start: A\n  - process: B\n  - end: C\n"))
    xml_text = write_drawio(diagram, RenderOptions())
    check_structure(diagram, xml_text)
    assert not any(str(c.get("style", "")).startswith("swimlane") for c in cells(xml_text).values())


def test_edge_parent_and_waypoints_are_in_the_parents_coordinates(tb):
    found = cells(write_drawio(tb, RenderOptions()))
    origin = {c["id"]: box(c)[:2] for c in found.values() if str(c.get("style", "")).startswith("swimlane;")}
    origin["1"] = (0.0, 0.0)
    for edge in tb.edges:
        cell = next(
            c
            for c in found.values()
            if c.get("source") == cell_id(tb, edge.source) and c.get("target") == cell_id(tb, edge.target)
        )
        same_lane = tb.node(edge.source).lane == tb.node(edge.target).lane
        assert (cell["parent"] != "1") == same_lane
        ox, oy = origin[str(cell["parent"])]
        assert cell["points"] == [pytest.approx((p.x - ox, p.y - oy)) for p in edge.points[1:-1]]


def test_edges_leave_and_enter_where_the_route_does(tb):
    found = cells(write_drawio(tb, RenderOptions()))
    edge = tb.edges[0]  # bottom centre of the source to top centre of the target
    cell = next(c for c in found.values() if c.get("source") == cell_id(tb, edge.source))
    assert "exitX=0.5;exitY=1;" in cell["style"] and "entryX=0.5;entryY=0;" in cell["style"]


def test_decision_outcomes_are_edge_labels(tb):
    found = cells(write_drawio(tb, RenderOptions()))
    labels = sorted(str(c["value"]) for c in found.values() if c.get("source") == "step-grave")
    assert labels == ["No", "Sí"]


def test_notes_become_tooltips_and_links_are_kept():
    diagram = grid_diagram(load(HOSTILE_FLOW))
    found = cells(write_drawio(diagram, RenderOptions()))
    assert text_of(str(found["step-s0"]["tooltip"])) == ['note with <b>tags</b> & "quotes"']
    assert found["step-s0"]["link"] == "https://example.com/?a=1&b=<2>"


def test_hostile_labels_round_trip_and_inject_nothing():
    diagram = grid_diagram(load(HOSTILE_FLOW))
    xml_text = write_drawio(diagram, RenderOptions())
    check_structure(diagram, xml_text)  # parses, only draw.io elements, every label exact
    assert "<script" not in xml_text and "]]>" not in xml_text
    for cell in cells(xml_text).values():  # the HTML of each label holds only text and <br>
        value = str(cell.get("value") or "")
        assert "<" not in value.replace("<br>", "")


@pytest.mark.parametrize("label", HOSTILE)
def test_each_hostile_label(label):
    quoted = json.dumps(label, ensure_ascii=False)
    flow = load(f"title: t\nsteps:\n  - start: {quoted}\n  - end: {quoted}\n")
    diagram = grid_diagram(flow)
    check_structure(diagram, write_drawio(diagram, RenderOptions()))


def test_mono_theme_has_no_colour():
    mono = grid_diagram(load(TB_FLOW), RenderOptions(theme="mono"))
    xml_text = write_drawio(mono, RenderOptions())
    colours = {
        p.split("=")[1]
        for c in cells(xml_text).values()
        for p in str(c.get("style", "")).split(";")
        if p.startswith("fillColor=")
    }
    assert {c.lower() for c in colours} - {"none"} == {"#ffffff"}  # none: the lanes' invisible stack


def test_deterministic(tb):
    assert write_drawio(tb, RenderOptions()) == write_drawio(grid_diagram(load(TB_FLOW)), RenderOptions())


def test_every_sample(samples):
    assert samples
    for path in samples:
        flow, _ = load_flow(path)
        diagram = grid_diagram(flow)
        check_structure(diagram, write_drawio(diagram, RenderOptions()))


def drawio_check(path: Path) -> dict:
    if not CHECKER.exists() or shutil.which("node") is None:
        pytest.skip("drawio_check not found")
    result = subprocess.run([str(CHECKER), str(path)], capture_output=True, text=True, timeout=600, env={**os.environ})
    if result.returncode == 3:
        pytest.skip(f"drawio_check is not installed: {result.stderr.strip()[:200]}")
    report = json.loads(result.stdout)
    assert result.returncode == 0, report["errors"]
    return report


@pytest.mark.slow
def test_every_sample_through_the_real_layout_opens_in_draw_io(samples, tmp_path):
    from flowchart_cli.layout import layout_flow

    for path in samples:
        for direction in ("TB", "LR"):
            flow = replace(load_flow(path)[0], direction=direction)
            diagram = layout_flow(flow)
            xml_text = write_drawio(diagram, RenderOptions())
            check_structure(diagram, xml_text)
            if direction == flow.direction or path not in samples[:2]:
                continue  # the command below renders each sample as written
            out = tmp_path / f"{path.name}.{direction}.drawio"
            out.write_text(xml_text, encoding="utf-8")
    for path in sorted(tmp_path.glob("*.drawio")) + render_samples(samples, tmp_path / "cli"):
        report = drawio_check(path)
        assert report["ok"] and not report["warnings"], (path, report["warnings"])
        assert report["containers"] >= 1 and report["edges"] >= 1


def render_samples(samples: list[Path], out: Path) -> list[Path]:
    """``flowchart render -f drawio`` on every sample, through the real command."""
    result = subprocess.run(
        [sys.executable, "-m", "flowchart_cli", "render", *map(str, samples), "-f", "drawio", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return sorted(out.glob("*.drawio"))


@pytest.mark.slow
def test_render_is_byte_identical_from_run_to_run(samples, tmp_path):
    runs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        command = [
            sys.executable,
            "-m",
            "flowchart_cli",
            "render",
            *map(str, samples),
            "-f",
            "drawio,mermaid,dot",
            "-o",
            str(out),
        ]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONHASHSEED": seed}
        )
        assert result.returncode == 0, result.stderr
        runs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert len(runs[0]) == 3 * len(samples)
    assert runs[0] == runs[1]


@pytest.mark.slow
def test_draw_io_reads_hostile_labels_as_written(tmp_path):
    diagram = grid_diagram(load(HOSTILE_FLOW))
    path = tmp_path / "hostile.drawio"
    path.write_text(write_drawio(diagram, RenderOptions()), encoding="utf-8")
    report = drawio_check(path)
    assert report["ok"] and not report["warnings"]
    counts = (report["vertices"], report["edges"], report["containers"])
    assert counts == (len(diagram.nodes) + 3, len(diagram.edges), 3)  # two lanes and their stack


def test_flipped_shapes_get_mirrored_attachment_points():
    diagram = grid_diagram(load("title: F\nsteps:\n  - start: A\n  - manual: B\n  - end: C\n"))
    found = cells(write_drawio(diagram, RenderOptions()))
    into_manual = next(c for c in found.values() if c.get("target") == "step-2")
    out_of_manual = next(c for c in found.values() if c.get("source") == "step-2")
    assert "entryX=0.5;entryY=1;" in into_manual["style"]  # the top of a shape drawn with flipV=1
    assert "exitX=0.5;exitY=0;" in out_of_manual["style"]


def test_lane_descriptions_become_tooltips():
    flow = load(
        TB_FLOW.replace(
            "name: Agente de atención", 'name: Agente de atención\n    description: "Primer <b>nivel</b> & más"'
        )
    )
    diagram = grid_diagram(flow)
    xml_text = write_drawio(diagram, RenderOptions())
    check_structure(diagram, xml_text)
    found = cells(xml_text)
    assert text_of(str(found["lane-2"]["tooltip"])) == ["Primer <b>nivel</b> & más"]
    assert "tooltip" not in found["lane-1"]


def test_cell_ids_stay_unique_when_an_id_looks_like_a_step_number():
    diagram = grid_diagram(load("title: T\nsteps:\n  - id: '3'\n    start: A\n  - process: B\n  - end: C\n"))
    found = cells(write_drawio(diagram, RenderOptions()))  # fails on a duplicate id
    steps = [c["id"] for c in found.values() if c.get("vertex") == "1"]
    assert steps == ["step-3", "step-2", "step-3~2"]
    assert all(c["source"] in steps and c["target"] in steps for c in found.values() if c.get("edge") == "1")


def test_characters_xml_cannot_hold_are_dropped(tb):
    nodes = (replace(tb.nodes[0], lines=("bell\x07 nul\x00 ok\ufffe",)), *tb.nodes[1:])
    xml_text = write_drawio(replace(tb, nodes=nodes), RenderOptions())
    assert text_of(str(cells(xml_text)["step-recepcion"]["value"])) == ["bell nul ok"]
