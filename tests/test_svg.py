"""The SVG output: spec §4 structure, text exactly as written, safe escaping, determinism."""

from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from flowchart_cli.layout import layout_flow
from flowchart_cli.loader import load_flow
from flowchart_cli.model import flow_edges
from flowchart_cli.symbols import SYMBOLS
from flowchart_cli.writers import RenderOptions
from flowchart_cli.writers.svg import symbol_icon, write_svg

pytestmark = pytest.mark.slow

NS = "{http://www.w3.org/2000/svg}"
CASES = Path(__file__).resolve().parent / "cases"
ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
LONG_WORD = "Ω" * 2000

HOSTILE = f"""
title: "Hostile <script>alert(1)</script> & \\"quotes\\" ]]>"
description: "</desc><script>x</script>"
lanes:
  - id: l1
    name: "<b>Lane</b> & co's"
  - "עברית ימין לשמאל"
steps:
  - id: s
    start: "<script>alert('x')</script>"
    lane: l1
  - id: d
    decision: "\\"]; node [shape=box ]]> {{}} \\\\ ?"
    branches:
      "</text><script>": x
      "Sí & no": y
  - id: x
    process: "😀 emoji \\u202e override \\u200b zero width"
    notes: "</title><script>bad</script>"
    link: "https://example.com/?a=<b>&c=\\"d\\""
  - id: y
    process: "{LONG_WORD}"
    lane: "עברית ימין לשמאל"
  - end: "fin onload=alert(1)"
"""

FEATURES = """
title: Features
lanes: [Team]
steps:
  - start: Begin
    notes: Read the guide first.
  - id: sub
    subprocess: Billing
    ref: sub dir/billing.flow.yaml
  - process: Open the manual
    link: https://intranet.example/kb?a=1&b=2
  - end: Done
"""


def _svg(path: Path, **options) -> str:
    flow, diagnostics = load_flow(path)
    assert flow is not None, diagnostics
    return write_svg(layout_flow(flow, RenderOptions(**options)), RenderOptions())


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _all_flows(tmp_path: Path) -> list[Path]:
    (tmp_path / "sub dir").mkdir()
    (tmp_path / "sub dir" / "billing.flow.yaml").write_text("title: B\nsteps:\n  - start: a\n  - end: b\n")
    own = [_write(tmp_path, "hostile.flow.yaml", HOSTILE), _write(tmp_path, "features.flow.yaml", FEATURES)]
    cases = sorted(CASES.glob("ok_*.flow.yaml")) + sorted(CASES.glob("text_*.flow.yaml"))
    return own + cases + sorted((ROOT / "samples").glob("*.flow.yaml"))


def _check_structure(svg: str, path: Path) -> ET.Element:
    root = ET.fromstring(svg.encode("utf-8"))
    flow, _ = load_flow(path)
    assert root.tag == f"{NS}svg"
    assert root.find(f"{NS}title").text == flow.title
    assert (root.find(f"{NS}desc").text or "").strip()
    steps = [g for g in root.iter(f"{NS}g") if "fc-step" in g.get("class", "").split()]
    assert [g.get("data-step") for g in steps] == [s.key for s in flow.steps]
    for g, step in zip(steps, flow.steps, strict=False):
        assert g.get("class") == f"fc-step fc-{step.kind}"
        shown = "".join(t for text in g.iter(f"{NS}text") for t in text.itertext())
        assert shown == " ".join(step.label.split())  # wrapped lines read back as the label
    lanes = [g for g in root.iter(f"{NS}g") if g.get("class") == "fc-lane"]
    assert [g.get("data-lane") for g in lanes] == [lane.id for lane in flow.lanes]
    for g in lanes:
        assert g[0].tag == f"{NS}rect"
    edges = [g for g in root.iter(f"{NS}g") if g.get("class") == "fc-edge"]
    joined: dict[tuple[str, str], list[str]] = {}
    for e in flow_edges(flow):  # outcomes leading to the same step are one line naming them all
        joined.setdefault((e.source, e.target), []).append(e.label)
    assert [(g.get("data-from"), g.get("data-to")) for g in edges] == list(joined)
    for g, labels in zip(edges, joined.values(), strict=False):
        texts = ["".join(t.itertext()) for t in g.iter(f"{NS}text")]
        label = " / ".join(label for label in labels if label)
        assert texts == ([label] if label else [])
    return root


def _check_safe(root: ET.Element) -> None:
    for element in root.iter():
        tag = element.tag.split("}")[-1]
        assert tag not in ("script", "foreignObject", "image", "use", "iframe", "style")
        for name, value in element.attrib.items():
            assert not name.split("}")[-1].lower().startswith("on")
            if name.split("}")[-1] == "href":
                assert tag == "a"
                assert not value.lower().startswith(("javascript:", "data:"))


def test_every_flow_has_the_spec_structure(tmp_path):
    for path in _all_flows(tmp_path):
        for edges in ("ortho", "spline"):
            for theme in ("default", "mono"):
                root = _check_structure(_svg(path, edges=edges, theme=theme), path)
                _check_safe(root)


def test_labels_stay_as_written(tmp_path):
    svg = _svg(CASES / "text_labels.flow.yaml")
    root = ET.fromstring(svg)
    texts = {"".join(t.itertext()) for t in root.iter(f"{NS}text")}
    assert {"Yes", "No / Off", "2026-01-01", "3.10", "Approved?"} <= texts
    accents = _svg(CASES / "ok_atencion.flow.yaml")
    assert "Sí" in accents and "¿Puede" in accents and "Atención al cliente en cinco etapas" in accents


def test_hostile_text_is_escaped_and_injects_nothing(tmp_path):
    path = _write(tmp_path, "hostile.flow.yaml", HOSTILE)
    svg = _svg(path)
    root = ET.fromstring(svg.encode("utf-8"))
    _check_safe(root)
    assert "<script" not in svg and "<b>" not in svg
    text = "".join(root.itertext())
    assert "<script>alert('x')</script>" in text
    assert "</text><script>" in text and "Sí & no" in text and "😀" in text
    assert "עברית ימין לשמאל" in text
    assert LONG_WORD in text.replace("\n", "")
    notes = [t.text for g in root.iter(f"{NS}g") if g.get("data-step") == "x" for t in g.findall(f"{NS}title")]
    assert notes == ["</title><script>bad</script>"]
    link = next(a for a in root.iter(f"{NS}a"))
    assert link.get("href") == 'https://example.com/?a=<b>&c="d"'


def test_long_word_stays_inside_its_shape(tmp_path):
    flow, _ = load_flow(_write(tmp_path, "hostile.flow.yaml", HOSTILE))
    diagram = layout_flow(flow)
    node = diagram.node("y")
    from flowchart_cli.layout.text import text_width

    assert max(text_width(line, diagram.font_size) for line in node.lines) < node.box.width
    assert len(node.lines) * 16 < node.box.height


def test_notes_links_and_refs(tmp_path):
    _all_flows(tmp_path)
    root = ET.fromstring(_svg(tmp_path / "features.flow.yaml"))
    first = next(g for g in root.iter(f"{NS}g") if g.get("data-step") == "step-1")
    assert first.find(f"{NS}title").text == "Read the guide first."
    links = {a.get("href"): [g.get("data-step") for g in a.iter(f"{NS}g")] for a in root.iter(f"{NS}a")}
    assert links == {"sub%20dir/billing.svg": ["sub"], "https://intranet.example/kb?a=1&b=2": ["step-3"]}


def test_output_is_byte_identical_across_runs(tmp_path):
    for path in _all_flows(tmp_path)[:4]:
        assert _svg(path) == _svg(path)


def test_mono_theme_is_black_and_white(tmp_path):
    svg = _svg(CASES / "ok_atencion.flow.yaml", theme="mono")
    colours = set(re.findall(r'(?:fill|stroke)="(#[0-9a-f]{6})"', svg))
    assert colours <= {"#000000", "#ffffff"}


@pytest.mark.parametrize("kind", sorted(SYMBOLS))
def test_symbol_icon_is_a_small_standalone_svg(kind):
    icon = symbol_icon(kind, 48, 28)
    root = ET.fromstring(icon)
    assert root.tag == f"{NS}svg" and root.get("width") == "48" and root.get("height") == "28"
    assert root.findall(f"{NS}path") and not list(root.iter(f"{NS}text"))
    assert symbol_icon(kind, 48, 28, "mono") != icon or kind in ("connector", "offpage")


def test_output_is_byte_identical_across_processes(tmp_path):
    import os
    import subprocess
    import sys

    path = _write(tmp_path, "hostile.flow.yaml", HOSTILE)
    script = (
        "import sys; from pathlib import Path; from flowchart_cli.loader import load_flow; "
        "from flowchart_cli.layout import layout_flow; from flowchart_cli.writers import RenderOptions; "
        "from flowchart_cli.writers.svg import write_svg; flow, _ = load_flow(Path(sys.argv[1])); "
        "sys.stdout.buffer.write(write_svg(layout_flow(flow), RenderOptions()).encode())"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, str(path)],
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_each_outcome_label_is_backed_by_the_box_the_layout_kept_clear() -> None:
    """The SVG paints the label's backing where the geometry says it is (the box the label placer kept
    clear of shapes and lines), and the bold text it backs fits inside it."""
    from flowchart_cli.layout.shapes import fmt
    from flowchart_cli.layout.text import text_width

    flow, _ = load_flow(ROOT / "samples" / "gestion-quejas.flow.yaml")
    diagram = layout_flow(flow)
    root = ET.fromstring(write_svg(diagram, RenderOptions()).encode("utf-8"))
    labelled = [e for e in diagram.edges if e.label]
    assert len(labelled) >= 4
    groups = {(g.get("data-from"), g.get("data-to")): g for g in root.iter(f"{NS}g") if g.get("class") == "fc-edge"}
    for edge in labelled:
        box = edge.label_box
        assert box is not None and edge.label_centre is not None
        backing = groups[(edge.source, edge.target)].find(f"{NS}rect")
        assert backing is not None
        drawn = tuple(backing.get(k) for k in ("x", "y", "width", "height"))
        assert drawn == (fmt(box.x), fmt(box.y), fmt(box.width), fmt(box.height)), edge.label
        assert box.width > text_width(edge.label, edge.label_size, bold=True)
        assert box.x < edge.label_centre.x < box.right and box.y < edge.label_centre.y < box.bottom


def test_a_lane_outside_the_team_says_so_under_its_name_in_the_flows_language():
    """The spec: an external lane "may be marked as external". A reviewer found the drawing did not tell
    the customer's and the insurer's lanes from the team's; the handout did."""
    flow = ROOT / "tests" / "layout_cases" / "triagem-hospital.flow.yaml"  # pt, two external lanes
    root = ET.fromstring(_svg(flow))
    headers = {
        g.get("data-lane"): [t.text for t in g.iter(f"{SVG}tspan")]
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "fc-lane"
    }
    marked = {lane for lane, texts in headers.items() if "(parte externa)" in texts}
    assert marked == {"paciente", "convenio"}, headers
    # the header has room for the extra line: it sits inside the header's band
    d = layout_flow(load_flow(flow)[0])
    header = next(lane.header for lane in d.lanes if lane.id == "paciente")
    tspans = next(g for g in root.iter(f"{SVG}g") if g.get("data-lane") == "paciente").iter(f"{SVG}tspan")
    assert all(header.y < float(t.get("y")) < header.bottom for t in tspans)
