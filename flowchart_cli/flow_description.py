"""The sentence a screen reader says for a drawing: the SVG's ``<desc>`` when the flow has no ``description``.

It is read aloud to the flow's own team, so it speaks the flow's language,
as the handout does ("Diagrama de flujo de 20 pasos; responsables: …"), and
a printed part of the handout says which part it is and which steps it
holds rather than describing the whole flow again.  The words live here,
beside the only code that uses them.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .model import Flow
from .words import count, words

__all__ = ["DESCRIPTION_WORDS", "describe", "describe_part"]

DESCRIPTION_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "en": {
            "flow": "Flowchart of {steps}",
            "lanes": " in lanes {lanes}",
            "starts": "; starts at: {labels}",
            "ends": "; ends at: {labels}",
            "part": "Part {n} of {total} of the flowchart “{title}”: {steps}",
            "steps": "step {numbers}|steps {numbers}",
        },
        "es": {
            "flow": "Diagrama de flujo de {steps}",
            "lanes": "; responsables: {lanes}",
            "starts": "; empieza en: {labels}",
            "ends": "; termina en: {labels}",
            "part": "Parte {n} de {total} del diagrama de flujo «{title}»: {steps}",
            "steps": "paso {numbers}|pasos {numbers}",
        },
        "pt": {
            "flow": "Fluxograma de {steps}",
            "lanes": "; responsáveis: {lanes}",
            "starts": "; começa em: {labels}",
            "ends": "; termina em: {labels}",
            "part": "Parte {n} de {total} do fluxograma “{title}”: {steps}",
            "steps": "passo {numbers}|passos {numbers}",
        },
    }
)


def _words(lang: str) -> Mapping[str, str]:
    return DESCRIPTION_WORDS.get(lang, DESCRIPTION_WORDS["en"])


def describe(flow: Flow, lang: str | None = None) -> str:
    """The flow's ``description``, else a sentence of its size, lanes, starts and ends in ``lang`` (default: the
    flow's): "Diagrama de flujo de 6 pasos; empieza en: Inicio; termina en: Fin."."""
    if flow.description.strip():
        return flow.description.strip()
    lang = lang or flow.lang
    w = _words(lang)
    text = w["flow"].format(steps=count(words(lang), "count_steps", len(flow.steps)))
    if flow.lanes:
        text += w["lanes"].format(lanes=", ".join(lane.name for lane in flow.lanes))
    starts = [s.label for s in flow.steps if s.kind == "start"]
    ends = [s.label for s in flow.steps if s.kind == "end"]
    if starts:
        text += w["starts"].format(labels="; ".join(starts))
    if ends:
        text += w["ends"].format(labels="; ".join(ends))
    return text + "."


def describe_part(flow: Flow, steps: str, shown: int, n: int, total: int, lang: str | None = None) -> str:
    """A printed part's sentence: "Parte 2 de 4 del diagrama de flujo «Soporte»: pasos 5–9, 11." (``steps`` as the
    part's caption writes them, ``shown`` how many they are)."""
    w = _words(lang or flow.lang)
    one, many = w["steps"].split("|")
    numbers = (one if shown == 1 else many).format(numbers=steps)
    return w["part"].format(n=n, total=total, title=flow.title, steps=numbers) + "."
