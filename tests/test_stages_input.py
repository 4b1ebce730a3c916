"""Bad stages in a flow file: one diagnostic at its line and column, exit 1, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flowchart_cli.cli import app

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
