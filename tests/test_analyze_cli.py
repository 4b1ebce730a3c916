"""`flowchart analyze` from the outside: the JSON of spec §5, the text and Markdown reports, gates and exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_analyze import COMPRA
from typer.testing import CliRunner

from flowchart_cli.cli import app


def invoke(*args: str):
    return CliRunner().invoke(app, ["analyze", *args])


@pytest.fixture
def compra(write_flow) -> Path:
    return write_flow(COMPRA, "compra.flow.yaml")


def test_json_is_the_object_of_the_spec(compra: Path) -> None:
    result = invoke("--format", "json", str(compra))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"] == {"files": 1, "paths": 2, "over_limits": 0}
    (file,) = data["files"]
    assert file["path"] == str(compra)
    # the end's `duration: pronto` is listed in `unread` below and warned about (FC310), never silently 0 min
    assert [(d["code"], d["severity"], d["step"]) for d in file["diagnostics"]] == [("FC310", "warning", "fin")]
    assert file["truncated"] is False
    assert file["paths"][0] == {
        "steps": ["inicio", "datos", "pago_ok", "entrega", "fin"],
        "outcomes": [{"step": "pago_ok", "outcome": "Sí"}],
        "lanes": ["Cliente", "Sistema de pago", "Mensajería"],
        "handoffs": 2,
        "duration": {"min": 485.17, "max": 965.17, "unknown": ["inicio"], "unread": ["fin"]},
    }
    assert file["loops"] == [
        {"steps": ["datos", "pago_ok", "reintenta"], "via": {"step": "reintenta", "outcome": "Sí"}}
    ]
    assert set(file) == {"path", "diagnostics", "paths", "loops", "truncated"}  # exactly spec §5
    assert set(data["summary"]) == {"files", "paths", "over_limits"}


def test_file_with_errors_lists_its_diagnostics_and_no_paths(write_flow, compra: Path) -> None:
    broken = write_flow(COMPRA.replace("No: cancelada", "No: cancelda"), "roto.flow.yaml")
    result = invoke("--format", "json", str(compra), str(broken))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    bad = data["files"][1]
    assert bad["paths"] == [] and bad["loops"] == [] and bad["truncated"] is False
    assert [d["code"] for d in bad["diagnostics"]] == ["FC105", "FC310"]
    assert bad["diagnostics"][0]["step"] == "reintenta"
    assert data["summary"]["paths"] == 2


def test_text_names_a_file_with_errors_on_stderr(write_flow) -> None:
    broken = write_flow(COMPRA.replace("No: cancelada", "No: cancelda"), "roto.flow.yaml")
    result = invoke(str(broken))
    assert result.exit_code == 1
    assert re.search(r"roto\.flow\.yaml:\d+:\d+: error FC105", result.stderr)
    assert "not analyzed" in result.stderr
    assert "Traceback" not in result.output


def test_unreadable_input_is_fc100_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "carpeta.flow.yaml"
    folder.mkdir()
    binary = tmp_path / "binario.flow.yaml"
    binary.write_bytes(b"\x00\xff\xfe title")
    for path in (folder, binary):
        result = invoke("--format", "json", str(path))
        assert result.exit_code == 1, result.output
        assert json.loads(result.stdout)["files"][0]["diagnostics"][0]["code"] == "FC100"


@pytest.mark.parametrize(
    ("options", "code", "over"),
    [
        ([], 0, 0),
        (["--max-handoffs", "2"], 0, 0),
        (["--max-handoffs", "1"], 1, 2),
        (["--max-duration", "16 h 6 min"], 0, 0),
        (["--max-duration", "2 días hábiles"], 1, 1),
        (["--max-duration", "1 semana"], 0, 0),
        (["--max-duration", "1 business day"], 1, 1),
        (["--max-duration", "1 dia útil", "--max-handoffs", "5"], 1, 1),
    ],
)
def test_gates(compra: Path, options: list[str], code: int, over: int) -> None:
    result = invoke("--format", "json", *options, str(compra))
    assert result.exit_code == code, result.output
    data = json.loads(result.stdout)
    assert data["summary"]["over_limits"] == over
    named = [line for line in result.stderr.splitlines() if "over the limit" in line]
    assert len(named) == over


def test_gate_message_names_the_path_and_the_limit(compra: Path) -> None:
    result = invoke("--max-handoffs", "1", str(compra))
    assert result.exit_code == 1
    assert "path 1 is over the limit: 2 handoffs (--max-handoffs 1): inicio → datos → pago_ok → entrega → fin" in (
        result.stderr
    )
    assert re.search(r"^\s+1!\s", result.stdout, re.M)


@pytest.mark.parametrize(
    "options",
    [
        ["--max-duration", "pronto"],
        ["--max-duration", "1-2 h"],
        ["--max-handoffs", "-1"],
        ["--max-paths", "0"],
        ["--format", "xml"],
        ["--nope"],
    ],
)
def test_usage_errors_exit_2(compra: Path, options: list[str]) -> None:
    result = invoke(*options, str(compra))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_missing_file_exits_2() -> None:
    assert invoke("no-such.flow.yaml").exit_code == 2


def test_max_paths_says_truncated(compra: Path) -> None:
    result = invoke("--format", "json", "--max-paths", "1", str(compra))
    assert result.exit_code == 0
    file = json.loads(result.stdout)["files"][0]
    assert len(file["paths"]) == 1 and file["truncated"] is True
    text = invoke("--max-paths", "1", str(compra)).stdout
    assert "1+ paths" in text and "only the first 1 paths are listed" in text


def test_text_report(compra: Path) -> None:
    result = invoke(str(compra))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"Compra — {compra}"
    assert lines[1] == "2 paths · 1 loop"
    header = next(line for line in lines if line.strip().startswith("#  steps"))
    assert header.split() == ["#", "steps", "lanes", "handoffs", "duration", "ends", "at", "outcomes"]
    row = next(line for line in lines if line.strip().startswith("1 "))
    assert "8–16 h 5 min" not in row  # a range over units is spelt out
    # "1 a 2 días hábiles" in the flow: the path in business days, as the simulation and the handout say it
    assert "1–2 business days" in row and "Entregado" in row and "¿Pago aprobado? Sí" in row
    assert "  1. datos → pago_ok → reintenta, back from reintenta (¿Reintenta? Sí)" in lines
    assert "every path goes through: inicio, datos, pago_ok" in lines
    assert "duration not read (counted as 0): fin 'pronto'" in lines


def test_markdown_report(compra: Path) -> None:
    result = invoke("--format", "markdown", str(compra))
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("## Compra\n")
    assert "| \\# | steps | lanes | handoffs | duration | ends at | outcomes |" in text
    assert "|--:|--:|--:|--:|---|---|---|" in text
    rows = [line for line in text.splitlines() if line.startswith("| 1 |")]
    assert len(rows) == 2  # the path table and the time per lane
    assert "**Loops**" in text and "1. datos → pago\\_ok → reintenta" in text


def test_markdown_escapes_flow_text(write_flow) -> None:
    path = write_flow(
        """
        title: "Pipes | and <b>tags</b>"
        steps:
          - start: "a | b"
          - id: d
            decision: "¿*x*?"
            branches: {Sí: e, No: e2}
          - id: e
            end: "[link](http://x)"
          - id: e2
            end: fin
        """
    )
    text = invoke("--format", "markdown", str(path)).stdout
    assert "## Pipes \\| and \\<b\\>tags\\</b\\>" in text
    assert "\\[link\\](http://x)" in text
    for row in (line for line in text.splitlines() if line.startswith("| 1 ")):
        assert row.count(" | ") == 6  # no cell broken by a pipe in a label


def test_every_sample_is_analyzed(samples: list[Path]) -> None:
    result = invoke("--format", "json", *map(str, samples))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert all(f["paths"] and not f["truncated"] for f in data["files"])
    for file in data["files"]:
        for path in file["paths"]:
            assert path["handoffs"] >= len(path["lanes"]) - 1  # each lane met is handed to at least once
            assert path["duration"]["min"] <= path["duration"]["max"]


def test_output_is_deterministic(samples: list[Path]) -> None:
    for fmt in ("text", "json", "markdown"):
        first = invoke("--format", fmt, *map(str, samples)).stdout
        assert first == invoke("--format", fmt, *map(str, samples)).stdout


ROOT = Path(__file__).resolve().parent.parent
MANUAL = (ROOT / "docs" / "analyze.md").read_text(encoding="utf-8")


def test_manual_example_is_the_real_output(monkeypatch) -> None:
    """The manual's worked example is what the command prints for the sample today."""
    block = re.search(r"```console\n\$ flowchart analyze (samples/\S+)\n(.*?)```", MANUAL, re.S)
    assert block is not None
    monkeypatch.chdir(ROOT)
    result = invoke(block.group(1))
    assert result.exit_code == 0
    assert result.stdout == block.group(2)


def test_every_analyze_option_is_in_the_manual() -> None:
    help_text = CliRunner().invoke(app, ["analyze", "--help"], terminal_width=200).output
    for option in set(re.findall(r"(--[a-z][a-z-]+)", help_text)) - {"--help"}:
        assert option in MANUAL, option
    assert "## `flowchart analyze`" in MANUAL


def test_flow_text_cannot_break_the_text_table(write_flow) -> None:
    path = write_flow(
        """
        title: "Dos\\nlíneas \\u202e"
        lanes: ["Uno\\nDos", B]
        steps:
          - start: "a\\nb"
            lane: "Uno\\nDos"
          - id: d
            decision: "¿x\\ty?"
            lane: B
            branches: {"Sí": e, "No": e2}
          - id: e
            end: "fin\\nuno"
          - id: e2
            end: fin
        """
    )
    for fmt in ("text", "markdown"):
        out = invoke("-f", fmt, str(path)).stdout
        assert "\u202e" not in out
        table = [line for line in out.splitlines() if re.match(r"^(\| |\s+)[12] ", line)]
        assert len(table) == 4, out  # two paths, two lane-time rows: no row split by a newline
