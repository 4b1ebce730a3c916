"""An output folder that cannot be used is one line and exit 2 for every command, never a traceback."""

from __future__ import annotations

import os
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


def slow_dot(tmp_path: Path) -> str:
    """A PATH whose `dot` never answers."""
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "dot"
    program.write_text("#!/bin/sh\nexec sleep 30\n")
    program.chmod(0o755)
    return f"{folder}{os.pathsep}/bin{os.pathsep}/usr/bin"


@pytest.mark.integration
def test_layout_timeout_sets_the_graphviz_limit_and_the_message_says_how_to_raise_it(tmp_path, flow, monkeypatch):
    monkeypatch.setenv("PATH", slow_dot(tmp_path))
    result = CliRunner().invoke(app, ["render", str(flow), "-f", "mermaid", "--layout-timeout", "1"])
    assert result.exit_code == 2, result.output
    assert "did not finish within 1 s" in result.output and "--layout-timeout SECONDS" in result.output
    build = CliRunner().invoke(
        app, ["build", str(flow.parent), "-o", str(tmp_path / "out"), "-f", "mermaid", "-j", "1", "--layout-timeout=1"]
    )
    assert build.exit_code == 2, build.output
    assert "did not finish within 1 s" in build.output


def test_layout_timeout_must_be_at_least_a_second(flow):
    result = CliRunner().invoke(app, ["render", str(flow), "--layout-timeout", "0"])
    assert result.exit_code == 2 and "--layout-timeout" in result.output


def test_a_signal_let_through_as_the_temporary_file_is_named_leaves_no_temporary_file(tmp_path, monkeypatch):
    """A SIGTERM held back while the temporary file is created is raised as soon as the signals are let
    through, which can be before the `with` that held them ends (a build's worker once left
    `.flujo-16.png.flowchart-….tmp` behind)."""
    import contextlib

    from flowchart_cli import atomic

    @contextlib.contextmanager
    def signal_on_release():
        yield
        raise KeyboardInterrupt  # what Python raises from the handler right after the unmask

    monkeypatch.setattr(atomic, "_signals_held", signal_on_release)
    target = tmp_path / "flow.svg"
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(target, "<svg/>")
    assert list(tmp_path.iterdir()) == []
