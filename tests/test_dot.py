"""The DOT writer: the layout pinned in place, lanes as clusters, text that cannot change the graph."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from writer_diagrams import HOSTILE, HOSTILE_FLOW, QUEJAS_FLOW, every_hostile_label, grid_diagram, load

from flowchart_cli.layout.geometry import Diagram
from flowchart_cli.loader import load_flow
from flowchart_cli.writers import RenderOptions
from flowchart_cli.writers.dot import shown_text, write_dot
from flowchart_cli.writers.dot_route import spline_pos

FLOW = QUEJAS_FLOW
SVG = "{http://www.w3.org/2000/svg}"
STRING = r'"(?:[^"\\]|\\.)*"'
TOKEN = rf"{STRING}|[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*|-?(?:\.\d+|\d+(?:\.\d*)?)"
"""A DOT name: quoted, or bare when the graphviz package found quotes needless."""


def unquote(token: str) -> str:
    """What Graphviz reads from a DOT name or quoted string used as a label (lexer, then escString)."""
    if not token.startswith('"'):
        return token
    assert token[0] == token[-1] == '"'
    body, out, i = token[1:-1], [], 0
    while i < len(body):
        if body[i] == "\\":
            nxt = body[i + 1]
            assert nxt in '"\\n', f"unexpected escape \\{nxt}"
            out.append({"n": "\n"}.get(nxt, nxt))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def shown(token: str) -> str:
    """The text Graphviz shows for a label, tooltip or title (entity references decoded)."""
    return unquote(token).replace("&amp;", "&")


def statements(text: str) -> dict[str, list[str]]:
    """Node and edge statements by the names they start with (graph-level statements, one tab in)."""
    found: dict[str, list[str]] = {"nodes": [], "edges": [], "clusters": []}
    for line in text.splitlines():
        if m := re.match(rf"^\t({TOKEN}) -> ({TOKEN})(?: \[.*\])?$", line):
            found["edges"].append((unquote(m.group(1)), unquote(m.group(2))))
        elif m := re.match(rf"^\t({TOKEN}) \[label=({TOKEN})(?: .*)?\]$", line):
            if not m.group(1).startswith('"stage:'):
                found["nodes"].append((unquote(m.group(1)), shown(m.group(2))))
        elif m := re.match(rf"^\tsubgraph ({TOKEN}) \{{$", line):
            found["clusters"].append(unquote(m.group(1)))
    return found


def check(diagram: Diagram, text: str) -> None:
    found = statements(text)
    assert found["nodes"] == [(n.key, "\n".join(n.lines)) for n in diagram.nodes]
    assert found["edges"] == [(e.source, e.target) for e in diagram.edges]
    assert found["clusters"] == [f"cluster_lane{lane.index + 1}" for lane in diagram.lanes]


def test_structure_and_positions():
    diagram = grid_diagram(load(FLOW))
    text = write_dot(diagram, RenderOptions())
    check(diagram, text)
    assert text.splitlines()[1] == "digraph <Quejas> {"
    node = diagram.node("recepcion")
    centre_y = diagram.height - node.box.center.y
    [line] = [line for line in text.splitlines() if line.startswith("\trecepcion [")]
    assert f'pos="{node.box.center.x:g},{centre_y:g}!"' in line and " width=2.2222" in line
    assert " height=0.8333" in line
    assert "shape=diamond" in text and "peripheries=2" in text
    assert re.search(r'\tgrave -> escalar \[label="Sí" lp="[\d.]+,[\d.]+" pos="e,[\d., ]+"\]', text)


@pytest.mark.parametrize("text", [*HOSTILE, "a\nb", 'x\\" y', "\\N \\G \\E \\T \\H \\L \\l \\r"])
def test_quote_round_trips(text):
    from graphviz.quoting import quote

    quoted = quote(shown_text(text))  # what the graphviz package writes for a label (bare when a plain name)
    assert re.fullmatch(TOKEN, quoted)
    assert shown(quoted) == text.replace("\r", "")


@pytest.mark.parametrize("words", ["a & b", "&amp; &lt; &#35; &", "x&y;"])
def test_text_keeps_entity_references_literal(words):
    from graphviz.quoting import quote

    written = quote(shown_text(words))
    assert "&" not in unquote(written).replace("&amp;", "")
    assert shown(written) == words


def test_spline_pos_is_a_cubic_b_spline_with_an_arrow_tip():
    from flowchart_cli.layout.geometry import Point

    pos = spline_pos([Point(0, 100), Point(0, 50), Point(40, 50)], curved=False)
    end, *points = pos.split(" ")
    assert end == "e,40,50"
    assert (len(points) - 1) % 3 == 0 and points[0] == "0,100" and points[-1] == "32,50"
    curved = spline_pos([Point(0, 100), Point(0, 50), Point(40, 50)], curved=True).split(" ")[1:]
    assert (len(curved) - 1) % 3 == 0 and curved[-1] == "32,50"


def test_hostile_labels_and_title_stay_strings():
    diagram = grid_diagram(load(HOSTILE_FLOW))
    text = write_dot(diagram, RenderOptions())
    check(diagram, text)
    title = re.match(r"digraph <([^<>]*)> \{", text.splitlines()[1])  # an HTML-like name: no escapes
    assert title and html.unescape(title.group(1)) == diagram.title


def test_deterministic_and_every_sample(samples):
    for path in samples:
        diagram = grid_diagram(load_flow(path)[0])
        text = write_dot(diagram, RenderOptions())
        check(diagram, text)
        assert text == write_dot(grid_diagram(load_flow(path)[0]), RenderOptions())


def graphviz(*args: str, source: str) -> str:
    if shutil.which(args[0]) is None:
        pytest.skip(f"Graphviz {args[0]} not installed")
    result = subprocess.run(list(args), input=source, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("which", ["hostile", "every", "sample"])
def test_graphviz_redraws_the_layout(which, samples):
    from flowchart_cli.layout import layout_flow

    flows = {"hostile": lambda: load(HOSTILE_FLOW), "every": lambda: load(every_hostile_label())}
    flow = flows.get(which, lambda: load_flow(samples[0])[0])()
    diagram = layout_flow(flow)
    text = write_dot(diagram, RenderOptions())
    laid = json.loads(graphviz("neato", "-n2", "-Tjson", source=text))
    nodes = [o for o in laid["objects"] if "nodes" not in o]
    assert [o["name"] for o in nodes] == [n.key for n in diagram.nodes]
    for o, node in zip(nodes, diagram.nodes, strict=True):
        x, y = (float(v) for v in o["pos"].split(","))
        # Graphviz prints positions to one decimal: a centre at .x5 comes back 0.05 off, plus float noise
        assert (x, diagram.height - y) == pytest.approx((node.box.center.x, node.box.center.y), abs=0.0501)
    assert len(laid.get("edges", [])) == len(diagram.edges)
    svg = ET.fromstring(graphviz("neato", "-n2", "-Tsvg", source=text))
    for group in svg.iter(f"{SVG}g"):
        if group.get("class") == "node":
            key = group.find(f"{SVG}title").text
            shown = [t.text or "" for t in group.iter(f"{SVG}text")]
            assert shown == list(diagram.node(key).lines)
    assert not any(el.tag.endswith("script") for el in svg.iter())
    fresh = ET.fromstring(graphviz("dot", "-Tsvg", source=text))  # a fresh layout of the same file works too
    assert fresh.find(f"{SVG}g/{SVG}title").text == diagram.title  # a backslash stays one backslash


def test_links_are_made_safe_for_graphviz_svg():
    from flowchart_cli.writers.dot import url_for_svg

    assert url_for_svg('https://x.example/a b?q=<1>&r="2"#top') == (
        "https://x.example/a%20b?q=%3C1%3E&amp;r=%222%22#top"
    )
    assert url_for_svg("mailto:ana@example.com?subject=Queja%20grave") == (
        "mailto:ana@example.com?subject=Queja%20grave"
    )
