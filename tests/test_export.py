"""The export step: writers read one renderer-neutral geometry, and options reach every output."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from writer_diagrams import QUEJAS_FLOW, grid_diagram, load

from flowchart_cli.options import RenderOptions
from flowchart_cli.writers.svg import write_svg

PACKAGE = Path(__file__).resolve().parent.parent / "flowchart_cli"
SVG = "{http://www.w3.org/2000/svg}"
DRAWING_MODULES = [*sorted((PACKAGE / "writers").glob("*.py")), PACKAGE / "handout" / "graphics.py"]


@pytest.mark.parametrize("module", DRAWING_MODULES, ids=lambda p: p.name)
def test_no_writer_imports_the_model(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    imported = {
        (node.module or "") + "." + alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    } | {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert not [name for name in imported if re.search(r"(^|\.)(model|loader|check)(\.|$)", name)]


def test_export_resolves_what_writers_show() -> None:
    flow = load(QUEJAS_FLOW)
    diagram = grid_diagram(flow)
    assert diagram.title == flow.title and diagram.direction == flow.direction
    for node, step in zip(diagram.nodes, flow.steps, strict=True):
        assert (node.key, node.label, node.number, node.lane) == (step.key, step.label, step.number, step.lane)
        assert node.tooltip == step.notes.strip()
        assert node.has_id == (step.id is not None)
    described = {lane.id: lane.description for lane in diagram.lanes}
    assert described == {lane.id: lane.description for lane in flow.lanes}


def test_numbers_are_drawn_inside_each_step_group_only_when_asked() -> None:
    flow = load(QUEJAS_FLOW)
    plain = ET.fromstring(write_svg(grid_diagram(flow), RenderOptions()).encode())
    assert not [e for e in plain.iter() if e.get("class") == "fc-number"]
    numbered = ET.fromstring(write_svg(grid_diagram(flow, RenderOptions(numbers=True)), RenderOptions()).encode())
    groups = [g for g in numbered.iter(f"{SVG}g") if "fc-step" in (g.get("class") or "").split()]
    assert len(groups) == len(flow.steps)
    for group, step in zip(groups, flow.steps, strict=True):
        [number] = [t for t in group.iter(f"{SVG}text") if t.get("class") == "fc-number"]
        assert number.text == str(step.number)


def test_mono_theme_resolved_once_colours_every_writer() -> None:
    from flowchart_cli.writers.drawio import write_drawio

    mono = grid_diagram(load(QUEJAS_FLOW), RenderOptions(theme="mono"))
    svg = write_svg(mono, RenderOptions())
    drawio = write_drawio(mono, RenderOptions())
    colours = set(re.findall(r'(?:fill|stroke)="(#[0-9a-f]{6})"', svg)) | set(
        re.findall(r"(?:fillColor|strokeColor|swimlaneFillColor)=(#[0-9a-f]{6})", drawio)
    )
    assert colours <= {"#ffffff", "#000000"}
