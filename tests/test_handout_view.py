"""The handout's view-model: numbering, next steps, lanes, quiz, legend, languages (no rendering)."""

from __future__ import annotations

import pytest
from handout_fakes import QUEJAS, FakeDrawing, diagram_of, flow_from

from flowchart_cli.handout.graphics import inline_svg
from flowchart_cli.handout.page import css_string, fit_diagram, page_counter_css
from flowchart_cli.handout.questions import next_step_question
from flowchart_cli.handout.routes import safe_url, step_numbers, step_numbers_in_prose
from flowchart_cli.handout.view import build_view
from flowchart_cli.oneline import shorten
from flowchart_cli.symbols import SYMBOLS
from flowchart_cli.words import SYMBOL_NAMES, WORDS


@pytest.fixture
def quejas(tmp_path):
    return flow_from(tmp_path, QUEJAS)


def plain(text: str) -> str:
    """The text with its no-break spaces ("paso\u00a04") as plain ones, for readable expectations."""
    return text.replace("\u00a0", " ")


def view_of(flow, **kwargs):
    return build_view(flow, diagram_of(flow), FakeDrawing(), **kwargs)


def test_every_language_has_every_word_and_symbol_name():
    assert set(WORDS["es"]) == set(WORDS["en"]) == set(WORDS["pt"])
    assert set(SYMBOL_NAMES) == set(SYMBOLS)
    assert all(set(names) == {"en", "es", "pt"} for names in SYMBOL_NAMES.values())


def test_step_rows_are_numbered_with_their_next_steps(quejas):
    rows = view_of(quejas).steps
    assert [r.number for r in rows] == [1, 2, 3, 4, 5, 6]
    assert [r.anchor for r in rows] == [f"step-{n}" for n in range(1, 7)]
    nexts = [plain(" · ".join(h.text for h in r.next)) for r in rows]
    assert nexts == ["→ paso 2", "→ paso 3", "Sí → paso 4 · No → paso 5", "→ paso 6", "→ paso 6", "fin"]
    assert rows[2].next[0].anchor == "step-4" and rows[5].next[0].anchor == ""


def test_rows_carry_lane_names_symbols_and_details(quejas):
    rows = view_of(quejas).steps
    assert [r.lane for r in rows] == [
        "Cliente",
        "Agente de atención",
        "Agente de atención",
        "Supervisor",
        "Agente de atención",
        "Agente de atención",
    ]
    assert [r.symbol for r in rows] == ["Inicio", "Proceso", "Decisión", "Proceso", "Proceso", "Fin"]
    assert rows[1].duration == "10 min" and rows[1].notes == "Datos del cliente y evidencias."
    assert rows[4].link == "https://intranet.example/kb/quejas"


def test_lane_sections_say_what_triggers_each_step_and_where_it_hands_over(quejas):
    lanes = view_of(quejas).lanes
    assert [lane.heading for lane in lanes] == [
        "Responsabilidades — Cliente",
        "Responsabilidades — Agente de atención",
        "Responsabilidades — Supervisor",
    ]
    agente = lanes[1]
    assert agente.description == "Primer nivel" and agente.numbers == "Pasos 2, 3, 5, 6"
    assert [s.number for s in agente.steps] == [2, 3, 5, 6]
    registrar, grave = agente.steps[0], agente.steps[1]
    assert [plain(h.detail) for h in registrar.comes_from] == ["paso 1 «El cliente presenta su queja» — Cliente"]
    assert [h.lane for h in registrar.comes_from] == ["Cliente"]
    assert [plain(h.detail) for h in grave.hands_over] == [
        "Sí → paso 4 «Escalar al supervisor» — Supervisor",
        "No → paso 5 «Implementar la solución acordada»",
    ]
    resolver = agente.steps[2]
    assert [plain(h.detail) for h in resolver.comes_from] == ["paso 3 «¿La queja es grave?» → No"]
    start = lanes[0].steps[0]
    assert [plain(h.detail) for h in start.comes_from] == ["ningún paso: aquí empieza el proceso"]
    assert [plain(h.text) for h in agente.steps[3].hands_over] == ["fin"]


def test_quiz_asks_what_comes_next_who_does_a_step_and_how_long_it_takes(quejas):
    view = view_of(quejas)
    assert [(q.kind, q.text) for q in view.quiz] == [
        # the kinds take turns; "Escalar al supervisor" is not asked: its answer would be in the question
        ("next", "En «¿La queja es grave?», si la respuesta es «Sí», ¿cuál es el paso siguiente?"),
        ("who", "¿Quién es responsable de «Registrar la queja en el CRM»?"),
        ("duration", "¿Cuánto tiempo lleva «Registrar la queja en el CRM»?"),
        ("next", "En «¿La queja es grave?», si la respuesta es «No», ¿cuál es el paso siguiente?"),
        ("who", "¿Quién es responsable de «Implementar la solución acordada»?"),
    ]
    assert [plain(q.answer) for q in view.quiz] == [
        "paso 4: Escalar al supervisor",
        "Agente de atención",
        "10 min",
        "paso 5: Implementar la solución acordada",
        "Agente de atención",
    ]
    assert [q.number for q in view.quiz] == [1, 2, 3, 4, 5]
    assert [q.answer_lane for q in view.quiz][::3] == ["Supervisor", "Agente de atención"]
    assert view.quiz_note == ""


def test_no_quiz_leaves_questions_and_their_checklist_item_out(quejas):
    view = view_of(quejas, quiz=False)
    assert view.quiz == ()
    assert not any("autoevaluación" in item for item in view.checklist.items)
    assert any("autoevaluación" in item for item in view_of(quejas).checklist.items)


def test_checklist_names_lanes_and_decisions(quejas):
    items = view_of(quejas).checklist.items
    assert "Conozco los pasos de «Agente de atención» (pasos 2, 3, 5, 6)." in items
    assert "Sé qué hacer con cada respuesta a «¿La queja es grave?» (paso 3)." in items
    assert view_of(quejas).checklist.signatures == ("Aprendiz", "Formador", "Fecha")


def test_lang_overrides_every_fixed_word(quejas):
    view = view_of(quejas, lang="en")
    assert view.lang == "en" and view.t["steps"] == "Step by step"
    assert plain(view.steps[2].next[0].text) == "Sí → step 4"
    assert plain(view.steps[-1].next[0].text) == "end"
    assert view.lanes[0].heading == "Responsibilities — Cliente"
    assert view.quiz[0].text == "At “¿La queja es grave?”, if the answer is “Sí”, what is the next step?"
    assert view.legend[0].meaning == "Where the process begins"
    pt = view_of(quejas, lang="pt")
    assert plain(pt.steps[0].next[0].text) == "→ passo 2" and pt.t["quiz"] == "Autoavaliação"


def test_legend_lists_only_used_symbols_in_table_order(quejas):
    legend = view_of(quejas).legend
    assert [item.kind for item in legend] == ["start", "end", "process", "decision"]
    assert legend[3].name == "Decisión" and legend[3].meaning == "Una pregunta: cada respuesta lleva por su camino"


def test_title_block_and_page_furniture(quejas):
    doc = view_of(quejas).doc
    assert (doc.title, doc.version, doc.owner, doc.updated, doc.date) == (
        "Gestión de quejas",
        "2.1",
        "Atención al cliente",
        "2026-11-20",
        "2026-11-20",
    )
    assert doc.summary == "6 pasos · 3 responsables · 1 decisión"
    assert str(doc.page_css) == '"Página " counter(page) " de " counter(pages)'
    assert "2.1" in str(doc.header_css)


def test_free_text_updated_is_not_a_pdf_date(tmp_path):
    flow = flow_from(
        tmp_path,
        """
        title: T
        updated: noviembre de 2026
        steps:
          - start: a
          - end: b
    """,
    )
    assert view_of(flow).doc.date == ""
    assert view_of(flow).doc.updated == "noviembre de 2026"


def test_references_list_links_and_flow_refs_with_titles(tmp_path):
    flow_from(tmp_path, "title: Garantías\nsteps:\n  - start: a\n  - end: b\n", name="garantias.flow.yaml")
    flow = flow_from(
        tmp_path,
        """
        title: Ventas
        lang: es
        steps:
          - start: Pedido
            link: mailto:ventas@example.com
          - subprocess: Revisar garantía
            ref: garantias.flow.yaml
          - end: Listo
    """,
    )
    view = view_of(flow)
    assert [(plain(r.step), r.url) for r in view.links] == [("paso 1", "mailto:ventas@example.com")]
    assert [(plain(r.step), r.relation, r.path, r.title) for r in view.flows] == [
        ("paso 2", "Se describe en", "garantias.flow.yaml", "Garantías")
    ]


def test_flow_without_lanes_has_no_lane_sections(tmp_path):
    flow = flow_from(tmp_path, "title: T\nsteps:\n  - start: a\n  - end: b\n")
    view = view_of(flow)
    assert view.lanes == () and [r.lane for r in view.steps] == ["", ""]
    assert view.lang == "en" and plain(view.steps[0].next[0].text) == "→ step 2"


def test_big_flows_get_a_short_quiz(tmp_path):
    lines = ["title: Big", "steps:", "  - start: s"]
    for i in range(40):
        lines += [
            f"  - id: d{i}",
            f"    decision: Ok {i}?",
            "    branches:",
            f"      Yes: p{i}",
            f"      No: p{i}",
            f"  - id: p{i}",
            f"    process: P {i}",
        ]
    lines.append("  - end: e")
    view = view_of(flow_from(tmp_path, "\n".join(lines)))
    assert len(view.quiz) == 20 and [q.number for q in view.quiz] == list(range(1, 21))
    assert view.quiz_note == "20 of the 80 possible questions are shown."
    assert view.quiz[-1].step != view.quiz[0].step


@pytest.mark.parametrize(
    ("question", "outcome", "lang", "expected"),
    [
        (
            "¿Le sirvió la respuesta?",
            "No",
            "es",
            "En «¿Le sirvió la respuesta?», si la respuesta es «No», ¿cuál es el paso siguiente?",
        ),
        (
            "¿El cliente quedó conforme?",
            "Le sirvió la respuesta",
            "es",
            "En «¿El cliente quedó conforme?», si la respuesta es «Le sirvió la respuesta», "
            "¿cuál es el paso siguiente?",
        ),
        (
            "Canal de entrada",
            "Chat",
            "es",
            "En «Canal de entrada», si el resultado es «Chat», ¿cuál es el paso siguiente?",
        ),
        (
            "O cliente aceitou?",
            "Sim",
            "pt",
            "Em “O cliente aceitou?”, se a resposta for “Sim”, qual é o próximo passo?",
        ),
        (
            "Resultado do teste",
            "Sem sinal",
            "pt",
            "Em “Resultado do teste”, se o resultado for “Sem sinal”, qual é o próximo passo?",
        ),
        ("Is it paid?", "Yes", "en", "At “Is it paid?”, if the answer is “Yes”, what is the next step?"),
        (
            "Review verdict",
            "Charge wrong",
            "en",
            "At “Review verdict”, if the outcome is “Charge wrong”, what is the next step?",
        ),
    ],
)
def test_a_decision_question_quotes_the_label_and_the_outcome_in_a_frame_that_fits_both(
    question, outcome, lang, expected
):
    assert next_step_question(question, outcome, lang) == expected


def test_css_strings_cannot_break_out():
    hostile = 'a"b\\c</style><script>x</script>\n'
    text = str(css_string(hostile))
    assert text.startswith('"') and text.endswith('"') and text.count('"') == 2
    assert "<" not in text and "\n" not in text and "\\5c " in text
    assert str(page_counter_css("Page {page} of {pages}")) == '"Page " counter(page) " of " counter(pages)'


def test_wide_diagrams_get_a_landscape_page_and_everything_fits():
    wide = fit_diagram(2400, 600, legend_items=6)
    tall = fit_diagram(600, 2400, legend_items=6)
    small = fit_diagram(300, 200, legend_items=2)
    assert wide.landscape and not wide.legend_side
    assert not tall.landscape and tall.legend_side
    assert not small.landscape and not small.legend_side and small.scale == 1.0
    assert wide.width_mm <= 267 and tall.height_mm <= 259 - 16 and tall.width_mm <= 180 - 62
    square = fit_diagram(700, 700, legend_items=15)
    assert square.width_mm <= 180 and square.height_mm <= 259 - 16 - 8


def test_step_numbers_and_shorten():
    assert step_numbers([7, 2, 3, 4, 9, 10]) == "2–4, 7, 9, 10"
    # in a sentence the last two are joined by the language's "and" (review 6: "Solo los pasos 3, 9 tienen")
    assert step_numbers_in_prose([9, 3], "y") == "3 y 9"
    assert step_numbers_in_prose([7, 2, 3, 4, 9, 10], "e") == "2–4, 7, 9 e 10"
    assert step_numbers_in_prose([5], "and") == "5"
    assert shorten("a  b\nc") == "a b c"
    assert len(shorten("x" * 500)) == 90 and shorten("x" * 500).endswith("…")
    assert shorten("abc \u202e def\u2067 g") == "abc def g"


def test_inline_svg_ids_are_scoped_and_references_follow():
    svg = (
        '<?xml version="1.0"?>\n<!-- c --><svg xmlns="http://www.w3.org/2000/svg" aria-labelledby="t d">'
        '<title id="t">T</title><desc id="d">D</desc><marker id="arrow"/><path marker-end="url(#arrow)"/>'
        '<use href="#arrow"/><text data-step="t">t</text></svg>'
    )
    out = str(inline_svg(svg, "dg", 10, 20))
    assert out.startswith('<svg viewBox="0 0 10 20" xmlns=')
    assert 'aria-labelledby="dg-t dg-d"' in out and 'id="dg-t"' in out and 'id="dg-arrow"' in out
    assert "url(#dg-arrow)" in out and 'href="#dg-arrow"' in out and 'data-step="t"' in out


def test_unchecked_flows_never_get_a_script_link(quejas):
    from dataclasses import replace

    steps = (replace(quejas.steps[0], link="javascript:alert(1)"), *quejas.steps[1:])
    view = view_of(replace(quejas, steps=steps))
    assert view.steps[0].link == "" and [r.url for r in view.links] == ["https://intranet.example/kb/quejas"]
    assert safe_url("MAILTO:a@b.example") == "MAILTO:a@b.example" and safe_url(" javascript:x") == ""
