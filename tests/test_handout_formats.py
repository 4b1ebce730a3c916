"""`handout -f html,pdf` writes both, like `render -f`; `-o -` takes exactly one."""

from __future__ import annotations

import shutil
from pathlib import Path

from pypdf import PdfReader
from typer.testing import CliRunner

from flowchart_cli.cli import app

SAMPLE = Path(__file__).resolve().parent.parent / "docs" / "example" / "quejas.flow.yaml"


def test_both_formats_in_one_call(tmp_path: Path) -> None:
    flow = tmp_path / "quejas.flow.yaml"
    shutil.copy(SAMPLE, flow)
    result = CliRunner().invoke(app, ["handout", str(flow), "-f", "html,pdf"])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "quejas.handout.html").read_text(encoding="utf-8")
    assert "Gestión de quejas y reclamos" in html
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "quejas.handout.pdf").pages)
    assert "Gestión de quejas" in text


def test_repeated_option_is_the_same_as_a_list(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["handout", str(SAMPLE), "-f", "pdf", "-f", "html", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quejas.handout.html", "quejas.handout.pdf"]


def test_two_formats_to_standard_output_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["handout", str(SAMPLE), "-f", "html,pdf", "-o", "-"])
    assert result.exit_code == 2
    assert "one format" in result.output


def test_an_unknown_handout_format_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["handout", str(SAMPLE), "-f", "html,docx", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "docx" in result.output
    assert not any(tmp_path.iterdir())
