"""`flowchart NAME …` runs an app holding command NAME alone (cli.app_for): it says and does what the whole app does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flowchart_cli.cli import app, app_for

FLOW = """\
title: Reclamo de factura
lang: es
lanes: [Cliente, Agente, Facturación]
steps:
  - start: El cliente reclama la factura
    lane: Cliente
  - id: revisar
    process: Revisar el cobro
    lane: Agente
  - id: error
    decision: ¿Hay un error?
    lane: Agente
    branches:
      Sí: corregir
      No: explicar
      No sé: escalar
  - id: escalar
    process: Consultar a facturación
    lane: Facturación
    next: error
  - id: corregir
    process: Emitir nota de crédito
    lane: Facturación
    next: fin
  - id: explicar
    process: Explicar el cobro al cliente
  - id: fin
    end: Reclamo cerrado
"""

COMMANDS = sorted(
    c.name or c.callback.__name__.lower().replace("_", "-") for c in app.registered_commands if c.callback
)


def both(args: list[str], **kwargs):
    """The result of ``args`` through the whole app and through the app made for them."""
    whole = CliRunner().invoke(app, args, **kwargs)
    single = CliRunner().invoke(app_for(args), args, **kwargs)
    return whole, single


def same(whole, single) -> None:
    assert (single.exit_code, single.output) == (whole.exit_code, whole.output)


def test_a_command_name_first_gives_an_app_with_that_command_alone():
    assert len(COMMANDS) == 13
    for name in COMMANDS:
        only = app_for([name, "--help"])
        assert only is not app
        assert [c.name or c.callback.__name__.replace("_", "-") for c in only.registered_commands] == [
            "import" if name == "import" else name
        ]
        assert only.registered_callback is app.registered_callback
    assert len(app.registered_commands) == len(COMMANDS), "the whole app is left as it was"


@pytest.mark.parametrize("args", [[], ["--help"], ["-h"], ["--version"], ["rendr", "x.flow.yaml"], ["Check"]])
def test_anything_but_a_command_name_first_gets_the_whole_app(args):
    assert app_for(args) is app


def test_shell_completion_gets_the_whole_app(monkeypatch):
    monkeypatch.setenv("_FLOWCHART_COMPLETE", "complete_bash")
    assert app_for(["render", "x"]) is app


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_help_is_the_same(name):
    same(*both([name, "--help"]))


@pytest.mark.parametrize(
    "args",
    [
        ["render"],
        ["render", "nowhere.flow.yaml"],
        ["render", "reclamo.flow.yaml", "-f", "svg,gif"],
        ["render", "reclamo.flow.yaml", "--theme", "pink"],
        ["check", "--format", "xml", "reclamo.flow.yaml"],
        ["check", "--nope"],
        ["build", "reclamo.flow.yaml"],
        ["analyze", "reclamo.flow.yaml", "--max-paths", "0"],
        ["check", "reclamo.flow.yaml", "-f", "json"],
        ["analyze", "reclamo.flow.yaml", "-f", "json"],
        ["rules", "-f", "json"],
        ["config"],
    ],
)
def test_usage_errors_and_results_are_the_same(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reclamo.flow.yaml").write_text(FLOW, encoding="utf-8")
    same(*both(args))


def test_the_configuration_file_sets_the_same_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reclamo.flow.yaml").write_text(FLOW, encoding="utf-8")
    (tmp_path / "flowchart.toml").write_text('theme = "mono"\nformat = ["mermaid"]\nstrict = true\n', encoding="utf-8")
    whole, single = both(["render", "reclamo.flow.yaml", "-o", "-"])
    same(whole, single)
    assert whole.exit_code == 0 and "flowchart TD" in whole.output, "format = mermaid came from the file"
    assert "theme: neutral" in whole.output, "and theme = mono"
    same(*both(["check", "reclamo.flow.yaml"]))
    (tmp_path / "flowchart.toml").write_text("colour = true\n", encoding="utf-8")
    whole, single = both(["render", "reclamo.flow.yaml"])
    same(whole, single)
    assert whole.exit_code == 2 and "flowchart.toml:1: unknown key 'colour'" in whole.output


@pytest.mark.integration
def test_the_installed_command_runs_one_command_as_before(tmp_path):
    """Through the entry point (start.run): the JSON report, the exit code and a mistyped command's suggestion."""
    flow = tmp_path / "reclamo.flow.yaml"
    flow.write_text(FLOW, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE")}

    def flowchart(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "flowchart_cli", *args]
        return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env, check=False)

    checked = flowchart("check", "-f", "json", str(flow))
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["files"][0]["path"].endswith("reclamo.flow.yaml")
    typo = flowchart("chek", str(flow))
    assert typo.returncode == 2 and "No such command 'chek'. Did you mean 'check', 'schema'?" in typo.stderr
    rendered = flowchart("render", str(flow), "-f", "mermaid", "-q")
    assert rendered.returncode == 0 and rendered.stderr == ""
    assert Path(tmp_path / "reclamo.mmd").read_text(encoding="utf-8").startswith('---\ntitle: "Reclamo de factura"')
