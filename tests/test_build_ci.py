"""docs/github-actions.yml: its shell steps run as written against a docs tree."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from test_build_support import BROKEN, flow_text

pytestmark = pytest.mark.integration  # hypothesis / real shell steps: not part of make test-fast

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = yaml.safe_load((ROOT / "docs/github-actions.yml").read_text(encoding="utf-8"))
STEPS = WORKFLOW["jobs"]["flowcharts"]["steps"]


def step(name_part: str) -> dict:
    return next(s for s in STEPS if name_part in s.get("name", ""))


def run_step(name_part: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, **WORKFLOW["env"], "PATH": f"{ROOT / '.venv/bin'}:{os.environ['PATH']}", "CI": "true"}
    return subprocess.run(
        ["bash", "-eo", "pipefail", "-c", step(name_part)["run"]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    flows = tmp_path / WORKFLOW["env"]["FLOWS"]
    (flows / "ventas").mkdir(parents=True)
    (flows / "alta.flow.yaml").write_text(flow_text("Alta"), encoding="utf-8")
    (flows / "ventas/roto.flow.yaml").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def test_workflow_checks_uploads_sarif_and_gates_on_build_check():
    assert "pull_request" in WORKFLOW[True]  # YAML 1.1 reads the key `on` as true
    assert WORKFLOW["permissions"]["security-events"] == "write"
    assert "--format github" in step("annotations")["run"]
    upload = step("Upload SARIF")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "flowchart.sarif"
    assert "build" in step("up to date")["run"] and "--check" in step("up to date")["run"]


def test_actions_are_current_majors_and_flowchart_comes_from_its_repository():
    uses = {s["uses"].split("@")[0]: s["uses"].split("@")[1] for s in STEPS if "uses" in s}
    assert uses == {
        "actions/checkout": "v7",
        "actions/setup-python": "v7",
        "github/codeql-action/upload-sarif": "v4",
    }
    install = step("Install flowchart-cli")["run"]
    assert "$FLOWCHART_CLI" in install and "pip install flowchart-cli" not in install
    assert WORKFLOW["env"]["FLOWCHART_CLI"] == "."  # the repository it runs in: no placeholder to fill


def test_sarif_upload_is_skipped_for_pull_requests_from_forks():
    assert WORKFLOW["permissions"] == {"contents": "read", "security-events": "write"}
    assert "head.repo.fork" in step("Upload SARIF")["if"]


def test_sarif_step_without_flow_files_writes_one_run(tmp_path: Path):
    (tmp_path / WORKFLOW["env"]["FLOWS"]).mkdir(parents=True)
    result = run_step("SARIF for code scanning", tmp_path)
    assert result.returncode == 0, result.stderr
    sarif = json.loads((tmp_path / "flowchart.sarif").read_text(encoding="utf-8"))
    assert len(sarif["runs"]) == 1 and sarif["runs"][0]["results"] == []


def test_check_step_annotates_errors_and_fails(checkout):
    result = run_step("annotations", checkout)
    assert result.returncode == 1
    assert "::error file=docs/flows/ventas/roto.flow.yaml,line=4" in result.stdout
    assert "alta.flow.yaml" not in result.stdout


def test_sarif_step_writes_a_sarif_log_even_when_the_check_fails(checkout):
    run_step("annotations", checkout)
    result = run_step("SARIF for code scanning", checkout)
    assert result.returncode == 0, result.stderr
    sarif = json.loads((checkout / "flowchart.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} >= {"FC105"}


def test_build_check_step_fails_when_nothing_was_rendered(checkout):
    (checkout / "docs/flows/ventas/roto.flow.yaml").unlink()
    result = run_step("up to date", checkout)
    assert result.returncode == 1
    assert "missing docs/diagrams/alta.svg" in result.stdout
    assert not (checkout / "docs/diagrams").exists()


@pytest.mark.slow
def test_build_check_step_passes_after_a_build(checkout):
    (checkout / "docs/flows/ventas/roto.flow.yaml").unlink()
    built = subprocess.run(
        [str(ROOT / ".venv/bin/flowchart"), "build", "docs/flows", "--out-dir", "docs/diagrams"],
        cwd=checkout,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    result = run_step("up to date", checkout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all up to date" in result.stdout
