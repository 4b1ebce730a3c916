"""Stages in the handout: cover list, step table under stage headings, lane sections, checklist, quiz."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from handout_fakes import QUEJAS, FakeDrawing, diagram_of, flow_from, load

from flowchart_cli.handout.html import render_html
from flowchart_cli.handout.view import build_view

# The list order jumps back and forth between the stages (step 4 goes back to "Registro").
STAGED = """
title: Quejas por etapas
lang: {lang}
lanes:
  - Cliente
  - id: agente
    name: Agente
stages:
  - Recepción
  - id: registro
    name: Registro
    description: Todo queda en el CRM.
  - Cierre
steps:
  - id: inicio
    start: El cliente presenta su queja
    lane: Cliente
    stage: Recepción
  - id: registrar
    process: Registrar la queja
    lane: agente
    stage: registro
  - id: completa
    decision: ¿Está completa?
    stage: Recepción
    branches:
      Sí: archivar
      No: pedir
  - id: pedir
    io: Pedir los datos que faltan
    stage: registro
    next: cerrar
  - id: archivar
    database: Archivar la queja
  - id: cerrar
    end: Queja cerrada
    stage: Cierre
"""


class _Table(HTMLParser):
    """The step table's rows in document order: ("stage", heading) or ("step", number)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str]] = []
        self._in: str | None = None
        self._table = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table" and "step-table" in (attributes.get("class") or ""):
            self._table = True
        elif self._table and tag == "tr" and attributes.get("class") == "stage-heading":
            self._in = "stage"
            self.rows.append(("stage", ""))
        elif self._table and tag == "td" and attributes.get("class") == "number":
            self._in = "step"
            self.rows.append(("step", ""))

    def handle_endtag(self, tag):
        if tag == "table":
            self._table = False
        if tag in ("tr", "td"):
            self._in = None

    def handle_data(self, data):
        if self._in and data.strip():
            kind, text = self.rows[-1]
            self.rows[-1] = (kind, (text + " " + data.strip()).strip())


def _view(tmp_path, text: str, **kwargs):
    flow = flow_from(tmp_path, text)
    return build_view(flow, diagram_of(flow), FakeDrawing(), **kwargs)


def _table(view) -> list[tuple[str, str]]:
    parser = _Table()
    parser.feed(render_html(view))
    return parser.rows


def test_the_step_table_puts_each_stage_heading_before_its_steps(tmp_path):
    rows = _table(_view(tmp_path, STAGED.format(lang="es")))
    assert rows == [
        ("stage", "Etapa 1 · Recepción"),
        ("step", "1"),
        ("step", "3"),
        ("stage", "Etapa 2 · Registro"),
        ("step", "2"),
        ("step", "4"),
        ("step", "5"),
        ("stage", "Etapa 3 · Cierre"),
        ("step", "6"),
    ]


@pytest.mark.parametrize(
    ("lang", "heading", "check", "question"),
    [
        (
            "en",
            "Stage 2 · Registro",
            "I know the steps of the “Registro” stage (steps 2, 4, 5).",
            "Which stage does step",
        ),
        (
            "es",
            "Etapa 2 · Registro",
            "Conozco los pasos de la etapa «Registro» (pasos 2, 4, 5).",
            "¿A qué etapa pertenece",
        ),
        ("pt", "Etapa 2 · Registro", "Conheço os passos da etapa “Registro” (passos 2, 4, 5).", "A que etapa pertence"),
    ],
)
def test_stages_speak_the_handouts_language(tmp_path, lang, heading, check, question):
    view = _view(tmp_path, STAGED.format(lang=lang))
    assert [s.heading for s in view.stages][1] == heading
    assert check in view.checklist.items
    asked = [q for q in view.quiz if q.text.startswith(question)]
    assert len(asked) == 3
    assert [q.answer_anchor for q in asked] == ["stage-1", "stage-2", "stage-3"]
    assert asked[1].text.replace("\u00a0", " ").find(" 4, ") > 0 and asked[1].answer == heading


def test_the_cover_lists_the_stages_and_the_lane_sections_name_each_steps_stage(tmp_path):
    view = _view(tmp_path, STAGED.format(lang="es"))
    assert [(s.name, s.anchor, s.numbers) for s in view.stages] == [
        ("Recepción", "stage-1", "Pasos 1, 3"),
        ("Registro", "stage-2", "Pasos 2, 4, 5"),
        ("Cierre", "stage-3", "Paso 6"),
    ]
    html = render_html(view)
    cover = html[html.index('class="cover"') : html.index("</header>")]
    assert cover.index("Recepción") < cover.index("Registro") < cover.index("Cierre")
    assert "Todo queda en el CRM." in cover
    assert view.doc.summary == "6 pasos · 2 responsables · 3 etapas · 1 decisión"
    agente = next(lane for lane in view.lanes if lane.id == "agente")
    assert [(s.number, s.stage) for s in agente.steps] == [
        (2, "Registro"),
        (3, "Recepción"),
        (4, "Registro"),
        (5, "Registro"),
        (6, "Cierre"),
    ]
    assert '<dd class="stage">Registro</dd>' in html


def test_a_flow_without_stages_has_no_stage_anywhere(tmp_path):
    view = _view(tmp_path, QUEJAS)
    assert view.stages == ()
    assert all(not row.stage_heading for row in view.steps)
    assert [r.number for r in view.steps] == list(range(1, len(view.steps) + 1))
    assert not any("etapa" in item for item in view.checklist.items)
    html = render_html(view)
    html = html[html.index("<body") :]
    assert "stage-heading" not in html and "stage-list" not in html and 'class="stage"' not in html


def test_a_flow_with_many_stages_gets_four_stage_questions_from_first_to_last():
    flow = load(Path(__file__).resolve().parent.parent / "samples" / "gestion-quejas.flow.yaml")
    view = build_view(flow, diagram_of(flow), FakeDrawing())
    answers = [q.answer for q in view.quiz if q.answer_anchor.startswith("stage-")]
    assert answers == ["Etapa 1 · Recepción", "Etapa 3 · Clasificación", "Etapa 6 · Solución", "Etapa 8 · Cierre"]
    assert [q.number for q in view.quiz] == list(range(1, len(view.quiz) + 1))


ENDS_IN_THE_MIDDLE = """
title: Reclamo
lang: es
stages: [Entrada, Decisión, Cierre]
steps:
  - start: Llega el reclamo
    stage: Entrada
  - process: Registrar el reclamo
  - id: d
    decision: ¿Procede?
    stage: Decisión
    branches: {Sí: pagar, No: negado}
  - id: negado
    end: Reclamo negado
  - id: pagar
    process: Pagar la indemnización
  - end: Reclamo pagado
    stage: Cierre
"""


def test_a_stage_question_asks_about_a_step_not_a_start_or_an_end(tmp_path):
    # review 13: "A que etapa pertence o passo 10, 'Sinistro negado'?" asked about an end shape
    flow = flow_from(tmp_path, ENDS_IN_THE_MIDDLE)
    questions = [q.text for q in build_view(flow, diagram_of(flow), FakeDrawing()).quiz if q.kind == "stage"]
    assert questions and not any("Reclamo negado" in q or "Llega el reclamo" in q for q in questions)
    assert any("Pagar la indemnización" in q for q in questions)


@pytest.mark.slow
def test_every_stage_is_named_inside_the_printed_diagram_parts() -> None:
    """Parts cut between lanes leave the stage-name strip out; the name then sits inside the band."""
    from flowchart_cli.check import check_file
    from flowchart_cli.options import RenderOptions
    from flowchart_cli.pipeline import render_payloads

    sample = Path(__file__).resolve().parent.parent / "samples" / "gestion-quejas.flow.yaml"
    flow = check_file(sample).flow
    html = render_payloads(flow, ["html"], RenderOptions())["html"]
    html = html.decode() if isinstance(html, bytes) else html
    parts = [svg for svg in re.findall(r"<svg\b.*?</svg>", html, re.S) if "fc-step" in svg]
    assert len(parts) > 1  # the sample prints in parts on A4
    shown = []
    for svg in parts:  # a TB flow: parts are cut across x by the viewBox; words outside it are not printed
        root = ET.fromstring(svg)
        left, _, width, _ = (float(v) for v in root.get("viewBox").split())
        for text in root.iter("{http://www.w3.org/2000/svg}text"):
            xs = [float(e.get("x")) for e in (text, *text) if e.get("x") is not None]
            if xs and all(left <= x <= left + width for x in xs):
                shown.append("".join(text.itertext()))
    for stage in flow.stages:
        assert any(stage.name in words for words in shown), stage.name


@pytest.mark.slow
def test_a_step_table_page_that_goes_on_with_a_stage_names_it_in_its_running_head(tmp_path) -> None:
    """The step table repeats its column headings on every page but not the stage heading: a trainee on
    a page that starts at step 14 could not tell which stage it was in. The running head says it."""
    import subprocess

    from typer.testing import CliRunner

    from flowchart_cli.cli import app

    flow = Path(__file__).resolve().parent / "cases" / "qa" / "alvara-funcionamento.flow.yaml"
    result = CliRunner().invoke(app, ["handout", str(flow), "-f", "pdf", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "alvara-funcionamento.handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    heading = re.compile(r"^\s*(Etapa \d+ · \S.*?)\s*$")
    current, continued = "", 0
    for number, page in enumerate(text.split("\f"), start=1):
        lines = [line for line in page.splitlines() if line.strip()]
        if not lines:
            continue
        head = re.search(r"\s{3,}(Etapa \d+ · .+?)\s*$", lines[0])
        body = lines[1:]
        table = next((n for n, line in enumerate(body) if line.lstrip().startswith("N.º")), None)
        if table is not None and table + 1 < len(body) and not heading.match(body[table + 1]):
            continued += 1  # the page starts with a step of the stage the page before was in
            assert head is not None and head.group(1) == current, (number, lines[0])
        if table is None:
            assert head is None, (number, lines[0])  # no running stage outside the step table
        for line in body:
            found = heading.match(line)
            if found and table is not None:
                current = found.group(1)
    assert continued >= 2
