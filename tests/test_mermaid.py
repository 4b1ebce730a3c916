"""The Mermaid writer: one subgraph per lane, ISO-like shapes, labelled edges, no label can break out."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from writer_diagrams import HOSTILE, HOSTILE_FLOW, QUEJAS_FLOW, every_hostile_label, grid_diagram, load

from flowchart_cli.layout.geometry import Diagram
from flowchart_cli.loader import load_flow
from flowchart_cli.symbols import symbol
from flowchart_cli.writers import RenderOptions
from flowchart_cli.writers.mermaid import mermaid_text, write_mermaid
from flowchart_cli.writers.mermaid_style import mermaid_url

NODE = re.compile(r'^(n\d+)@\{ shape: ([a-z-]+), label: "([^"]*)" \}$')
EDGE = re.compile(r'^(n\d+) -->(?:\|"([^"|]*)"\|)? (n\d+)$')
SUBGRAPH = re.compile(r'^subgraph (lane\d+)\["([^"\]]*)"\]$')
COLOURS = r"fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},color:#[0-9a-f]{6}"
CLASSDEF = re.compile(rf"^classDef fc_([a-z_]+) {COLOURS}$")
CLASS = re.compile(r"^class (n\d+(?:,n\d+)*) fc_([a-z_]+)$")
STYLE = re.compile(rf"^style (lane\d+) {COLOURS}$")
CLICK = re.compile(r'^click (n\d+) href "([^"\s;<>`\\]+)" _blank$')
ANCHOR = re.compile(r'^(lane\d+(?:first|last))\[" "\]$')
INVISIBLE = re.compile(r"^(\w+) ~~~ (\w+)$")
HIDDEN = re.compile(r"^style (lane\d+(?:first|last)) fill:none,stroke:none$")

FLOW = QUEJAS_FLOW


def decode(text: str) -> str:
    """What Mermaid shows for an encoded label."""
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), text.replace("<br>", "\n"))


def parse(text: str) -> dict:
    """The chart's header, subgraphs (with their node ids), nodes and edges; fails on any other line."""
    lines = text.splitlines()
    assert lines[0] == "---" and lines[1].startswith("title: ")
    body = lines[lines.index("---", 1) + 1 :]
    chart = {
        "header": body[0],
        "subgraphs": [],
        "nodes": {},
        "edges": [],
        "title": json.loads(lines[1][7:]),
        "classes": {},
        "styled": [],
        "links": {},
        "defined": [],
        "anchors": [],
        "invisible": [],
    }
    current = None
    for raw in body[1:]:
        line = raw.strip()
        if m := SUBGRAPH.match(line):
            current = (m.group(1), decode(m.group(2)), [])
            chart["subgraphs"].append(current)
        elif line == "end":
            current = None
        elif m := ANCHOR.match(line):
            chart["anchors"].append((current[0], m.group(1)))
        elif m := INVISIBLE.match(line):
            chart["invisible"].append((m.group(1), m.group(2)))
        elif HIDDEN.match(line):
            continue
        elif m := NODE.match(line):
            chart["nodes"][m.group(1)] = (m.group(2), decode(m.group(3)))
            if current is not None:
                current[2].append(m.group(1))
        elif m := EDGE.match(line):
            chart["edges"].append((m.group(1), m.group(3), decode(m.group(2) or "")))
        elif m := CLASSDEF.match(line):
            chart["defined"].append(m.group(1))
        elif m := CLASS.match(line):
            chart["classes"].update((node, m.group(2)) for node in m.group(1).split(","))
        elif m := STYLE.match(line):
            chart["styled"].append(m.group(1))
        elif m := CLICK.match(line):
            chart["links"][m.group(1)] = m.group(2)
        else:
            raise AssertionError(f"unexpected line {raw!r}")
    return chart


def check(diagram: Diagram, text: str) -> dict:
    chart = parse(text)
    assert chart["header"] == ("flowchart LR" if diagram.direction == "LR" else "flowchart TD")
    ids = {node.key: f"n{i}" for i, node in enumerate(diagram.nodes, 1)}
    rows = diagram.direction == "LR" and len(diagram.lanes) > 1  # declared bottom row first (see the writer)
    lanes = list(reversed(diagram.lanes)) if rows else list(diagram.lanes)
    assert [name for _, name, _ in chart["subgraphs"]] == [lane.name for lane in lanes]
    assert chart["anchors"] == (
        [(f"lane{i}", f"lane{i}{e}") for i in (la.index + 1 for la in lanes) for e in ("first", "last")] if rows else []
    )
    for (_, _, members), lane in zip(chart["subgraphs"], lanes, strict=True):
        assert members == [ids[n.key] for n in diagram.nodes if n.lane == lane.id]
    assert len(chart["nodes"]) == len(diagram.nodes)
    for node in diagram.nodes:
        assert chart["nodes"][ids[node.key]] == (symbol(node.kind).mermaid_shape, node.label)
    assert chart["edges"] == [(ids[e.source], ids[e.target], e.label) for e in diagram.edges]
    assert all("first" in a or "last" in b for a, b in chart["invisible"])
    if chart["defined"]:
        assert chart["classes"] == {ids[n.key]: n.kind for n in diagram.nodes}
        assert sorted(chart["defined"]) == sorted({n.kind for n in diagram.nodes})
        assert sorted(chart["styled"]) == sorted(f"lane{lane.index + 1}" for lane in diagram.lanes)
    assert chart["links"] == {ids[n.key]: mermaid_url(n.link) for n in diagram.nodes if n.link}
    return chart


def test_structure():
    diagram = grid_diagram(load(FLOW))
    text = write_mermaid(diagram, RenderOptions())
    chart = check(diagram, text)
    assert chart["title"] == "Quejas"
    assert '    n2 -->|"Sí"| n3\n' in text


def test_left_to_right_and_no_lanes():
    diagram = grid_diagram(load(FLOW.replace("title: Quejas", "title: Quejas\ndirection: LR")))
    check(diagram, write_mermaid(diagram, RenderOptions()))
    plain = grid_diagram(load("title: P\nsteps:\n  - start: A\n  - end: B\n"))
    assert not check(plain, write_mermaid(plain, RenderOptions()))["subgraphs"]


def test_mono_theme_is_neutral():
    text = write_mermaid(grid_diagram(load(FLOW), RenderOptions(theme="mono")), RenderOptions())
    assert "config:\n  theme: neutral\n---\n" in text
    assert "classDef" not in text and "style lane" not in text


def test_links_are_percent_encoded():
    assert mermaid_url('https://example.com/a b?q=<1>&r="2";x#top') == (
        "https://example.com/a%20b?q=%3C1%3E&r=%222%22%3Bx#top"
    )
    text = write_mermaid(grid_diagram(load(HOSTILE_FLOW)), RenderOptions())
    assert '    click n1 href "https://example.com/?a=1&b=%3C2%3E" _blank\n' in text


def test_hostile_labels_stay_labels():
    diagram = grid_diagram(load(HOSTILE_FLOW))
    text = write_mermaid(diagram, RenderOptions())
    check(diagram, text)
    assert "<script" not in text and "%%" not in text and "`" not in text


@pytest.mark.parametrize("label", [*HOSTILE, "line one\nline two", "#quot; #35; style:x#1;"])
def test_encoding_is_reversible_and_inert(label):
    encoded = mermaid_text(label)
    assert decode(encoded) == label
    assert re.fullmatch(r"(?:[^\"<>\[\]{}|`\\%:\n]|<br>)*", encoded)


def test_title_cannot_end_the_front_matter():
    diagram = grid_diagram(load('title: "a\\n---\\nflowchart LR\\n \\"x\\" & <b>"\nsteps:\n  - start: A\n  - end: B\n'))
    text = write_mermaid(diagram, RenderOptions())
    chart = check(diagram, text)
    assert chart["title"] == 'a\n---\nflowchart LR\n "x" \uff06 \u2039b\u203a'


def test_deterministic_and_every_sample(samples):
    for path in samples:
        flow, _ = load_flow(path)
        diagram = grid_diagram(flow)
        text = write_mermaid(diagram, RenderOptions())
        check(diagram, text)
        assert text == write_mermaid(grid_diagram(load_flow(path)[0]), RenderOptions())


def test_every_hostile_label_as_node_and_edge():
    diagram = grid_diagram(load(every_hostile_label()))
    check(diagram, write_mermaid(diagram, RenderOptions()))


def mmdc() -> list[str]:
    found = os.environ.get("MMDC") or shutil.which("mmdc")
    cached = Path.home() / ".cache" / "mermaid-cli" / "node_modules" / ".bin" / "mmdc"
    found = found or (str(cached) if cached.exists() else None)
    if found is None or not Path("/usr/bin/chromium").exists():
        pytest.skip("mermaid-cli (mmdc) or /usr/bin/chromium not installed")
    return [found]


@pytest.mark.slow
def test_mermaid_renders_hostile_and_sample_charts(tmp_path, samples):
    command = mmdc()
    config = tmp_path / "puppeteer.json"
    config.write_text('{"executablePath": "/usr/bin/chromium", "args": ["--no-sandbox"]}')
    flows = [load(HOSTILE_FLOW.replace("x" * 2000, "x" * 60)), load_flow(samples[0])[0], load(every_hostile_label())]
    for i, flow in enumerate(flows):
        diagram = grid_diagram(flow)
        source, svg = tmp_path / f"c{i}.mmd", tmp_path / f"c{i}.svg"
        source.write_text(write_mermaid(diagram, RenderOptions()), encoding="utf-8")
        result = subprocess.run(
            [*command, "-p", str(config), "-i", str(source), "-o", str(svg)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        tree = ET.parse(svg)
        groups = [g for g in tree.iter("{http://www.w3.org/2000/svg}g") if "node" in g.get("class", "").split()]
        assert len(groups) == len(diagram.nodes)
        shown = "".join(tree.getroot().itertext())
        assert all(node.label in shown for node in diagram.nodes if "\n" not in node.label)
        assert all(edge.label in shown for edge in diagram.edges)
        assert not any(el.tag.endswith("script") for el in tree.iter())


@pytest.mark.slow
def test_an_lr_flow_renders_its_lanes_as_full_width_rows_in_order(tmp_path, samples):
    """In Mermaid's own drawing of an LR flow, each lane spans the width and the rows read in lane order."""
    command = mmdc()
    config = tmp_path / "puppeteer.json"
    config.write_text('{"executablePath": "/usr/bin/chromium", "args": ["--no-sandbox"]}')
    (sample,) = [p for p in samples if p.name == "refund-request.flow.yaml"]
    diagram = grid_diagram(load_flow(sample)[0])
    assert diagram.direction == "LR" and len(diagram.lanes) == 3
    source, svg = tmp_path / "lr.mmd", tmp_path / "lr.svg"
    source.write_text(write_mermaid(diagram, RenderOptions()), encoding="utf-8")
    result = subprocess.run(
        [*command, "-p", str(config), "-i", str(source), "-o", str(svg)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    tree = ET.parse(svg)
    boxes = {}
    for group in tree.iter("{http://www.w3.org/2000/svg}g"):
        if "cluster" in group.get("class", "").split():
            rect = group.find("{http://www.w3.org/2000/svg}rect")
            lane = group.get("id").rsplit("-", 1)[-1]
            boxes[lane] = tuple(float(rect.get(k)) for k in ("x", "y", "width", "height"))
    order = sorted(boxes, key=lambda lane: boxes[lane][1])
    assert order == [f"lane{lane.index + 1}" for lane in diagram.lanes]
    widest = max(w for _, _, w, _ in boxes.values())
    assert all(w >= 0.95 * widest for _, _, w, _ in boxes.values())
    for upper, lower in itertools.pairwise(order):
        assert boxes[upper][1] + boxes[upper][3] <= boxes[lower][1]  # stacked, not side by side
