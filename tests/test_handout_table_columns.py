"""The step table's columns hold their text: no word sticks out past its cell in the PDF WeasyPrint sets,
and the width goes where the text is (a nearly empty notes or links column is folded under the labels).

triagem-hospital's «Encaminhamento → passo 26» stuck out past the table's right edge while «Observações»
and «Links» held «—» in 28 of 29 rows.  The flow here is our own: a hospital admission in Portuguese with a
four-way decision, one note and one link.
"""

from __future__ import annotations

import re

import pytest
import tinyhtml5
from handout_fakes import FakeDrawing, diagram_of, flow_from

from flowchart_cli.handout.html import render_html
from flowchart_cli.handout.view import build_view

H = "{http://www.w3.org/1999/xhtml}"

ALTA = """
title: Alta hospitalar
lang: pt
lanes:
  - id: paciente
    name: Paciente
    external: true
  - id: enfermagem
    name: Enfermagem de internação
  - id: medico
    name: Médico assistente
steps:
  - start: Paciente pronto para a avaliação de alta
    lane: paciente
  - process: Conferir sinais vitais e exames do dia
    lane: enfermagem
    duration: 15 min
    notes: Registrar no prontuário antes da visita médica.
  - id: conduta
    decision: Qual é a conduta após a avaliação?
    lane: medico
    branches:
      Alta: receita
      Encaminhamento: guia
      Transferência: transferir
      Observação: observar
  - id: observar
    delay: Manter em observação por 6 horas
    lane: enfermagem
    duration: 6 horas
    next: conduta
  - id: receita
    document: Receita e orientações de alta
    lane: medico
    link: https://intranet.example/protocolos/alta-segura
    next: explicar
  - id: guia
    document: Guia de encaminhamento ao especialista
    next: fim_guia
  - id: transferir
    subprocess: Transferir para outro hospital da rede
    duration: 1 dia
    next: fim_transf
  - id: explicar
    process: Explicar a medicação ao acompanhante
    lane: enfermagem
  - process: Revisar a lista de medicamentos de uso contínuo
  - process: Agendar o retorno ambulatorial
  - process: Entregar o resumo de alta impresso
  - process: Orientar sobre sinais de alerta
  - id: fim_alta
    end: Paciente recebe alta
    lane: paciente
  - id: fim_guia
    end: Paciente encaminhado
  - id: fim_transf
    end: Paciente transferido
"""


@pytest.fixture
def alta(tmp_path):
    return flow_from(tmp_path, ALTA)


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_nearly_empty_notes_and_links_fold_under_the_step_label(alta) -> None:
    """One note and one link in 15 rows: no columns of «—»; each sits under its step's label."""
    view = build_view(alta, diagram_of(alta), FakeDrawing())
    assert [c.key for c in view.columns] == ["number", "step", "symbol", "lane", "duration", "next"]
    assert sum(c.width for c in view.columns) == pytest.approx(100, abs=0.05)
    root = tinyhtml5.parse(render_html(view))
    table = next(t for t in root.iter(f"{H}table") if t.get("class") == "step-table")
    assert [th.get("class") for th in table.iter(f"{H}th") if th.get("scope") == "col"] == [c.key for c in view.columns]
    rows = {row.get("id"): row for row in table.iter(f"{H}tr") if row.get("id")}
    label = rows["step-2"].find(f"{H}td[@class='label']")
    aside = next(s for s in label.iter(f"{H}span") if s.get("class") == "aside notes")
    assert _text(aside) == "Observações: Registrar no prontuário antes da visita médica."
    link = rows["step-5"].find(f"{H}td[@class='label']")
    assert [a.get("href") for a in link.iter(f"{H}a")] == ["https://intranet.example/protocolos/alta-segura"]
    # the label is a block of its own above the aside: WeasyPrint set contracargo-banco's «Abrir el caso en el
    # sistema de disputas» followed by a block as «Abrir» | «el caso en …»
    assert [_text(s) for s in link.iter(f"{H}span") if s.get("class") == "label-text"] == [
        "Receita e orientações de alta"
    ]
    # every row has as many cells as the table has columns
    assert {len(row.findall(f"{H}td")) for row in rows.values()} == {len(view.columns)}


def test_an_external_lane_whose_name_ends_in_brackets_gets_one_pair(tmp_path) -> None:
    """Review 8: «Técnico de campo (terceirizado) (parte externa)»; now «(terceirizado; parte externa)»."""
    flow = flow_from(tmp_path, ALTA.replace("name: Paciente\n", "name: Paciente (acompanhante)\n"))
    root = tinyhtml5.parse(render_html(build_view(flow, diagram_of(flow), FakeDrawing())))
    table = next(t for t in root.iter(f"{H}table") if t.get("class") == "step-table")
    row = next(r for r in table.iter(f"{H}tr") if r.get("id") == "step-1")
    assert _text(row.find(f"{H}td[@class='lane']")) == "Paciente (acompanhante; parte externa)"
    row = next(r for r in table.iter(f"{H}tr") if r.get("id") == "step-2")
    assert _text(row.find(f"{H}td[@class='lane']")) == "Enfermagem de internação"


def test_filled_columns_stay_and_the_next_column_is_wide_enough_for_its_longest_word(tmp_path) -> None:
    """Notes in most rows keep their column; the next column still holds «Encaminhamento» whole."""
    noted = re.sub(r"(\n    (?:process|document|delay|subprocess): [^\n]+)", r"\1\n    notes: Conferir antes.", ALTA)
    flow = flow_from(tmp_path, noted)
    view = build_view(flow, diagram_of(flow), FakeDrawing())
    widths = {c.key: c.width for c in view.columns}
    assert "notes" in widths and "links" not in widths  # one link in 15 rows: folded
    assert widths["next"] * 1.8 > 30  # mm on A4: «Encaminhamento» and its padding, with room to spare


def _cells(document):
    """(row id, cell box, its text boxes, the texts of each of its lines) of every body cell of the step
    table, page by page."""
    from weasyprint.formatting_structure import boxes

    def walk(box, in_table=False, row=""):
        element = getattr(box, "element", None)
        if isinstance(box, boxes.TableBox):
            in_table = element is not None and element.get("class") == "step-table"
        if isinstance(box, boxes.TableRowBox) and element is not None:
            row = element.get("id") or ""
        if in_table and isinstance(box, boxes.TableCellBox) and box.element_tag == "td":
            lines = [
                [t.text for t in _all(ln) if isinstance(t, boxes.TextBox)]
                for ln in _all(box)
                if isinstance(ln, boxes.LineBox)
            ]
            yield row, box, [b for b in _all(box) if isinstance(b, boxes.TextBox)], lines
            return
        for child in getattr(box, "children", None) or ():
            yield from walk(child, in_table, row)

    for page in document.pages:
        yield from walk(page._page_box)


def _all(box):
    yield box
    for child in getattr(box, "children", None) or ():
        yield from _all(child)


@pytest.mark.slow
@pytest.mark.parametrize("noted", [False, True])
def test_no_text_sticks_out_of_its_cell_in_the_pdf_and_words_break_only_between_words(tmp_path, noted: bool) -> None:
    """WeasyPrint's own layout: every line of every cell ends inside the cell, and every line is made of
    whole words of the cell's text (a hop breaks between its outcome and its arrow, never in a word)."""
    weasyprint = pytest.importorskip("weasyprint")
    text = ALTA
    if noted:
        text = re.sub(r"(\n    (?:process|document|delay|subprocess): [^\n]+)", r"\1\n    notes: Conferir antes.", ALTA)
    flow = flow_from(tmp_path, text)
    html = render_html(build_view(flow, diagram_of(flow), FakeDrawing()))
    document = weasyprint.HTML(string=html).render()
    cells = list(_cells(document))
    assert len(cells) >= 15 * 5
    split = re.compile(r"[\s\u200b]+").split  # \s takes the no-break space too: "→ passo 26" is three words here
    for _, cell, texts, _ in cells:
        right = cell.content_box_x() + cell.width + 0.5  # px; half a pixel for rounding
        source = {w for w in split("".join(cell.element.itertext())) if w}
        for box in texts:
            assert box.position_x + box.width <= right, (box.text, cell.element.get("class"))
            assert {w for w in split(box.text) if w} <= source, (box.text, sorted(source))  # no word cut in two
    # a label with its folded link under it stays whole on its line (WeasyPrint broke "Abrir | el caso …")
    label = next(lines for row, cell, _, lines in cells if row == "step-5" and cell.element.get("class") == "label")
    assert "".join(next(line for line in label if line)) == "Receita e orientações de alta"
