"""Mistakes a new author makes: Spanish and Portuguese keys, a forgotten colon, a label for an id.

Each case pins the exact message, line and column, and that one mistake gives one error.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flowchart_cli.check import check_file
from flowchart_cli.key_words import KEY_WORDS, meant_key
from flowchart_cli.loader import LANE_KEYS, STAGE_KEYS, STEP_KEYS, TOP_KEYS, load_text


def problems(tmp_path: Path, text: str) -> list[tuple[str, int, int, str]]:
    path = tmp_path / "f.flow.yaml"
    path.write_text(text, encoding="utf-8")
    return [(d.code, d.line, d.column, d.message) for d in check_file(path).diagnostics]


SPANISH = """\
title: Atención telefónica
lang: es
steps:
  - inicio: El cliente llama
  - id: atender
    paso: Atender la llamada
    siguiente: registrar
  - id: registrar
    process: Registrar el caso
  - fin: Caso cerrado
"""


def test_spanish_keys_give_one_error_each_with_the_key_meant(tmp_path: Path) -> None:
    note = " (keys are written in English)"
    assert problems(tmp_path, SPANISH) == [
        ("FC102", 4, 5, f"unknown key 'inicio' in a step; did you mean 'start'?{note}"),
        ("FC102", 6, 5, f"unknown key 'paso' in a step; did you mean 'process'?{note}"),
        ("FC102", 7, 5, f"unknown key 'siguiente' in a step; did you mean 'next'?{note}"),
        ("FC102", 10, 5, f"unknown key 'fin' in a step; did you mean 'end'?{note}"),
    ]


def test_spanish_keys_are_read_as_the_key_meant() -> None:
    flow, _ = load_text(SPANISH)
    assert [(s.kind, s.label, s.next) for s in flow.steps] == [
        ("start", "El cliente llama", None),
        ("process", "Atender la llamada", "registrar"),
        ("process", "Registrar el caso", None),
        ("end", "Caso cerrado", None),
    ]


PORTUGUESE = """\
título: Troca de produto
idioma: pt
raias:
  - Cliente
  - nome: Loja
    externo: sim
etapas:
  - Pedido
passos:
  - início: Cliente pede a troca
    raia: Cliente
    etapa: Pedido
  - id: ok
    decisão: Produto com defeito?
    ramos:
      Sim: trocar
      Não: fim
  - id: trocar
    processo: Trocar o produto
    responsável: Loja
    duração: 10 min
    notas: Conferir a nota fiscal.
    próximo: fim
  - id: fim
    fim: Troca concluída
"""


def test_portuguese_keys_everywhere_are_suggested_and_read(tmp_path: Path) -> None:
    found = problems(tmp_path, PORTUGUESE)
    assert {code for code, *_ in found} == {"FC102"}
    meant = [message.split("did you mean ")[1].split("?")[0] for *_, message in found]
    assert meant == [
        "'title'", "'lang'", "'lanes'", "'name'", "'external'", "'stages'", "'steps'",
        "'start'", "'lane'", "'stage'", "'decision'", "'branches'", "'process'", "'lane'",
        "'duration'", "'notes'", "'next'", "'end'",
    ]  # fmt: skip
    flow, _ = load_text(PORTUGUESE)
    assert flow.title == "Troca de produto" and flow.lang == "pt"
    assert [lane.name for lane in flow.lanes] == ["Cliente", "Loja"] and flow.lanes[1].external
    assert [s.lane for s in flow.steps] == ["Cliente", "Cliente", "Loja", "Loja"]
    assert flow.steps[2].duration == "10 min" and flow.steps[2].notes == "Conferir a nota fiscal."


@pytest.mark.parametrize(
    ("word", "known", "key"),
    [
        ("inicio", STEP_KEYS, "start"),
        ("Início", STEP_KEYS, "start"),
        ("fim", STEP_KEYS, "end"),
        ("passo", STEP_KEYS, "process"),
        ("processo", STEP_KEYS, "process"),
        ("próximo", STEP_KEYS, "next"),
        ("proximo", STEP_KEYS, "next"),
        ("responsable", STEP_KEYS, "lane"),
        ("carril", STEP_KEYS, "lane"),
        ("etapa", STEP_KEYS, "stage"),
        ("fase", STEP_KEYS, "stage"),
        ("opciones", STEP_KEYS, "branches"),
        ("duracion", STEP_KEYS, "duration"),
        ("enlace", STEP_KEYS, "link"),
        ("nombre", LANE_KEYS, "name"),
        ("nombre", TOP_KEYS, "title"),
        ("etapas", TOP_KEYS, "stages"),
        ("descripción", STAGE_KEYS, "description"),
    ],
)
def test_key_words_in_each_place(word: str, known: tuple[str, ...], key: str) -> None:
    assert meant_key(word, known) == key


def test_every_word_names_a_real_key() -> None:
    every_key = {*TOP_KEYS, *LANE_KEYS, *STAGE_KEYS, *STEP_KEYS}
    assert set(KEY_WORDS) <= every_key
    assert every_key - {"ref"} <= set(KEY_WORDS) | {"ref"}


def test_a_spanish_word_for_a_key_already_written_is_not_read_twice(tmp_path: Path) -> None:
    text = "title: T\nsteps:\n  - start: A\n    inicio: B\n  - end: F\n"
    assert problems(tmp_path, text) == [
        ("FC102", 4, 5, "unknown key 'inicio' in a step; did you mean 'start'? (keys are written in English)")
    ]
    flow, _ = load_text(text)
    assert flow.steps[0].label == "A"


def test_a_forgotten_colon_after_the_symbol_is_one_error_without_the_key_repeated(tmp_path: Path) -> None:
    text = "title: T\nsteps:\n  - start El cliente llama\n  - end: Fin\n"
    assert problems(tmp_path, text) == [
        ("FC107", 3, 5, "`start` needs a ':' after it; write `- start: El cliente llama`"),
    ]


def test_a_forgotten_colon_after_a_spanish_symbol(tmp_path: Path) -> None:
    text = "title: T\nsteps:\n  - inicio El cliente llama\n  - fin: Fin\n"
    assert problems(tmp_path, text)[0] == (
        "FC107",
        3,
        5,
        "`start` needs a ':' after it; write `- start: El cliente llama`",
    )


LABEL_FOR_ID = """\
title: T
steps:
  - start: Inicio
  - id: resuelto
    decision: ¿Resuelto?
    branches:
      Sí: Fin del proceso
      No: resuelto
  - id: fin
    end: Fin del proceso
"""


def test_a_branch_naming_a_label_suggests_that_steps_id_and_nothing_else(tmp_path: Path) -> None:
    assert problems(tmp_path, LABEL_FOR_ID) == [
        (
            "FC105",
            7,
            11,
            "branch 'Sí' points to unknown step 'Fin del proceso'; did you mean 'fin'? "
            "(point to a step's id, not its label)",
        )
    ]


def test_a_next_naming_the_label_of_a_step_without_id(tmp_path: Path) -> None:
    text = (
        "title: T\nsteps:\n  - start: Inicio\n    next: Revisar el caso\n  - process: Revisar el caso\n  - end: Fin\n"
    )
    assert problems(tmp_path, text) == [
        (
            "FC105",
            4,
            11,
            "`next` points to unknown step 'Revisar el caso'; that is the label of step 2: "
            "give that step an `id` and point to the id",
        ),
    ]


def test_a_next_naming_a_step_as_messages_do_says_it_needs_an_id(tmp_path: Path) -> None:
    # review 16: messages name a step with no id "step-2"; `next: step-2` then said only "unknown step"
    text = "title: T\nsteps:\n  - start: Inicio\n  - process: Revisar\n  - process: Otra vez\n    next: step-2\n"
    text += "  - end: Fin\n"
    assert problems(tmp_path, text) == [
        (
            "FC105",
            6,
            11,
            "`next` points to unknown step 'step-2'; that is how messages name step 2, which has no id: "
            "give it an `id` and point to it",
        ),
    ]


def test_an_unknown_target_in_a_loop_is_not_also_an_endless_loop(tmp_path: Path) -> None:
    text = LABEL_FOR_ID.replace("Fin del proceso\n      No", "terminado\n      No")
    assert problems(tmp_path, text) == [("FC105", 7, 11, "branch 'Sí' points to unknown step 'terminado'")]


def test_a_label_cut_by_a_comment_is_a_warning_with_what_was_kept_and_dropped(tmp_path: Path) -> None:
    text = "title: T\nsteps:\n  - start: Inicio  # a real comment\n  - process: Atender al cliente #2 de la fila\n"
    assert problems(tmp_path, text + "  - end: Fin # another one\n") == [
        (
            "FC308",
            4,
            33,
            "' #' starts a comment in YAML, so the label is 'Atender al cliente' and '#2 de la fila' is dropped; "
            'to keep it, put the whole text in quotes: `process: "Atender al cliente #2 de la fila"`',
        )
    ]


def test_a_quoted_text_holding_a_quote_gets_single_quotes_in_the_fix(tmp_path: Path) -> None:
    text = 'title: T\nsteps:\n  - start: Inicio\n  - process: Llamar al "jefe" #2\n  - end: Fin\n'
    [(code, *_, message)] = problems(tmp_path, text)
    assert code == "FC308" and message.endswith("`process: 'Llamar al \"jefe\" #2'`")


def test_a_lane_written_in_a_step_cut_by_a_comment_is_reported_once(tmp_path: Path) -> None:
    text = "title: T\nsteps:\n  - start: Inicio\n    lane: Agente #2\n  - end: Fin\n"
    assert problems(tmp_path, text) == [
        (
            "FC308",
            4,
            18,
            "' #' starts a comment in YAML, so the lane is 'Agente' and '#2' is dropped; "
            'to keep it, put the whole text in quotes: `lane: "Agente #2"`',
        )
    ]
