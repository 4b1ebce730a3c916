"""The loader's model: lanes, inheritance, positions, recovery from typos, flow lines."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from flowchart_cli.check import check_file
from flowchart_cli.loader import load_text
from flowchart_cli.model import Edge, Pos, flow_edges


def load(text: str):
    flow, diagnostics = load_text(text)
    assert flow is not None, diagnostics
    return flow, [(d.code, d.line, d.column) for d in diagnostics]


def test_declared_lanes_by_name_or_id_and_inheritance() -> None:
    flow, problems = load(
        "title: T\nlanes:\n  - Cliente\n  - id: ag\n    name: Agente de atención\n    description: Nivel 1\n"
        "steps:\n  - start: A\n    lane: Cliente\n  - process: B\n  - process: C\n    lane: Agente de atención\n"
        "  - process: D\n  - end: E\n    lane: ag\n"
    )
    assert problems == []
    assert [(lane.id, lane.name, lane.description) for lane in flow.lanes] == [
        ("Cliente", "Cliente", ""),
        ("ag", "Agente de atención", "Nivel 1"),
    ]
    assert [s.lane for s in flow.steps] == ["Cliente", "Cliente", "ag", "ag", "ag"]
    assert flow.lanes_declared and flow.lane_by_id("ag").name == "Agente de atención"
    assert flow.lanes[1].pos == Pos(4, 5)


def test_implied_lanes_in_order_of_first_use() -> None:
    flow, problems = load(
        "title: T\nsteps:\n  - start: A\n  - process: B\n    lane: Soporte\n  - process: C\n"
        "    lane: Cliente\n  - process: D\n    lane: Soporte\n  - end: E\n"
    )
    assert problems == []
    assert [lane.id for lane in flow.lanes] == ["Soporte", "Cliente"]
    assert not flow.lanes_declared
    # steps before the first `lane` join the first lane; later steps inherit
    assert [s.lane for s in flow.steps] == ["Soporte", "Soporte", "Cliente", "Soporte", "Soporte"]
    assert flow.lanes[0].pos == Pos(5, 11)


def test_no_lanes_at_all() -> None:
    flow, _ = load("title: T\nsteps:\n  - start: A\n  - end: B\n")
    assert flow.lanes == () and {s.lane for s in flow.steps} == {None}


def test_empty_lanes_list_means_undeclared() -> None:
    flow, problems = load("title: T\nlanes: []\nsteps:\n  - start: A\n  - end: B\n")
    assert problems == [] and not flow.lanes_declared


def test_an_unnamed_lane_mapping_keeps_its_id_so_steps_do_not_cascade() -> None:
    _, problems = load("title: T\nlanes:\n  - id: ag\nsteps:\n  - start: A\n    lane: ag\n  - end: B\n")
    assert problems == [("FC107", 3, 5)]


def test_keys_ids_and_positions() -> None:
    flow, _ = load(
        "title: T\nsteps:\n  - start: Inicio\n  - id: grave\n    decision: ¿Grave?\n"
        "    branches:\n      Sí: fin\n      No: fin\n  - id: fin\n    end: Fin\n"
    )
    start, decision, end = flow.steps
    assert (start.key, start.id, start.number) == ("step-1", None, 1)
    assert (decision.key, decision.id) == ("grave", "grave")
    assert decision.pos == Pos(4, 5)
    assert decision.at("decision") == Pos(5, 15) and decision.at("id") == Pos(4, 9)
    assert decision.at("notes") == decision.pos
    assert [(b.label, b.target, b.pos, b.target_pos) for b in decision.branches] == [
        ("Sí", "fin", Pos(7, 7), Pos(7, 11)),
        ("No", "fin", Pos(8, 7), Pos(8, 11)),
    ]
    assert flow.at("steps") == Pos(3, 3) and flow.at("title") == Pos(1, 8)
    assert flow.step_by_id("fin") is end


def test_flow_edges() -> None:
    flow, _ = load(
        "title: T\nsteps:\n  - start: A\n  - id: d\n    decision: ¿B?\n    branches: {Sí: c, No: e}\n"
        "  - id: c\n    process: C\n    next: e\n  - process: huérfano\n  - id: e\n    end: E\n"
        "    next: c\n"
    )
    assert flow_edges(flow) == (
        Edge("step-1", "d", implicit=True),
        Edge("d", "c", "Sí"),
        Edge("d", "e", "No"),
        Edge("c", "e"),
        Edge("step-4", "e", implicit=True),
    )


def test_a_misspelt_key_is_reported_once_and_read_as_meant() -> None:
    _, problems = load("title: T\nstpes:\n  - strat: A\n  - proces: B\n    nxt: fin\n  - id: fin\n    end: C\n")
    assert problems == [("FC102", 2, 1), ("FC102", 3, 5), ("FC102", 4, 5), ("FC102", 5, 5)]


def test_a_misspelt_key_is_not_read_twice() -> None:
    flow, problems = load("title: T\nsteps:\n  - start: A\n    notes: uno\n    nots: dos\n  - end: B\n")
    assert problems == [("FC102", 5, 5)] and flow.steps[0].notes == "uno"


def test_a_misspelt_target_is_followed_to_the_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "t.flow.yaml"
    path.write_text("title: T\nsteps:\n  - start: A\n    next: revisr\n  - id: revisar\n    process: R\n  - end: F\n")
    result = check_file(path)
    assert [(d.code, d.line) for d in result.diagnostics] == [("FC105", 4)]  # no FC208 for R and F
    assert "did you mean 'revisar'?" in result.diagnostics[0].message


def test_an_unsuggestable_target_is_one_error_not_also_unreachable_steps(tmp_path: Path) -> None:
    path = tmp_path / "t.flow.yaml"
    path.write_text("title: T\nsteps:\n  - start: A\n    next: zzzzzz\n  - process: nadie llega\n  - end: F\n")
    assert [(d.code, d.line) for d in check_file(path).diagnostics] == [("FC105", 4)]


def test_several_symbols_keep_the_first() -> None:
    flow, problems = load("title: T\nsteps:\n  - start: A\n    process: B\n  - end: C\n")
    assert problems == [("FC103", 4, 5)] and flow.steps[0].kind == "start"


def test_duplicate_ids_get_their_own_key() -> None:
    flow, problems = load(
        "title: T\nsteps:\n  - start: A\n  - id: x\n    process: B\n  - id: x\n    process: C\n  - end: D\n"
    )
    assert problems == [("FC104", 6, 9)]
    assert [s.key for s in flow.steps] == ["step-1", "x", "step-3", "step-4"]
    assert flow.step_by_id("x") is flow.steps[1]


def test_crlf_and_cr_line_ends_keep_positions() -> None:
    for newline in ("\r\n", "\r"):
        text = newline.join(["title: T", "steps:", "  - start: A", "    next: fni", "  - id: fin", "    end: B", ""])
        _, problems = load(text)
        assert problems == [("FC105", 4, 11)]


def test_model_indexes_follow_replace() -> None:
    flow, _ = load("title: T\nlanes: [A, B]\nsteps:\n  - start: S\n    lane: A\n  - id: z\n    end: E\n    lane: B\n")
    smaller = replace(flow, steps=flow.steps[:1], lanes=flow.lanes[:1])
    assert smaller.step_by_id("z") is None and smaller.lane_by_id("B") is None
    assert flow.lane_by_id(None) is None


def test_an_id_that_is_another_steps_name_is_fc104() -> None:
    flow, problems = load("title: T\nsteps:\n  - id: step-2\n    start: A\n  - process: B\n  - end: C\n")
    assert problems == [("FC104", 3, 9)]
    assert len({s.key for s in flow.steps}) == 3


def test_an_exit_connector_jumps_to_its_entry_instead_of_flowing_on(tmp_path: Path) -> None:
    text = (
        "title: T\nsteps:\n  - start: A\n  - id: d\n    decision: ¿Hay stock?\n    branches: {Sí: envio, No: salida}\n"
        "  - id: salida\n    connector: '1'\n  - id: envio\n    process: Enviar\n  - end: Enviado\n"
        "  - id: entrada\n    connector: '1'\n  - process: Avisar\n  - end: Avisado\n"
    )
    flow, problems = load(text)
    assert problems == []
    edges = flow_edges(flow)
    assert Edge("salida", "envio", implicit=True) not in edges  # the exit does not run into the next step
    assert Edge("entrada", "step-7", implicit=True) in edges  # the entry flows on
    path = tmp_path / "t.flow.yaml"
    path.write_text(text)
    assert check_file(path).diagnostics == ()  # 'Avisar' is reached through the connector pair


def test_an_exit_connector_listed_right_before_its_entry_draws_no_line_to_it() -> None:
    flow, problems = load(
        "title: T\nsteps:\n  - start: A\n  - id: d\n    decision: ¿Canal?\n    branches: {Email: a, Phone: b}\n"
        "  - id: a\n    process: Email\n    next: salida\n  - id: b\n    process: Phone\n"
        "  - id: salida\n    connector: A\n  - id: entrada\n    connector: A\n  - end: Fin\n"
    )
    assert problems == []
    edges = flow_edges(flow)
    assert Edge("salida", "entrada", implicit=True) not in edges  # the jump is not drawn
    assert Edge("b", "salida", implicit=True) in edges and Edge("entrada", "step-7", implicit=True) in edges


def test_an_exit_connector_may_end_the_list_and_an_explicit_next_is_kept() -> None:
    flow, _ = load(
        "title: T\nsteps:\n  - start: A\n  - id: e\n    connector: X\n  - process: B\n  - end: C\n"
        "  - id: s\n    connector: X\n    next: e\n"
    )
    assert Edge("s", "e") in flow_edges(flow)
    assert Edge("e", "step-3", implicit=True) in flow_edges(flow)  # a connector leading to its partner is no entry


def test_a_language_name_suggests_its_code_and_a_text_step_suggests_a_symbol() -> None:
    flow, diagnostics = load_text("title: T\nlang: Español\nsteps:\n  - Inicio\n  - end: Fin\n")
    messages = [(d.code, d.message) for d in diagnostics]
    assert ("FC108", "`lang` is 'Español'; did you mean 'es'?") in messages
    assert ("FC107", "a step is a symbol key, ':' and its label, such as `- start: Inicio`") in messages
    assert flow.lang == "es"


def test_stages_are_read_like_lanes_and_inherited() -> None:
    flow, diagnostics = load_text(
        "title: T\nstages:\n  - Recepción\n  - id: cierre\n    name: Cierre\n    description: Fin\n"
        "steps:\n  - start: A\n    stage: Recepción\n  - process: B\n  - end: C\n    stage: Cierre\n"
    )
    assert diagnostics == []
    assert [(s.id, s.name, s.description) for s in flow.stages] == [
        ("Recepción", "Recepción", ""),
        ("cierre", "Cierre", "Fin"),
    ]
    assert [s.stage for s in flow.steps] == ["Recepción", "Recepción", "cierre"]
    assert flow.stages_declared and flow.stage_by_id("cierre").name == "Cierre"


def test_undeclared_stages_are_the_values_in_order_of_first_use() -> None:
    flow, diagnostics = load_text(
        "title: T\nsteps:\n  - start: A\n  - process: B\n    stage: Uno\n  - end: C\n    stage: Dos\n"
    )
    assert diagnostics == []
    assert [s.id for s in flow.stages] == ["Uno", "Dos"] and not flow.stages_declared
    assert [s.stage for s in flow.steps] == ["Uno", "Uno", "Dos"]


def test_a_flow_without_stages_has_none() -> None:
    flow, _ = load_text("title: T\nsteps:\n  - start: A\n  - end: C\n")
    assert flow.stages == () and all(s.stage is None for s in flow.steps)


def test_repeated_stage_id_and_empty_stage_name_are_reported_where_written() -> None:
    _, diagnostics = load_text(
        "title: T\nstages:\n  - Uno\n  - Uno\n  - ''\nsteps:\n  - start: A\n    stage: Uno\n  - end: C\n"
    )
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("FC104", 4, 5), ("FC107", 5, 5)]


@pytest.mark.parametrize(("written", "external"), [("true", True), ("false", False), ("sí", True), ("no", False)])
def test_lane_external_is_a_yes_no_word(written: str, external: bool) -> None:
    flow, diagnostics = load_text(
        f"title: T\nlanes:\n  - name: Cliente\n    external: {written}\n  - Agente\n"
        "steps:\n  - start: A\n    lane: Cliente\n  - end: C\n    lane: Agente\n"
    )
    assert diagnostics == []
    assert [lane.external for lane in flow.lanes] == [external, False]


def test_lane_external_must_be_true_or_false() -> None:
    _, diagnostics = load_text(
        "title: T\nlanes:\n  - name: Cliente\n    external: maybe\n"
        "steps:\n  - start: A\n    lane: Cliente\n  - end: C\n"
    )
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("FC107", 4, 15)]


@pytest.mark.integration
def test_the_reader_does_not_import_the_rules_stage() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from flowchart_cli.loader import load_text; "
        "load_text('title: T\\nsteps:\\n  - strat: A\\n  - end: B\\n'); "
        "print(sorted(m for m in sys.modules if m.startswith('flowchart_cli.rules')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_referenced_title_reads_the_flow_beside_the_file(tmp_path: Path) -> None:
    """The handout's references name the other flow by its title; the loader reads it, or says "" when it cannot."""
    from flowchart_cli.loader import load_flow, referenced_title

    (tmp_path / "garantia.flow.yaml").write_text(
        "title: Reclamación de garantía\nsteps:\n  - start: Llega\n  - end: Fin\n", encoding="utf-8"
    )
    (tmp_path / "roto.flow.yaml").write_text("title: [sin cerrar\n", encoding="utf-8")
    main = tmp_path / "quejas.flow.yaml"
    main.write_text(
        "title: Quejas\nsteps:\n  - start: Llega\n  - subprocess: Revisar garantía\n    ref: garantia.flow.yaml\n"
        "  - end: Fin\n",
        encoding="utf-8",
    )
    flow, _ = load_flow(main)
    assert flow is not None
    assert referenced_title(flow, "garantia.flow.yaml") == "Reclamación de garantía"
    assert referenced_title(flow, "falta.flow.yaml") == ""
    assert referenced_title(flow, "roto.flow.yaml") == ""
    unsaved, _ = load_text(main.read_text(encoding="utf-8"))
    assert unsaved is not None and referenced_title(unsaved, "garantia.flow.yaml") == ""
