"""The configuration file (spec §8): where it is found, what it sets, that the command line wins, its errors."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flowchart_cli.cli import app
from flowchart_cli.settings import SETTINGS, SettingsError, find_config, load_config

FLOW = """\
title: Cambio de plan
lang: es
lanes: [Cliente, Agente]
steps:
  - start: El cliente pide cambiar de plan
    lane: Cliente
  - id: deuda
    decision: ¿Tiene deuda?
    lane: Agente
    branches:
      Sí: cobrar
      No: cambiar
  - id: cobrar
    process: Cobrar la deuda
    next: deuda
  - id: cambiar
    process: Cambiar el plan
  - end: Plan cambiado
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with a flow in a sub-folder; the tests run inside the sub-folder."""
    root = tmp_path / "proyecto"
    (root / "flujos").mkdir(parents=True)
    (root / "flujos" / "plan.flow.yaml").write_text(FLOW, encoding="utf-8")
    monkeypatch.chdir(root / "flujos")
    return root


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_nearest_flowchart_toml_wins_over_pyproject(project):
    write(project / "pyproject.toml", '[project]\nname = "x"\n[tool.flowchart]\ntheme = "dark"\n')
    assert find_config(Path.cwd()) == project / "pyproject.toml"
    write(project / "flowchart.toml", 'theme = "mono"\n')
    assert find_config(Path.cwd()) == project / "flowchart.toml"
    assert load_config().values["theme"].value == "mono"


def test_pyproject_without_the_table_is_passed_over(project, tmp_path):
    write(project / "pyproject.toml", '[project]\nname = "x"\n')
    write(tmp_path / "pyproject.toml", "[tool.flowchart]\nnumbers = true\n")
    assert find_config(Path.cwd()) == tmp_path / "pyproject.toml"


def test_the_file_sets_defaults_and_the_command_line_wins(project):
    write(
        project / "flowchart.toml",
        """
        theme = "dark"
        numbers = true
        format = ["svg", "drawio"]
        out_dir = "site/flows"
        """,
    )
    assert run("render", "plan.flow.yaml", "-q").exit_code == 0
    out = project / "site" / "flows"  # relative to the file, not to the working folder
    assert sorted(p.name for p in out.iterdir()) == ["plan.drawio", "plan.svg"]
    svg = (out / "plan.svg").read_text(encoding="utf-8")
    assert 'class="fc-number"' in svg and 'fill="#15191e"' in svg  # numbers, dark background
    result = run("render", "plan.flow.yaml", "-q", "--theme", "mono", "--no-numbers", "-f", "svg", "-o", "here")
    assert result.exit_code == 0, result.output
    svg = (Path("here") / "plan.svg").read_text(encoding="utf-8")
    assert 'class="fc-number"' not in svg and "#15191e" not in svg and "#d3efdc" not in svg
    assert not (Path("here") / "plan.drawio").exists()


def test_pyproject_table_sets_build_jobs_and_handout_paper(project):
    write(project / "pyproject.toml", '[tool.flowchart]\njobs = 1\npaper = "letter"\nquiz = false\n')
    result = run("handout", "plan.flow.yaml", "-q")
    assert result.exit_code == 0, result.output
    page = Path("plan.handout.html").read_text(encoding="utf-8")
    assert "size: letter" in page and 'id="quiz"' not in page
    result = run("handout", "plan.flow.yaml", "-q", "--quiz", "--paper", "a3")
    page = Path("plan.handout.html").read_text(encoding="utf-8")
    assert "size: A3" in page and 'id="quiz"' in page


def test_paper_in_the_file_prints_render_pdfs_on_that_paper(project):
    from pypdf import PdfReader

    write(project / "flowchart.toml", 'paper = "a4"\n')
    assert run("render", "plan.flow.yaml", "-f", "pdf", "-q").exit_code == 0
    for page in PdfReader("plan.pdf").pages:  # A4: 595 x 842 pt, either way up
        assert sorted(round(float(v)) for v in page.mediabox[2:]) == [595, 842]


def test_paper_typed_for_a_render_without_pdf_is_noted_but_not_from_the_file(project):
    """`--paper` only shapes a PDF: typed for SVG/PNG it says so; the file's `paper` (also the handout's) is quiet."""
    typed = run("render", "plan.flow.yaml", "-f", "svg,png", "--paper", "a3")
    assert typed.exit_code == 0
    assert "note: --paper a3 is for PDF only (-f pdf); svg, png ignore it" in typed.stderr
    assert Path("plan.svg").is_file() and Path("plan.png").is_file()
    assert "--paper" not in run("render", "plan.flow.yaml", "-f", "svg,pdf", "--paper", "a3").stderr
    write(project / "flowchart.toml", 'paper = "letter"\n')
    assert "--paper" not in run("render", "plan.flow.yaml", "-f", "svg").stderr


def test_config_prints_each_setting_and_where_it_comes_from(project):
    write(project / "flowchart.toml", '# equipo de atención\ntheme = "auto"\n\nnumbers = true\n')
    result = run("config")
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.output.splitlines()[1:]}
    assert set(lines) == set(SETTINGS)
    assert '"auto"' in lines["theme"] and "flowchart.toml:2" in lines["theme"]
    assert "true" in lines["numbers"] and "flowchart.toml:4" in lines["numbers"]
    assert "built in" in lines["paper"]
    report = json.loads(run("config", "--format", "json").output)
    assert report["settings"]["numbers"] == {"value": True, "from": f"{Path('..') / 'flowchart.toml'}:4"}
    assert report["settings"]["jobs"] == {"value": None, "from": "built in"}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('theme = "dark"\nthme = "mono"\n', 2, "unknown key 'thme'; did you mean 'theme'?"),
        ('# x\nnumbers = "yes"\n', 2, "'numbers' must be true or false (found \"yes\")"),
        ('theme = "night"\n', 1, "'theme' must be one of default, mono, dark, auto"),
        ("jobs = 0\n", 1, "'jobs' must be a whole number from 1"),
        ("jobs = 2.5\n", 1, "'jobs' must be a whole number"),
        ('format = ["svg", "jpeg"]\n', 1, "'format' has unknown format 'jpeg'"),
        ('numbers = true\n\n[render]\ntheme = "dark"\n', 3, "unknown key 'render'"),
        ("theme = \n", 1, "is not valid TOML"),
    ],
)
def test_a_bad_file_is_a_usage_error_naming_file_line_and_key(project, text, line, words):
    write(project / "flowchart.toml", text)
    with pytest.raises(SettingsError) as caught:
        load_config()
    assert caught.value.line == line
    result = run("check", "plan.flow.yaml")
    assert result.exit_code == 2
    shown = os.path.join("..", "flowchart.toml")
    assert f"error: {shown}:{line}: " in result.output and words in result.output
    assert "Traceback" not in result.output


def test_pyproject_error_names_the_line_in_the_table(project):
    write(project / "pyproject.toml", '[project]\nname = "x"\n\n[tool.flowchart]\ntheme = "auto"\njob = 3\n')
    result = run("render", "plan.flow.yaml")
    assert result.exit_code == 2
    assert "pyproject.toml:6: unknown key 'job'; did you mean 'jobs'?" in result.output


def test_without_a_file_the_built_in_defaults(project):
    result = run("config")
    assert result.exit_code == 0 and "built-in defaults" in result.output
    assert run("render", "plan.flow.yaml", "-q").exit_code == 0
    assert 'fill="#ffffff"' in Path("plan.svg").read_text(encoding="utf-8")


def test_serve_takes_its_port_theme_and_switches_from_the_file(project):
    from flowchart_cli.cli import app as cli_app
    from flowchart_cli.settings import default_map

    write(project / "flowchart.toml", 'port = 9000\ntheme = "dark"\nnumbers = true\n')
    commands = {name: {p.name for p in command.params} for name, command in _commands(cli_app).items()}
    defaults = default_map(load_config(), commands)
    assert defaults["serve"] == {"port": 9000, "theme": "dark", "numbers": True}
    assert "port" not in defaults["render"] and defaults["render"]["theme"] == "dark"


def _commands(typer_app):
    import typer.main

    return typer.main.get_command(typer_app).commands
