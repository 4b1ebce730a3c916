"""`flowchart build` against spec §3 through the real CLI: what it may write, replace and remove.

The cases come from an outside review of the CLI (its reproductions, kept as
tests): a clash of output names writes nothing, a hand-edited output is kept
unless `--force`, outputs of a deleted flow are reported and removed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flowchart_cli.batch.manifest import MANIFEST_NAME
from flowchart_cli.cli import app

CASES = Path(__file__).resolve().parent / "review_cases"
RECLAMOS = CASES / "reclamos.flow.yaml"
pytestmark = pytest.mark.slow


def build(*args: str):
    return CliRunner().invoke(app, ["build", *args, "--format", "svg"], env={"CI": "true"})


def tree(root: Path, *names: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(RECLAMOS, root / name)
    return root


def test_two_flows_with_the_same_output_names_write_nothing(tmp_path):
    src, site = tree(tmp_path / "src", "x.flow.yaml", "x.yaml"), tmp_path / "site"
    result = build(str(src), "-o", str(site))
    assert result.exit_code == 2
    assert "x.yaml: has the same output names as x.flow.yaml" in result.output
    assert not site.exists()  # not one flow's outputs, not the manifest, not even the folder


def test_an_output_edited_by_hand_is_kept_unless_force(tmp_path):
    src, site = tree(tmp_path / "src", "a.flow.yaml", "b.flow.yaml"), tmp_path / "site"
    assert build(str(src), "-o", str(site)).exit_code == 0
    built = (site / "a.svg").read_text(encoding="utf-8")
    edited = built + "<!-- ajuste manual -->\n"
    (site / "a.svg").write_text(edited, encoding="utf-8")
    renamed = RECLAMOS.read_text(encoding="utf-8").replace("Atención de reclamos", "Reclamos revisados")
    (src / "b.flow.yaml").write_text(renamed, encoding="utf-8")

    check = build(str(src), "-o", str(site), "--check")
    assert check.exit_code == 1 and "a.svg" in check.output and "edited" in check.output

    kept = build(str(src), "-o", str(site))
    assert kept.exit_code == 2
    assert f"would replace {site / 'a.svg'}, which was changed since the build wrote it" in kept.output
    assert (site / "a.svg").read_text(encoding="utf-8") == edited
    assert "Reclamos revisados" in (site / "b.svg").read_text(encoding="utf-8")  # the other flow is rebuilt

    forced = build(str(src), "-o", str(site), "--force")
    assert forced.exit_code == 0, forced.output
    assert (site / "a.svg").read_text(encoding="utf-8") == built
    recorded = json.loads((site / MANIFEST_NAME).read_text(encoding="utf-8"))["flows"]["a.flow.yaml"]
    assert recorded["outputs"]["svg"]["sha256"] == hashlib.sha256(built.encode()).hexdigest()
    assert build(str(src), "-o", str(site), "--check").exit_code == 0


def test_outputs_of_a_deleted_or_renamed_flow_fail_check_and_are_removed(tmp_path):
    src, site = tree(tmp_path / "src", "a.flow.yaml", "b.flow.yaml"), tmp_path / "site"
    assert build(str(src), "-o", str(site)).exit_code == 0
    (site / "notas.svg").write_text("<svg>mine</svg>", encoding="utf-8")  # the user's: never removed
    (src / "b.flow.yaml").unlink()
    (src / "a.flow.yaml").rename(src / "c.flow.yaml")

    check = build(str(src), "-o", str(site), "--check")
    assert check.exit_code == 1
    assert f"stale {(site / 'b.svg').as_posix()} (b.flow.yaml: the flow file is gone; the build removes it)" in (
        check.output
    )
    assert "a.svg" in check.output and "all up to date" not in check.output
    assert (site / "b.svg").is_file()  # --check writes nothing

    result = build(str(src), "-o", str(site))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in site.iterdir() if not p.name.startswith(".")) == ["c.svg", "notas.svg"]
    assert set(json.loads((site / MANIFEST_NAME).read_text(encoding="utf-8"))["flows"]) == {"c.flow.yaml"}
    assert build(str(src), "-o", str(site), "--check").exit_code == 0
