"""Guess the flow's `lang` (en, es, pt) from its labels, so the handout speaks it.

A count of short, common words and letters of each language; English wins
ties and thin evidence, as it is the format's default and is then left unwritten.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["guess_lang"]

_WORDS = {
    "es": {
        "el",
        "la",
        "los",
        "las",
        "del",
        "de",
        "que",
        "y",
        "se",
        "en",
        "por",
        "para",
        "con",
        "una",
        "un",
        "es",
        "sí",
        "si",
        "no",
        "al",
        "cliente",
        "solicitud",
    },
    "pt": {
        "o",
        "a",
        "os",
        "as",
        "do",
        "da",
        "dos",
        "das",
        "de",
        "que",
        "e",
        "em",
        "por",
        "para",
        "com",
        "uma",
        "um",
        "é",
        "sim",
        "não",
        "ao",
        "cliente",
        "pedido",
        "no",
        "na",
    },
    "en": {
        "the",
        "a",
        "an",
        "of",
        "to",
        "and",
        "is",
        "in",
        "for",
        "with",
        "yes",
        "no",
        "on",
        "by",
        "request",
        "customer",
        "send",
        "check",
    },
}
_LETTERS = {"es": "ñ¿¡", "pt": "ãõç"}
_WORD = re.compile(r"[^\W\d_]+")
_AT_LEAST = 3
"""Evidence needed before a flow is called Spanish or Portuguese: one `y` in `x y` is not enough."""


def guess_lang(texts: Iterable[str]) -> str:
    scores = dict.fromkeys(_WORDS, 0)
    for text in texts:
        lowered = text.casefold()
        for word in _WORD.findall(lowered):
            for lang, words in _WORDS.items():
                scores[lang] += word in words
        for lang, letters in _LETTERS.items():
            scores[lang] += 3 * sum(lowered.count(ch) for ch in letters)
        scores["pt"] += 3 * (lowered.count("ção") + lowered.count("ões"))
        scores["es"] += 3 * (lowered.count("ción") + lowered.count("ones "))
    best = max(scores, key=lambda lang: (scores[lang], lang == "en"))
    return best if scores[best] > scores["en"] and scores[best] >= _AT_LEAST else "en"
