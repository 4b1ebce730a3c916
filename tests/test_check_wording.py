"""The wording of `check`'s messages a reviewer stumbled on: one slip, one error, and a fix in the flow's words.

Outcomes written beside `branches:` instead of under it gave four errors (0 branches, two unknown keys, an
unreachable end); FC205 said "0 branch(es)" and showed a Spanish "Sí" to a Portuguese flow; an empty branch
target was told to "write a text"; `link: www.example.com` was not told what to write.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flowchart_cli.check import check_file
from flowchart_cli.links import link_problem


def check(tmp_path: Path, text: str) -> list[tuple[str, int, int, str]]:
    path = tmp_path / "t.flow.yaml"
    path.write_text(text, encoding="utf-8")
    return [(d.code, d.line, d.column, d.message) for d in check_file(path).diagnostics]


OUTDENTED = """title: X
lang: es
steps:
  - start: Inicio
  - decision: ¿Tiene cita?
    branches:
    Sí: fin
    No: fin2
  - id: fin
    end: Fin
  - id: fin2
    end: Fin 2
"""


def test_outcomes_beside_branches_are_one_error_with_the_fix(tmp_path) -> None:
    assert check(tmp_path, OUTDENTED) == [
        (
            "FC107",
            7,
            5,
            "the outcomes 'Sí', 'No' are not indented under `branches:`; indent them two spaces more than `branches:`",
        )
    ]


def test_a_key_after_empty_branches_on_a_step_that_is_no_decision_is_still_unknown(tmp_path) -> None:
    text = "title: X\nsteps:\n  - start: Inicio\n  - process: Atender\n    branches:\n    Sí: fin\n"
    text += "  - id: fin\n    end: F\n"
    assert sorted(c for c, *_ in check(tmp_path, text)) == ["FC102", "FC207"]


def test_outcomes_after_empty_branches_stop_at_the_next_step_key(tmp_path) -> None:
    text = OUTDENTED.replace("    No: fin2\n", "    No: fin2\n    lane: Agente\n")
    assert [c for c, *_ in check(tmp_path, text)] == ["FC107"]


@pytest.mark.parametrize(
    ("lang", "example"),
    [
        ("pt", "`branches: {Sim: a, Não: b}`"),
        ("es", "`branches: {Sí: a, No: b}`"),
        ("en", "`branches: {Yes: a, No: b}`"),
    ],
)
def test_fc205_counts_in_words_and_shows_the_flow_s_language(tmp_path, lang: str, example: str) -> None:
    one = f"title: X\nlang: {lang}\nsteps:\n  - start: A\n  - decision: Pagou?\n    branches: {{Sim: fim}}\n"
    one += "  - id: fim\n    end: F\n"
    ((code, line, _, message),) = check(tmp_path, one)
    assert (code, line) == ("FC205", 5)
    assert message == f"decision 'Pagou?' has only one branch, 'Sim'; give it at least two ({example})"
    none = one.replace("    branches: {Sim: fim}\n", "    branches:\n")
    messages = [m for c, *_, m in check(tmp_path, none) if c == "FC205"]
    assert messages == [f"decision 'Pagou?' has no branches; give it at least two ({example})"]


def test_an_empty_branch_target_asks_for_a_step_id(tmp_path) -> None:
    text = "title: X\nlang: pt\nsteps:\n  - start: A\n  - decision: Pagou?\n    branches:\n      Sim: fim\n      Não:\n"
    text += "  - id: fim\n    end: Fim\n"
    assert ("FC107", 8, 11, "the target of branch 'Não' is empty; write the id of the step it leads to") in check(
        tmp_path, text
    )


@pytest.mark.parametrize(
    ("url", "meant"),
    [
        ("www.example.com", "https://www.example.com"),
        ("example.com/sucursales", "https://example.com/sucursales"),
        ("ana@example.com", "mailto:ana@example.com"),
    ],
)
def test_a_link_without_its_scheme_is_told_the_full_url(url: str, meant: str) -> None:
    assert link_problem(url) == f"must be an http, https or mailto URL; did you mean '{meant}'?"


@pytest.mark.parametrize("url", ["ftp://example.com/f", "javascript:alert(1)", "docs/manual", "localhost"])
def test_no_https_guess_for_another_scheme_or_a_path(url: str) -> None:
    assert link_problem(url) == "must be an http, https or mailto URL"
