"""The handout's "Scenarios" section: the paths of `analyze` as sentences, at most a dozen, the rest counted."""

from __future__ import annotations

import tinyhtml5
from handout_fakes import FakeDrawing, diagram_of, flow_from
from test_analyze import COMPRA

from flowchart_cli.handout.html import render_html
from flowchart_cli.handout.scenarios import SHOWN, build_scenarios, step_route
from flowchart_cli.handout.view import build_view

H = "{http://www.w3.org/1999/xhtml}"


def test_step_route_shortens_runs() -> None:
    assert step_route([1, 2, 3, 4, 7, 8, 11, 12, 13]) == "1–4 → 7 → 8 → 11–13"
    assert step_route([5, 2, 3]) == "5 → 2 → 3"
    assert step_route([1]) == "1"


def test_sentences_in_the_flow_language(tmp_path) -> None:
    flow = flow_from(tmp_path, COMPRA)
    scenarios = build_scenarios(flow, "es")
    assert scenarios.heading == "Escenarios"
    assert scenarios.note == ""
    first, second = scenarios.items
    assert first.condition == "Si la respuesta es «Sí» en «¿Pago aprobado?»"
    assert first.route == "pasos 1–3 → 6 → 7"
    assert first.ends == "Entregado"
    # "1 a 2 días hábiles" in the flow: the total in días hábiles too, never "8 h 5 min – 16 h 5 min"
    assert (first.summary, first.times) == ("3 responsables", ("1–2 días hábiles",))
    assert second.condition == "Si la respuesta es «No» en «¿Pago aprobado?» y «No» en «¿Reintenta?»"
    assert second.route == "pasos 1–5"
    assert (
        build_scenarios(flow, "pt").items[1].condition
        == "Se a resposta for “No” em “¿Pago aprobado?” e “No” em “¿Reintenta?”"
    )
    assert build_scenarios(flow, "en").heading == "Scenarios"


def test_at_most_a_dozen_and_the_rest_counted(tmp_path) -> None:
    lines = ["title: Muchas", "lang: es", "steps:", "  - start: Empieza"]
    for i in range(4):  # 16 paths
        lines += [f"  - id: d{i}", f"    decision: ¿Opción {i}?", f"    branches: {{Sí: a{i}, No: j{i}}}"]
        lines += [f"  - id: a{i}", f"    process: A {i}", f"  - id: j{i}", f"    process: Junta {i}"]
    lines.append("  - end: Fin")
    scenarios = build_scenarios(flow_from(tmp_path, "\n".join(lines)), "es")
    assert len(scenarios.items) == SHOWN == 12
    assert scenarios.note == "…y 4 escenarios más."


def test_the_rest_counts_scenarios_not_paths_when_two_answers_lead_to_one_step(tmp_path) -> None:
    # review 12: "…y 4 escenarios más" where 3 were left, the answers to one step counted apart
    lines = ["title: Muchas", "lang: es", "steps:", "  - start: Empieza"]
    for i in range(4):  # 16 scenarios, 32 paths: the first decision's "Quizá" goes where its "Sí" goes
        answers = "{Sí: a0, Quizá: a0, No: j0}" if i == 0 else f"{{Sí: a{i}, No: j{i}}}"
        lines += [f"  - id: d{i}", f"    decision: ¿Opción {i}?", f"    branches: {answers}"]
        lines += [f"  - id: a{i}", f"    process: A {i}", f"  - id: j{i}", f"    process: Junta {i}"]
    lines.append("  - end: Fin")
    scenarios = build_scenarios(flow_from(tmp_path, "\n".join(lines)), "es")
    routes = [item.route for item in scenarios.items]
    assert len(set(routes)) == len(routes) and any("«Sí» o «Quizá»" in item.condition for item in scenarios.items)
    assert scenarios.note == f"…y {16 - len(routes)} escenarios más."  # was the 32 paths less those shown


def test_a_single_path_gives_no_section(tmp_path) -> None:
    flow = flow_from(tmp_path, "title: Uno\nsteps:\n  - start: a\n  - process: b\n  - end: c\n")
    assert build_scenarios(flow, "en").items == ()
    html = render_html(build_view(flow, diagram_of(flow), FakeDrawing()))
    assert 'id="scenarios"' not in html


def test_section_in_the_handout_and_its_contents(tmp_path) -> None:
    flow = flow_from(tmp_path, COMPRA)
    root = tinyhtml5.parse(render_html(build_view(flow, diagram_of(flow), FakeDrawing())))
    section = next(e for e in root.iter(f"{H}section") if e.get("id") == "scenarios")
    assert " ".join("".join(section.find(f"{H}h2").itertext()).split()) == "Escenarios"
    items = [" ".join("".join(li.itertext()).split()) for li in section.iter(f"{H}li")]
    assert (
        items[1] == "Si la respuesta es «No» en «¿Pago aprobado?» y «No» en «¿Reintenta?»: pasos 1–5 (Compra cancelada)"
        " · 2 responsables · 5 min 10 s"
    )
    # each scenario links to its end's row in the step table; the loop ("¿Reintenta?" Sí) to the step it goes back to
    ends = [a.get("href") for a in section.iter(f"{H}a")]
    assert ends == ["#step-7", "#step-5", "#step-2"]
    assert (
        items[2]
        == "Si la respuesta es «No» en «¿Pago aprobado?» y «Sí» en «¿Reintenta?»: pasos 2–4, y de vuelta al paso 2"
    )
    contents = [a.get("href") for a in root.iter(f"{H}a") if a.get("href", "").startswith("#")]
    assert "#scenarios" in contents
    # a way back's range is never broken at its dash (review 12: "passos 8–" at a line's end, "11" on the next)
    kept = [" ".join(span.itertext()) for span in section.iter(f"{H}span") if span.get("class") == "hop"]
    assert "2–4," in kept


def test_too_many_paths_to_count(tmp_path) -> None:
    lines = ["title: Muchísimas", "lang: pt", "steps:", "  - start: Começa"]
    for i in range(11):  # 2048 paths, more than are counted
        lines += [f"  - id: d{i}", f"    decision: Opção {i}?", f"    branches: {{Sim: a{i}, Não: j{i}}}"]
        lines += [f"  - id: a{i}", f"    process: A {i}", f"  - id: j{i}", f"    process: Junta {i}"]
    lines.append("  - end: Fim")
    scenarios = build_scenarios(flow_from(tmp_path, "\n".join(lines)), "pt")
    assert len(scenarios.items) == 12
    assert scenarios.note == "…e mais de 988 outros cenários."
    assert scenarios.items[0].condition.startswith("Se a resposta for “Sim” em “Opção 0?”, “Sim” em “Opção 1?”,")


def test_two_answers_to_the_same_step_make_one_scenario(tmp_path) -> None:
    """«Sí» and «No, pero está autorizado» lead to the same step: the diagram draws one line, and the scenarios
    show one way through naming both answers, not two scenarios that read alike (a reviewer's soporte-tecnico)."""
    flow = flow_from(
        tmp_path,
        "title: Soporte\nlang: es\nsteps:\n  - start: Llamada\n  - id: titular\n    decision: ¿Es el titular?\n"
        "    branches: {Sí: ticket, 'No, pero está autorizado': ticket, 'No': fin_sin}\n"
        "  - id: ticket\n    process: Crear el ticket\n  - id: masiva\n    decision: ¿Falla masiva?\n"
        "    branches: {Sí: avisar, No: diagnosticar}\n  - id: avisar\n    process: Avisar\n    next: fin\n"
        "  - id: diagnosticar\n    process: Diagnosticar\n  - id: fin\n    end: Caso cerrado\n"
        "  - id: fin_sin\n    end: Llamada sin ticket\n",
    )
    items = build_scenarios(flow, "es").items
    assert [i.route for i in items] == ["pasos 1–5 → 7", "pasos 1–4 → 6 → 7", "pasos 1 → 2 → 8"]
    assert items[0].condition == (
        "Si la respuesta es «Sí» o «No, pero está autorizado» en «¿Es el titular?» y «Sí» en «¿Falla masiva?»"
    )
    assert (
        build_scenarios(flow, "en")
        .items[1]
        .condition.startswith("If the answer is “Sí” or “No, pero está autorizado” at “¿Es el titular?”")
    )
    assert build_scenarios(flow, "es").note == ""  # the five paths are all shown, three of them as one each


def test_a_way_back_names_every_answer_that_takes_it(tmp_path) -> None:
    """«Falta algún documento» and «Documento ilegible» both send the work back to «Carta de requerimiento»:
    the way back named only the first, as if the other went elsewhere (review 7, reclamacion-pension)."""
    flow = flow_from(
        tmp_path,
        "title: Pensión\nlang: es\nsteps:\n  - start: Solicitud\n  - id: recibir\n    io: Recibir los documentos\n"
        "  - id: completa\n    decision: ¿La documentación está completa?\n"
        "    branches: {Sí: registrar, 'Falta algún documento': requerir, 'Documento ilegible': requerir}\n"
        "  - id: requerir\n    document: Carta de requerimiento\n    next: recibir\n"
        "  - id: registrar\n    process: Registrar el expediente\n  - end: Expediente abierto\n",
    )
    (loop,) = build_scenarios(flow, "es").loops
    assert loop.condition == (
        "Si la respuesta es «Falta algún documento» o «Documento ilegible» en «¿La documentación está completa?»"
    )
