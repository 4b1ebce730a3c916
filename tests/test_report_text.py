"""The text format's pieces: the caret under the token, and rich output equal to the plain one."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from flowchart_cli.check import check_file
from flowchart_cli.report.text import caret, print_text, write_text

RULES = Path(__file__).resolve().parent / "rules"


@pytest.mark.parametrize(
    ("line", "column", "expected"),
    [
        ("    next: grav", 11, "          ^^^^"),
        ("  - strat: Inicio", 5, "    ^^^^^"),  # a key: up to the colon
        ('    process: "Hola: mundo" # nota', 14, "             ^^^^^^^^^^^^^"),  # a quoted scalar
        ("    process: Registrar  # comentario", 14, "             ^^^^^^^^^"),
        ("    branches: {Sí: fni, sí: fin}", 20, "                   ^^^"),
        ("    branches: {Sí: fni, sí: fin}", 25, "                        ^^"),
        ("title: T", 40, " " * 39 + "^"),  # past the end of the line
        ("  - process: " + "x" * 500, 14, " " * 13 + "^" * 60),  # at most 60 carets
    ],
)
def test_caret(line: str, column: int, expected: str) -> None:
    assert caret(line, column) == expected


def test_rich_and_plain_output_hold_the_same_text() -> None:
    results = [check_file(RULES / "FC105.fail.flow.yaml"), check_file(RULES / "FC302.fail.flow.yaml")]
    plain = io.StringIO()
    write_text(plain, results)
    rich = io.StringIO()
    print_text(Console(file=rich, force_terminal=False, width=40), results)
    assert rich.getvalue() == plain.getvalue()
    coloured = io.StringIO()
    print_text(Console(file=coloured, force_terminal=True, color_system="standard", width=40), results)
    assert "\x1b[" in coloured.getvalue()


def test_markup_in_paths_and_labels_is_printed_literally(tmp_path: Path) -> None:
    path = tmp_path / "[bold]x.flow.yaml"
    path.write_text(
        "title: T\nsteps:\n  - start: A\n  - decision: '[red]hola[/red]'\n    branches: {a: f, b: f}\n"
        "  - id: f\n    end: F\n"
    )
    out = io.StringIO()
    print_text(Console(file=out, force_terminal=False), [check_file(path)], summary=False)
    assert "[bold]x.flow.yaml:4:15: warning FC302: decision '[red]hola[/red]'" in out.getvalue()


def test_caret_spans_quoted_scalars_with_escaped_quotes():
    line = '    decision: "say \\"hi\\" ¿ok?"'
    assert caret(line, 15) == " " * 14 + "^" * (len(line) - 14)
    single = "  - process: 'it''s done' # note"
    assert caret(single, 14) == " " * 13 + "^" * len("'it''s done'")
