"""Command-line conventions: shell completion, -f everywhere, --quiet, and build --check's advice with --index."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from test_build_support import FakeRenderer, make_tree
from typer.testing import CliRunner

from flowchart_cli.batch.engine import BuildConfig, build
from flowchart_cli.cli import app

HERE = Path(__file__).resolve().parent
FLOWCHART = Path(sys.executable).with_name("flowchart")


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def test_completion_options_are_offered() -> None:
    text = invoke("--help").output
    assert "--install-completion" in text and "--show-completion" in text


@pytest.mark.integration
def test_show_completion_prints_a_bash_script() -> None:
    result = subprocess.run(
        [str(FLOWCHART), "--show-completion", "bash"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "_flowchart_completion" in result.stdout and "complete " in result.stdout


def test_f_is_format_on_check_and_rules() -> None:
    checked = invoke("check", "-f", "json", str(HERE / "rules" / "FC105.pass.flow.yaml"))
    assert checked.exit_code == 0 and json.loads(checked.stdout)["summary"]["files"] == 1
    rules = invoke("rules", "-f", "json")
    assert rules.exit_code == 0 and json.loads(rules.stdout)[0]["code"] == "FC100"


@pytest.mark.parametrize("command", ["render", "handout", "build", "markdown"])
def test_quiet_is_offered(command: str) -> None:
    assert "--quiet" in invoke(command, "--help").output


def _check(src: Path, out: Path, **options) -> tuple[int, str]:
    console = Console(record=True, width=300, force_terminal=False, soft_wrap=True)
    err = Console(record=True, width=300, force_terminal=False, stderr=True, soft_wrap=True)
    config = BuildConfig(src, out, formats=("svg",), check_only=True, **options)
    code = build(config, out=console, err=err, renderer=FakeRenderer(out.parent / "renders.log"))
    return code, console.export_text() + err.export_text()


def test_build_check_covers_index_md_and_its_advice_repeats_the_options(tmp_path: Path) -> None:
    src, out = tmp_path / "docs", tmp_path / "out"
    make_tree(src, 2)
    fake = FakeRenderer(tmp_path / "renders.log")
    quiet = Console(quiet=True)
    assert (
        build(BuildConfig(src, out, formats=("svg",), index=True, scale=2.0), out=quiet, err=quiet, renderer=fake) == 0
    )
    code, text = _check(src, out, index=True, scale=2.0)
    assert code == 0 and "all up to date" in text

    (out / "index.md").write_text("# edited by hand\n", encoding="utf-8")
    code, text = _check(src, out, index=True, scale=2.0, exclude=("drafts/",))
    assert code == 1
    assert f"stale {out}/index.md (the index of flows)" in text
    assert "1 output(s) missing or stale: run `flowchart build" in text
    advice = text[text.index("run `") + 5 : text.index("` to update")]
    assert advice.split()[:5] == ["flowchart", "build", str(src), "--out-dir", str(out)]
    assert {"--index", "--scale=2", "--exclude=drafts/", "--format"} <= set(advice.replace("=svg", "").split())


def test_build_scale_is_part_of_the_key(tmp_path: Path) -> None:
    src, out = tmp_path / "docs", tmp_path / "out"
    make_tree(src, 1)
    quiet = Console(quiet=True)
    fake = FakeRenderer(tmp_path / "renders.log")
    build(BuildConfig(src, out, formats=("svg",)), out=quiet, err=quiet, renderer=fake)
    code, text = _check(src, out, scale=3.0)
    assert code == 1 and "options, tool version or a referenced flow changed" in text


def test_build_quiet_prints_nothing_on_success(tmp_path: Path) -> None:
    src = tmp_path / "docs"
    src.mkdir()
    result = invoke("build", str(src), "-o", str(tmp_path / "out"), "--quiet")
    assert result.exit_code == 0 and result.output == ""
    loud = invoke("build", str(src), "-o", str(tmp_path / "out"))
    assert "0 flow(s)" in loud.output
