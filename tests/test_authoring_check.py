"""`flowchart check FOLDER`: every flow below it, found as `build` finds them, in a stable order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flowchart_cli.cli import app

runner = CliRunner()
GOOD = "title: T\nsteps:\n  - start: A\n  - end: B\n"
BAD = "title: T\nsteps:\n  - start: A\n    next: nadie\n  - end: B\n"


@pytest.fixture
def flows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "flows"
    for rel, text in {
        "b.flow.yaml": GOOD,
        "a/z.flow.yml": BAD,
        "a/plain.yaml": GOOD,  # a flow by its keys
        "mkdocs.yml": "site_name: x\n",  # not a flow
        ".hidden/h.flow.yaml": BAD,  # hidden folders are not searched
        "node_modules/n.flow.yaml": BAD,
    }.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def checked_paths(output: str) -> list[str]:
    return [f["path"] for f in json.loads(output)["files"]]


def test_a_folder_checks_every_flow_below_it_in_path_order(flows: Path) -> None:
    result = runner.invoke(app, ["check", "--format", "json", "flows"])
    assert result.exit_code == 1
    assert checked_paths(result.stdout) == ["flows/a/plain.yaml", "flows/a/z.flow.yml", "flows/b.flow.yaml"]


def test_text_output_names_each_file_and_counts_them(flows: Path) -> None:
    result = runner.invoke(app, ["check", "flows"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "flows/a/z.flow.yml:4:11: error FC105: `next` points to unknown step 'nadie' [step step-1]"
    )
    assert result.stdout.splitlines()[-1] == "3 files checked: 1 error, 0 warnings"


def test_files_and_folders_mix_and_a_folder_adds_only_files_not_yet_listed(flows: Path) -> None:
    result = runner.invoke(app, ["check", "--format", "json", "flows/b.flow.yaml", "flows/a", "flows"])
    assert checked_paths(result.stdout) == [
        "flows/b.flow.yaml",
        "flows/a/plain.yaml",
        "flows/a/z.flow.yml",
    ]


def test_a_file_given_twice_is_listed_twice_as_given(flows: Path) -> None:
    result = runner.invoke(app, ["check", "--format", "json", "flows/b.flow.yaml", "flows/b.flow.yaml"])
    assert checked_paths(result.stdout) == ["flows/b.flow.yaml", "flows/b.flow.yaml"]


def test_a_folder_without_flows_is_a_usage_error(flows: Path) -> None:
    (flows / "vacia").mkdir()
    result = runner.invoke(app, ["check", "flows/vacia"])
    assert result.exit_code == 2
    assert "flows/vacia holds no flow files" in result.output


def test_analyze_takes_folders_too(flows: Path) -> None:
    for name in ("a/z.flow.yml", "b.flow.yaml"):
        (flows / name).write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["analyze", "--format", "json", "flows"])
    assert result.exit_code == 0, result.output
    assert checked_paths(result.stdout) == ["flows/a/plain.yaml", "flows/a/z.flow.yml", "flows/b.flow.yaml"]
    assert runner.invoke(app, ["analyze", "flows/a", "--max-paths", "1"]).exit_code == 0
    (flows / "vacia").mkdir()
    assert runner.invoke(app, ["analyze", "flows/vacia"]).exit_code == 2


def test_a_folder_named_like_a_flow_file_is_reported_as_unreadable(flows: Path) -> None:
    (flows / "raro.flow.yaml").mkdir()
    result = runner.invoke(app, ["check", "--format", "json", "flows/raro.flow.yaml"])
    assert result.exit_code == 1
    [file] = json.loads(result.stdout)["files"]
    assert file["path"] == "flows/raro.flow.yaml" and file["diagnostics"][0]["code"] == "FC100"
