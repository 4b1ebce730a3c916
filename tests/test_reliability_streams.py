"""Closed or full standard streams, the C locale and SIGTERM: one line and an exit code, never a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fault_support import flowchart, flowchart_shell

pytestmark = pytest.mark.integration

CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture
def flow(tmp_path: Path) -> Path:
    path = tmp_path / "atencion.flow.yaml"
    shutil.copy(CASES / "ok_atencion.flow.yaml", path)
    (tmp_path / "guia.md").write_text(f"# Guía\n\n```flow\n{path.read_text(encoding='utf-8')}```\n", encoding="utf-8")
    return path


COMMANDS = [
    "check atencion.flow.yaml",
    "analyze atencion.flow.yaml",
    "render atencion.flow.yaml -o - -f mermaid",
    "handout atencion.flow.yaml -o -",
    "rules",
    "schema",
    "markdown guia.md",
]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("redirect", "reason"), [(">&-", "it is closed"), (">/dev/full", "No space left on device")])
def test_a_closed_or_full_stdout_is_one_line_and_exit_2(flow, command, redirect, reason):
    done = flowchart_shell(f"$FLOWCHART {command} {redirect}", cwd=flow.parent)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines()[-1] == f"error: cannot write to standard output: {reason}"
    assert "Traceback" not in done.stderr


def test_a_full_stderr_is_exit_2_without_a_traceback(flow):
    done = flowchart_shell("$FLOWCHART render atencion.flow.yaml -f mermaid 2>/dev/full", cwd=flow.parent)
    assert done.returncode == 2 and done.stderr == ""
    assert (flow.parent / "atencion.mmd").is_file()


def test_a_closed_stdin_is_an_input_error(flow):
    done = flowchart_shell("$FLOWCHART check - <&-", cwd=flow.parent)
    assert done.returncode == 1
    assert "stdin:1:1: error FC100: cannot read standard input: it is closed" in done.stdout
    assert "Traceback" not in done.stderr


def test_a_closed_stdout_never_lends_its_number_to_an_output_file(flow):
    """With fd 1 closed, the next file opened would get it: the tool keeps it taken."""
    done = flowchart_shell("$FLOWCHART render atencion.flow.yaml -f svg,mermaid >&-", cwd=flow.parent)
    assert done.returncode == 0, done.stderr
    assert (flow.parent / "atencion.mmd").read_text(encoding="utf-8").startswith("---")


@pytest.mark.parametrize("args", [["check", "-f", "sarif"], ["check", "-f", "json"], ["analyze"], ["check"]])
def test_output_is_utf8_in_the_c_locale(flow, args):
    broken = flow.parent / "roto.flow.yaml"
    broken.write_text(flow.read_text(encoding="utf-8").replace("Sí: cierre", "Sí: cierré"), encoding="utf-8")
    done = flowchart(*args, str(flow), str(broken), env={"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}, text=False)
    assert done.returncode in (0, 1), done.stderr
    text = done.stdout.decode("utf-8")
    assert "Traceback" not in done.stderr.decode("utf-8")
    if args[-1] == "sarif":
        assert "cierré" in json.dumps(json.loads(text), ensure_ascii=False)
    else:
        assert "é" in text or "í" in text


def test_columns_zero_still_shows_every_message(flow):
    broken = flow.parent / "roto.flow.yaml"
    broken.write_text(flow.read_text(encoding="utf-8").replace("Sí: cierre", "Sí: cierra"), encoding="utf-8")
    done = flowchart("render", str(broken), env={"COLUMNS": "0", "FORCE_COLOR": "1"})
    assert done.returncode == 1
    assert "FC105" in done.stderr and "not written" in done.stderr
