"""`flowchart check` and `flowchart rules` from the outside: typer's runner and the installed command."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flowchart_cli.cli import app
from flowchart_cli.rules.catalog import CATALOG

RULES = Path(__file__).resolve().parent / "rules"
CLEAN = RULES / "FC105.pass.flow.yaml"
BROKEN = RULES / "FC105.fail.flow.yaml"
WARNS = RULES / "FC302.fail.flow.yaml"
ENTRY = Path(sys.executable).with_name("flowchart")
COMMAND = [str(ENTRY)] if ENTRY.exists() else [sys.executable, "-m", "flowchart_cli"]
ANSI = "\x1b["


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def run(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    environment.update(env or {})
    return subprocess.run(
        [*COMMAND, *args], capture_output=True, text=True, cwd=cwd, env=environment, timeout=60, check=False
    )


# -- exit codes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ([str(CLEAN)], 0),
        ([str(BROKEN)], 1),
        ([str(WARNS)], 0),
        (["--strict", str(WARNS)], 1),
        (["--strict", str(CLEAN)], 0),
        ([str(CLEAN), str(BROKEN)], 1),
        (["--nope", str(CLEAN)], 2),
        (["missing.flow.yaml"], 2),
        ([], 2),
        (["--format", "xml", str(CLEAN)], 2),
    ],
)
def test_exit_codes(args: list[str], code: int) -> None:
    result = invoke("check", *args)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output


@pytest.mark.integration
def test_exit_codes_of_the_installed_command(tmp_path: Path) -> None:
    assert run("check", str(CLEAN)).returncode == 0
    assert run("check", str(BROKEN)).returncode == 1
    assert run("check", "--strict", str(WARNS)).returncode == 1
    missing = run("check", str(tmp_path / "missing.flow.yaml"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    unknown = run("check", "--colour", str(CLEAN))
    assert unknown.returncode == 2 and "No such option" in unknown.stderr
    assert "Traceback" not in missing.stderr + unknown.stderr


# -- text ---------------------------------------------------------------------------


@pytest.mark.integration
def test_text_output_is_compiler_style_with_source_and_caret() -> None:
    result = run("check", "FC105.fail.flow.yaml", "FC105.pass.flow.yaml", cwd=RULES)
    assert result.stdout == (
        "FC105.fail.flow.yaml:6:11: error FC105: `next` points to unknown step 'grav'; did you mean 'grave'?"
        " [step step-1]\n"
        "    6 |     next: grav\n"
        "      |           ^^^^\n"
        "FC105.fail.flow.yaml:10:11: error FC105: branch 'Sí' points to unknown step 'resolvr'; "
        "did you mean 'resolver'? [step grave]\n"
        "   10 |       Sí: resolvr\n"
        "      |           ^^^^^^^\n"
        "2 files checked: 2 errors, 0 warnings\n"
    )
    assert result.stderr == ""


@pytest.mark.integration
def test_text_output_has_no_colour_when_piped_and_colour_when_forced() -> None:
    plain = run("check", str(BROKEN))
    assert ANSI not in plain.stdout
    coloured = run("check", str(BROKEN), env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert ANSI in coloured.stdout
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.stdout) == plain.stdout


def test_summary_line_counts_files_errors_and_warnings() -> None:
    assert invoke("check", str(CLEAN)).output.splitlines()[-1] == "1 file checked: no problems"
    lines = invoke("check", str(CLEAN), str(BROKEN), str(WARNS)).output.splitlines()
    assert lines[-1] == "3 files checked: 2 errors, 1 warning"


@pytest.mark.integration
def test_text_output_is_byte_identical_between_runs() -> None:
    first = run("check", str(BROKEN), str(WARNS)).stdout
    assert first == run("check", str(BROKEN), str(WARNS)).stdout


def test_long_source_lines_are_not_quoted(tmp_path: Path) -> None:
    path = tmp_path / "long.flow.yaml"
    path.write_text("title: T\nsteps:\n  - start: Inicio\n  - process: " + "x" * 5000 + "\n  - end: Fin\n")
    output = invoke("check", str(path)).output
    assert "warning FC303" in output
    assert max(len(line) for line in output.splitlines()) < 300


# -- json -----------------------------------------------------------------------


def test_json_has_exactly_the_spec_shape(tmp_path: Path) -> None:
    empty = tmp_path / "empty.flow.yaml"
    empty.write_text("")
    result = invoke("check", "--format", "json", str(BROKEN), str(CLEAN), str(empty))
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert set(doc) == {"files", "summary"}
    assert doc["summary"] == {"files": 3, "errors": 3, "warnings": 0}
    assert [f["path"] for f in doc["files"]] == [str(BROKEN), str(CLEAN), str(empty)]
    for entry in doc["files"]:
        assert set(entry) == {"path", "diagnostics"}
        for d in entry["diagnostics"]:
            assert set(d) == {"code", "severity", "message", "line", "column", "step"}
            assert isinstance(d["line"], int) and isinstance(d["column"], int)
    first, second = doc["files"][0]["diagnostics"]
    assert first == {
        "code": "FC105",
        "severity": "error",
        "message": "`next` points to unknown step 'grav'; did you mean 'grave'?",
        "line": 6,
        "column": 11,
        "step": "step-1",
    }
    assert second["step"] == "grave"
    assert doc["files"][1]["diagnostics"] == []
    assert doc["files"][2]["diagnostics"][0]["step"] is None


@pytest.mark.integration
def test_json_keeps_unicode_and_is_the_only_output() -> None:
    result = run("check", "--format", "json", str(BROKEN))
    assert "'Sí'" in result.stdout and result.stderr == ""
    json.loads(result.stdout)


# -- sarif ------------------------------------------------------------------------


def test_sarif_is_a_valid_2_1_0_log() -> None:
    result = invoke("check", "--format", "sarif", str(BROKEN), str(WARNS))
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0" and "sarif" in log["$schema"]
    [run_] = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "flowchart"
    assert [r["id"] for r in driver["rules"]] == list(CATALOG)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["defaultConfiguration"]["level"] in ("error", "warning")
    assert len(run_["results"]) == 3
    for finding in run_["results"]:
        assert finding["ruleId"] in CATALOG
        assert driver["rules"][finding["ruleIndex"]]["id"] == finding["ruleId"]
        assert finding["level"] in ("error", "warning") and finding["message"]["text"]
        [location] = finding["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"].startswith("file:///")
        assert physical["region"]["startLine"] >= 1 and physical["region"]["startColumn"] >= 1
    first = run_["results"][0]
    assert (first["ruleId"], first["locations"][0]["physicalLocation"]["region"]) == (
        "FC105",
        {"startLine": 6, "startColumn": 11},
    )
    assert {r["level"] for r in run_["results"]} == {"error", "warning"}


@pytest.mark.integration
def test_sarif_uses_relative_uris_for_relative_paths() -> None:
    log = json.loads(run("check", "--format", "sarif", "FC105.fail.flow.yaml", cwd=RULES).stdout)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "FC105.fail.flow.yaml"


# -- github -------------------------------------------------------------------------


@pytest.mark.integration
def test_github_annotations() -> None:
    result = run("check", "--format", "github", "FC105.fail.flow.yaml", "FC302.fail.flow.yaml", cwd=RULES)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=FC105.fail.flow.yaml,line=6,col=11,title=FC105::FC105 `next` points to unknown step 'grav'; "
        "did you mean 'grave'?",
        "::error file=FC105.fail.flow.yaml,line=10,col=11,title=FC105::FC105 branch 'Sí' points to unknown step "
        "'resolvr'; did you mean 'resolver'?",
        "::warning file=FC302.fail.flow.yaml,line=5,col=15,title=FC302::FC302 decision 'Cliente satisfecho' "
        "is not a question; write it as one ending in '?'",
    ]


def test_github_escapes_what_would_break_a_workflow_command(tmp_path: Path) -> None:
    odd = tmp_path / "a,b:c%.flow.yaml"
    odd.write_text(
        'title: T\nsteps:\n  - start: Inicio\n  - decision: "50% sí\\nno"\n    branches: {a: f, b: g}\n'
        "  - id: g\n    process: G\n  - id: f\n    end: Fin\n"
    )
    [line] = invoke("check", "--format", "github", str(odd)).stdout.splitlines()
    assert "a%2Cb%3Ac%25.flow.yaml" in line and "'50%25 sí\\nno'" in line  # the newline quoted, one line


# -- rules --------------------------------------------------------------------------------


def test_rules_table_lists_every_rule() -> None:
    result = invoke("rules")
    assert result.exit_code == 0
    for code in CATALOG:
        assert code in result.output


@pytest.mark.integration
def test_rules_json_lists_every_rule_with_its_documentation() -> None:
    result = run("rules", "--format", "json")
    assert result.returncode == 0
    rules = json.loads(result.stdout)
    assert [r["code"] for r in rules] == list(CATALOG)
    expected = {f"FC{n}" for n in [*range(100, 110), *range(201, 213), *range(301, 308)]}
    assert expected <= {r["code"] for r in rules}
    for r in rules:
        assert set(r) == {"code", "severity", "checks", "why"}
        assert r["severity"] in ("error", "warning") and r["checks"] and r["why"]
    assert {r["code"] for r in rules if r["severity"] == "warning"} == {f"FC{n}" for n in range(301, 311)}


REVIEW_CASES = Path(__file__).resolve().parent / "review_cases"


def test_names_and_ids_that_differ_only_in_unicode_normalisation_match(tmp_path: Path) -> None:
    """A lane and a `next` typed with decomposed accents (o + U+0301, as macOS writes them) are the same names."""
    nfd = REVIEW_CASES / "nfd.flow.yaml"
    assert "o\u0301" in nfd.read_text(encoding="utf-8")
    result = invoke("check", "--format", "json", str(nfd))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"] == {"files": 1, "errors": 0, "warnings": 0}
    rendered = invoke("render", str(nfd), "-f", "svg", "-o", str(tmp_path))
    assert rendered.exit_code == 0, rendered.output
    svg = (tmp_path / "nfd.svg").read_text(encoding="utf-8")
    assert "Atención" in svg and "Atencio\u0301n" not in svg  # one lane, written composed


def test_caret_under_decomposed_and_wide_text_is_as_wide_as_the_text_shown(tmp_path: Path) -> None:
    flow = tmp_path / "ancho.flow.yaml"
    flow.write_text(
        "title: T\nlanes: [Atención]\nsteps:\n  - id: 手順\n    start: Inicio\n"
        "    lane: Atencio\u0301nx\n  - process: 確認する\n    next: 手順x\n  - end: fin\n",
        encoding="utf-8",
    )
    result = invoke("check", str(flow))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    lane = lines.index("    6 |     lane: Atencio\u0301nx")
    assert lines[lane + 1] == "      |           " + "^" * len("Atenciónx")  # the accent takes no column
    target = lines.index("    8 |     next: 手順x")
    assert lines[target + 1] == "      |           " + "^" * 5  # two wide characters take two columns each
