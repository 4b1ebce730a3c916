"""`flowchart import` of Mermaid flowcharts: examples from Mermaid's own syntax documentation
(docs/syntax/flowchart.md), a customer-service chart with subgraphs, and our own Mermaid output."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_support import imported_flow, lines_of, steps_of
from typer.testing import CliRunner

from flowchart_cli.check import check_text
from flowchart_cli.cli import app
from flowchart_cli.importing import ImportFailure, import_drawing
from flowchart_cli.loader import load_flow

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [  # the shipped samples and templates, and a pt/LR flow with an external party, stages and YAML traps
    *sorted((ROOT / "samples").glob("*.flow.yaml")),
    *sorted(p for p in (ROOT / "templates" / "new").glob("*.flow.yaml") if p.name != "blank.flow.yaml"),
    ROOT / "tests" / "import_cases" / "garantia.flow.yaml",
]

# "Minimum length of a link" in Mermaid's flowchart syntax page, both spellings of the labels.
DOCS_MINIMUM_LENGTH = """flowchart TD
    A[Start] --> B{Is it?}
    B -->|Yes| C[OK]
    C --> D[Rethink]
    D --> B
    B ---->|No| E[End]
"""
DOCS_LABEL_IN_MIDDLE = """flowchart TD
    A[Start] --> B{Is it?}
    B -- Yes --> C[OK]
    C --> D[Rethink]
    D --> B
    B -- No ----> E[End]
"""
# "Markdown Strings" and "Entity codes" of the same page, put together with a title and comments.
DOCS_STRINGS = """---
title: Node with text
---
%%{init: {"flowchart": {"htmlLabels": false}} }%%
flowchart LR
    %% a comment
    A(["A double quote:#quot;"]) --> B["A dec char:#9829;"]
    B --> markdown["`This **is** _Markdown_`"]
    markdown --> newLines(["`Line1
    Line 2
    Line 3`"])
    style A fill:#f9f
    click B "https://example.com"
"""
ATENCION = """```mermaid
graph LR
    subgraph cli["Cliente"]
        ini([Llama al centro de atención]) --> menu[/Elige una opción del menú/]
    end
    subgraph ag [Agente de atención]
        menu --> id1{¿Es un reclamo?} -->|Sí| reg[(Registrar el reclamo)]
        id1 -. No .-> info[[Dar información]]
        reg == Listo ==> fin(((Llamada cerrada)))
        info --> esp{{Preparar la encuesta}} --> fin
    end
    classDef big font-size:20px
```
"""


def _import(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return imported_flow(path)


@pytest.mark.parametrize("text", [DOCS_MINIMUM_LENGTH, DOCS_LABEL_IN_MIDDLE])
def test_docs_example_with_a_loop_and_labelled_outcomes(tmp_path, text):
    flow, written, notes = _import(tmp_path, "is-it.mmd", text)
    assert steps_of(flow) == [
        ("start", "Start", None, None),
        ("decision", "Is it?", None, None),
        ("process", "OK", None, None),
        ("process", "Rethink", None, None),
        ("end", "End", None, None),
    ]
    assert lines_of(flow) == {
        ("Start", "Is it?", ""),
        ("Is it?", "OK", "Yes"),
        ("OK", "Rethink", ""),
        ("Rethink", "Is it?", ""),
        ("Is it?", "End", "No"),
    }
    assert '"Yes": ok' in written and '"No": end' in written  # YAML 1.1 booleans stay text
    assert [step for step, _ in notes] == ["step-1", "end"]  # start and end guessed from the lines


def test_docs_strings_entities_front_matter_and_ignored_lines(tmp_path):
    flow, _, notes = _import(tmp_path, "strings.mmd", DOCS_STRINGS)
    assert flow.title == "Node with text" and flow.direction == "LR"
    assert steps_of(flow) == [
        ("start", 'A double quote:"', None, None),
        ("process", "A dec char:♥", None, None),
        ("process", "This is Markdown", None, None),
        ("end", "Line1 Line 2 Line 3", None, None),
    ]
    assert (None, "1 `style` line(s) left out: they change only the look") in notes
    assert (None, "1 `click` line(s) left out: they change only the look") in notes


def test_markdown_file_subgraphs_as_lanes_and_every_link_kind(tmp_path):
    flow, _, notes = _import(tmp_path, "atencion.md", ATENCION)
    assert [lane.name for lane in flow.lanes] == ["Cliente", "Agente de atención"]
    assert flow.direction == "LR" and flow.lang == "es"
    assert steps_of(flow) == [
        ("start", "Llama al centro de atención", "Cliente", None),
        ("io", "Elige una opción del menú", "Cliente", None),  # listed first in Cliente
        ("decision", "¿Es un reclamo?", "Agente de atención", None),
        ("database", "Registrar el reclamo", "Agente de atención", None),
        ("subprocess", "Dar información", "Agente de atención", None),
        ("preparation", "Preparar la encuesta", "Agente de atención", None),
        ("end", "Llamada cerrada", "Agente de atención", None),
    ]
    assert lines_of(flow) == {
        ("Llama al centro de atención", "Elige una opción del menú", ""),
        ("Elige una opción del menú", "¿Es un reclamo?", ""),
        ("¿Es un reclamo?", "Registrar el reclamo", "Sí"),
        ("¿Es un reclamo?", "Dar información", "No"),
        ("Registrar el reclamo", "Llamada cerrada", ""),
        ("Dar información", "Preparar la encuesta", ""),
        ("Preparar la encuesta", "Llamada cerrada", ""),
    }
    assert any("Listo" in text for _, text in notes)  # a label on a plain line is said to be dropped


def test_docs_subgraph_example_puts_each_node_in_the_subgraph_that_lists_it(tmp_path):
    text = "flowchart TB\n    c1-->a2\n    subgraph one\n    a1-->a2\n    end\n    subgraph two\n    b1-->b2\n    end\n"
    path = tmp_path / "sub.mmd"
    path.write_text(text, encoding="utf-8")
    result = import_drawing(path, path.read_bytes())
    assert "lanes:\n  - one\n  - two\n" in result.text
    assert "  - start: c1\n    lane: one\n" in result.text  # outside every subgraph: the first lane, noted


def test_unlabelled_outcome_becomes_a_question_mark(tmp_path):
    chart = "flowchart TD\n A([Go]) --> B{Ok?}\n B --> C([Yes])\n B -->|No| A2[Retry] --> B\n"
    flow, written, notes = _import(tmp_path, "q.mmd", chart)
    assert ("Ok?", "Yes", "?") in lines_of(flow)
    assert '"?": "yes"' in written
    assert any('written as "?"' in text for _, text in notes)
    warned = check_text(written, None, "q.flow.yaml").diagnostics
    assert [(d.code, d.severity, d.step) for d in warned] == [("FC309", "warning", "ok")]


def test_one_label_to_two_targets_keeps_both_lines_under_distinct_labels(tmp_path):
    """`A -->|Ventas| B & C` is two lines with one label: two YAML keys `Ventas` would lose one of them."""
    chart = (
        "graph TB\n  inicio([Llamada entrante]) --> menu{¿Opción del menú?}\n"
        "  menu -->|Ventas| v[Transferir a ventas] & n[Registrar nota]\n  menu -->|Soporte| s[Abrir ticket]\n"
        "  v --> fin([Llamada terminada])\n  n --> fin\n  s --> fin\n"
    )
    flow, written, notes = _import(tmp_path, "menu.mmd", chart)
    lines = lines_of(flow)
    assert ("¿Opción del menú?", "Transferir a ventas", "Ventas") in lines
    assert ("¿Opción del menú?", "Registrar nota", "Ventas (2)") in lines
    assert written.count("Ventas: ") == 1 and "Ventas (2): " in written
    assert any('two outcomes are labelled "Ventas"' in text and '"Ventas (2)"' in text for _, text in notes)
    assert "# note: two outcomes are labelled" in written  # beside the decision, where it is fixed
    assert check_text(written, None, "menu.flow.yaml").ok


def test_a_decision_whose_outcomes_share_a_step_round_trips_through_mermaid(tmp_path):
    """`render` draws two outcomes to one step as one line "Yes / No": importing it gives both outcomes back."""
    source = tmp_path / "bools.flow.yaml"
    source.write_text(
        "title: Confirmar\nsteps:\n  - start: Inicio\n  - id: d\n    decision: ¿Confirmó?\n"
        "    branches:\n      Yes: f\n      No: f\n  - id: f\n    end: Fin\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    assert runner.invoke(app, ["render", str(source), "-f", "mermaid", "-o", str(tmp_path), "-q"]).exit_code == 0
    assert '-->|"Yes / No"|' in (tmp_path / "bools.mmd").read_text(encoding="utf-8")
    back = tmp_path / "back.flow.yaml"
    result = runner.invoke(app, ["import", str(tmp_path / "bools.mmd"), "-o", str(back)])
    assert result.exit_code == 0, result.output
    assert 'labelled "Yes / No", is read as 2 outcomes' in result.stderr
    flow, diagnostics = load_flow(back)
    assert [d.code for d in diagnostics] == []
    (decision,) = [step for step in flow.steps if step.kind == "decision"]
    assert [b.label for b in decision.branches] == ["Yes", "No"]
    assert runner.invoke(app, ["check", str(back)]).exit_code == 0  # FC306 is a warning, as for the source


def test_a_slash_in_one_of_several_outcomes_is_kept_as_written(tmp_path):
    chart = "flowchart TD\n A([Go]) --> B{¿Pago?}\n B -->|Tarjeta / débito| C([Cobrado])\n B -->|Efectivo| C\n"
    flow, _, _ = _import(tmp_path, "pago.mmd", chart)
    assert ("¿Pago?", "Cobrado", "Tarjeta / débito") in lines_of(flow)


def test_two_unlabelled_outcomes_keep_both_lines(tmp_path):
    chart = (
        "flowchart TD\n A([Llega la solicitud]) --> D{¿Tipo?}\n D --> E[Registrar en CRM] --> F([Fin])\n"
        " D -.-> G[[Escalar a nivel 2]] --> F\n"
    )
    flow, written, notes = _import(tmp_path, "soporte.mmd", chart)
    lines = lines_of(flow)
    assert ("¿Tipo?", "Registrar en CRM", "?") in lines and ("¿Tipo?", "Escalar a nivel 2", "? 2") in lines
    assert any('written as "? 2"' in text for _, text in notes)
    warned = check_text(written, None, "soporte.flow.yaml").diagnostics
    assert [d.code for d in warned] == ["FC309", "FC309"]  # only the names to write: no line lost


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
@pytest.mark.parametrize("syntax", ["11", "10"])
def test_our_mermaid_output_imports_to_the_same_flow(sample, syntax, tmp_path):
    run = CliRunner().invoke(app, ["render", str(sample), "-f", "mermaid", "--mermaid", syntax, "-o", str(tmp_path)])
    assert run.exit_code == 0, run.output
    flow, _ = load_flow(sample)
    back, _, _ = imported_flow(tmp_path / sample.name.replace(".flow.yaml", ".mmd"))
    assert lines_of(back) == lines_of(flow)
    assert [lane.name for lane in back.lanes] == [lane.name for lane in flow.lanes]
    assert [s.name for s in back.stages] == [s.name for s in flow.stages]
    if syntax == "11":
        assert set(steps_of(back)) == set(steps_of(flow))


def test_not_a_flowchart_is_refused(tmp_path):
    path = tmp_path / "seq.mmd"
    path.write_text("sequenceDiagram\n  Alice->>Bob: Hi\n", encoding="utf-8")
    with pytest.raises(ImportFailure, match="not a Mermaid flowchart"):
        import_drawing(path, path.read_bytes())


DIRECTIONS = [("flowchart TB", "TB"), ("flowchart TD", "TB"), ("graph BT", "TB"), ("flowchart LR", "LR"),
              ("graph RL", "LR"), ("graph", "TB"), ("flowchart-elk LR", "LR")]  # fmt: skip


@pytest.mark.parametrize(("header", "direction"), DIRECTIONS)
def test_every_direction(tmp_path, header, direction):
    flow, _, _ = _import(tmp_path, "d.mmd", f"{header}\n  a([Inicio]) --> b[Paso] --> c([Fin])\n")
    assert flow.direction == direction and [s.kind for s in flow.steps] == ["start", "process", "end"]


def test_docs_ampersand_lines_join_every_pair(tmp_path):
    # "a --> b & c--> d" from the docs' chaining section, with a start and an end around it
    chart = "flowchart LR\n   s([Go]) --> a{Pick?}\n   a -->|x| b\n   a -->|y| c\n   b & c--> d --> e([Done])\n"
    flow, _, _ = _import(tmp_path, "amp.mmd", chart)
    assert lines_of(flow) == {("Go", "Pick?", ""), ("Pick?", "b", "x"), ("Pick?", "c", "y"), ("b", "d", ""),
                              ("c", "d", ""), ("d", "Done", "")}  # fmt: skip


def test_mermaid_11_edge_ids_are_read_and_their_style_lines_left_out(tmp_path):
    """`A e1@--> B` names a line (Mermaid 11.6, for `e1@{ animate: true }`): the line is read, the style noted."""
    text = (
        "flowchart TD\n"
        "  A([Start]) e1@--> B{Paid?}\n"
        "  B e2@-->|Yes| C[Ship]\n"
        "  B e3@-- No --> D([Cancelled])\n"
        "  C --> E([Done])\n"
        "  e1@{ animate: true }\n"
        "  e2@{ animation: fast }\n"
    )
    flow, _, notes = _import(tmp_path, "edge-ids.mmd", text)
    assert lines_of(flow) == {
        ("Start", "Paid?", ""),
        ("Paid?", "Ship", "Yes"),
        ("Paid?", "Cancelled", "No"),
        ("Ship", "Done", ""),
    }
    assert (None, "2 `id@{…}` line(s) left out: they change only the look") in notes
    assert "e1" not in {s.label for s in flow.steps}  # a line's name is not a step
