"""`-` as FILE (standard input, named `stdin`) and `render -o -` / `handout -o -` (standard output)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flowchart_cli.cli import app

HERE = Path(__file__).resolve().parent
GOOD = (HERE / "cases" / "ok_atencion.flow.yaml").read_text(encoding="utf-8")
BROKEN = (HERE / "cases" / "err_fc105.flow.yaml").read_text(encoding="utf-8")
FLOWCHART = Path(sys.executable).with_name("flowchart")


def invoke(args: list[str], stdin: str | bytes = ""):
    return CliRunner().invoke(app, args, input=stdin)


def test_check_reads_standard_input_and_calls_it_stdin() -> None:
    assert invoke(["check", "-"], GOOD).exit_code == 0
    result = invoke(["check", "-"], BROKEN)
    assert result.exit_code == 1
    assert "stdin:7:11: error FC105" in result.stdout
    assert "    7 |       No: avisar" in result.stdout  # the source line quoted from what was read


def test_check_json_names_stdin() -> None:
    result = invoke(["check", "-f", "json", "-"], BROKEN)
    report = json.loads(result.stdout)
    assert report["files"][0]["path"] == "stdin"
    assert report["files"][0]["diagnostics"][0]["line"] == 7


def test_stdin_beside_files_and_twice_is_read_once(tmp_path: Path) -> None:
    other = tmp_path / "otro.flow.yaml"
    other.write_text(GOOD, encoding="utf-8")
    result = invoke(["check", "-f", "json", str(other), "-", "-"], BROKEN)
    paths = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert paths == [str(other), "stdin", "stdin"]


def test_unreadable_standard_input_is_fc100_not_a_traceback() -> None:
    result = invoke(["check", "-"], b"title: x\x00\n")
    assert result.exit_code == 1
    assert "stdin:1:9: error FC100" in result.stdout
    assert "Traceback" not in result.output


def test_a_missing_file_is_still_a_usage_error() -> None:
    result = invoke(["check", "no-such.flow.yaml"])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_more_than_one_format_to_stdout_is_a_usage_error(tmp_path: Path) -> None:
    flow = tmp_path / "a.flow.yaml"
    flow.write_text(GOOD, encoding="utf-8")
    result = invoke(["render", str(flow), "-f", "svg,dot", "-o", "-"])
    assert result.exit_code == 2
    assert "one --format" in result.output
    assert not (tmp_path / "-").exists() and not Path("-").exists()


@pytest.mark.slow
def test_render_to_stdout_writes_no_file_and_no_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(["render", "-", "-f", "mermaid", "-o", "-"], GOOD)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("---\ntitle: ")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_render_of_stdin_without_o_writes_stdin_svg_here(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(["render", "-", "-f", "dot"], GOOD)
    assert result.exit_code == 0, result.output
    assert "\ndigraph " in (tmp_path / "stdin.dot").read_text(encoding="utf-8")
    assert "wrote stdin.dot" in result.output
    quiet = invoke(["render", "-", "-f", "dot", "--quiet"], GOOD)
    assert quiet.exit_code == 0 and quiet.output == ""


def test_a_broken_flow_on_stdin_writes_nothing_to_stdout() -> None:
    result = invoke(["render", "-", "-f", "mermaid", "-o", "-"], BROKEN)
    assert result.exit_code == 1
    assert "flowchart" not in result.stdout and "stdin:7:11" in result.output


@pytest.mark.slow
@pytest.mark.integration
def test_a_real_pipe_gives_an_svg(tmp_path: Path) -> None:
    flow = tmp_path / "a.flow.yaml"
    flow.write_text(GOOD, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    with flow.open("rb") as source:
        checked = subprocess.run(
            [str(FLOWCHART), "check", "-"], stdin=source, capture_output=True, env=env, timeout=120, cwd=tmp_path
        )
    assert checked.returncode == 0 and b"no problems" in checked.stdout
    with flow.open("rb") as source:
        svg = subprocess.run(
            [str(FLOWCHART), "render", "-", "-f", "svg", "-o", "-"],
            stdin=source,
            capture_output=True,
            env=env,
            timeout=300,
            cwd=tmp_path,
        )
    assert svg.returncode == 0, svg.stderr
    tree = ET.fromstring(svg.stdout)
    assert tree.tag == "{http://www.w3.org/2000/svg}svg"
    assert sum("fc-step" in g.get("class", "") for g in tree.iter("{http://www.w3.org/2000/svg}g")) > 3
    assert svg.stderr == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.flow.yaml"]


@pytest.mark.slow
def test_handout_of_stdin_is_named_stdin_and_quiet_is_silent(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(["handout", "-", "--quiet"], GOOD)
    assert result.exit_code == 0 and result.output == ""
    assert (tmp_path / "stdin.handout.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.slow
def test_png_and_handout_to_stdout_are_whole_files() -> None:
    png = invoke(["render", "-", "-f", "png", "-o", "-"], GOOD)
    assert png.exit_code == 0 and png.stdout_bytes.startswith(b"\x89PNG\r\n\x1a\n")
    handout = invoke(["handout", "-", "-o", "-"], GOOD)
    assert handout.exit_code == 0
    assert handout.stdout.startswith("<!DOCTYPE html>") and handout.stdout.rstrip().endswith("</html>")
