"""`check --format sarif` validated against the official SARIF 2.1.0 schema, with format checks on.

``sarif-schema-2.1.0.json`` is the OASIS schema (errata 01) from the sarif-spec
repository (``sarif-2.1/schema/``), shipped here so the test runs offline. It
is draft-04 but uses draft-06's ``uri-reference`` format, so the checker used
holds every known format (``rfc3986-validator`` provides the URI ones).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from typer.testing import CliRunner

from flowchart_cli.cli import app
from flowchart_cli.report.sarif import artifact_uri

HERE = Path(__file__).resolve().parent
SCHEMA = json.loads((HERE / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
BROKEN = HERE / "rules" / "FC105.fail.flow.yaml"
CLEAN = HERE / "rules" / "FC105.pass.flow.yaml"
FORMATS = jsonschema.FormatChecker()


def validate(log: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA, format_checker=FORMATS).validate(log)


def sarif(*files: str) -> tuple[int, dict]:
    result = CliRunner().invoke(app, ["check", "--format", "sarif", *files])
    return result.exit_code, json.loads(result.stdout)


def test_the_format_checker_really_checks_uri_references() -> None:
    assert "uri-reference" in FORMATS.checkers
    assert not FORMATS.conforms("sub dir/café #1.flow.yaml", "uri-reference")


def test_a_spanish_file_name_with_space_and_hash_is_one_valid_uri(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub dir").mkdir()
    shutil.copy(BROKEN, tmp_path / "sub dir" / "café #1.flow.yaml")
    code, log = sarif("sub dir/café #1.flow.yaml")
    assert code == 1
    validate(log)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "sub%20dir/caf%C3%A9%20%231.flow.yaml"
    parts = urlsplit(uri)
    assert parts.fragment == "" and unquote(parts.path) == "sub dir/café #1.flow.yaml"


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("a/b.flow.yaml", "a/b.flow.yaml"),
        ("100% listo.flow.yaml", "100%25%20listo.flow.yaml"),
        ("c:quejas.flow.yaml", "c%3Aquejas.flow.yaml"),  # not a scheme
        ("¿qué?.flow.yaml", "%C2%BFqu%C3%A9%3F.flow.yaml"),  # not a query
        ("/srv/flows/ação #2.flow.yaml", "file:///srv/flows/a%C3%A7%C3%A3o%20%232.flow.yaml"),
    ],
)
def test_artifact_uris_are_uri_references(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri
    assert FORMATS.conforms(uri, "uri-reference")


def test_a_clean_file_gives_one_run_with_no_results() -> None:
    code, log = sarif(str(CLEAN))
    assert code == 0
    validate(log)
    assert len(log["runs"]) == 1 and log["runs"][0]["results"] == []


def test_no_files_gives_one_run_with_no_results_never_an_empty_runs_list() -> None:
    code, log = sarif()
    assert code == 0
    validate(log)
    assert len(log["runs"]) == 1 and log["runs"][0]["results"] == []
    assert [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]][:2] == ["FC100", "FC101"]


def test_results_name_rules_regions_and_steps() -> None:
    code, log = sarif(str(BROKEN), str(CLEAN))
    assert code == 1
    validate(log)
    run = log["runs"][0]
    result = run["results"][0]
    rules = run["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "FC105"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] > 0
    assert result["locations"][0]["logicalLocations"][0]["name"]


def test_text_format_without_files_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["check"])
    assert result.exit_code == 2
    assert "give one or more flow files" in result.output
