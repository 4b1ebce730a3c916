"""The handout's sentence on a typical and a slow case: "la mitad de los casos termina en menos de 45 min…".

It comes from the same simulation as `flowchart analyze --simulate` (its
default cases and seed), so the handout and the report never disagree — up
to :data:`STEP_BUDGET` steps: a flow bigger than that simulates fewer cases
(never under 1,000), so a handout of a huge flow stays quick, and says how
many.  The
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

__all__ = ["STEP_BUDGET", "TYPICAL_WORDS", "typical_case"]

STEP_BUDGET = 200
"""Steps up to which the handout simulates the default 10,000 cases (about 0.4 s at 200 steps)."""

TYPICAL_WORDS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "sentence": "Half of the cases end in less than {p50}; 1 in 10 takes more than {p90}.",
        "same": "Almost every case takes about {p50}.",
        "between": "Most cases take between {low} and {high}.",
        "how": "From {cases} simulated cases, each decision taken as often as its shares say.",
    },
    "es": {
        "sentence": "La mitad de los casos termina en menos de {p50}; 1 de cada 10 tarda más de {p90}.",
        "same": "Casi todos los casos tardan unos {p50}.",
        "between": "La mayoría de los casos tarda entre {low} y {high}.",
        "how": "Según {cases} casos simulados, cada decisión tomada con la frecuencia que indican sus proporciones.",
    },
    "pt": {
        "sentence": "Metade dos casos termina em menos de {p50}; 1 em cada 10 leva mais de {p90}.",
        "same": "Quase todos os casos levam cerca de {p50}.",
        "between": "A maioria dos casos leva entre {low} e {high}.",
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
    cases = max(1000, DEFAULT_CASES * STEP_BUDGET // max(STEP_BUDGET, len(flow.steps)))
    simulation = simulate_flow(flow, cases=cases)
    if not simulation.p50 or not simulation.p90:
        return "", ""
    words = TYPICAL_WORDS.get(lang, TYPICAL_WORDS["en"])
    day = day_unit(durations)

    def said(minutes: float, how: str) -> str:
        return readable(minutes, lang, day, how).replace(" ", "\u00a0")  # one duration never splits

    low = simulation.p10 if simulation.p10 is not None else simulation.p50
    if said(low, "nearest") == said(simulation.p90, "nearest"):  # 8 in 10 cases round alike: no spread to tell
        sentence = words["same"].format(p50=said(simulation.p50, "nearest"))
    elif said(simulation.p50, "up") == said(simulation.p90, "down"):  # "less than 10 min; more than 10 min"
        sentence = words["between"].format(low=said(low, "down"), high=said(simulation.p90, "up"))
    else:
        sentence = words["sentence"].format(p50=said(simulation.p50, "up"), p90=said(simulation.p90, "down"))
    return sentence, words["how"].format(cases=_count(cases, lang))
