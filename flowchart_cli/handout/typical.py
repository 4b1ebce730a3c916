"""The handout's sentence on a typical and a slow case: "la mitad de los casos termina en unos 45 min o menos…".

It comes from the same simulation as `flowchart analyze --simulate` (its
default cases and seed), so the handout and the report never disagree — up
to :data:`STEP_BUDGET` steps: a flow bigger than that simulates fewer cases
(never under 1,000), so a handout of a huge flow stays quick, and says how
many.  The
median and the 90th percentile are rounded to the nearest figure, as the
analyze report rounds them (review 4 #10: "more than 6.1 business days" beside
analyze's "6.2"), and the sentence says "about", so it stays true as written.
A flow without any readable duration gets no sentence: there is nothing to say about time.  What the simulation assumes
where the flow is silent is said, not hidden: a decision without ``shares``
takes its answers equally often, and a step without a readable duration counts
as 0 min — a trainee who reads "unos 10 min o menos" must know that the 48-hour
visit was not counted.  Every figure is said in the flow's own day unit
(:mod:`..readable_time`); a flow that writes both business and calendar days
is told what the other kind counts as.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..analyze.simulate import DEFAULT_CASES, simulate_flow
from ..durations import parse_duration
from ..model import Flow
from ..readable_time import DayUnit, day_unit, readable
from ..words import words as handout_words
from .routes import step_numbers_in_prose

__all__ = ["STEP_BUDGET", "TYPICAL_WORDS", "typical_case"]

STEP_BUDGET = 200
"""Steps up to which the handout simulates the default 10,000 cases (about 0.4 s at 200 steps)."""

TYPICAL_WORDS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "business": "Each {day} counts as 8 h of work.",
        "mixed_calendar": "In these figures each business day counts as 8 h (a third of a day), not as a whole "
        "calendar day.",
        "mixed_business": "In these figures a {day} is 8 h and waits in calendar days or hours count in full: "
        "a 24 h wait adds 3 {days}.",
        "sentence": "Half of the cases end in about {p50} or less; 1 in 10 takes about {p90} or more.",
        "same": "Almost every case takes about {p50}.",
        "slow_only": "1 in 10 cases takes about {p90} or more.",
        "between": "Most cases take between about {low} and {high}.",
        "how": "From {cases} simulated cases, with each decision taken as often as its shares say.",
        "assuming": "Assuming each answer of every decision is taken equally often (the flow gives no shares), ",
        "how_equal": "From {cases} simulated cases.",
        "how_some": "From {cases} simulated cases, with each decision taken as often as its shares say, "
        "and each answer equally often where it gives none.",
        "untimed_one": "Step {steps} counts as 0 min ({why}), so real cases take longer.",
        "untimed": "Steps {steps} count as 0 min ({why}), so real cases take longer.",
        "unread": "no duration the simulation can read",
        "missing": "no duration given",
        "timed_one": "Only step {steps} has a duration the simulation can read; the others count as 0 min, "
        "so real cases take longer.",
        "timed": "Only steps {steps} have a duration the simulation can read; the others count as 0 min, "
        "so real cases take longer.",
    },
    "es": {
        "business": "Cada día hábil cuenta como 8 h de trabajo.",
        "mixed_calendar": "En estas cifras cada día hábil cuenta como 8 h (un tercio de día), no como un día "
        "entero del calendario.",
        "mixed_business": "En estas cifras un día hábil son 8 h y las esperas en días naturales o en horas "
        "cuentan enteras: una espera de 24 h suma 3 días hábiles.",
        "sentence": "La mitad de los casos termina en unos {p50} o menos; 1 de cada 10 tarda unos {p90} o más.",
        "same": "Casi todos los casos tardan unos {p50}.",
        "slow_only": "1 de cada 10 casos tarda unos {p90} o más.",
        "between": "La mayoría de los casos tarda entre unos {low} y {high}.",
        "how": "Según {cases} casos simulados, con cada decisión tomada con la frecuencia que indican sus "
        "proporciones.",
        "assuming": "Suponiendo que cada respuesta de cada decisión se da con la misma frecuencia (el flujo no "
        "indica proporciones), ",
        "how_equal": "Según {cases} casos simulados.",
        "how_some": "Según {cases} casos simulados, con cada decisión tomada con la frecuencia que indican sus "
        "proporciones, y cada respuesta con la misma frecuencia donde no las indica.",
        "untimed_one": "El paso {steps} cuenta como 0 min ({why}), así que los casos reales tardan más.",
        "untimed": "Los pasos {steps} cuentan como 0 min ({why}), así que los casos reales tardan más.",
        "unread": "sin una duración que la simulación pueda leer",
        "missing": "sin duración escrita",
        "timed_one": "Solo el paso {steps} tiene una duración que la simulación pueda leer; los demás cuentan "
        "como 0 min, así que los casos reales tardan más.",
        "timed": "Solo los pasos {steps} tienen una duración que la simulación pueda leer; los demás cuentan "
        "como 0 min, así que los casos reales tardan más.",
    },
    "pt": {
        "business": "Cada dia útil conta como 8 h de trabalho.",
        "mixed_calendar": "Nestes números cada dia útil conta como 8 h (um terço de dia), não como um dia "
        "inteiro do calendário.",
        "mixed_business": "Nestes números um dia útil são 8 h e as esperas em dias corridos ou em horas "
        "contam inteiras: uma espera de 24 h soma 3 dias úteis.",
        "sentence": "Metade dos casos termina em cerca de {p50} ou menos; 1 em cada 10 leva cerca de {p90} ou mais.",
        "same": "Quase todos os casos levam cerca de {p50}.",
        "slow_only": "1 em cada 10 casos leva cerca de {p90} ou mais.",
        "between": "A maioria dos casos leva entre cerca de {low} e {high}.",
        "how": "Com base em {cases} casos simulados, com cada decisão tomada com a frequência que indicam suas "
        "proporções.",
        "assuming": "Supondo que cada resposta de cada decisão ocorre com a mesma frequência (o fluxo não indica "
        "proporções), ",
        "how_equal": "Com base em {cases} casos simulados.",
        "how_some": "Com base em {cases} casos simulados, com cada decisão tomada com a frequência que indicam suas "
        "proporções, e cada resposta com a mesma frequência onde não as indica.",
        "untimed_one": "O passo {steps} conta como 0 min ({why}), então os casos reais levam mais tempo.",
        "untimed": "Os passos {steps} contam como 0 min ({why}), então os casos reais levam mais tempo.",
        "unread": "sem uma duração que a simulação consiga ler",
        "missing": "sem duração escrita",
        "timed_one": "Só o passo {steps} tem uma duração que a simulação consiga ler; os demais contam como "
        "0 min, então os casos reais levam mais tempo.",
        "timed": "Só os passos {steps} têm uma duração que a simulação consiga ler; os demais contam como "
        "0 min, então os casos reais levam mais tempo.",
    },
}
_THOUSANDS = {"en": ",", "es": "\u00a0", "pt": "."}
UNTIMED_KINDS = frozenset({"start", "end", "decision", "connector", "offpage"})
"""Steps that take no time by their nature: a missing duration on them is not worth a word."""


def _count(number: int, lang: str) -> str:
    return f"{number:,}".replace(",", _THOUSANDS.get(lang, ","))


def typical_case(flow: Flow, lang: str) -> tuple[str, str]:
    """(the sentence, how it was worked out) in ``lang``; ("", "") when the flow says nothing of time."""
    durations = [s.duration for s in flow.steps if s.duration.strip()]
    if not any(parse_duration(text) for text in durations) or not any(s.kind == "start" for s in flow.steps):
        return "", ""
    cases = max(1000, DEFAULT_CASES * STEP_BUDGET // max(STEP_BUDGET, len(flow.steps)))
    simulation = simulate_flow(flow, cases=cases)
    if not simulation.p90:
        return "", ""
    words = TYPICAL_WORDS.get(lang, TYPICAL_WORDS["en"])
    day = day_unit(durations)

    def said(minutes: float) -> str:
        return readable(minutes, lang, day).replace(" ", "\u00a0")  # one duration never splits

    low = simulation.p10 if simulation.p10 is not None else simulation.p50
    if not simulation.p50:  # most cases pass no timed step: a median of "0 min" would mislead; the note says why
        sentence = words["slow_only"].format(p90=said(simulation.p90))
    elif said(low) == said(simulation.p90):  # 8 in 10 cases round alike: no spread to tell
        sentence = words["same"].format(p50=said(simulation.p50))
    elif said(simulation.p50) == said(simulation.p90):  # "about 10 min or less; about 10 min or more"
        sentence = words["between"].format(low=said(low), high=said(simulation.p90))
    else:
        sentence = words["sentence"].format(p50=said(simulation.p50), p90=said(simulation.p90))
    if lang == "es":
        sentence = _agreed(sentence)
    decisions = [s for s in flow.steps if s.kind == "decision" and len(s.branches) > 1]
    if decisions and not any(s.shares for s in decisions):
        # review 4 #11: "Metade dos casos termina em menos de 15 min" in bold, for a lost card, came only from
        # taking every answer equally often; the sentence itself says so, not a grey note after it
        sentence = words["assuming"] + sentence[0].lower() + sentence[1:]
    days = " ".join(
        filter(None, (_how(flow, words, _count(cases, lang)), _day_note(day, words), _untimed(flow, words)))
    )
    return sentence, days


_FEMININE = re.compile(r"\bunos (\d+(?:,\d+)?\u00a0(?:h|semanas?|horas?)\b)")
_ONE = re.compile(r"\bun[oa]s (1\u00a0)")


def _agreed(sentence: str) -> str:
    """Spanish "unos" agreeing with its figure: "unas 3 semanas", "unas 8 h 15 min" (horas), and "alrededor de
    1 día" for a single one (review 11: "unos 3 semanas", "unos 8 h 15 min")."""
    return _ONE.sub(r"alrededor de \1", _FEMININE.sub(r"unas \1", sentence))


def _day_note(day: DayUnit | None, words: Mapping[str, str]) -> str:
    """What a day of the figures counts as: a business day is 8 h of work (said on every handout that counts in
    them), and in a flow that writes both kinds of day, how the other kind was added in."""
    if day is None or (day.kind == "calendar" and not day.mixed):
        return ""
    key = f"mixed_{day.kind}" if day.mixed else "business"
    return words[key].format(day=day.english[0], days=day.english[1])


def _how(flow: Flow, words: Mapping[str, str], cases: str) -> str:
    """How the decisions were taken: by their shares, equally where the flow gives none — said either way."""
    decisions = [s for s in flow.steps if s.kind == "decision"]
    shared = sum(1 for s in decisions if s.shares)
    key = "how" if shared == len(decisions) else "how_equal" if not shared else "how_some"
    return words[key].format(cases=cases)


def _untimed(flow: Flow, words: Mapping[str, str]) -> str:
    """ "Los pasos 12 y 14 cuentan como 0 min …" for the work steps whose duration is missing or unreadable, or
    "Solo los pasos 3 y 8 tienen una duración …" when those are fewer: the shorter list of the two."""
    timed = [s.number for s in flow.steps if parse_duration(s.duration.strip()) is not None]
    untimed = [s.number for s in flow.steps if s.kind not in UNTIMED_KINDS and s.number not in timed]
    if not untimed:
        return ""
    key, numbers = ("timed", timed) if len(timed) < len(untimed) else ("untimed", untimed)
    listed = step_numbers_in_prose(numbers, handout_words(flow.lang)["list_and"])
    # "no duration given" where none of them has one (review 9: "sem uma duração que a simulação consiga ler"
    # for a step with no duration at all read as if one had been written wrong)
    given = any(s.duration.strip() for s in flow.steps if s.number in untimed)
    why = words["unread" if given else "missing"]
    return words[f"{key}_one" if len(numbers) == 1 else key].format(steps=listed, why=why)
