"""`render --shares`: each outcome's share beside its label, in every format; label boxes grown to hold it."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flowchart_cli.check import check_file
from flowchart_cli.cli import app
from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.geometry import Rect, label_box
from flowchart_cli.options import RenderOptions

pytestmark = pytest.mark.slow  # Graphviz lays the flows out

NS = "{http://www.w3.org/2000/svg}"
FLOWS = Path(__file__).resolve().parent / "simulate"


def render(tmp_path: Path, name: str, *args: str) -> Path:
    result = CliRunner().invoke(app, ["render", str(FLOWS / name), "-o", str(tmp_path), "-q", *args])
    assert result.exit_code == 0, result.output
    return tmp_path


def edge_texts(svg: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(from, to) → (the label's whole text, the share's text) of every labelled flow line."""
    found = {}
    for group in ET.parse(svg).getroot().iter(f"{NS}g"):
        if group.get("class") == "fc-edge":
            text = group.find(f"{NS}text")
            if text is not None:
                share = text.find(f"{NS}tspan[@class='fc-share']")
                if share is not None:  # set one space after the label by dx (a leading space would collapse)
                    assert float(share.get("dx")) > 2 and not share.text.startswith(" ")
                whole = " ".join(part.strip() for part in text.itertext())
                found[group.get("data-from"), group.get("data-to")] = (whole, "" if share is None else share.text)
    return found


def test_svg_writes_each_share_after_its_label(tmp_path: Path) -> None:
    texts = edge_texts(render(tmp_path, "soporte-tecnico.flow.yaml", "--shares") / "soporte-tecnico.svg")
    assert texts["tipo", "diagnostico"] == ("Conexión 50\u00a0%", "50\u00a0%")
    assert texts["tipo", "factura"] == ("Facturación 30\u00a0%", "30\u00a0%")
    assert texts["tipo", "visita"] == ("Equipo 20\u00a0%", "20\u00a0%")  # left out: what remains
    assert texts["ajuste", "nota"] == ("Sí 50\u00a0%", "50\u00a0%")  # no `shares`: equal
    english = edge_texts(render(tmp_path, "insurance-claim.flow.yaml", "--shares") / "insurance-claim.svg")
    assert english["verdict", "reject_letter"] == ("Reject 15%", "15%")


def test_without_the_option_no_share_is_drawn(tmp_path: Path) -> None:
    texts = edge_texts(render(tmp_path, "soporte-tecnico.flow.yaml") / "soporte-tecnico.svg")
    assert texts["tipo", "diagnostico"] == ("Conexión", "")


def test_label_boxes_hold_the_share_and_overlap_nothing() -> None:
    flow = check_file(FLOWS / "insurance-claim.flow.yaml").flow
    plain = layout_flow(flow, RenderOptions())
    diagram = layout_flow(flow, RenderOptions(shares=True))
    size = diagram.font_size - 1
    boxes = {}
    for edge in diagram.edges:
        if edge.label:
            assert edge.share
            boxes[edge.source, edge.target] = label_box(edge.label, edge.label_at, edge.label_anchor, size, edge.share)
            without = label_box(edge.label, edge.label_at, edge.label_anchor, size)
            assert boxes[edge.source, edge.target].width > without.width + 15  # room for " 60%" at 85 % size

    def overlap(a: Rect, b: Rect) -> bool:
        return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom

    for (one, a), (other, b) in itertools.combinations(boxes.items(), 2):
        assert not overlap(a, b), (one, other)
    for edge, box in boxes.items():
        for node in diagram.nodes:
            assert not overlap(box, node.box), (edge, node.key)
    assert [e.label for e in plain.edges] == [e.label for e in diagram.edges]


def test_svg_backing_box_is_the_grown_box(tmp_path: Path) -> None:
    svg = render(tmp_path, "reembolso.flow.yaml", "--shares") / "reembolso.svg"
    flow = check_file(FLOWS / "reembolso.flow.yaml").flow
    diagram = layout_flow(flow, RenderOptions(shares=True))
    edge = next(e for e in diagram.edges if e.label == "Sim")
    expected = label_box(edge.label, edge.label_at, edge.label_anchor, diagram.font_size - 1, edge.share)
    group = next(
        g for g in ET.parse(svg).getroot().iter(f"{NS}g") if g.get("class") == "fc-edge" and g.get("data-to") == "aviso"
    )
    rect = group.find(f"{NS}rect")
    assert float(rect.get("width")) == pytest.approx(expected.width, abs=0.01)


def test_other_formats_write_the_share_beside_the_label(tmp_path: Path) -> None:
    out = render(tmp_path, "reembolso.flow.yaml", "--shares", "-f", "drawio,mermaid,dot")
    assert 'value="Sim 80%"' in (out / "reembolso.drawio").read_text(encoding="utf-8")
    assert '|"Não 20#37;"|' in (out / "reembolso.mmd").read_text(encoding="utf-8")
    assert "Sim 80%" in (out / "reembolso.dot").read_text(encoding="utf-8")


def test_outcomes_joined_on_one_line_add_their_shares(tmp_path: Path) -> None:
    flow_file = tmp_path / "cobro.flow.yaml"
    flow_file.write_text(
        "title: Cobro\nlang: es\nsteps:\n  - start: Llega la factura\n  - id: medio\n"
        "    decision: ¿Cómo paga?\n    shares: {Tarjeta: 50%, Efectivo: 30%}\n"
        "    branches: {Tarjeta: cobrar, Efectivo: caja, Transferencia: caja}\n"
        "  - id: cobrar\n    process: Cobrar con tarjeta\n    next: fin\n  - id: caja\n    process: Cobrar en caja\n"
        "  - id: fin\n    end: Cobrado\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["render", str(flow_file), "--shares", "-q"])
    assert result.exit_code == 0, result.output
    texts = edge_texts(tmp_path / "cobro.svg")
    assert texts["medio", "caja"] == ("Efectivo / Transferencia 50\u00a0%", "50\u00a0%")


def test_flowchart_toml_turns_shares_on_and_the_command_line_off(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "flowchart.toml").write_text("shares = true\n", encoding="utf-8")
    (tmp_path / "reembolso.flow.yaml").write_text((FLOWS / "reembolso.flow.yaml").read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["render", "reembolso.flow.yaml", "-q"]).exit_code == 0
    assert edge_texts(tmp_path / "reembolso.svg")["confirmado", "aviso"] == ("Sim 80%", "80%")
    assert runner.invoke(app, ["render", "reembolso.flow.yaml", "-q", "--no-shares"]).exit_code == 0
    assert edge_texts(tmp_path / "reembolso.svg")["confirmado", "aviso"] == ("Sim", "")


def test_png_and_pdf_set_the_share_in_the_same_run_as_its_label() -> None:
    """Cairo measures the label and then sets the share one real space after it (no width estimate between)."""
    from flowchart_cli.writers.svg import svg_without_text

    flow = check_file(FLOWS / "insurance-claim.flow.yaml").flow
    diagram = layout_flow(flow, RenderOptions(shares=True))
    _, runs = svg_without_text(diagram, RenderOptions(shares=True))
    labelled = [run for run in runs if run.tail]
    assert labelled and all(run.bold and run.tail_size < run.size for run in labelled)
    assert {run.text for run in labelled} >= {"Reject"} and "15%" in {run.tail for run in labelled}
