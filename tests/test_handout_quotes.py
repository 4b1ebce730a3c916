"""Review 3 #13, the handout's wording: a label's own quotes inside the handout's quote of it, the duration
question, and the simulation's sentence in Spanish and Portuguese."""

from __future__ import annotations

import pytest
import tinyhtml5
from handout_fakes import FakeDrawing, diagram_of, flow_from

from flowchart_cli.handout.html import render_html
from flowchart_cli.handout.quotes import nest_quotes
from flowchart_cli.handout.view import build_view

CLAIM = """title: Travel claim
lang: {lang}
steps:
  - start: Claim received
  - id: covered
    decision: Was the trip covered on that date?
    branches: {{Yes: pay, No: letter}}
  - id: letter
    document: Send the "no cover on that date" letter
    duration: 10 min
    next: closed
  - id: pay
    process: Pay the claim
    duration: 1 h
  - id: closed
    end: Claim closed
"""


def page_text(flow) -> str:
    root = tinyhtml5.parse(render_html(build_view(flow, diagram_of(flow), FakeDrawing())))
    return " ".join("".join(root.itertext()).split())


@pytest.mark.parametrize(
    ("text", "nested"),
    [
        ('step 5 “Send the "no cover" letter”', "step 5 “Send the ‘no cover’ letter”"),
        ('«Enviar la carta "sin cobertura"»', "«Enviar la carta “sin cobertura”»"),
        ("“Send the “no cover” letter”", "“Send the ‘no cover’ letter”"),  # the same marks, written curly
        ('a “first” and "second" outside', 'a “first” and "second" outside'),  # outside a quote: as written
        ('Send the "no cover" letter', 'Send the "no cover" letter'),
    ],
)
def test_quotes_inside_a_quote_take_the_inner_marks(text: str, nested: str) -> None:
    assert nest_quotes(text) == nested


@pytest.mark.parametrize(
    ("lang", "quoted"),
    [
        ("en", "“Send the ‘no cover on that date’ letter”"),
        ("es", "«Send the “no cover on that date” letter»"),
        ("pt", "“Send the ‘no cover on that date’ letter”"),
    ],
)
def test_a_label_with_quotes_is_quoted_with_the_language_s_inner_marks(tmp_path, lang: str, quoted: str) -> None:
    """`"Send the "no cover on that date" letter"` read as two quotes side by side."""
    words = page_text(flow_from(tmp_path, CLAIM.format(lang=lang)))
    assert quoted in words
    assert '“Send the "no' not in words and '«Send the "no' not in words
    assert 'Send the "no cover on that date" letter' in words  # the step table: the label as written


def test_the_duration_question_asks_how_long_a_step_takes(tmp_path) -> None:
    words = page_text(flow_from(tmp_path, CLAIM.format(lang="en")))
    assert "How long does “Pay the claim” take?" in words and "How long may" not in words
    spanish = page_text(flow_from(tmp_path, CLAIM.format(lang="es")))
    assert "¿Cuánto tiempo lleva «Pay the claim»?" in spanish
    portuguese = page_text(flow_from(tmp_path, CLAIM.format(lang="pt")))
    assert "Quanto tempo leva “Pay the claim”?" in portuguese


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Assuming each answer of every decision is taken equally often (the flow gives no shares), "),
        ("es", "Suponiendo que cada respuesta de cada decisión se da con la misma frecuencia (el flujo no indica "),
        ("pt", "Supondo que cada resposta de cada decisão ocorre com a mesma frequência (o fluxo não indica "),
    ],
)
def test_the_simulation_says_with_each_answer_taken_equally_often(tmp_path, lang: str, sentence: str) -> None:
    """ "Según 10 000 casos simulados, cada respuesta de una decisión tomada…" lacked its "con"; since review 4 #11
    the bold sentence itself says it."""
    assert sentence in page_text(flow_from(tmp_path, CLAIM.format(lang=lang)))
