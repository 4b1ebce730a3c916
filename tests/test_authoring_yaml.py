"""The classic YAML traps: said in plain words, on the line of the mistake, with the quoted value as the fix."""

from __future__ import annotations

import pytest

from flowchart_cli.loader import load_text
from flowchart_cli.yamltraps import quote_value

HEAD = "title: Prueba\nsteps:\n  - start: Inicio\n"
TAIL = "  - end: Fin\n"


def only_error(text: str) -> tuple[str, int, int, str]:
    flow, diagnostics = load_text(text)
    assert flow is None
    [d] = diagnostics
    return d.code, d.line, d.column, d.message


@pytest.mark.parametrize(
    ("body", "line", "column", "message"),
    [
        (
            "  - process: Revisar\n    notes: Importante: verificar identidad\n",
            5,
            22,
            "': ' ends a key in YAML, and the text \"Importante: verificar identidad\" holds one; "
            'put the whole text in quotes: `notes: "Importante: verificar identidad"`',
        ),
        (
            "  - process: Revisar\n    notes: *Importante* verificar identidad\n",
            5,
            12,
            "in YAML, '*' at the start of a text makes it a reference to another value (an alias); "
            'put the whole text in quotes: `notes: "*Importante* verificar identidad"`',
        ),
        (
            "  - process: Revisar\n    notes: *Importante verificar identidad\n",
            5,
            12,
            "in YAML, '*' at the start of a text makes it a reference to another value (an alias); "
            'put the whole text in quotes: `notes: "*Importante verificar identidad"`',
        ),
        (
            "  - process: Revisar\n    notes: &Importante verificar\n",
            5,
            12,
            "in YAML, '&' at the start of a text makes it a name for the value (an anchor), and the name is dropped; "
            'put the whole text in quotes: `notes: "&Importante verificar"`',
        ),
        (
            "  - process: !Urgente revisar\n",
            4,
            14,
            "in YAML, '!' at the start of a text makes it a type tag, and the tag is dropped; "
            'put the whole text in quotes: `- process: "!Urgente revisar"`',
        ),
        (
            "  - process: Revisar\n    notes: '%50 de descuento'\n    duration: %10 del plazo\n",
            6,
            15,
            "a text cannot start with '%' in YAML (the sign is reserved); "
            'put the whole text in quotes: `duration: "%10 del plazo"`',
        ),
        (
            "  - process: Revisar\n    notes: @cliente avisar\n",
            5,
            12,
            "a text cannot start with '@' in YAML (the sign is reserved); "
            'put the whole text in quotes: `notes: "@cliente avisar"`',
        ),
        (
            "  - process: `CRM` actualizar\n",
            4,
            14,
            "a text cannot start with a backtick (`) in YAML (the sign is reserved); "
            'put the whole text in quotes: `- process: "`CRM` actualizar"`',
        ),
        (
            '  - process: "Revisar la queja\n    notes: x\n',
            4,
            14,
            'the quote " opened here is never closed, so YAML reads the rest of the file as this text; '
            'close it at the end of the text: `- process: "Revisar la queja"`',
        ),
        (
            '  - process: "Revisar" la queja\n',
            4,
            14,
            "the text goes on after its closing quote; put the whole text in quotes: "
            "`- process: '\"Revisar\" la queja'`",
        ),
        (
            "  - process: Revisar\n    lane Cliente\n",
            5,
            5,
            "\"lane Cliente\" has no ':' after its key, so YAML cannot tell the key from the value; "
            "write `lane: Cliente`",
        ),
        (
            "  - id: d\n    decision: ¿Resuelto?\n    branches:\n      Sí resolver\n      No: fin\n",
            7,
            7,
            "\"Sí resolver\" has no ':' after its key, so YAML cannot tell the key from the value; "
            "write `Sí: resolver`",
        ),
    ],
    ids=[
        "colon",
        "star",
        "star-words",
        "ampersand",
        "bang",
        "percent",
        "at",
        "backtick",
        "quote",
        "after-quote",
        "missing-colon",
        "missing-colon-branch",
    ],
)
def test_each_trap_is_explained_where_it_is(body: str, line: int, column: int, message: str) -> None:
    assert only_error(HEAD + body + TAIL) == ("FC100", line, column, message)


def test_a_missing_colon_on_the_first_line() -> None:
    assert only_error("title Prueba\nsteps:\n  - start: A\n  - end: B\n") == (
        "FC100",
        1,
        1,
        "\"title Prueba\" has no ':' after its key, so YAML cannot tell the key from the value; write `title: Prueba`",
    )


def test_a_missing_colon_in_the_last_line() -> None:
    assert only_error(HEAD + TAIL + "    lane Cliente\n")[1:3] == (5, 5)


def test_the_fix_quotes_what_a_value_holds() -> None:
    assert quote_value("Importante: sí") == '"Importante: sí"'
    assert quote_value('Dice "hola"') == "'Dice \"hola\"'"
    assert quote_value('Dice "l\'ami"') == "'Dice \"l''ami\"'"


def test_an_unknown_error_keeps_libyamls_words_and_position() -> None:
    code, line, column, message = only_error("title: T\nsteps: [\n  {start: A},\n")
    assert (code, line, column) == ("FC100", 4, 1)
    assert message.startswith("invalid YAML: ")


def test_standard_tags_and_quoted_signs_are_text() -> None:
    flow, diagnostics = load_text(HEAD + "  - process: '*Importante*: revisar'\n    notes: \"@cliente\"\n" + TAIL)
    assert diagnostics == []
    assert (flow.steps[1].label, flow.steps[1].notes) == ("*Importante*: revisar", "@cliente")


@pytest.mark.parametrize(
    ("branches", "line"),
    [("      Caso #2: fin\n      No: fin\n", 7), ("      No: fin\n      Caso #2: fin\n", 8)],
    ids=["first", "last"],
)
def test_a_branch_label_cut_by_a_comment_before_its_colon(branches: str, line: int) -> None:
    text = HEAD + "  - id: d\n    decision: ¿Caso?\n    branches:\n" + branches + "  - id: fin\n    end: Fin\n"
    assert only_error(text) == (
        "FC100",
        line,
        7,
        "' #' starts a comment in YAML, so the ':' after \"Caso #2\" is never seen; "
        'put the text in quotes: `"Caso #2": fin`',
    )


def test_flow_style_errors_keep_libyamls_words() -> None:
    code, line, column, message = only_error("title: T\nsteps:\n  - {start: A: B}\n  - end: C\n")
    assert (code, line, column) == ("FC100", 3, 14)
    assert message == "invalid YAML: did not find expected ',' or '}'"


def test_a_colon_on_a_line_that_continues_a_text() -> None:
    body = "  - process: Revisar\n    notes: Primera línea\n      segunda: con dos puntos\n"
    assert only_error(HEAD + body + TAIL) == (
        "FC100",
        6,
        14,
        "this line goes on with the text of line 5, and ': ' in it ends a key in YAML; "
        'put the whole text in quotes: `notes: "Primera línea segunda: con dos puntos"`',
    )


def test_a_text_holding_the_quote_that_surrounds_it() -> None:
    body = '  - process: Revisar\n    notes: "Dijo "hola" al cliente"\n'
    assert only_error(HEAD + body + TAIL) == (
        "FC100",
        5,
        12,
        'the text holds the " that surrounds it, so YAML ends the text there; '
        "surround it with ' instead: `notes: 'Dijo \"hola\" al cliente'`",
    )
