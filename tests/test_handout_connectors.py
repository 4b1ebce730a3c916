"""On-page connectors in the handout: a connector pair is a jump, not a dead end nor anybody's work.

A flow that goes 4 → connector B (step 5) … connector B (step 9) → 10 must read so in the step table
("→ paso 10 (conector B)"), and the responsibilities, the checklist and the quiz look through the pair.
"""

from __future__ import annotations

import pytest
from handout_fakes import FakeDrawing, diagram_of, flow_from

from flowchart_cli.handout.quiz import build_quiz
from flowchart_cli.handout.routes import Routes
from flowchart_cli.handout.view import build_view
from flowchart_cli.words import words

BAJA = """
title: Baja de una línea móvil
lang: es
lanes:
  - id: cliente
    name: Cliente
    external: true
  - id: agente
    name: Agente de retención
  - id: backoffice
    name: Back office
steps:
  - start: El cliente pide la baja
    lane: cliente
  - process: Identificar al titular
    lane: agente
    duration: 3 min
  - process: Ofrecer una tarifa de retención
    duration: 5 min
  - id: acepta
    decision: ¿El cliente acepta la oferta?
    branches:
      Sí: aplicar
      No: salida
      Lo pensará: llamar
  - id: salida
    connector: B
  - id: aplicar
    process: Aplicar la nueva tarifa
    next: fin_retenido
  - id: llamar
    process: Programar una llamada en 48 h
    next: acepta
  - id: fin_retenido
    end: Cliente retenido
  - id: entrada
    connector: B
    lane: backoffice
  - process: Tramitar la baja y la portabilidad
    duration: 1 día
  - end: Línea dada de baja
"""


@pytest.fixture
def baja(tmp_path):
    return flow_from(tmp_path, BAJA)


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_an_exit_connector_s_row_leads_on_to_the_step_past_its_partner(baja) -> None:
    rows = {r.number: r for r in build_view(baja, diagram_of(baja), FakeDrawing()).steps}
    assert [plain(h.text) for h in rows[5].next] == ["→ paso 10 (conector B)"]  # was "—", a dead end
    assert rows[5].next[0].anchor == "step-10"
    assert [plain(h.text) for h in rows[9].next] == ["→ paso 10"]  # the entry runs on as drawn
    # the decision's own row still names the circle the diagram draws: row 5 then leads on
    assert [plain(h.text) for h in rows[4].next] == ["Sí → paso 6", "No → paso 5", "Lo pensará → paso 7"]


def test_in_english_and_portuguese_too(tmp_path) -> None:
    for lang, expected in (("en", "→ step 10 (connector B)"), ("pt", "→ passo 10 (conector B)")):
        flow = flow_from(tmp_path, BAJA.replace("lang: es", f"lang: {lang}"))
        rows = {r.number: r for r in build_view(flow, diagram_of(flow), FakeDrawing()).steps}
        assert [plain(h.text) for h in rows[5].next] == [expected]


def test_responsibilities_leave_connectors_out_and_look_through_them(baja) -> None:
    view = build_view(baja, diagram_of(baja), FakeDrawing())
    lanes = {lane.name: lane for lane in view.lanes}
    assert plain(lanes["Agente de retención"].numbers) == "Pasos 2–4, 6–8"  # not 5: a connector is no work
    assert plain(lanes["Back office"].numbers) == "Pasos 10, 11"  # not 9
    decision = next(s for s in lanes["Agente de retención"].steps if s.number == 4)
    assert [plain(h.detail) for h in decision.hands_over] == [
        "Sí → paso 6 «Aplicar la nueva tarifa»",
        "No → paso 10 «Tramitar la baja y la portabilidad» (conector B) — Back office",
        "Lo pensará → paso 7 «Programar una llamada en 48 h»",
    ]
    tramitar = lanes["Back office"].steps[0]
    assert [plain(h.detail) for h in tramitar.comes_from] == [
        "paso 4 «¿El cliente acepta la oferta?» → No (conector B) — Agente de retención"
    ]
    assert tramitar.comes_from[0].anchor == "step-4"


def test_the_checklist_and_the_summary_count_work_only(baja) -> None:
    view = build_view(baja, diagram_of(baja), FakeDrawing())
    items = [plain(i) for i in view.checklist.items]
    assert any("Agente de retención" in i and "(pasos 2–4, 6–8)" in i for i in items), items
    assert any("Back office" in i and "(pasos 10, 11)" in i for i in items), items
    # the count follows the numbers the diagram and the table show: the connectors keep theirs
    assert view.doc.summary.startswith("11 pasos")


def test_the_quiz_answer_past_a_connector_is_the_step_done_next(baja) -> None:
    questions, _ = build_quiz(baja, Routes(baja, words("es"), "es"), "es")
    answers = {q.text: plain(q.answer) for q in questions if q.kind == "next"}
    no = next(a for text, a in answers.items() if "«No»" in text)
    assert no.startswith("paso 10") and "Tramitar la baja" in no


def test_two_outcomes_that_lead_to_one_step_come_from_it_once(tmp_path) -> None:
    """contracargo-banco's «Viene de» said «paso 3 «¿Sospecha…?» → Tarjeta robada; paso 3 «¿Sospecha…?» →
    Datos comprometidos»: one step before, both outcomes, said once — as the diagram labels the one line."""
    flow = flow_from(
        tmp_path,
        BAJA.replace("      Lo pensará: llamar\n", "      Lo pensará: aplicar\n      Quiere otra oferta: llamar\n"),
    )
    lanes = {lane.name: lane for lane in build_view(flow, diagram_of(flow), FakeDrawing()).lanes}
    aplicar = next(s for s in lanes["Agente de retención"].steps if s.number == 6)
    assert [plain(h.detail) for h in aplicar.comes_from] == ["paso 4 «¿El cliente acepta la oferta?» → Sí / Lo pensará"]
    llamar = next(s for s in lanes["Agente de retención"].steps if s.number == 7)
    assert [plain(h.detail) for h in llamar.comes_from] == [
        "paso 4 «¿El cliente acepta la oferta?» → Quiere otra oferta"
    ]


def test_two_outcomes_that_lead_to_one_step_go_there_once_unless_their_shares_are_written(tmp_path) -> None:
    """The decision's «Siguiente» says «Sí / Lo pensará → paso 6», as the diagram labels the one line; with
    `shares` each outcome keeps its own share."""
    text = BAJA.replace("      Lo pensará: llamar\n", "      Lo pensará: aplicar\n      Quiere otra oferta: llamar\n")
    flow = flow_from(tmp_path, text)
    rows = {r.number: r for r in build_view(flow, diagram_of(flow), FakeDrawing()).steps}
    assert [plain(h.text) for h in rows[4].next] == [
        "Sí / Lo pensará → paso 6",
        "No → paso 5",
        "Quiere otra oferta → paso 7",
    ]
    last = "      Quiere otra oferta: llamar\n"
    shared = text.replace(last, last + "    shares: {Sí: 50%}\n")
    shared = flow_from(tmp_path, shared)
    rows = {r.number: r for r in build_view(shared, diagram_of(shared), FakeDrawing()).steps}
    assert [plain(h.text) for h in rows[4].next][:2] == ["Sí → paso 6 (50 %)", "No → paso 5 (16,7 %)"]
