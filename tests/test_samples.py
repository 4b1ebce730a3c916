"""The shipped samples: what users see first and what every renderer is tested on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flowchart_cli.cli import app
from flowchart_cli.loader import load_flow
from flowchart_cli.model import Flow, exit_connectors, flow_edges
from flowchart_cli.symbols import SYMBOLS

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.flow.yaml"))
runner = CliRunner()


def _load(path: Path) -> Flow:
    flow, diagnostics = load_flow(path)
    assert flow is not None, diagnostics
    return flow


def test_there_are_at_least_five_samples_most_in_spanish() -> None:
    names = {p.name for p in SAMPLE_FILES}
    assert {
        "gestion-quejas.flow.yaml",
        "mesa-de-ayuda.flow.yaml",
        "compra-en-linea.flow.yaml",
        "seguimiento-satisfaccion.flow.yaml",
        "refund-request.flow.yaml",
    } <= names
    langs = [_load(p).lang for p in SAMPLE_FILES]
    assert langs.count("es") > len(langs) / 2
    assert "en" in langs and "pt" in langs


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_passes_strict_check(path: Path) -> None:
    result = runner.invoke(app, ["check", "--strict", "--format", "json", str(path)])
    report = json.loads(result.stdout)
    assert report["files"][0]["diagnostics"] == []
    assert report["summary"] == {"files": 1, "errors": 0, "warnings": 0}
    assert result.exit_code == 0


def test_all_samples_pass_strict_check_together() -> None:
    result = runner.invoke(app, ["check", "--strict", *map(str, SAMPLE_FILES)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_has_lanes_decisions_and_a_readable_size(path: Path) -> None:
    flow = _load(path)
    assert flow.lanes_declared
    used = {s.lane for s in flow.steps}
    assert len(used) >= 2 and used == {lane.id for lane in flow.lanes}
    assert any(s.kind == "decision" for s in flow.steps)
    assert 8 <= len(flow.steps) <= 16
    assert flow.title and flow.description and flow.owner and flow.version


def test_together_the_samples_use_every_symbol() -> None:
    used = {s.kind for p in SAMPLE_FILES for s in _load(p).steps}
    assert used == set(SYMBOLS)


def test_connectors_come_in_pairs() -> None:
    labels = [s.label for p in SAMPLE_FILES for s in _load(p).steps if s.kind == "connector"]
    assert labels and all(labels.count(label) == 2 for label in labels)


def test_refs_point_to_other_samples() -> None:
    kinds_with_ref = set()
    for path in SAMPLE_FILES:
        for step in _load(path).steps:
            if step.ref:
                target = (path.parent / step.ref).resolve()
                assert not Path(step.ref).is_absolute()
                assert target in {p.resolve() for p in SAMPLE_FILES} and target != path.resolve()
                assert _load(target).title
                kinds_with_ref.add(step.kind)
    assert kinds_with_ref == {"subprocess", "offpage"}


def test_there_is_a_left_to_right_english_sample() -> None:
    flow = _load(SAMPLES / "refund-request.flow.yaml")
    assert (flow.lang, flow.direction) == ("en", "LR")
    branch_labels = {b.label for s in flow.steps for b in s.branches}
    assert {"Yes", "No"} <= branch_labels  # text as written, not booleans


def test_complaint_sample_has_the_full_metadata() -> None:
    flow = _load(SAMPLES / "gestion-quejas.flow.yaml")
    assert flow.lang == "es"
    assert [lane.name for lane in flow.lanes] == ["Cliente", "Agente de atención", "Supervisor"]
    assert flow.updated and flow.version and flow.owner and flow.description
    assert any(s.notes for s in flow.steps)
    assert any(s.duration for s in flow.steps)
    assert any(s.link.startswith("https://") for s in flow.steps)
    assert any(s.label.startswith("¿") and s.label.endswith("?") for s in flow.steps if s.kind == "decision")


def test_purchase_sample_has_its_four_lanes() -> None:
    flow = _load(SAMPLES / "compra-en-linea.flow.yaml")
    assert [lane.name for lane in flow.lanes] == ["Cliente", "Sistema de pago", "Sistema de pedidos", "Mensajería"]


def test_help_desk_loops_back_when_the_customer_is_not_satisfied() -> None:
    flow = _load(SAMPLES / "mesa-de-ayuda.flow.yaml")
    lanes = [lane.id for lane in flow.lanes]
    assert "nivel2" in lanes
    satisfied = flow.step_by_id("satisfecho")
    assert satisfied is not None
    back = flow.step_by_id(next(b.target for b in satisfied.branches if b.label == "No"))
    assert back is not None and back.kind == "connector"
    edges = flow_edges(flow)
    assert back.key in exit_connectors(flow, edges) and not any(e.source == back.key for e in edges)
    entry = next(s for s in flow.steps if s.kind == "connector" and s.label == back.label and s is not back)
    assert entry.index < satisfied.index  # the jump to the entry draws no line (ISO 5807 connectors)


def test_samples_name_the_schema_kept_beside_them() -> None:
    schema = SAMPLES / "flow.schema.json"
    assert schema.read_text(encoding="utf-8") == runner.invoke(app, ["schema"]).stdout, (
        "the schema changed: run `flowchart schema > samples/flow.schema.json`"
    )
    for path in SAMPLE_FILES:
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=flow.schema.json\n")
