"""Stages in every output: SVG bands (spec §4), draw.io band cells, DOT background and names, Mermaid subgraphs."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import pytest

from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.geometry import Diagram, Rect
from flowchart_cli.loader import load_flow
from flowchart_cli.model import Flow
from flowchart_cli.writers import RenderOptions
from flowchart_cli.writers.dot import write_dot
from flowchart_cli.writers.drawio import write_drawio
from flowchart_cli.writers.mermaid import write_mermaid
from flowchart_cli.writers.svg import write_svg

pytestmark = pytest.mark.slow

NS = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parent.parent

LR_STAGES = """
title: Refund
direction: LR
lanes: [Customer, Agent, Finance]
stages:
  - Request
  - id: review
    name: Review and decision by the support team
    description: "Checked against the <30 days> rule & the receipt"
  - Payment
  - Archive
steps:
  - start: Customer asks
    lane: Customer
    stage: Request
  - io: Request received
    lane: Agent
  - id: ok
    decision: Within 30 days?
    stage: review
    branches:
      Yes: pay
      No: no
  - id: no
    end: Declined
    lane: Customer
  - id: pay
    process: Pay back
    lane: Finance
    stage: Payment
  - id: fix
    process: Fix the request
    lane: Agent
    stage: Request
    next: check
  - id: check
    decision: Paid?
    lane: Finance
    stage: Payment
    branches:
      Yes: done
      No: fix
  - id: done
    end: Refunded
    lane: Customer
"""


def _flow(path: Path) -> Flow:
    flow, diagnostics = load_flow(path)
    assert flow is not None, diagnostics
    return flow


@pytest.fixture(params=["TB", "LR"])
def staged(request, write_flow) -> tuple[Flow, Diagram]:
    path = ROOT / "samples" / "gestion-quejas.flow.yaml" if request.param == "TB" else write_flow(LR_STAGES)
    flow = _flow(path)
    return flow, layout_flow(flow)


def _rect(element: ET.Element) -> Rect:
    return Rect(*(float(element.get(name)) for name in ("x", "y", "width", "height")))


def test_svg_draws_each_stage_as_a_band_in_order_behind_the_steps(staged) -> None:
    flow, diagram = staged
    root = ET.fromstring(write_svg(diagram, RenderOptions()).encode("utf-8"))
    groups = [g for g in root.iter(f"{NS}g") if g.get("class") == "fc-stage"]
    assert [g.get("data-stage") for g in groups] == [stage.id for stage in flow.stages]
    assert all(g[0].tag == f"{NS}rect" for g in groups)
    for number, (group, stage) in enumerate(zip(groups, flow.stages, strict=True), 1):
        texts = ["".join(t.itertext()) for t in group.iter(f"{NS}text")]
        assert texts == [str(number), stage.name]  # the number, then the name exactly as written
    order = [g.get("class", "") for g in root.iter(f"{NS}g")]
    last_stage = max(i for i, c in enumerate(order) if c == "fc-stage")
    assert all(i > last_stage for i, c in enumerate(order) if c.startswith(("fc-step", "fc-edge")))

    bands = [_rect(g[0]) for g in groups]
    lanes = {g.get("data-lane"): _rect(g[0]) for g in root.iter(f"{NS}g") if g.get("class") == "fc-lane"}
    lr = diagram.direction == "LR"
    span = (lambda r: (r.x, r.right)) if lr else (lambda r: (r.y, r.bottom))
    across = (lambda r: (r.y, r.bottom)) if lr else (lambda r: (r.x, r.right))
    assert all(span(a)[1] <= span(b)[0] + 0.01 for a, b in pairwise(bands))  # in order, not overlapping
    for band in bands:  # across every lane
        assert across(band)[0] <= min(across(r)[0] for r in lanes.values())
        assert across(band)[1] >= max(across(r)[1] for r in lanes.values()) - 0.01
    band_of = {stage.id: band for stage, band in zip(flow.stages, bands, strict=True)}
    for node in diagram.nodes:
        assert band_of[node.stage].contains(node.box), node.key
        assert lanes[node.lane].contains(node.box), node.key


def test_an_unused_stage_still_gets_its_band(write_flow) -> None:
    flow = _flow(write_flow(LR_STAGES))
    diagram = layout_flow(flow)
    assert [s.name for s in diagram.stages][-1] == "Archive"
    assert diagram.stages[-1].band.width > 0 and not any(n.stage == "Archive" for n in diagram.nodes)


def test_drawio_has_a_band_cell_per_stage_behind_the_lanes(staged) -> None:
    flow, diagram = staged
    root = ET.fromstring(write_drawio(diagram, RenderOptions()))
    cells = [c for c in root.iter() if c.tag in ("mxCell", "UserObject") and c.get("id")]
    ids = [c.get("id") for c in cells]
    stages = [c for c in cells if c.get("id", "").startswith("stage-")]
    assert [c.get("id") for c in stages] == [f"stage-{n}" for n in range(1, len(flow.stages) + 1)]
    first_lane = ids.index("lane-1")
    assert all(ids.index(c.get("id")) < first_lane for c in stages)
    for cell, stage in zip(stages, flow.stages, strict=True):
        value = cell.get("value") or cell.get("label") or ""
        assert " ".join(re.sub(r"<br>", " ", value).split()).endswith(stage.name)
        inner = cell if cell.tag == "mxCell" else cell.find("mxCell")
        assert inner.get("vertex") == "1" and inner.get("parent") == "lanes"  # in the lanes' stack, moving with it
        assert "movable=0;" in inner.get("style")  # the stack layout leaves it where it is
        if stage.description:
            assert cell.tag == "UserObject" and html.unescape(cell.get("tooltip")) == stage.description
    lane_cells = {c.get("id") for c in cells if c.get("id", "").startswith("lane-")}
    steps = [c for c in root.iter("mxCell") if c.get("vertex") == "1" and (c.get("parent") or "") in lane_cells]
    assert len(steps) == len(flow.steps)  # every step stays inside its lane container


def test_dot_draws_the_bands_under_the_graph_and_pins_the_names(staged) -> None:
    flow, diagram = staged
    text = write_dot(diagram, RenderOptions())
    background = re.search(r'_background="([^"]*)"', text)
    assert background and background.group(1).count("p 4 ") == len(flow.stages)
    for number, stage in enumerate(flow.stages, 1):
        assert re.search(rf'"stage:{number}" \[label="[^"]*" .*shape=plaintext', text)
        assert f"// stage {number} · {stage.name}: " in text


@pytest.mark.integration
@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz not installed")
def test_graphviz_reads_the_dot_with_stages(staged, tmp_path) -> None:
    _, diagram = staged
    path = tmp_path / "staged.dot"
    path.write_text(write_dot(diagram, RenderOptions()), encoding="utf-8")
    for command in (["neato", "-n2", "-Tsvg", str(path)], ["dot", "-Tsvg", str(path)]):
        drawn = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        assert drawn.returncode == 0, drawn.stderr


def test_mermaid_nests_a_subgraph_per_stage_in_each_lane(staged) -> None:
    flow, diagram = staged
    text = write_mermaid(diagram, RenderOptions())
    ids = {node.key: f"n{i}" for i, node in enumerate(diagram.nodes, 1)}
    lane_at = None
    stage_at = None
    where: dict[str, tuple[str | None, str | None]] = {}
    for line in text.splitlines():
        opened = re.match(r'\s*subgraph (\w+)\["(.*)"\]', line)
        if opened and line.startswith("    subgraph lane") and "s" not in opened.group(1)[4:]:
            lane_at = opened.group(2)
        elif opened:
            stage_at = opened.group(2)
        elif line.strip() == "end":
            stage_at, lane_at = (None, lane_at) if stage_at else (None, None)
        elif node := re.match(r"\s*(n\d+)@", line):
            where[node.group(1)] = (lane_at, stage_at)
    for node in diagram.nodes:
        lane = next(lane.name for lane in flow.lanes if lane.id == node.lane)
        stage = next(s for s in flow.stages if s.id == node.stage)
        assert where[ids[node.key]] == (lane, f"{flow.stages.index(stage) + 1} · {stage.name}")


def test_a_flow_without_stages_draws_none(write_flow) -> None:
    flow = _flow(ROOT / "samples" / "compra-en-linea.flow.yaml")
    diagram = layout_flow(flow)
    assert diagram.stages == ()
    options = RenderOptions()
    assert 'class="fc-stage"' not in write_svg(diagram, options)
    assert 'id="stage-' not in write_drawio(diagram, options)
    assert "_background" not in write_dot(diagram, options) and "stage:" not in write_dot(diagram, options)
    assert "    subgraph" not in "".join(
        line for line in write_mermaid(diagram, options).splitlines() if line.startswith("        ")
    )


@pytest.mark.integration
def test_draw_io_itself_opens_the_bands_behind_editable_steps(staged, tmp_path) -> None:
    checker = ROOT / "tests" / "drawio" / "drawio_check"
    if shutil.which("node") is None:
        pytest.skip("node not installed")
    flow, diagram = staged
    path = tmp_path / "staged.drawio"
    path.write_text(write_drawio(diagram, RenderOptions()), encoding="utf-8")
    command = [str(checker), str(path), "--strict"]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if run.returncode == 3:
        pytest.skip(f"drawio_check is not installed: {run.stderr.strip()[:200]}")
    report = json.loads(run.stdout)
    assert run.returncode == 0 and report["ok"], report["errors"] + report["warnings"]
    cells = {c["id"]: c for c in report["cells"]}
    for number, stage in enumerate(flow.stages, 1):
        cell = cells[f"stage-{number}"]
        shown = html.unescape(cell["value"]).replace("<br>", " ")  # a name wider than its band wraps
        assert cell["isVertex"] and cell["parent"] == "lanes" and stage.name in shown
    ids = [c["id"] for c in report["cells"]]
    assert max(ids.index(f"stage-{n}") for n in range(1, len(flow.stages) + 1)) < ids.index("lane-1")
    assert report["containers"] == len(flow.lanes) + 1  # the lanes and their stack


@pytest.mark.integration
@pytest.mark.parametrize("syntax", ["11", "10"])
def test_mermaid_itself_draws_the_stage_subgraphs(staged, tmp_path, syntax) -> None:
    found = shutil.which("mmdc")
    cached = Path.home() / ".cache" / "mermaid-cli" / "node_modules" / ".bin" / "mmdc"
    found = found or (str(cached) if cached.exists() else None)
    if found is None or not Path("/usr/bin/chromium").exists():
        pytest.skip("mermaid-cli (mmdc) or /usr/bin/chromium not installed")
    flow, diagram = staged
    config = tmp_path / "puppeteer.json"
    config.write_text('{"executablePath": "/usr/bin/chromium", "args": ["--no-sandbox"]}')
    source, svg = tmp_path / "staged.mmd", tmp_path / "staged.svg"
    source.write_text(write_mermaid(diagram, RenderOptions(mermaid=syntax)), encoding="utf-8")
    command = [found, "-p", str(config), "-i", str(source), "-o", str(svg)]
    drawn = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert drawn.returncode == 0, drawn.stderr
    shown = " ".join(ET.parse(svg).getroot().itertext())
    assert all(f"{n} · {stage.name}" in shown for n, stage in enumerate(flow.stages, 1) if stage.id in _used(diagram))


def _used(diagram: Diagram) -> set[str]:
    return {node.stage or "" for node in diagram.nodes}


HOSTILE_STAGES = r"""
title: Hostile stages
lanes: [A]
stages:
  - id: s1
    name: "<script>alert(1)</script> & \"q\" ]]> \\ end\\"
    description: "</title><b>x</b>"
  - "עברית ימין לשמאל // */ --> end"
steps:
  - start: a
    lane: A
    stage: s1
  - end: c
    stage: "עברית ימין לשמאל // */ --> end"
"""


def test_hostile_stage_names_stay_text_in_every_format(write_flow) -> None:
    flow = _flow(write_flow(HOSTILE_STAGES))
    diagram = layout_flow(flow)
    options = RenderOptions()
    root = ET.fromstring(write_svg(diagram, options).encode("utf-8"))
    assert not any(e.tag.endswith("script") for e in root.iter())
    groups = [g for g in root.iter(f"{NS}g") if g.get("class") == "fc-stage"]
    assert ["".join(list(g.iter(f"{NS}text"))[1].itertext()) for g in groups] == [s.name for s in flow.stages]
    drawio = ET.fromstring(write_drawio(diagram, options))
    assert not any(e.tag in ("script", "b") for e in drawio.iter())
    dot = write_dot(diagram, options)
    assert all(line.startswith(("\t", "//", "digraph", "}")) for line in dot.splitlines())  # no line escaped
    assert "<script>" not in write_mermaid(diagram, options)
