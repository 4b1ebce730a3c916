"""Sentences about a decision and its outcomes, worded so that any label fits them.

A decision's label may be a question ("¿Le sirvió la respuesta?") or not
("Canal de entrada"), and its outcomes may be "Sí", "No" or whole phrases
("Le sirvió la respuesta").  Turning a question into a statement breaks on
such labels, so both are always quoted, in a frame that reads naturally
around them: "En «¿Le sirvió la respuesta?», si la respuesta es «No», ¿cuál
es el paso siguiente?".  The same frame lists the answers of a scenario or a
quiz case: "la respuesta es «Teléfono» en «¿Por qué canal…?» y «Sí» en «…»".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from ..words import words

__all__ = ["QUESTION_WORDS", "answer_list", "answers_condition", "is_question", "next_step_question", "question_words"]

QUESTION_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "en": {
            "next": "At {question}, if the answer is {outcome}, what is the next step?",
            "next_outcome": "At {question}, if the outcome is {outcome}, what is the next step?",
            "answer_at": "{outcome} at {question}",
            "and": " and ",
            "or": " or ",
            "comma": ", ",
            "if": "If the answer is {answers}",
            "always": "Always",
            "case_end": "A case: the answer is {answers}. Where does the process end?",
            "case_lanes": "A case: the answer is {answers}. Who works on it, in turn, from start to end?",
        },
        "es": {
            "next": "En {question}, si la respuesta es {outcome}, ¿cuál es el paso siguiente?",
            "next_outcome": "En {question}, si el resultado es {outcome}, ¿cuál es el paso siguiente?",
            "answer_at": "{outcome} en {question}",
            "and": " y ",
            "or": " o ",
            "comma": ", ",
            "if": "Si la respuesta es {answers}",
            "always": "Siempre",
            "case_end": "Un caso: la respuesta es {answers}. ¿Dónde termina el proceso?",
            "case_lanes": "Un caso: la respuesta es {answers}. ¿Quiénes intervienen, por turno, de principio a fin?",
        },
        "pt": {
            "next": "Em {question}, se a resposta for {outcome}, qual é o próximo passo?",
            "next_outcome": "Em {question}, se o resultado for {outcome}, qual é o próximo passo?",
            "answer_at": "{outcome} em {question}",
            "and": " e ",
            "or": " ou ",
            "comma": ", ",
            "if": "Se a resposta for {answers}",
            "always": "Sempre",
            "case_end": "Um caso: a resposta é {answers}. Onde termina o processo?",
            "case_lanes": "Um caso: a resposta é {answers}. Quem atua nele, em ordem, do início ao fim?",
        },
    }
)


def question_words(lang: str) -> Mapping[str, str]:
    return QUESTION_WORDS.get(lang, QUESTION_WORDS["en"])


def is_question(label: str) -> bool:
    """Whether ``label`` is worded as a question (it ends with a question mark)."""
    return label.rstrip().endswith(("?", "？", "؟"))


def _quoted(text: str, lang: str) -> str:
    return words(lang)["quoted"].format(text=text.strip())


def next_step_question(question: str, outcome: str, lang: str) -> str:
    """ "En «¿Le sirvió la respuesta?», si la respuesta es «No», ¿cuál es el paso siguiente?"."""
    w = question_words(lang)
    frame = w["next"] if is_question(question) else w["next_outcome"]
    return frame.format(question=_quoted(question, lang), outcome=_quoted(outcome, lang))


def answer_list(answers: Sequence[tuple[str, str | tuple[str, ...]]], lang: str) -> str:
    """(question, outcome) pairs as "«No» en «¿A?», «Sí» en «¿B?» y «Chat» en «¿C?»"; an outcome given as
    several (answers that lead to the same step) reads "«Sí» o «No, pero está autorizado» en «¿A?»"."""
    w = question_words(lang)

    def said(outcome: str | tuple[str, ...]) -> str:
        alternatives = (outcome,) if isinstance(outcome, str) else outcome
        return w["or"].join(_quoted(o, lang) for o in alternatives)

    items = [w["answer_at"].format(outcome=said(o), question=_quoted(q, lang)) for q, o in answers]
    if len(items) < 2:
        return "".join(items)
    return w["comma"].join(items[:-1]) + w["and"] + items[-1]


def answers_condition(answers: Sequence[tuple[str, str | tuple[str, ...]]], lang: str) -> str:
    """ "Si la respuesta es «No» en «¿A?» y «Sí» en «¿B?»", or "Siempre" when no decision is met."""
    w = question_words(lang)
    return w["if"].format(answers=answer_list(answers, lang)) if answers else w["always"]
