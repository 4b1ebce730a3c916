"""Quiz questions derived from a decision's question and one of its outcomes.

Spanish and Portuguese yes/no questions keep the word order of a statement,
so "¿La queja es grave?" answered "Sí" becomes "La queja es grave. ¿Qué paso
sigue?".  Every other case (English, "No", open questions, labels that are
not questions) quotes the question and the outcome, which is always right.
"""

from __future__ import annotations

from ..words import words

__all__ = ["quiz_question"]

_YES = {"sí", "si", "yes", "sim", "s", "y"}
# Questions that open with one of these words are not yes/no questions.
_OPEN_WORDS = {
    "es": frozenset(
        {
            "qué",
            "que",
            "quién",
            "quien",
            "quiénes",
            "cuál",
            "cual",
            "cuáles",
            "cuándo",
            "cuando",
            "dónde",
            "donde",
            "adónde",
            "cómo",
            "como",
            "cuánto",
            "cuánta",
            "cuántos",
            "cuántas",
            "por qué",
            "a quién",
            "a qué",
            "de qué",
            "con qué",
            "para qué",
            "en qué",
        }
    ),
    "pt": frozenset(
        {
            "que",
            "quê",
            "o que",
            "quem",
            "qual",
            "quais",
            "quando",
            "onde",
            "aonde",
            "como",
            "quanto",
            "quanta",
            "quantos",
            "quantas",
            "porque",
            "por que",
            "a quem",
            "de que",
            "com que",
            "para que",
            "em que",
        }
    ),
}


def quiz_question(question: str, outcome: str, lang: str) -> str:
    """The quiz text for ``question`` answered ``outcome``, in ``lang``."""
    statement = _statement(question, outcome, lang)
    if statement:
        return words(lang)["quiz_statement"].format(statement=statement)
    return words(lang)["quiz_question"].format(question=question.strip(), outcome=outcome.strip())


def _statement(question: str, outcome: str, lang: str) -> str:
    """The question turned into the statement a "yes" makes true, or "" when that is not safe."""
    if lang not in _OPEN_WORDS or outcome.strip().lower() not in _YES:
        return ""
    text = question.strip()
    if lang == "es":
        if not text.startswith("¿"):
            return ""
        text = text[1:]
    if not text.endswith("?"):
        return ""
    text = text[:-1].strip()
    if not text or "?" in text or "¿" in text or "\n" in text:
        return ""
    first = text.split()[0].lower().strip("«»\"'“”")
    if first in _OPEN_WORDS[lang] or " ".join(text.lower().split()[:2]) in _OPEN_WORDS[lang]:
        return ""
    return text[0].upper() + text[1:]
