"""The handout's sentence on a typical and a slow case: "la mitad de los casos termina en menos de 45 min…".

It comes from the same simulation as `flowchart analyze --simulate` (its
default cases and seed), so the handout and the report never disagree.  The
median is rounded up and the 90th percentile down, so both halves of the
sentence stay true as written.  A flow without any readable duration gets no
sentence: there is nothing to say about time.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..analyze.simulate import DEFAULT_CASES, simulate_flow
from ..durations import parse_duration
from ..model import Flow
from ..readable_time import day_unit, readable

__all__ = ["TYPICAL_WORDS", "typical_case"]

TYPICAL_WORDS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "sentence": "Half of the cases end in less than {p50}; 1 in 10 takes more than {p90}.",
        "how": "From {cases} simulated cases, each decision taken as often as its shares say.",
    },
    "es": {
        "sentence": "La mitad de los casos termina en menos de {p50}; 1 de cada 10 tarda más de {p90}.",
        "how": "Según {cases} casos simulados, cada decisión tomada con la frecuencia que indican sus proporciones.",
    },
    "pt": {
        "sentence": "Metade dos casos termina em menos de {p50}; 1 em cada 10 leva mais de {p90}.",
        "how": "Segundo {cases} casos simulados, cada decisão tomada com a frequência que indicam suas proporções.",
    },
}
_THOUSANDS = {"en": ",", "es": "\u00a0", "pt": "."}


def _count(number: int, lang: str) -> str:
    return f"{number:,}".replace(",", _THOUSANDS.get(lang, ","))


def typical_case(flow: Flow, lang: str) -> tuple[str, str]:
    """(the sentence, how it was worked out) in ``lang``; ("", "") when the flow says nothing of time."""
    durations = [s.duration for s in flow.steps if s.duration.strip()]
    if not any(parse_duration(text) for text in durations) or not any(s.kind == "start" for s in flow.steps):
        return "", ""
    simulation = simulate_flow(flow)
    if not simulation.p50 or not simulation.p90:
        return "", ""
    words = TYPICAL_WORDS.get(lang, TYPICAL_WORDS["en"])
    day = day_unit(durations)
    sentence = words["sentence"].format(
        p50=readable(simulation.p50, lang, day, "up").replace(" ", "\u00a0"),
        p90=readable(simulation.p90, lang, day, "down").replace(" ", "\u00a0"),
    )
    return sentence, words["how"].format(cases=_count(DEFAULT_CASES, lang))
