"""Everything after the ranking, on every sample, without Graphviz: frame, routing, geometry and the SVG writer."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from fake_ranking import fake_rank

from flowchart_cli.check import check_file
from flowchart_cli.layout import layout_flow
from flowchart_cli.model import flow_edges
from flowchart_cli.options import RenderOptions
from flowchart_cli.writers.svg import write_svg

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.flow.yaml"))
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def no_graphviz(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("Graphviz was run")

    monkeypatch.setattr("flowchart_cli.layout.ranking.run_graphviz", refuse)


def _box(rect: ET.Element) -> tuple[float, float, float, float]:
    x, y = float(rect.get("x")), float(rect.get("y"))
    return x, y, x + float(rect.get("width")), y + float(rect.get("height"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_lays_out_and_draws_with_a_fake_ranking(path: Path) -> None:
    flow = check_file(path).flow
    diagram = layout_flow(flow, RenderOptions(numbers=True), ranker=fake_rank)
    root = ET.fromstring(write_svg(diagram, RenderOptions()).encode())
    steps = [g for g in root.iter(f"{SVG}g") if "fc-step" in (g.get("class") or "").split()]
    assert [g.get("data-step") for g in steps] == [s.key for s in flow.steps]
    edges = [g for g in root.iter(f"{SVG}g") if "fc-edge" in (g.get("class") or "").split()]
    drawn = {(g.get("data-from"), g.get("data-to")) for g in edges}
    assert drawn == {(e.source, e.target) for e in flow_edges(flow)}
    lanes = {g.get("data-lane"): _box(next(iter(g))) for g in root.iter(f"{SVG}g") if g.get("class") == "fc-lane"}
    for node in diagram.nodes:
        left, top, right, bottom = lanes[node.lane]
        box = node.box
        assert left <= box.x and box.right <= right and top <= box.y and box.bottom <= bottom, node.key
    for first, second in zip(diagram.nodes, diagram.nodes[1:], strict=False):
        assert first.box != second.box
