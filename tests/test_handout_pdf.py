"""`flowchart handout` end to end: the real layout and SVG, HTML and PDF files read back (slow)."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
import tinyhtml5
from handout_fakes import big_flow_text
from typer.testing import CliRunner

from flowchart_cli.check import check_file
from flowchart_cli.cli import app

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
QUEJAS = ROOT / "samples" / "gestion-quejas.flow.yaml"
ATENCION = Path(__file__).resolve().parent / "cases" / "ok_atencion.flow.yaml"
H = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"


def run(*args: str):
    return CliRunner().invoke(app, ["handout", *map(str, args)])


def pdf_of(flow: Path, out: Path, *extra: str) -> pypdf.PdfReader:
    result = run(flow, "--format", "pdf", "-o", out, *extra)
    assert result.exit_code == 0, result.output
    name = flow.name.removesuffix(".flow.yaml")
    return pypdf.PdfReader(out / f"{name}.handout.pdf")


def flat(text: str) -> str:
    return " ".join(text.split())


def page_texts(reader: pypdf.PdfReader) -> list[str]:
    return [flat(page.extract_text()) for page in reader.pages]


@pytest.fixture(scope="module")
def quejas_pdf(tmp_path_factory) -> pypdf.PdfReader:
    return pdf_of(QUEJAS, tmp_path_factory.mktemp("pdf"))


def test_pdf_holds_title_every_label_and_every_lane(quejas_pdf):
    flow = check_file(QUEJAS).flow
    text = " ".join(page_texts(quejas_pdf))
    assert flow.title in text
    for step in flow.steps:
        assert flat(step.label) in text, step.label
    for lane in flow.lanes:
        assert f"Responsabilidades — {lane.name}" in text
    assert "¿La queja es grave?" in text and "Sí → paso" in text


def test_pdf_pages_are_a4_numbered_and_answers_come_last(quejas_pdf):
    texts = page_texts(quejas_pdf)
    total = len(quejas_pdf.pages)
    assert total >= 8
    for number, (page, text) in enumerate(zip(quejas_pdf.pages, texts, strict=True), start=1):
        assert f"Página {number} de {total}" in text
        width, height = sorted((float(page.mediabox.width), float(page.mediabox.height)))
        assert (round(width), round(height)) == (595, 842)
    assert all("Gestión de quejas y reclamos · Versión 2.1" in t for t in texts[1:])
    assert "Respuestas de la autoevaluación" in texts[-1]
    assert not any("Respuestas de la autoevaluación" in t for t in texts[1:-1])  # page 1: the contents
    assert "Autoevaluación" in " ".join(texts[:-1])


def test_pdf_metadata_title_language_and_dates(quejas_pdf):
    info = quejas_pdf.metadata
    assert info["/Title"] == "Gestión de quejas y reclamos"
    assert quejas_pdf.trailer["/Root"]["/Lang"] == "es"
    assert info["/CreationDate"].startswith("D:20261120") and info["/ModDate"].startswith("D:20261120")


def test_pdf_diagram_is_vector_with_selectable_text_and_fonts_are_embedded(quejas_pdf):
    page = quejas_pdf.pages[2]  # page 2 is the overview (no words); the first part follows
    xobjects = page["/Resources"].get("/XObject", {})
    assert all(x.get_object()["/Subtype"] == "/Form" for x in xobjects.values())
    assert "Agente de atención" in flat(page.extract_text())
    for page in quejas_pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"] or "/FontFile3" in descendant["/FontDescriptor"]


def test_pdf_is_reproducible_and_dated_from_source_date_epoch(tmp_path, monkeypatch):
    flow = tmp_path / "sin-fecha.flow.yaml"
    flow.write_text(ATENCION.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = pdf_of(flow, tmp_path / "a")
    second = pdf_of(flow, tmp_path / "b")
    assert (tmp_path / "a/sin-fecha.handout.pdf").read_bytes() == (tmp_path / "b/sin-fecha.handout.pdf").read_bytes()
    assert first.metadata["/CreationDate"].startswith("D:20231114221320")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    undated = pdf_of(flow, tmp_path / "c")
    assert "/CreationDate" not in undated.metadata
    assert second.metadata["/Title"] == "Atención al cliente en cinco etapas"


def test_no_quiz_and_lang_override(tmp_path):
    texts = page_texts(pdf_of(QUEJAS, tmp_path, "--no-quiz", "--lang", "en"))
    text = " ".join(texts)
    assert "Self-check quiz" not in text and "Quiz answers" not in text and "Autoevaluación" not in text
    assert "Step by step" in text and f"Page 2 of {len(texts)}" in text and "Responsibilities — Supervisor" in text
    assert "Trainee checklist" in texts[-1] or "References" in texts[-1]


def test_wide_diagram_gets_a_landscape_page(tmp_path):
    reader = pdf_of(ROOT / "samples" / "refund-request.flow.yaml", tmp_path)
    diagram_page = reader.pages[1]
    assert float(diagram_page.mediabox.width) > float(diagram_page.mediabox.height)
    table = next(page for page in reader.pages if "Step by step" in page.extract_text())
    assert float(table.mediabox.width) < float(table.mediabox.height)


def test_300_steps_and_very_long_labels_paginate(tmp_path):
    flow = tmp_path / "grande.flow.yaml"
    flow.write_text(big_flow_text(300), encoding="utf-8")
    reader = pdf_of(flow, tmp_path)
    texts = page_texts(reader)
    text = " ".join(texts)
    total = len(texts)
    assert 40 < total < 300  # about half of them the diagram's parts, every word of them at 7 pt
    assert all(f"Página {n} de {total}" in t for n, t in enumerate(texts, start=1))
    for n in (1, 2, 150, 298):
        assert f"Paso número {n} — revisar, validar y registrar la información del expediente" in text
    assert "¿Está completa la revisión número 292?" in text and "Fin del proceso grande" in text
    assert "muy largo" in text


def test_html_file_is_self_contained_and_identical_across_runs(tmp_path):
    assert run(QUEJAS, "-o", tmp_path / "a").exit_code == 0
    assert run(QUEJAS, "-o", tmp_path / "b").exit_code == 0
    html = (tmp_path / "a/gestion-quejas.handout.html").read_bytes()
    assert html == (tmp_path / "b/gestion-quejas.handout.html").read_bytes()
    root = tinyhtml5.parse(html.decode("utf-8"))
    assert not any(e.tag.endswith("}script") for e in root.iter())
    for element in root.iter():
        assert "src" not in element.attrib
        assert not any(name.startswith("on") for name in element.attrib)
        href = element.get("href")
        # in-page anchors, the flow's link, and the diagram's off-page connector to its flow's diagram
        assert href in (None, "https://intranet.example/kb/quejas", "seguimiento-satisfaccion.svg") or href[0] == "#"
    diagram = next(e for e in root.iter(f"{SVG}svg") if e.get("aria-labelledby"))
    steps = [g for g in diagram.iter(f"{SVG}g") if "fc-step" in (g.get("class") or "")]
    assert len(steps) == len(check_file(QUEJAS).flow.steps)
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    rows = next(e for e in root.iter(f"{H}tbody")).findall(f"{H}tr")
    headings = [r for r in rows if r.get("class") == "stage-heading"]  # the sample has stages
    assert len(rows) - len(headings) == len(check_file(QUEJAS).flow.steps)
    assert len(headings) == len(check_file(QUEJAS).flow.stages)


def test_every_sample_writes_both_handouts(tmp_path, samples):
    assert samples
    assert run(*samples, "-o", tmp_path).exit_code == 0
    assert run(*samples, "--format", "pdf", "-o", tmp_path).exit_code == 0
    for sample in samples:
        name = sample.name.removesuffix(".flow.yaml")
        title = check_file(sample).flow.title
        assert pypdf.PdfReader(tmp_path / f"{name}.handout.pdf").metadata["/Title"] == title
        assert f"<title>{title}</title>" in (tmp_path / f"{name}.handout.html").read_text(encoding="utf-8")


def test_a_flow_with_errors_writes_nothing(tmp_path):
    bad = tmp_path / "malo.flow.yaml"
    bad.write_text("title: Malo\nsteps:\n  - start: a\n    next: nowhere\n  - end: b\n", encoding="utf-8")
    result = run(bad, QUEJAS, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["gestion-quejas.handout.html"]


def test_template_dir_and_a_broken_template(tmp_path):
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / "title.html.j2").write_text('<header id="top"><h1>ACME — {{ doc.title }}</h1></header>\n')
    assert run(QUEJAS, "-o", tmp_path / "a", "--template-dir", brand).exit_code == 0
    assert "<h1>ACME — Gestión de quejas y reclamos</h1>" in (tmp_path / "a/gestion-quejas.handout.html").read_text()
    (brand / "steps.html.j2").write_text("{% for row in steps %}{{ row.nope }}{% endfor %}")
    result = run(QUEJAS, "-o", tmp_path / "b", "--template-dir", brand)
    assert result.exit_code == 2 and "handout template" in result.output and "nope" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "b").exists()
    (brand / "steps.html.j2").write_text("{% for row in steps %}")
    result = run(QUEJAS, "-o", tmp_path / "c", "--template-dir", brand)
    assert result.exit_code == 2 and re.search(r"steps\.html\.j2:1", result.output)


def test_pdf_outline_lists_the_sections(quejas_pdf):
    top = quejas_pdf.outline
    assert top[0].title == "Gestión de quejas y reclamos"
    sections = [item.title for item in top[1]]
    assert sections[:3] == ["Contenido", "Diagrama", "Paso a paso"]
    assert "Responsabilidades — Agente de atención" in sections and sections[-1] == "Respuestas de la autoevaluación"
