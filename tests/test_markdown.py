"""`flowchart markdown`: ```flow blocks found like CommonMark does, checked at Markdown lines, drawn, replaced."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flowchart_cli.cli import app
from flowchart_cli.markdown_blocks import (
    BlockProblem,
    asset_stem,
    fenced_lines,
    find_flow_blocks,
    image_markdown,
    replace_blocks,
)

HERE = Path(__file__).resolve().parent
GOOD = (HERE / "cases" / "ok_atencion.flow.yaml").read_text(encoding="utf-8")
OTHER = (HERE / "cases" / "warn_fc302.flow.yaml").read_text(encoding="utf-8")
BROKEN = (HERE / "cases" / "err_fc105.flow.yaml").read_text(encoding="utf-8")  # line 7: `No: avisar`
SVG = "{http://www.w3.org/2000/svg}"
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)]+)\)")


def doc(*blocks: str, before: str = "# Procesos\n\nTexto.\n\n") -> str:
    return before + "\n".join(f"```flow\n{b}```\n" for b in blocks) + "\nFin.\n"


def invoke(*args: str, stdin: str = ""):
    return CliRunner().invoke(app, ["markdown", *args], input=stdin)


# -- finding blocks ------------------------------------------------------------------


def test_blocks_other_languages_and_examples_inside_longer_fences_are_skipped() -> None:
    text = "````markdown\n```flow\nnot: this\n```\n````\n\n~~~flow\ntitle: A\n~~~\n\n```yaml\nx: 1\n```\n"
    [block] = find_flow_blocks(text)
    assert (block.first_line, block.last_line, block.text) == (7, 9, "title: A\n")
    assert fenced_lines(text) == {1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 13}


def test_an_indented_fence_loses_its_indent_and_options_are_read() -> None:
    text = '- item\n\n  ```flow theme=mono alt="Mi flujo"\n  title: A\n    steps: []\n  ```\n'
    [block] = find_flow_blocks(text)
    assert block.indent == 2 and block.text == "title: A\n  steps: []\n"
    assert block.option("theme") == "mono" and block.option("alt") == "Mi flujo"
    assert replace_blocks(text, [block], lambda b: "![x](y.svg)") == "- item\n\n  ![x](y.svg)\n"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a\n\n```flow\ntitle: x\n", 3, "never closed"),
        ("```flow color=red\n```\n", 1, "unknown ```flow option 'color=red'"),
        ("```flow theme=night\n```\n", 1, "choose from default, mono, dark, auto"),
        ('```flow alt="open\n```\n', 1, "unclosed quote"),
    ],
)
def test_a_bad_fence_is_a_problem_at_its_line(text: str, line: int, words: str) -> None:
    with pytest.raises(BlockProblem) as caught:
        find_flow_blocks(text)
    assert caught.value.line == line and words in caught.value.message


def test_asset_names_are_readable_stable_and_change_with_the_content() -> None:
    name = asset_stem("Gestión de quejas: ¿grave?", "a")
    assert re.fullmatch(r"gestion-de-quejas-grave-[0-9a-f]{8}", name)
    assert asset_stem("Gestión de quejas: ¿grave?", "a") == name != asset_stem("Gestión de quejas: ¿grave?", "b")
    assert asset_stem("学习", "a").startswith("flow-")


def test_image_links_escape_brackets_and_wrap_odd_urls() -> None:
    assert image_markdown("Paso [1]\nde  2", "assets/a.svg") == r"![Paso \[1\] de 2](assets/a.svg)"
    assert image_markdown("x", "a (1).svg") == "![x](<a (1).svg>)"


# -- the command, without drawing -------------------------------------------------------


def test_a_broken_block_names_the_markdown_line_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "guia.md"
    source.write_text(doc(GOOD, BROKEN), encoding="utf-8")
    result = invoke(str(source), "-o", str(tmp_path / "out" / "guia.md"))
    assert result.exit_code == 1
    opening = 4 + GOOD.count("\n") + 2 + 2  # the second fence's line (a blank line between the blocks)
    assert f"guia.md:{opening + 7}:11: error FC105" in result.output
    assert f"{opening + 7} |       No: avisar" in result.output  # the Markdown's own line is quoted
    assert "nothing written" in result.output
    assert not (tmp_path / "out").exists()


def test_a_bad_option_exits_1_at_its_line(tmp_path: Path) -> None:
    source = tmp_path / "guia.md"
    source.write_text("# T\n\n```flow theme=neon\n" + GOOD + "```\n", encoding="utf-8")
    result = invoke(str(source))
    assert result.exit_code == 1
    assert "guia.md:3:1: error: ```flow option theme=neon" in result.output


def test_writing_over_the_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "README.md"
    source.write_text(doc(GOOD), encoding="utf-8")
    result = invoke(str(source), "-o", str(source))
    assert result.exit_code == 2
    assert source.read_text(encoding="utf-8") == doc(GOOD)


def test_an_existing_file_it_did_not_write_is_kept_unless_force(tmp_path: Path) -> None:
    """Spec §3: outputs never silently replace a user's file; its own earlier output is replaced as before."""
    source = tmp_path / "guia.md"
    source.write_text("# Guía\n\nSin diagramas.\n", encoding="utf-8")
    notes = tmp_path / "notas.md"
    notes.write_text("user notes\n", encoding="utf-8")
    refused = invoke(str(source), "-o", str(notes))
    assert refused.exit_code == 2
    assert "already exists and `flowchart markdown` did not write it" in refused.stderr
    assert notes.read_text(encoding="utf-8") == "user notes\n"

    out = tmp_path / "site.md"
    assert invoke(str(source), "-o", str(out)).exit_code == 0
    source.write_text("# Guía\n\nOtra versión.\n", encoding="utf-8")
    again = invoke(str(source), "-o", str(out))  # its own output: replaced without --force
    assert again.exit_code == 0, again.output
    assert out.read_text(encoding="utf-8").startswith("# Guía\n\nOtra versión.\n")

    forced = invoke(str(source), "-o", str(notes), "--force")
    assert forced.exit_code == 0, forced.output
    assert notes.read_text(encoding="utf-8").startswith("# Guía\n\nOtra versión.\n")


@pytest.mark.slow
def test_a_crlf_document_keeps_crlf_on_every_line(tmp_path: Path) -> None:
    source = tmp_path / "crlf.md"
    source.write_bytes(doc(GOOD).replace("\n", "\r\n").encode("utf-8"))
    out = tmp_path / "out.md"
    result = invoke(str(source), "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert b"](assets/" in data
    assert data.count(b"\n") == data.count(b"\r\n") > 3  # no bare LF, not even after the image link


def test_a_markdown_without_blocks_comes_back_unchanged() -> None:
    result = invoke("-", stdin="# Nada\n\n```yaml\ntitle: x\n```\n")
    assert result.exit_code == 0
    assert result.stdout == "# Nada\n\n```yaml\ntitle: x\n```\n"


# -- the command, drawing ----------------------------------------------------------------


def _steps(svg: Path) -> int:
    tree = ET.parse(svg).getroot()
    return sum("fc-step" in g.get("class", "").split() for g in tree.iter(f"{SVG}g"))


@pytest.mark.slow
def test_two_blocks_become_two_image_links_and_two_images(tmp_path: Path) -> None:
    source = tmp_path / "guia.md"
    source.write_text(doc(GOOD, OTHER), encoding="utf-8")
    out = tmp_path / "site" / "guia.md"
    result = invoke(str(source), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    links = IMAGE.findall(text)
    assert [alt for alt, _ in links] == ["Atención al cliente en cinco etapas", "Decisión sin signo de pregunta"]
    assert "```flow" not in text and text.startswith("# Procesos\n\nTexto.\n\n")
    mark = "<!-- written by flowchart markdown from guia.md; edit that file, not this one -->"
    assert text.endswith(f"\nFin.\n\n{mark}\n")
    for _, url in links:
        assert re.fullmatch(r"assets/[a-z0-9-]+-[0-9a-f]{8}\.svg", url)
        assert _steps(out.parent / url) >= 3
    assert sorted(p.name for p in (tmp_path / "site" / "assets").iterdir()) == sorted(Path(u).name for _, u in links)

    mtimes = {p: p.stat().st_mtime_ns for p in (tmp_path / "site" / "assets").iterdir()}
    assert "warning FC302" in result.output  # warnings are shown, and do not stop the writing
    again = invoke(str(source), "-o", str(out), "--quiet")
    assert again.exit_code == 0 and again.output == ""
    assert out.read_text(encoding="utf-8") == text  # deterministic
    assert {p: p.stat().st_mtime_ns for p in mtimes} == mtimes  # identical images are not rewritten


@pytest.mark.slow
def test_stdout_png_and_an_assets_folder_elsewhere(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("-", "--assets", "img/flows", "-f", "png", stdin=doc(GOOD))
    assert result.exit_code == 0, result.output
    [(_, url)] = IMAGE.findall(result.stdout)
    assert url.startswith("img/flows/") and url.endswith(".png")
    assert (tmp_path / url).read_bytes().startswith(b"\x89PNG")


@pytest.mark.slow
def test_fence_options_change_the_drawing_and_the_name(tmp_path: Path) -> None:
    source = tmp_path / "a.md"
    source.write_text(doc(GOOD) + "\n```flow theme=mono\n" + GOOD + "```\n", encoding="utf-8")
    result = invoke(str(source), "-o", str(tmp_path / "b.md"))
    assert result.exit_code == 0, result.output
    [(_, first), (_, second)] = IMAGE.findall((tmp_path / "b.md").read_text(encoding="utf-8"))
    assert first != second
    assert (tmp_path / first).read_bytes() != (tmp_path / second).read_bytes()


@pytest.mark.slow
def test_numbers_and_header_on_a_fence_reach_the_drawing(tmp_path: Path) -> None:
    source = tmp_path / "a.md"
    source.write_text("```flow numbers=true header=true\n" + GOOD + "```\n", encoding="utf-8")
    result = invoke(str(source), "-o", str(tmp_path / "b.md"))
    assert result.exit_code == 0, result.output
    [(_, url)] = IMAGE.findall((tmp_path / "b.md").read_text(encoding="utf-8"))
    tree = ET.parse(tmp_path / url).getroot()
    numbers = [t for t in tree.iter(f"{SVG}text") if "fc-number" in t.get("class", "")]
    assert [t.text for t in numbers][:3] == ["1", "2", "3"]


@pytest.mark.integration
def test_a_fifo_where_an_image_goes_does_not_hang_the_command(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    source = tmp_path / "guia.md"
    source.write_text(doc(GOOD), encoding="utf-8")
    assert invoke(str(source), "-o", str(tmp_path / "site" / "guia.md")).exit_code == 0
    [image] = (tmp_path / "site" / "assets").iterdir()
    image.unlink()
    os.mkfifo(image)
    command = [sys.executable, "-m", "flowchart_cli", "markdown", str(source), "-o", str(tmp_path / "site" / "guia.md")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert image.is_file() and image.read_bytes().startswith(b"<?xml")
