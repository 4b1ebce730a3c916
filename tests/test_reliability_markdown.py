"""`flowchart markdown`: fences in nested list items, files over 2 MB, outputs it cannot write."""

from __future__ import annotations

import re
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from fault_support import flowchart

from flowchart_cli.markdown_blocks import find_flow_blocks

pytestmark = pytest.mark.integration

FLOW = """title: Cambio de domicilio
lang: es
lanes: [Cliente, Agente]
steps:
  - start: El cliente pide el cambio
    lane: Cliente
  - id: valida
    decision: ¿Datos completos?
    lane: Agente
    branches:
      Sí: registra
      No: pide
  - id: pide
    process: Pedir los datos que faltan
    next: valida
  - id: registra
    process: Registrar el domicilio nuevo
  - end: Cambio registrado
"""


def nested(flow: str) -> str:
    body = "".join(f"     {line}\n" if line else "\n" for line in flow.splitlines())
    return (
        "# Guía del agente\n\n1. Recibir la solicitud:\n   - Seguir este flujo:\n\n"
        f"     ```flow\n{body}     ```\n\n2. Cerrar el caso.\n\nFin de la guía.\n\n"
        "    ```flow\n    not a fence: indented code\n    ```\n"
    )


def test_a_flow_fence_inside_a_nested_list_item_is_rendered(tmp_path):
    source = tmp_path / "guia.md"
    source.write_text(nested(FLOW), encoding="utf-8")
    done = flowchart("markdown", str(source), "-o", str(tmp_path / "site/guia.md"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "site/guia.md").read_text(encoding="utf-8")
    assert "     ![Cambio de domicilio](assets/cambio-de-domicilio-" in text  # in its list item
    assert "    ```flow\n    not a fence: indented code\n" in text
    [svg] = (tmp_path / "site/assets").glob("*.svg")
    assert {"valida", "pide", "registra"} <= set(re.findall(r'data-step="([^"]+)"', svg.read_text(encoding="utf-8")))


def test_the_nested_block_reports_errors_at_the_markdown_lines():
    [block] = find_flow_blocks(nested(FLOW))
    assert (block.first_line, block.indent) == (6, 5)
    assert block.text == FLOW


def test_a_markdown_file_over_2_mb_has_its_own_message(tmp_path):
    big = tmp_path / "manual.md"
    big.write_text("# Manual\n\n" + "Texto de relleno.\n" * 130_000, encoding="utf-8")
    done = flowchart("markdown", str(big))
    assert done.returncode == 1
    assert "the Markdown file is 2.2 MB; `flowchart markdown` reads files of at most 2 MB" in done.stderr
    assert "flow files" not in done.stderr and "ref" not in done.stderr


def page(tmp_path: Path) -> Path:
    source = tmp_path / "guia.md"
    source.write_text(f"# Guía\n\n```flow\n{FLOW}```\n", encoding="utf-8")
    (tmp_path / "a-file").write_text("not a folder")
    return source


def test_an_assets_folder_that_cannot_be_made_is_one_line_and_exit_2(tmp_path):
    source = page(tmp_path)
    done = flowchart("markdown", str(source), "-o", str(tmp_path / "out.md"), "--assets", str(tmp_path / "a-file/img"))
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"error: cannot write into {tmp_path / 'a-file/img'}: {tmp_path / 'a-file'} is a file, not a folder; "
        "choose another folder for the images with --assets"
    )
    assert not (tmp_path / "out.md").exists()


def test_an_output_file_that_cannot_be_written_is_one_line_and_exit_2(tmp_path):
    source = page(tmp_path)
    images = tmp_path / "img"
    done = flowchart("markdown", str(source), "-o", str(tmp_path / "a-file/out.md"), "--assets", str(images))
    assert done.returncode == 2
    assert "a-file is a file, not a folder; choose another place for the Markdown with -o" in done.stderr
    assert "Traceback" not in done.stderr
    assert not images.exists()  # nothing written before the problem was found


def small_files() -> None:
    """The child may write files of at most 4 KB (a full disk, as far as it can tell)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_full_disk_under_the_assets_is_one_line_and_exit_2(tmp_path):
    source = page(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "flowchart_cli", "markdown", str(source), "-o", str(tmp_path / "out.md")],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=small_files,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"error: cannot write into {tmp_path / 'assets'}: ")
    assert "File too large" in done.stderr and "--assets" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out.md").exists() and not list(tmp_path.rglob("*.tmp"))
