"""`flowchart new`: starter flows that pass `check`, and no silent overwrite."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from flowchart_cli.cli import app
from flowchart_cli.commands.new import DEFAULT_TEMPLATE, available_templates, target_path
from flowchart_cli.loader import load_flow

runner = CliRunner()
TEMPLATE_NAMES = [t.name for t in available_templates()]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _new(*args: str):
    return runner.invoke(app, ["new", *args])


def test_the_required_templates_are_shipped() -> None:
    assert {"atencion-cliente", "mesa-de-ayuda", "quejas", "blank"} <= set(TEMPLATE_NAMES)
    assert DEFAULT_TEMPLATE == "blank"


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_every_template_makes_a_file_that_passes_strict_check(here: Path, name: str) -> None:
    result = _new("proceso.flow.yaml", "--template", name)
    assert result.exit_code == 0, result.output
    assert f"created proceso.flow.yaml from template '{name}'" in result.stdout
    checked = runner.invoke(app, ["check", "--strict", "proceso.flow.yaml"])
    assert checked.exit_code == 0, checked.output


@pytest.mark.parametrize("template", available_templates(), ids=lambda t: t.name)
def test_every_template_explains_the_format_and_names_the_schema(template) -> None:
    lines = template.path.read_text(encoding="utf-8").splitlines()
    assert template.description and lines[0] == f"# description: {template.description}"
    assert "# yaml-language-server: $schema=flow.schema.json" in lines[:5]
    header = [line for line in lines if line.startswith("#")]
    assert len(header) >= 8 and any("decision" in line for line in header)
    flow, _ = load_flow(template.path)
    assert flow is not None and flow.lanes_declared and any(s.kind == "decision" for s in flow.steps)


def test_default_template_is_blank_and_english(here: Path) -> None:
    assert _new("onboarding.flow.yaml").exit_code == 0
    flow, diagnostics = load_flow(here / "onboarding.flow.yaml")
    assert diagnostics == [] and flow is not None
    assert flow.lang == "en"
    assert flow.title == "Onboarding"


def test_list_shows_every_template_with_its_description() -> None:
    result = _new("--list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == sorted(TEMPLATE_NAMES)
    for template in available_templates():
        assert any(line.startswith(template.name) and template.description in line for line in lines)
    assert next(line for line in lines if line.endswith("(default)")).startswith("blank ")
    assert "Atención al cliente en 5 etapas" in result.stdout


def test_refuses_to_overwrite_without_force(here: Path) -> None:
    target = here / "quejas.flow.yaml"
    target.write_text("title: mine\n", encoding="utf-8")
    result = _new("quejas.flow.yaml", "-t", "quejas")
    assert result.exit_code == 2
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "title: mine\n"
    forced = _new("quejas.flow.yaml", "-t", "quejas", "--force")
    assert forced.exit_code == 0
    assert "Registrar la queja" in target.read_text(encoding="utf-8")


def test_unknown_template_lists_the_valid_ones(here: Path) -> None:
    result = _new("x.flow.yaml", "--template", "queja")
    assert result.exit_code == 2
    assert "unknown template 'queja'" in result.stderr and "did you mean 'quejas'" in result.stderr
    for name in TEMPLATE_NAMES:
        assert name in result.stderr
    assert not (here / "x.flow.yaml").exists()


def test_template_may_be_named_with_its_file_suffix(here: Path) -> None:
    assert _new("a", "-t", "mesa-de-ayuda.flow.yaml").exit_code == 0
    assert (here / "a.flow.yaml").is_file()


def test_missing_path_is_a_usage_error(here: Path) -> None:
    result = _new()
    assert result.exit_code == 2
    assert "flowchart new quejas.flow.yaml" in result.stderr
    assert list(here.iterdir()) == []


def test_a_folder_is_not_a_file(here: Path) -> None:
    (here / "flows").mkdir()
    result = _new("flows")
    assert result.exit_code == 2 and "is a folder" in result.stderr
    assert list((here / "flows").iterdir()) == []
    assert not (here / "flows.flow.yaml").exists()


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("quejas", "quejas.flow.yaml"),
        ("flows/soporte", "flows/soporte.flow.yaml"),
        ("quejas.flow.yaml", "quejas.flow.yaml"),
        ("quejas.yml", "quejas.yml"),
        ("Quejas.YAML", "Quejas.YAML"),
    ],
)
def test_bare_names_get_the_flow_suffix(given: str, written: str) -> None:
    assert target_path(Path(given)) == Path(written)


def test_an_unwritable_place_is_a_clear_error(here: Path) -> None:
    (here / "notes.txt").write_text("x", encoding="utf-8")
    result = _new("notes.txt/proceso")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot write notes.txt/proceso.flow.yaml")
    assert "Traceback" not in result.output


def test_creates_missing_folders(here: Path) -> None:
    assert _new("procesos/ventas/devoluciones").exit_code == 0
    assert (here / "procesos/ventas/devoluciones.flow.yaml").is_file()


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("atencion-en-tienda.flow.yaml", "Atencion en tienda"),
        ("000-etapas-atencion.flow.yaml", "Etapas atencion"),
        ("12_mesa-de-ayuda.flow.yaml", "Mesa de ayuda"),
        ("3. cierre.flow.yaml", "Cierre"),
        ("2026-balance.flow.yaml", "Balance"),
        ("mesa_de_ayuda.yml", "Mesa de ayuda"),
        ("atención.flow.yaml", "Atención"),
        ("a: b #c.flow.yaml", "A: b #c"),
        ("yes.flow.yaml", "Yes"),
        ("null.flow.yaml", "Null"),
        ("2026.flow.yaml", "2026"),
        ("1e3.flow.yaml", "1e3"),
        ('comillas "x" \\ y.flow.yaml', 'Comillas "x" \\ y'),
    ],
)
def test_title_comes_from_the_file_name(here: Path, name: str, title: str) -> None:
    assert _new(name, "-t", "quejas").exit_code == 0
    flow, diagnostics = load_flow(here / name)
    assert diagnostics == [] and flow is not None
    assert flow.title == title


def test_schema_hint_points_to_the_nearest_schema_file(here: Path) -> None:
    (here / "flow.schema.json").write_text(runner.invoke(app, ["schema"]).stdout, encoding="utf-8")
    result = _new("areas/soporte/tickets.flow.yaml")
    assert result.exit_code == 0 and "tip:" not in result.stdout
    text = (here / "areas/soporte/tickets.flow.yaml").read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=../../flow.schema.json\n" in text
    assert "# description:" not in text


def test_without_a_schema_file_the_hint_stays_and_a_tip_is_printed(here: Path) -> None:
    result = _new("tickets.flow.yaml")
    assert "tip: `flowchart schema > flow.schema.json`" in result.stdout
    text = (here / "tickets.flow.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=flow.schema.json\n")


def test_output_is_the_same_on_every_run(here: Path) -> None:
    _new("a.flow.yaml", "-t", "atencion-cliente")
    first = (here / "a.flow.yaml").read_bytes()
    _new("a.flow.yaml", "-t", "atencion-cliente", "--force")
    assert (here / "a.flow.yaml").read_bytes() == first
    template = next(t for t in available_templates() if t.name == "atencion-cliente")
    expected = template.path.read_text(encoding="utf-8").split("\n", 1)[1]
    assert first.decode("utf-8") == expected.replace("title: Atención al cliente", "title: A", 1)


def test_the_user_is_told_to_edit_the_title_made_from_the_file_name(here: Path) -> None:
    result = _new("000-etapas-atencion")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [
        "created 000-etapas-atencion.flow.yaml from template 'blank'",
        "its title is 'Etapas atencion', made from the file name: edit `title:` to name the process",
    ]
    assert "\ntitle: Etapas atencion\n" in (here / "000-etapas-atencion.flow.yaml").read_text(encoding="utf-8")
