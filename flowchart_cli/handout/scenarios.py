"""The handout's "Scenarios" section: the main paths of the process as sentences a trainee can follow.

"Si «¿Pago aprobado?» No y «¿El cliente reintenta el pago?» Sí: pasos 1–4 → 2 …
· 3 responsables · 25–40 min".  The paths come from ``analyze`` (so the handout
and `flowchart analyze` never disagree); at most :data:`SHOWN` are written out
and the rest are counted.  The section's own words live here, beside the only
code that uses them, so the section can be added or dropped as one piece.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..analyze import FlowPath, walk_flow
from ..durations import format_range
from ..model import Flow
from ..words import count, words
from .routes import anchor, shorten

__all__ = [
    "SCENARIO_WORDS",
    "SHOWN",
    "ScenarioItem",
    "Scenarios",
    "build_scenarios",
    "step_route",
]

SHOWN = 12
COUNTED = 1000  # paths walked to count the rest; past this the note says "more than"
LABEL_LIMIT = 70

SCENARIO_WORDS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "heading": "Scenarios",
        "intro": "Every way through the process from its start to an end, with the answers given at each "
        "decision. Follow one with your finger on the diagram.",
        "if": "If {conditions}",
        "and": " and ",
        "always": "Always",
        "steps": "steps {route}",
        "more": "…and {n} more scenarios.",
        "more_than": "…and more than {n} other scenarios.",
    },
    "es": {
        "heading": "Escenarios",
        "intro": "Cada recorrido del proceso desde su inicio hasta un final, con la respuesta dada en cada "
        "decisión. Síguelo con el dedo sobre el diagrama.",
        "if": "Si {conditions}",
        "and": " y ",
        "always": "Siempre",
        "steps": "pasos {route}",
        "more": "…y {n} escenarios más.",
        "more_than": "…y más de {n} escenarios distintos de estos.",
    },
    "pt": {
        "heading": "Cenários",
        "intro": "Cada percurso do processo do início até um fim, com a resposta dada em cada decisão. "
        "Acompanhe-o com o dedo no diagrama.",
        "if": "Se {conditions}",
        "and": " e ",
        "always": "Sempre",
        "steps": "passos {route}",
        "more": "…e mais {n} cenários.",
        "more_than": "…e mais de {n} outros cenários.",
    },
}


@dataclass(frozen=True, slots=True)
class ScenarioItem:
    """One path as a sentence: "Si …" — "pasos 1–4 → 7" — "(Compra cancelada)" — "2 responsables · 5 min"."""

    number: int
    anchor: str  # "scenario-2"
    condition: str
    route: str
    ends: str
    end_anchor: str  # the end step's row in the step table
    summary: str


@dataclass(frozen=True, slots=True)
class Scenarios:
    """The section: its heading and intro, the scenarios shown, and a note counting the others ("" if none)."""

    heading: str
    intro: str
    items: tuple[ScenarioItem, ...]
    note: str


def step_route(numbers: Sequence[int]) -> str:
    """1, 2, 3, 4, 7, 8 → "1–4 → 7 → 8": runs of three or more in a row are shortened."""
    parts: list[str] = []
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{numbers[i]}–{numbers[j]}")
        else:
            parts.extend(str(n) for n in numbers[i : j + 1])
        i = j + 1
    return " → ".join(parts)


def _item(number: int, path: FlowPath, flow: Flow, t: Mapping[str, str], w: Mapping[str, str]) -> ScenarioItem:
    by_key = {s.key: s for s in flow.steps}
    conditions = w["and"].join(
        f"{t['quoted'].format(text=shorten(by_key[o.step].label, LABEL_LIMIT))} {o.outcome}" for o in path.outcomes
    )
    timed = len(path.unknown) + len(path.unread) < len(path.steps)
    summary = [count(t, "count_lanes", len(path.lanes))] if path.lanes else []
    if timed:
        summary.append(format_range(path.duration).replace(" ", "\u00a0"))  # one duration never splits
    end = by_key[path.steps[-1]]
    return ScenarioItem(
        number=number,
        anchor=f"scenario-{number}",
        condition=w["if"].format(conditions=conditions) if conditions else w["always"],
        route=w["steps"].format(route=step_route([by_key[k].number for k in path.steps])),
        ends=shorten(end.label, LABEL_LIMIT),
        end_anchor=anchor(end),
        summary=" · ".join(summary),
    )


def build_scenarios(flow: Flow, lang: str) -> Scenarios:
    """The scenarios of ``flow`` in ``lang``; no items when the flow has a single path (nothing to choose)."""
    w = SCENARIO_WORDS.get(lang, SCENARIO_WORDS["en"])
    t = words(lang)
    analysis = walk_flow(flow, max_paths=COUNTED)
    paths = analysis.paths if len(analysis.paths) > 1 else ()
    rest = len(paths) - SHOWN
    note = ""
    if analysis.truncated:
        note = w["more_than"].format(n=rest)
    elif rest > 0:
        note = w["more"].format(n=rest)
    return Scenarios(
        heading=w["heading"],
        intro=w["intro"],
        items=tuple(_item(n, p, flow, t, w) for n, p in enumerate(paths[:SHOWN], start=1)),
        note=note,
    )
