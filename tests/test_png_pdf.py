"""PNG and PDF are made from the same SVG: right size, not blank, a real vector PDF."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from flowchart_cli.layout import layout_flow
from flowchart_cli.loader import load_flow
from flowchart_cli.writers import RenderOptions
from flowchart_cli.writers.pdf import write_pdf
from flowchart_cli.writers.png import write_png

pytestmark = pytest.mark.slow

CASE = Path(__file__).resolve().parent / "cases" / "ok_atencion.flow.yaml"


@pytest.fixture(scope="module")
def diagram():
    flow, _ = load_flow(CASE)
    return layout_flow(flow)


def _png_info(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_png_has_the_diagram_size_and_scales(diagram):
    one = write_png(diagram, RenderOptions())
    two = write_png(diagram, RenderOptions(scale=2))
    w1, h1 = _png_info(one)
    assert (w1, h1) == (round(diagram.width), round(diagram.height))
    w2, h2 = _png_info(two)
    assert abs(w2 - 2 * w1) <= 1 and abs(h2 - 2 * h1) <= 1


def test_png_is_not_blank(diagram):
    cairocffi = pytest.importorskip("cairocffi")
    surface = cairocffi.ImageSurface.create_from_png(io.BytesIO(write_png(diagram, RenderOptions())))
    pixels = bytes(surface.get_data())
    distinct = {pixels[i : i + 4] for i in range(0, len(pixels), 4 * 97)}
    assert len(distinct) > 5  # white page, lane tints, shape fills, ink


def test_png_is_deterministic(diagram):
    assert write_png(diagram, RenderOptions()) == write_png(diagram, RenderOptions())


def test_bad_scale_is_refused(diagram):
    from flowchart_cli.errors import FlowchartError

    with pytest.raises(FlowchartError, match="scale"):
        write_png(diagram, RenderOptions(scale=0))


def test_pdf_is_one_vector_page_with_text(diagram, tmp_path):
    data = write_pdf(diagram, RenderOptions(theme="mono"))
    assert data.startswith(b"%PDF")
    assert b"/Type /Page" in data or b"/Type/Page" in data
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    path = tmp_path / "d.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Canalizar al" in text and "Especialista" in text


def test_pdf_step_links_are_clickable(write_flow):
    path = write_flow("""
        title: Links
        steps:
          - start: Open the guide
            link: "https://example.com/guide?a=1&b='2'"
          - end: Done
        """)
    flow, _ = load_flow(path)
    data = write_pdf(layout_flow(flow), RenderOptions())
    assert b"/URI (https://example.com/guide?a=1&b='2')" in data
