"""`flowchart import` on the command line: where it writes, --force, --page, and files that are not flowcharts."""

from __future__ import annotations

import base64
import io
import re
import shlex
import zipfile
import zlib
from pathlib import Path

import pytest
from import_support import CASES
from typer.testing import CliRunner

from flowchart_cli.cli import app

PLAIN = (CASES / "soporte-plano.drawio").read_text(encoding="utf-8")


def run(*args: str):
    return CliRunner().invoke(app, ["import", *args])


def _drawio(tmp_path: Path, text: str | bytes, name: str = "dibujo.drawio") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_writes_name_flow_yaml_beside_the_drawing_and_notes_on_stderr(tmp_path):
    source = _drawio(tmp_path, PLAIN, "soporte.drawio")
    result = run(str(source))
    assert result.exit_code == 0, result.output
    written = tmp_path / "soporte.flow.yaml"
    assert written.read_text(encoding="utf-8").startswith("# imported from soporte.drawio")
    assert f"wrote {written}" in result.stderr
    assert f"note: {source}: 1 cell(s) that are not steps" in result.stderr
    check = CliRunner().invoke(app, ["check", str(written)])
    assert check.exit_code == 0, check.output


def test_existing_output_needs_force(tmp_path):
    source = _drawio(tmp_path, PLAIN)
    target = tmp_path / "dibujo.flow.yaml"
    target.write_text("mine\n", encoding="utf-8")
    result = run(str(source))
    assert result.exit_code == 2 and "already exists; use --force" in result.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert run(str(source), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# imported")


@pytest.mark.parametrize("how", ["same", "link", "dotted"])
def test_the_drawing_itself_is_never_the_output_even_with_force(tmp_path, how):
    source = _drawio(tmp_path, PLAIN, "pedido.drawio")
    target = {"same": source, "dotted": tmp_path / "." / "pedido.drawio", "link": tmp_path / "otro.flow.yaml"}[how]
    if how == "link":
        target.symlink_to(source)
    result = run(str(source), "-o", str(target), "--force")
    assert result.exit_code == 2
    assert "is the drawing being imported; write the flow file to another name" in result.stderr
    assert source.read_text(encoding="utf-8") == PLAIN


def test_dash_prints_the_flow(tmp_path):
    result = run(str(_drawio(tmp_path, PLAIN)), "-o", "-")
    assert result.exit_code == 0 and "title: Soporte técnico\n" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dibujo.drawio"]


def test_a_page_the_file_does_not_have_is_a_usage_error(tmp_path):
    result = run(str(CASES / "devolucion-pool.drawio"), "-o", str(tmp_path / "x.flow.yaml"), "--page", "3")
    assert result.exit_code == 2 and "the file has 2 page(s)" in result.stderr
    assert not (tmp_path / "x.flow.yaml").exists()


def _compressed(payload: bytes) -> str:
    return f'<mxfile><diagram id="a" name="p">{base64.b64encode(payload).decode()}</diagram></mxfile>'


def _deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


HOSTILE = {
    "not-xml.drawio": ("flowchart TD\n A --> B\n", "not well-formed XML"),
    "svg.drawio": ('<svg xmlns="http://www.w3.org/2000/svg"/>', "not a draw.io file"),
    "empty.drawio": ('<mxfile><diagram id="a" name="p"><mxGraphModel><root><mxCell id="0"/>'
                     '<mxCell id="1" parent="0"/></root></mxGraphModel></diagram></mxfile>', "no shapes"),
    "broken.drawio": (_compressed(b"this is not deflate at all"), "does not inflate"),
    "notbase64.drawio": ('<mxfile><diagram id="a">%%%% not base64 %%%%</diagram></mxfile>', "does not inflate"),
    "bomb.drawio": (_compressed(_deflate(b"<mxGraphModel>" + b" " * (3 * 1024 * 1024))), "more than 2 MB"),
    "entities.drawio": ('<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
                        "<mxfile>&b;</mxfile>", "DTD or entities"),
    "external.xml": ('<?xml version="1.0"?><!DOCTYPE m SYSTEM "file:///etc/passwd"><mxfile/>', "DTD or entities"),
    "big.drawio": ("<mxfile>" + " " * (2 * 1024 * 1024 + 10) + "</mxfile>", "larger than 2 MB"),
    "chart.mmd": ("pie title Pets\n  \"Dogs\" : 3\n", "not a Mermaid flowchart"),
    "latin1.mmd": ("flowchart TD\n A[Año] --> B\n".encode("latin-1"), "not UTF-8"),
    "nofence.md": ("# Title\n\nNo chart here.\n", "no ```mermaid block"),
    "open.mmd": ("flowchart TD\n subgraph x\n A --> B\n", "has no `end`"),
    "dangling.md": ("# Atención\n\n```mermaid\nflowchart TD\n  A([Inicio]) --> B\n  B -->\n```\n",
                    "line 6, column 8: expected a node"),
    "drawing.vsdx": ("<mxfile/>", "not a Visio"),
    "drawing.png": ("x", "cannot tell the format"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_bad_input_exits_1_naming_the_file_and_writes_nothing(tmp_path, name):
    content, message = HOSTILE[name]
    source = _drawio(tmp_path, content, name)
    result = run(str(source))
    assert result.exit_code == 1, result.output
    assert str(source) in result.stderr and message in result.stderr and "nothing written" in result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_zip_bomb_vsdx_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("visio/pages/page1.xml", b"<PageContents>" + b" " * (50 * 1024 * 1024) + b"</PageContents>")
    source = _drawio(tmp_path, buffer.getvalue(), "bomb.vsdx")
    result = run(str(source))
    assert result.exit_code == 1 and "2 MB" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bomb.vsdx"]


def test_a_drawing_that_is_not_one_flowchart_is_written_with_a_word_about_check(tmp_path):
    source = _drawio(tmp_path, "flowchart TD\n  A{¿Sí?} --> B([Fin])\n", "suelto.mmd")
    result = run(str(source))
    assert result.exit_code == 0
    assert "`flowchart check` finds errors in" in result.stderr and "FC205" in result.stderr


def _console_examples() -> list[tuple[str, str]]:
    """(command, what it prints) of each `$ flowchart import …` in docs/import.md."""
    page = (CASES.parent.parent / "docs" / "import.md").read_text(encoding="utf-8")
    examples = []
    for block in re.findall(r"```console\n(.*?)```", page, re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            examples.append((command, output))
    return examples


@pytest.mark.parametrize(("command", "output"), _console_examples())
def test_the_import_page_shows_what_the_tool_prints(command, output, monkeypatch):
    monkeypatch.chdir(CASES.parent.parent)
    result = CliRunner().invoke(app, shlex.split(command)[1:], terminal_width=200)
    assert result.output == output
    assert result.exit_code == (1 if "error:" in output else 0)
