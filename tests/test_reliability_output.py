"""An output folder that cannot be used is one line and exit 2 for every command, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flowchart_cli.cli import app
from flowchart_cli.commands import common

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "refund-request.flow.yaml"


@pytest.fixture
def flow(tmp_path: Path) -> Path:
    target = tmp_path / "src" / "r.flow.yaml"
    target.parent.mkdir()
    shutil.copy(SAMPLE, target)
    return target


def places(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Unusable output folders and the reason each message must give."""
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "afile").write_text("x")
    return {
        "dangling symlink": (tmp_path / "dangling", "is a symbolic link to"),
        "under a file": (tmp_path / "afile" / "sub", "afile is a file, not a folder"),
    }


def commands(flow: Path, out: Path) -> list[list[str]]:
    return [
        ["render", str(flow), "-f", "mermaid", "-o", str(out)],
        ["handout", str(flow), "-o", str(out)],
        ["build", str(flow.parent), "-f", "mermaid", "-o", str(out)],
    ]


def one_line_exit_2(args: list[str], reason: str) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot write into ") and reason in lines[0], lines


@pytest.mark.parametrize("case", ["dangling symlink", "under a file"])
def test_an_unusable_out_dir_is_one_line_and_exit_2(tmp_path, flow, case):
    out, reason = places(tmp_path)[case]
    for args in commands(flow, out):
        one_line_exit_2(args, reason)
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_that_cannot_be_written_is_one_line_and_exit_2(tmp_path, flow, monkeypatch):
    out = tmp_path / "readonly"
    out.mkdir()
    monkeypatch.setattr(common, "_writable", lambda _: False)  # tests may run as root, who can write anywhere
    for args in commands(flow, out):
        one_line_exit_2(args, "permission denied")


def test_watch_refuses_an_unusable_out_dir_before_watching(tmp_path, flow):
    out, reason = places(tmp_path)["under a file"]
    one_line_exit_2(["watch", str(flow), "-o", str(out)], reason)


@pytest.mark.slow
def test_a_write_that_fails_late_is_one_line_and_exit_2(tmp_path, flow, monkeypatch):
    """The folder looked fine but the write failed (full disk, permissions changed): still one line."""

    def refuse(path, data):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("flowchart_cli.pipeline.write_atomic", refuse)
    monkeypatch.setattr("flowchart_cli.atomic.write_atomic", refuse)
    for args in (["render", str(flow), "-f", "mermaid"], ["handout", str(flow)]):
        one_line_exit_2(args, "permission denied")
