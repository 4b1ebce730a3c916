"""Special files and terminal escapes: what the loader and the text reports do with hostile input."""

from __future__ import annotations

import io
import os
import time
import tracemalloc
from pathlib import Path

import pytest

from flowchart_cli.check import check_file
from flowchart_cli.printable import visible, visible_columns
from flowchart_cli.regularfile import NotRegularFile, open_regular
from flowchart_cli.report.github import format_github
from flowchart_cli.report.text import write_text

GOOD = "title: T\nsteps:\n  - start: Inicio\n  - end: Fin\n"
ESCAPES = "\x1b]0;PWNED\x07\x1b[2J\x1b[31m"


def text_report(path: Path) -> str:
    stream = io.StringIO()
    write_text(stream, [check_file(path)])
    return stream.getvalue()


def only_fc100(path: Path) -> str:
    tracemalloc.start()
    started = time.monotonic()
    [d] = check_file(path).diagnostics
    elapsed = time.monotonic() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert d.code == "FC100"
    assert elapsed < 5 and peak < 4 * 1024 * 1024
    return d.message


def test_a_fifo_is_fc100_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "p.flow.yaml"
    os.mkfifo(fifo)
    assert "FIFO" in only_fc100(fifo)
    assert "FIFO" in text_report(fifo)  # the report quotes nothing and does not wait either


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_fc100_with_memory_bounded(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    assert "character device" in only_fc100(Path(device))


def test_a_flow_named_symlink_to_a_device_is_fc100(tmp_path: Path) -> None:
    link = tmp_path / "zero.flow.yaml"
    link.symlink_to("/dev/zero")
    assert "character device" in only_fc100(link)
    assert "character device" in text_report(link)


def test_open_regular_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    with pytest.raises(NotRegularFile, match="folder"):
        open_regular(tmp_path)
    (tmp_path / "f.yaml").write_text(GOOD)
    with open_regular(tmp_path / "f.yaml") as handle:
        assert handle.read() == GOOD.encode()


def test_utf32_is_named_utf32(tmp_path: Path) -> None:
    path = tmp_path / "t.flow.yaml"
    path.write_bytes(GOOD.encode("utf-32"))
    assert "UTF-32" in only_fc100(path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_binary_files_are_not_quoted_with_their_raw_bytes(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "t.flow.yaml"
    path.write_bytes(("title: x\x01\n" + GOOD).encode(encoding))
    report = text_report(path)
    assert "\x00" not in report and "\x01" not in report
    assert " | " not in report  # no source line is quoted


def test_control_characters_of_a_quoted_line_are_shown_as_escapes(tmp_path: Path) -> None:
    path = tmp_path / "t.flow.yaml"
    path.write_text(f"title: T\nsteps:\n  - start: a{ESCAPES}b\n  - end: Fin\n", encoding="utf-8")
    report = text_report(path)
    assert "\x1b" not in report and "\x07" not in report
    assert "a\\x1b]0;PWNED\\x07\\x1b[2J\\x1b[31mb" in report
    lines = report.splitlines()
    quoted = next(n for n, line in enumerate(lines) if "PWNED" in line and " | " in line)
    # the caret still points at the character reported (the ESC, shown as \x1b)
    column = lines[quoted + 1].index("^")
    assert lines[quoted][column : column + 4] == "\\x1b"


def test_file_names_are_shown_with_escapes(tmp_path: Path) -> None:
    path = tmp_path / f"x{ESCAPES}y.flow.yaml"
    path.write_text("title: T\n", encoding="utf-8")
    report = text_report(path)
    assert "\x1b" not in report and "x\\x1b]0;PWNED" in report


def test_a_file_name_that_is_not_utf8_is_printable(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.flow.yaml")
    path = tmp_path / name
    path.write_text("title: T\n", encoding="utf-8")
    report = text_report(path)
    report.encode("utf-8")  # no lone surrogate left
    assert "caf\\xe9.flow.yaml" in report


def test_github_annotations_escape_control_characters(tmp_path: Path) -> None:
    path = tmp_path / f"a{ESCAPES}.flow.yaml"
    path.write_text("title: T\n", encoding="utf-8")
    text = format_github([check_file(path)])
    assert "\x1b" not in text and "\x07" not in text and "%0A" not in text.split("::")[1]


def test_bidi_overrides_and_c1_controls_are_escaped() -> None:
    assert visible("a\u202eb\u2066c\x85d\x7f") == "a\\u202eb\\u2066c\\x85d\\x7f"
    assert visible("Gestión ñ 步骤 ✓") == "Gestión ñ 步骤 ✓"
    shown, where = visible_columns("a\x1bb")
    assert shown == "a\\x1bb" and where == [0, 1, 5, 6]


@pytest.mark.parametrize("command", ["check", "render", "handout"])
def test_every_command_answers_a_special_file_with_fc100_and_exit_1(tmp_path: Path, command: str) -> None:
    from typer.testing import CliRunner

    from flowchart_cli.cli import app

    link = tmp_path / "zero.flow.yaml"
    link.symlink_to("/dev/zero")
    fifo = tmp_path / "p.flow.yaml"
    os.mkfifo(fifo)
    result = CliRunner().invoke(app, [command, str(link), str(fifo)])
    assert result.exit_code == 1, result.output
    assert "FC100" in result.output and "character device" in result.output and "FIFO" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.flow.yaml", "zero.flow.yaml"]  # nothing written
