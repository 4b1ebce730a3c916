"""Bad stages in a flow file: one diagnostic at its line and column, exit 1, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flowchart_cli.cli import app
from flowchart_cli.loader import load_flow

runner = CliRunner()

HEAD = "title: T\nlanes: [Equipo]\n"
STEPS = "steps:\n  - start: A\n    lane: Equipo\n    stage: {first}\n  - process: B\n    stage: {second}\n  - end: C\n"

CASES = {
    "unknown stage": (
        HEAD + "stages: [Registro, Cierre]\n" + STEPS.format(first="Registro", second="Cierr"),
        ("FC212", 9, 12, "did you mean 'Cierre'?"),
    ),
    "first step names none": (
        HEAD
        + "stages: [Registro, Cierre]\n"
        + "steps:\n  - start: A\n    lane: Equipo\n  - process: B\n    stage: Registro\n"
        + "  - end: C\n    stage: Cierre\n",
        ("FC212", 5, 5, "the first step must name its `stage`"),
    ),
    "repeated stage id": (
        HEAD
        + "stages:\n  - Registro\n  - id: Registro\n    name: Otra\n"
        + STEPS.format(first="Registro", second="Registro"),
        ("FC104", 5, 5, "two stages share the id 'Registro'"),
    ),
    "empty stage name": (
        HEAD + "stages:\n  - Registro\n  - ''\n" + STEPS.format(first="Registro", second="Registro"),
        ("FC107", 5, 5, "empty"),
    ),
}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_stages_give_one_diagnostic_where_written_and_write_nothing(tmp_path: Path, case: str) -> None:
    text, (code, line, column, words) = CASES[case]
    path = tmp_path / "t.flow.yaml"
    path.write_text(text, encoding="utf-8")
    checked = runner.invoke(app, ["check", "--format", "json", str(path)])
    assert checked.exit_code == 1
    errors = [d for d in json.loads(checked.stdout)["files"][0]["diagnostics"] if d["severity"] == "error"]
    assert [(d["code"], d["line"], d["column"]) for d in errors] == [(code, line, column)]
    assert words in errors[0]["message"]
    out = tmp_path / "out"
    rendered = runner.invoke(app, ["render", str(path), "-f", "svg,drawio,mermaid,dot", "-o", str(out)])
    assert rendered.exit_code == 1 and "Traceback" not in rendered.output
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize(
    ("path", "count"),
    [
        ("templates/new/atencion-cliente.flow.yaml", 5),
        ("samples/mesa-de-ayuda.flow.yaml", 7),
        ("samples/gestion-quejas.flow.yaml", 8),
        ("samples/seguimiento-satisfaccion.flow.yaml", 4),
    ],
)
def test_the_template_and_samples_that_describe_stages_declare_them(path: str, count: int) -> None:
    flow, diagnostics = load_flow(Path(__file__).resolve().parent.parent / path)
    assert flow is not None and diagnostics == []
    assert flow.stages_declared and len(flow.stages) == count
    assert {s.stage for s in flow.steps} == {stage.id for stage in flow.stages}  # every stage has steps


def test_new_with_the_attention_template_writes_a_flow_with_stages(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["new", "atencion.flow.yaml", "--template", "atencion-cliente"]).exit_code == 0
    flow, _ = load_flow(tmp_path / "atencion.flow.yaml")
    assert flow is not None and len(flow.stages) == 5 and flow.stages[0].name == "Recepción"
