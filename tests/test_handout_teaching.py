"""The handout teaches the whole process: every outcome in the scenarios, distinct case answers, mixed quiz
kinds, one way of counting responsible parties, and decision sentences that read naturally in en, es and pt.

The flows are customer-service processes written for these tests (tests/handout_flows/): a 38-step
Spanish flow with a four-way channel decision, stages and an external customer; a Portuguese one and
an English one with loops back, three-way decisions and external parties.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from handout_fakes import FakeDrawing, diagram_of, load

from flowchart_cli.analyze.records import Outcome
from flowchart_cli.handout.view import build_view

FLOWS = Path(__file__).parent / "handout_flows"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
OURS = sorted(FLOWS.glob("*.flow.yaml"))
EVERY = [*OURS, *sorted(SAMPLES.glob("*.flow.yaml"))]


def view_of(path: Path, lang: str | None = None):
    flow = load(path)
    return flow, build_view(flow, diagram_of(flow), FakeDrawing(), lang=lang)


def outcomes_of(flow) -> set[Outcome]:
    """Every (decision, outcome) written in the flow, read from the steps themselves."""
    return {Outcome(s.key, b.label) for s in flow.steps if s.kind == "decision" for b in s.branches}


@pytest.mark.parametrize("path", EVERY, ids=lambda p: p.name)
def test_the_scenarios_and_loops_show_every_outcome_of_every_decision(path):
    flow, view = view_of(path)
    scenarios = view.scenarios
    shown = {o for item in (*scenarios.items, *scenarios.loops) for o in item.outcomes}
    assert outcomes_of(flow) <= shown, f"never shown: {sorted(outcomes_of(flow) - shown, key=str)}"


@pytest.mark.parametrize("path", EVERY, ids=lambda p: p.name)
def test_each_decision_shows_all_its_outcomes_before_repeating_one(path):
    flow, view = view_of(path)
    for decision in (s for s in flow.steps if s.kind == "decision"):
        seen = [o.outcome for item in view.scenarios.items for o in item.outcomes if o.step == decision.key]
        distinct = len(set(seen))
        assert len(set(seen[:distinct])) == distinct, f"{decision.label}: {seen}"


def test_a_38_step_flow_shows_its_four_channels_in_its_first_four_scenarios():
    flow, view = view_of(FLOWS / "consultas-multicanal.flow.yaml")
    assert len(flow.steps) == 38
    first = [next(o.outcome for o in item.outcomes if o.step == "canal") for item in view.scenarios.items[:4]]
    assert first == ["Teléfono", "Chat", "Correo", "Redes sociales"]
    assert len(view.scenarios.items) == 12 and view.scenarios.note.startswith("…y ")
    # the main path comes first: the first outcome of every decision it meets
    assert view.scenarios.items[0].condition.startswith("Si la respuesta es «Teléfono» en «¿Por qué canal")


def test_answers_that_only_go_back_are_taught_as_loops():
    _, view = view_of(FLOWS / "consultas-multicanal.flow.yaml")
    loops = [(item.condition, item.route) for item in view.scenarios.loops]
    assert view.scenarios.loops_heading == "Vueltas atrás"
    assert (
        "Si la respuesta es «No» en «¿Los datos del cliente están completos?»",
        "pasos 10–12, y de vuelta al paso 10",
    ) in loops
    assert any("«No» en «¿Ya se intentó dos veces?»" in c and "y de vuelta al paso 13" in r for c, r in loops)
    _, en = view_of(FLOWS / "billing-dispute.flow.yaml")
    assert (en.scenarios.loops[0].condition, en.scenarios.loops[0].route) == (
        "If the answer is “No” at “Is the evidence complete?”",
        "steps 3–5, then back to step 3",
    )


@pytest.mark.parametrize("path", [p for p in OURS if p.name != "muchas-areas.flow.yaml"], ids=lambda p: p.name)
def test_quiz_cases_end_differently_and_the_kinds_take_turns(path):
    _, view = view_of(path)
    cases = [q for q in view.quiz if q.kind == "case"]
    assert len(cases) >= 2
    assert len({q.answer for q in cases}) == len(cases), [q.answer for q in cases]
    kinds = [q.kind for q in view.quiz]
    present = len(set(kinds))
    assert len(set(kinds[:present])) == present, kinds  # every kind within the first questions
    for a, b, c in zip(kinds, kinds[1:], kinds[2:], strict=False):
        assert not a == b == c or len(set(kinds[kinds.index(a) :])) == 1, kinds


def test_next_step_questions_have_different_answers_where_the_flow_allows():
    _, view = view_of(FLOWS / "consultas-multicanal.flow.yaml")
    answers = [q.answer for q in view.quiz if q.kind == "next"]
    assert len(answers) >= 4 and len(set(answers)) == len(answers)


PARTIES = {
    "consultas-multicanal.flow.yaml": (
        "3 responsables del equipo y 1 externo",
        r"(\d+) responsables? del equipo y (\d+) externos?",
    ),
    "suporte-internet.flow.yaml": (
        "2 responsáveis da equipe e 2 externos",
        r"(\d+) responsáve(?:l|is) da equipe e (\d+) externos?",
    ),
    "billing-dispute.flow.yaml": (
        "4 responsible parties (2 in the team, 2 external)",
        r"\d+ responsible part(?:y|ies) \((\d+) in the team, (\d+) external\)",
    ),
}


@pytest.mark.parametrize("name", sorted(PARTIES))
def test_responsible_parties_are_counted_alike_on_the_cover_and_in_the_scenarios(name):
    _, view = view_of(FLOWS / name)
    cover, pattern = PARTIES[name]
    assert cover in view.doc.summary
    most = re.search(pattern, cover)
    counts = []
    for item in view.scenarios.items:
        found = re.search(pattern, item.summary)
        assert found, item.summary  # every scenario says team and external apart, as the cover does
        counts.append((int(found[1]), int(found[2])))
        assert int(found[1]) <= int(most[1]) and int(found[2]) <= int(most[2])
    assert (int(most[1]), int(most[2])) in counts or name == "billing-dispute.flow.yaml"


def test_without_external_lanes_the_count_stays_short():
    _, view = view_of(SAMPLES / "compra-en-linea.flow.yaml")
    assert re.search(r"\d+ responsables ·", view.doc.summary) and "equipo" not in view.doc.summary


SENTENCES = {
    "es": (
        r"^En «.+», si (la respuesta|el resultado) es «.+», ¿cuál es el paso siguiente\?$",
        r"^Un caso: la respuesta es «.+» en «.+»( y |, ).+\. (¿Dónde termina el proceso\?|¿Quiénes intervienen, .+\?)$",
        r"^(Si la respuesta es|Como el escenario \d+, pero) «[^»]+» en «[^»]+»((, | y )«[^»]+» en «[^»]+»)*$",
    ),
    "pt": (
        r"^Em “.+”, se (a resposta|o resultado) for “.+”, qual é o próximo passo\?$",
        r"^Um caso: a resposta é “.+” em “.+”( e |, ).+\. (Onde termina o processo\?|Quem atua nele, .+\?)$",
        r"^(Se a resposta for|Como o cenário \d+, mas) “[^”]+” em “[^”]+”((, | e )“[^”]+” em “[^”]+”)*$",
    ),
    "en": (
        r"^At “.+”, if the (answer|outcome) is “.+”, what is the next step\?$",
        r"^A case: the answer is “.+” at “.+”( and |, ).+\. (Where does the process end\?|Who works on it, .+\?)$",
        r"^(If the answer is|As in scenario \d+, but) “[^”]+” at “[^”]+”((, | and )“[^”]+” at “[^”]+”)*$",
    ),
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
@pytest.mark.parametrize("path", OURS, ids=lambda p: p.name)
def test_decision_sentences_read_naturally_in_each_language(path, lang):
    _, view = view_of(path, lang)
    next_step, case, condition = SENTENCES[lang]
    for q in view.quiz:
        if q.kind == "next":
            assert re.match(next_step, q.text), q.text
        if q.kind == "case":
            assert re.match(case, q.text), q.text
    for item in (*view.scenarios.items, *view.scenarios.loops):
        assert re.match(condition, item.condition), item.condition
    assert not any(re.match(r"^[^«“]+\. (¿Qué paso sigue|Qual é o próximo passo)\?", q.text) for q in view.quiz)


def test_the_question_about_a_decision_quotes_it_and_its_outcome():
    _, es = view_of(FLOWS / "consultas-multicanal.flow.yaml")
    _, pt = view_of(FLOWS / "suporte-internet.flow.yaml")
    texts = {q.text for q in es.quiz} | {q.text for q in pt.quiz}
    wanted = [
        "En «¿Por qué canal llega la consulta?», si la respuesta es «Teléfono», ¿cuál es el paso siguiente?",
        "Em “Há uma falha geral na região?”, se a resposta for “Sim”, qual é o próximo passo?",
    ]
    assert all(w in texts for w in wanted), sorted(texts)


def test_a_flow_with_one_way_through_gets_only_its_loops(tmp_path):
    """Its one path is the step table; what a trainee must learn are the answers that send the work back."""
    from handout_fakes import big_flow_text, flow_from

    from flowchart_cli.handout.html import render_html

    flow = flow_from(tmp_path, big_flow_text(300))
    view = build_view(flow, diagram_of(flow), FakeDrawing())
    decisions = [s for s in flow.steps if s.kind == "decision"]
    assert view.scenarios.items == () and view.scenarios.note == ""
    assert len(view.scenarios.loops) == 30 < len(decisions) == 33  # at most 30, the rest counted
    assert view.scenarios.loops_note == "…y 3 vueltas atrás más."
    assert view.scenarios.loops[0].condition == "Si la respuesta es «No» en «¿Está completa la revisión número 4?»"
    html = render_html(view)
    assert 'id="scenarios"' in html and 'href="#scenarios"' in html and 'id="scenario-1"' not in html


def test_outcomes_behind_a_second_start_are_shown_too(tmp_path):
    from handout_fakes import flow_from

    flow = flow_from(
        tmp_path,
        """
        title: Two ways in
        lanes: [Desk, Phone]
        steps:
          - id: walkin
            start: Customer walks in
            lane: Desk
            next: ask
          - id: call
            start: Customer calls
            lane: Phone
          - id: vip
            decision: Is the caller a VIP?
            branches: {"Yes": senior, "No": ask}
          - id: senior
            process: Hand to a senior agent
            next: done
          - id: ask
            process: Ask what they need
            lane: Desk
          - id: done
            end: Served
        """,
    )
    view = build_view(flow, diagram_of(flow), FakeDrawing())
    assert {o.outcome for item in view.scenarios.items for o in item.outcomes} == {"Yes", "No"}


def test_a_scenario_that_follows_an_earlier_one_names_only_the_answers_after_it():
    """Review 10: seven scenarios of three to six answers each, every one starting with the same two, read as
    a wall of bold text. One that gives the same first answers as an earlier one says so and names the rest."""
    from flowchart_cli.check import check_file
    from flowchart_cli.handout.scenarios import build_scenarios

    flow = check_file(Path(__file__).parent / "layout_cases" / "disputa-medidor.flow.yaml").flow
    items = build_scenarios(flow, "es").items
    conditions = [item.condition for item in items]
    assert conditions[0].startswith("Si la respuesta es «Sí» en «¿Vienen todos los antecedentes?»")
    assert conditions[3] == (
        "Como el escenario 3, pero «Medidor sospechoso» en «¿Qué se encontró en la inspección?» y «Sí» en "
        "«¿El error del medidor supera el ±5 %?»"
    )
    for item in items:
        found = re.match(r"Como el escenario (\d+), pero", item.condition)
        if not found:
            continue
        earlier = items[int(found.group(1)) - 1]
        assert earlier.number < item.number
        shared = [o for o, p in zip(item.outcomes, earlier.outcomes, strict=False) if o == p]
        assert len(shared) >= 2 and item.outcomes[: len(shared)] == earlier.outcomes[: len(shared)]
        named = item.condition.count("» en «")
        assert 1 <= named <= len(item.outcomes) - len(shared)  # only answers after the shared ones
    # after the first answer that differs, one the earlier scenario gives too is not named again
    assert conditions[5] == "Como el escenario 3, pero «No» en «¿El cliente reparó la fuga dentro de 15 días?»"


def test_a_scenario_is_told_like_one_written_out_in_full_rather_than_like_one_told_like_another():
    """Review 11: "Como el escenario 9, pero…" sent the reader to 9, itself "Como el escenario 7, pero…"."""
    from types import SimpleNamespace

    from flowchart_cli.handout.scenarios import _likes

    def path(*answers: str) -> SimpleNamespace:  # a FlowPath as far as the choice reads it
        return SimpleNamespace(outcomes=tuple(Outcome(f"q{i}", a) for i, a in enumerate(answers)))

    groups = [[path("a", "b", "c", "d")], [path("a", "b", "c", "e")], [path("a", "b", "f")]]
    assert _likes(groups) == [None, (0, 3), (0, 2)]  # the third like the first (in full), not the second
    # review 17: "como o cenário 7" led to 5 and 5 to 1: a scenario written in full is named even where one
    # told "like" another shares a longer start, so no reader unwinds more than one step
    groups = [[path("a", "b", "c", "d")], [path("a", "b", "x", "y")], [path("a", "b", "x", "z")]]
    assert _likes(groups) == [None, (0, 2), (0, 2)]
    # one that would name more than three answers after the start it shares is written out in full, and a
    # later one follows it
    groups = [[path("a", "b", "c")], [path("a", "b", "x", "y", "z", "w")], [path("a", "b", "x", "y", "z", "v")]]
    assert _likes(groups) == [None, None, (1, 5)]


def test_no_scenario_sends_the_reader_on_from_one_told_like_another():
    from flowchart_cli.check import check_file
    from flowchart_cli.handout.scenarios import build_scenarios

    for name in ("disputa-medidor", "hospital-discharge", "travel-insurance-claim", "seller-dispute"):
        flow = check_file(Path(__file__).parent / "layout_cases" / f"{name}.flow.yaml").flow
        items = build_scenarios(flow, flow.lang).items
        told_like = {
            item.number
            for item in items
            if re.match(r"(Como el escenario|Como o cenário|As in scenario)", item.condition)
        }
        for item in items:
            found = re.search(r"(?:escenario|cenário|scenario) (\d+),", item.condition)
            if found and item.number in told_like:
                assert int(found.group(1)) not in told_like, (name, item.condition)
