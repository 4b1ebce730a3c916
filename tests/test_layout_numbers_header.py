"""`render --numbers` and `render --header` on every format: read back from the SVG, draw.io XML and PDF."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from flowchart_cli.cli import app
from flowchart_cli.layout import layout_flow
from flowchart_cli.loader import load_text
from flowchart_cli.options import RenderOptions
from flowchart_cli.writers.drawio import write_drawio
from flowchart_cli.writers.pdf import write_pdf
from flowchart_cli.writers.svg import write_svg

pytestmark = pytest.mark.slow

NS = "{http://www.w3.org/2000/svg}"
FLOW = textwrap.dedent("""
    title: Atención de reclamos
    lang: es
    version: "2.1"
    owner: Servicio al cliente
    updated: "2026-11-20"
    lanes: [Cliente, Agente]
    steps:
      - start: Llega el reclamo
        lane: Cliente
      - id: revisar
        process: Revisar el reclamo
        lane: Agente
      - id: ok
        decision: ¿Procede?
        branches:
          Sí: fin
          No: revisar
      - id: fin
        end: Reclamo cerrado
""")


def _diagram(**options):
    flow, diagnostics = load_text(FLOW)
    assert flow is not None, diagnostics
    chosen = RenderOptions(**options)
    return layout_flow(flow, chosen), chosen


def test_svg_numbers_sit_inside_each_step_group():
    diagram, options = _diagram(numbers=True)
    root = ET.fromstring(write_svg(diagram, options))
    steps = [g for g in root.iter(f"{NS}g") if "fc-step" in (g.get("class") or "")]
    numbers = [[t.text for t in g.iter(f"{NS}text") if t.get("class") == "fc-number"] for g in steps]
    assert numbers == [["1"], ["2"], ["3"], ["4"]]


def test_a_decisions_number_sits_on_its_upper_left_edge_outside_the_diamond():
    """A diamond's bounding-box corner is empty paper: a pill there floats away from a wide diamond."""
    diagram, options = _diagram(numbers=True)
    root = ET.fromstring(write_svg(diagram, options))
    decision = next(n for n in diagram.nodes if n.kind == "decision")
    group = next(g for g in root.iter(f"{NS}g") if g.get("data-step") == decision.key)
    pill = next(r for r in group.iter(f"{NS}rect") if r.get("rx"))
    x, y, w, h = (float(pill.get(k)) for k in ("x", "y", "width", "height"))
    box = decision.box

    def side(px: float, py: float) -> float:  # < 1 up and left of the upper-left edge, 1 on it
        return (px - box.x) / (box.width / 2) + (py - box.y) / (box.height / 2)

    corners = [(x, y), (x + w, y), (x, y + h), (x + w, y + h)]
    assert all(side(*c) < 1 for c in corners)  # never over the diamond or its text
    half_w, half_h = box.width / 2, box.height / 2
    gap = (1 - side(x + w, y + h)) * half_w * half_h / (half_w**2 + half_h**2) ** 0.5  # from the edge, px
    assert gap < 4  # touching the edge, not floating at the bounding box's corner
    assert abs(x + w - (box.x + box.width / 4)) < 3  # its lower right corner at the middle of the edge


def test_a_slanted_shapes_number_sits_where_its_top_edge_starts():
    """A parallelogram's or hexagon's bounding-box corner is empty: the pill rides the top edge's first corner."""
    flow, diagnostics = load_text(
        "title: Datos\nsteps:\n  - start: Inicio\n  - io: Recibir el formulario del cliente\n"
        "  - preparation: Preparar la visita técnica\n  - end: Fin\n"
    )
    assert flow is not None, diagnostics
    options = RenderOptions(numbers=True)
    diagram = layout_flow(flow, options)
    root = ET.fromstring(write_svg(diagram, options))
    for node in (n for n in diagram.nodes if n.kind in ("io", "preparation")):
        group = next(g for g in root.iter(f"{NS}g") if g.get("data-step") == node.key)
        outline = next(el for el in group if el.tag in (f"{NS}polygon", f"{NS}path"))
        first = outline.get("points") or outline.get("d")
        xs = [float(v.split(",")[0].lstrip("M")) for v in first.replace(" L", " ").split()[:2] if "," in v]
        top_left = min(xs)  # the outline's top edge starts here, right of its box's corner
        pill = next(r for r in group.iter(f"{NS}rect") if r.get("rx"))
        centre = float(pill.get("x")) + float(pill.get("width")) / 2
        assert top_left > node.box.x + 5, node.kind
        assert abs(centre - top_left) < 1, node.kind


def test_svg_without_numbers_has_none():
    diagram, options = _diagram()
    root = ET.fromstring(write_svg(diagram, options))
    assert not [t for t in root.iter(f"{NS}text") if t.get("class") == "fc-number"]


def test_svg_header_sits_above_every_lane_and_names_the_facts():
    plain, _ = _diagram()
    diagram, options = _diagram(header=True)
    root = ET.fromstring(write_svg(diagram, options))
    (block,) = [g for g in root.iter(f"{NS}g") if g.get("class") == "fc-header"]
    texts = [t.text for t in block.iter(f"{NS}text")]
    assert texts[0] == "Atención de reclamos"
    assert texts[1] == "Versión 2.1 · Responsable del proceso: Servicio al cliente · Actualizado: 2026-11-20"
    bottom = max(float(t.get("y")) for t in block.iter(f"{NS}text"))
    assert all(lane.band.y > bottom for lane in diagram.lanes)
    # the same drawing, moved down by the block: nothing else changes
    moved = diagram.height - plain.height
    assert moved > 0
    assert [n.box.y - moved for n in diagram.nodes] == pytest.approx([n.box.y for n in plain.nodes])
    assert float(root.get("height")) == pytest.approx(diagram.height)


def test_header_keeps_only_the_facts_the_flow_has():
    flow, _ = load_text("title: Solo título\nsteps:\n  - start: A\n  - end: B\n")
    diagram = layout_flow(flow, RenderOptions(header=True))
    assert diagram.header == ("Solo título",)


def test_drawio_numbers_ride_on_their_steps_and_header_is_text():
    diagram, options = _diagram(numbers=True, header=True)
    root = ET.fromstring(write_drawio(diagram, options))
    cells = {c.get("id"): c for c in root.iter("mxCell") if c.get("id")}
    wrapped = {o.get("id"): o for o in root.iter("UserObject")}
    badges = {key: c for key, c in cells.items() if key.endswith("-number")}
    assert sorted(c.get("value") for c in badges.values()) == ["1", "2", "3", "4"]
    for key, cell in badges.items():
        assert cell.get("parent") == key.removesuffix("-number")
        assert cell.get("parent") in cells or cell.get("parent") in wrapped
        assert "connectable=0" in cell.get("style")
    header = [cells[key].get("value") for key in sorted(cells) if key.startswith("header-")]
    assert header[0] == "Atención de reclamos" and "Versión 2.1" in header[1]


def test_pdf_shows_the_title_block():
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    diagram, options = _diagram(header=True, numbers=True)
    text = subprocess.run(["pdftotext", "-", "-"], input=write_pdf(diagram, options), capture_output=True, check=True)
    shown = text.stdout.decode()
    assert "Atención de reclamos" in shown and "Servicio al cliente" in shown


def test_render_command_takes_both_options(tmp_path):
    source = tmp_path / "reclamos.flow.yaml"
    source.write_text(FLOW, encoding="utf-8")
    result = CliRunner().invoke(app, ["render", str(source), "--numbers", "--header", "-f", "svg,drawio"])
    assert result.exit_code == 0, result.output
    svg = ET.fromstring((tmp_path / "reclamos.svg").read_text(encoding="utf-8"))
    assert [t for t in svg.iter(f"{NS}text") if t.get("class") == "fc-number"]
    assert [g for g in svg.iter(f"{NS}g") if g.get("class") == "fc-header"]
    assert "header-1" in (tmp_path / "reclamos.drawio").read_text(encoding="utf-8")


def test_mermaid_and_dot_carry_numbers_and_header():
    from flowchart_cli.writers.dot import write_dot
    from flowchart_cli.writers.mermaid import write_mermaid

    diagram, options = _diagram(numbers=True, header=True)
    mermaid = write_mermaid(diagram, options)
    assert mermaid.splitlines()[1].startswith('title: "Atención de reclamos — Versión 2.1')
    assert 'label: "2 · Revisar el reclamo"' in mermaid
    dot = write_dot(diagram, options)
    assert "xlabel=2" in dot and "labelloc=t" in dot and "Servicio al cliente" in dot
    plain, plain_options = _diagram()
    assert "xlabel" not in write_dot(plain, plain_options)
    assert "· Revisar" not in write_mermaid(plain, plain_options)
