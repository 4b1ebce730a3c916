"""The handout's "Scenarios" section: the paths of the process as sentences a trainee can follow.

"Si la respuesta es «No» en «¿Pago aprobado?» y «Sí» en «¿El cliente reintenta
el pago?»: pasos 1–4 → 2 … · 3 responsables · 25–40 min".  The scenarios are
chosen by :mod:`.coverage` so that together they show every outcome of every
decision, each before any repeats; an outcome that only goes back to an
earlier step is shown by a loop ("…: pasos 10–12, y de vuelta al paso 10").
The paths are `analyze`'s (so the handout and `flowchart analyze` never
disagree), and so is the count of the rest.  The section's own words live
here, beside the only code that uses them, so the section can be added or
dropped — or given another kind of item — as one piece.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..analyze import FlowPath, walk_flow
from ..analyze.records import Loop, Outcome, same_way_back
from ..model import Flow
from ..readable_time import DayUnit, clock_parts, clock_sums, day_unit, readable_range
from .coverage import LoopCase, teaching_plan
from .parties import parties_of_lanes
from .questions import answer_list, answers_condition
from .routes import anchor, shorten

__all__ = [
    "COVER_LIMIT",
    "SCENARIO_WORDS",
    "SHOWN",
    "ScenarioItem",
    "Scenarios",
    "build_scenarios",
    "step_route",
]

SHOWN = 12  # scenarios written out when the flow has that many; more only to show every outcome
COVER_LIMIT = 30  # at most this many, even when showing every outcome would take more
COUNTED = 1000  # paths walked to count the rest; past this the note says "more than"
LABEL_LIMIT = 70
LIKE_FROM = 2  # answers a scenario must share with an earlier one, from the start, to be told as "like" it
LIKE_REST = 3  # answers it may name after those; with more it is written out in full
ALSO_SHOWN = 2  # other ways round to one way back listed after it; more are counted (the diagram shows them all)

SCENARIO_WORDS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "heading": "Scenarios",
        "intro": "Ways through the process from its start to an end, with the answer given at each decision; "
        "together they show every answer of every decision. Follow one with your finger on the diagram.",
        "steps": "steps {route}",
        "loops_heading": "Going back",
        "loops_intro": "Some answers send the work back to an earlier step, which is then done again:",
        "loop_route": "steps {route}, then back to step {back}",
        "loop_also": " (the same way back also comes after other answers: steps {routes})",
        "loop_also_n": " (the same way back also comes after other answers, by {n} other ways round: see the diagram)",
        "loops_more": "…and {n} more ways back.",
        "more": "…and {n} more scenarios.",
        "more_than": "…and more than {n} other scenarios.",
        "like": "As in scenario {n}, but {answers}",
    },
    "es": {
        "heading": "Escenarios",
        "intro": "Recorridos del proceso desde su inicio hasta un final, con la respuesta dada en cada decisión; "
        "juntos muestran todas las respuestas de cada decisión. Síguelos con el dedo sobre el diagrama.",
        "steps": "pasos {route}",
        "loops_heading": "Vueltas atrás",
        "loops_intro": "Algunas respuestas devuelven el trabajo a un paso anterior, que se vuelve a hacer:",
        "loop_route": "pasos {route}, y de vuelta al paso {back}",
        "loop_also": " (la misma vuelta atrás llega también tras otras respuestas: pasos {routes})",
        "loop_also_n": " (la misma vuelta atrás llega también tras otras respuestas, por {n} caminos más: véanse "
        "en el diagrama)",
        "loops_more": "…y {n} vueltas atrás más.",
        "more": "…y {n} escenarios más.",
        "more_than": "…y más de {n} escenarios distintos de estos.",
        "like": "Como el escenario {n}, pero {answers}",
    },
    "pt": {
        "heading": "Cenários",
        "intro": "Percursos do processo do início até um fim, com a resposta dada em cada decisão; juntos "
        "mostram todas as respostas de cada decisão. Acompanhe-os com o dedo no diagrama.",
        "steps": "passos {route}",
        "loops_heading": "Voltas atrás",
        "loops_intro": "Algumas respostas devolvem o trabalho a um passo anterior, que é feito de novo:",
        "loop_route": "passos {route}, e de volta ao passo {back}",
        "loop_also": " (a mesma volta atrás vem também depois de outras respostas: passos {routes})",
        "loop_also_n": " (a mesma volta atrás vem também depois de outras respostas, por mais {n} caminhos: veja "
        "no diagrama)",
        "loops_more": "…e mais {n} voltas atrás.",
        "more": "…e mais {n} cenários.",
        "more_than": "…e mais de {n} outros cenários.",
        "like": "Como o cenário {n}, mas {answers}",
    },
}


@dataclass(frozen=True, slots=True)
class ScenarioItem:
    """One path (or loop) as a sentence: "Si …" — "pasos 1–4 → 7" — "(Compra cancelada)" — "2 responsables · 5 min".

    ``outcomes`` are the (decision key, outcome) pairs it takes, in order (both of two answers that lead to the
    same step, when it stands for both paths); a loop has no end ("").
    """

    number: int
    anchor: str  # "scenario-2", "loop-1"
    condition: str
    route: str
    ends: str
    end_anchor: str  # the end step's row in the step table
    summary: str  # the responsible parties ("2 responsables"), may be ""
    outcomes: tuple[Outcome, ...] = ()
    times: tuple[str, ...] = ()  # the total, each clock apart: ("3 días hábiles", "1–4 semanas"), each unbroken


@dataclass(frozen=True, slots=True)
class Scenarios:
    """The section: its heading and intro, the scenarios shown, the loops, and a note counting the others."""

    heading: str
    intro: str
    items: tuple[ScenarioItem, ...]
    note: str
    loops_heading: str = ""
    loops_intro: str = ""
    loops: tuple[ScenarioItem, ...] = ()
    loops_note: str = ""  # "…y 4 vueltas atrás más." when more loops than COVER_LIMIT take unshown answers


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


def _condition(
    outcomes: Sequence[Outcome], by_key: Mapping, lang: str, also: Sequence[FlowPath] = (), twins: bool = False
) -> str:
    """The answers along the path; where ``also`` (paths through the very same steps) answer a decision
    otherwise, those answers too: "«Sí» o «No, pero está autorizado» en «¿Quien llama es el titular?»"; with
    ``twins``, every answer of a decision that leads where the one taken does (a way back names «Falta algún
    documento» o «Documento ilegible», both into step 5, not the first alone: review 7)."""
    return answers_condition(_answers(outcomes, by_key, also, twins), lang)


def _answers(
    outcomes: Sequence[Outcome],
    by_key: Mapping,
    also: Sequence[FlowPath] = (),
    twins: bool = False,
    first: int = 0,
    given: Mapping[str, frozenset[str]] | None = None,
) -> list[tuple[str, str | tuple[str, ...]]]:
    """(question, answer or answers) along the path from its ``first`` decision on (see :func:`_condition`),
    but those the same as in ``given`` (decision: answers of the scenario this one is told as "like")."""
    answers = []
    for i, o in enumerate(outcomes):
        if i < first:
            continue
        taken = {o.outcome, *(p.outcomes[i].outcome for p in also)}
        if given is not None and given.get(o.step) == frozenset(taken):
            continue
        if twins:
            branches = by_key[o.step].branches
            into = {b.target for b in branches if b.label in taken}
            taken |= {b.label for b in branches if b.target in into}
        # in the order the decision lists them (an outcome is one of its branch labels)
        said = o.outcome if len(taken) == 1 else tuple(b.label for b in by_key[o.step].branches if b.label in taken)
        answers.append((shorten(by_key[o.step].label, LABEL_LIMIT), said))
    return answers


def _like(
    groups: Sequence[Sequence[FlowPath]], k: int, earlier: Sequence[tuple[int, int] | None]
) -> tuple[int, int] | None:
    """The earlier scenario written out in full (``earlier``: how each earlier one is told) that scenario ``k``
    follows longest, answer for answer, and for how many answers (at least :data:`LIKE_FROM`): its sentence
    names only the answers after those (review 10: seven scenarios of three to six answers each, all starting
    «Sí» en «¿Vienen todos los antecedentes?», read as a wall). Never one told as "like" another, which sent the
    reader on (review 11: "like 9" to 7; review 17: "como o cenário 7" to 5, and 5 to 1); where the best leaves
    more than :data:`LIKE_REST` answers to name, ``k`` is written out in full, for later ones to follow.
    Answers named together ("«Family collects» or «Taxi voucher»") are the same when both name the same ones;
    of as long a start, the nearest."""

    def answers(group: Sequence[FlowPath], i: int) -> tuple[str, frozenset[str]] | None:
        if any(i >= len(p.outcomes) for p in group):
            return None
        steps = {p.outcomes[i].step for p in group}
        return (steps.pop(), frozenset(p.outcomes[i].outcome for p in group)) if len(steps) == 1 else None

    best: tuple[int, int] | None = None  # answers shared, which
    for j in range(k):
        if earlier[j] is not None:
            continue
        same = 0
        while (here := answers(groups[k], same)) is not None and here == answers(groups[j], same):
            same += 1
        if same >= LIKE_FROM and same < len(groups[k][0].outcomes):
            best = max(best, (same, j)) if best is not None else (same, j)
    if best is None or len(groups[k][0].outcomes) - best[0] > LIKE_REST:
        return None
    return best[1], best[0]


def _likes(groups: Sequence[Sequence[FlowPath]]) -> list[tuple[int, int] | None]:
    """How each scenario is told: in full (``None``) or like an earlier one (see :func:`_like`)."""
    out: list[tuple[int, int] | None] = []
    for k in range(len(groups)):
        out.append(_like(groups, k, out))
    return out


def _same_route(paths: Sequence[FlowPath], every: Sequence[FlowPath]) -> list[list[FlowPath]]:
    """``paths`` grouped by the steps they go through, in order of first appearance, each with the paths of
    ``every`` through the same steps: two answers that lead to the same step (the diagram draws them as one
    line) make one scenario that names both, not two that read alike."""
    groups: dict[tuple[str, ...], list[FlowPath]] = {}
    for path in paths:
        groups.setdefault(path.steps, []).append(path)
    for path in every:
        if path.steps in groups and path not in groups[path.steps]:
            groups[path.steps].append(path)
    return list(groups.values())


def _item(
    number: int,
    same: Sequence[FlowPath],
    flow: Flow,
    lang: str,
    w: Mapping[str, str],
    day: DayUnit | None,
    like: tuple[int, int] | None = None,
    like_paths: Sequence[FlowPath] = (),
) -> ScenarioItem:
    """Scenario ``number``; ``like``: the earlier scenario (its index) it follows for so many answers, named
    instead of them ("Como el escenario 3, pero «Medidor sospechoso» en …")."""
    path, also = same[0], same[1:]
    by_key = {s.key: s for s in flow.steps}
    if like is None:
        condition = _condition(path.outcomes, by_key, lang, also)
    else:
        given: dict[str, set[str]] = {}
        for p in like_paths:
            for o in p.outcomes:
                given.setdefault(o.step, set()).add(o.outcome)
        frozen = {step: frozenset(said) for step, said in given.items()}
        rest = _answers(path.outcomes, by_key, also, first=like[1], given=frozen)
        condition = (
            w["like"].format(n=like[0] + 1, answers=answer_list(rest, lang))
            if rest
            else _condition(path.outcomes, by_key, lang, also)  # nothing said apart: the whole sentence
        )
    timed = len(path.unknown) + len(path.unread) < len(path.steps)
    ids = {lane.name: lane.id for lane in reversed(flow.lanes)}
    parties = parties_of_lanes(flow, [ids.get(name, name) for name in path.lanes], lang)
    times: tuple[str, ...] = ()
    if timed:
        # in the unit of the typical case above it: "2–5 dias úteis", never "40 h 20 min" beside "5 working days";
        # a flow of business and calendar days: each in its own ("3 días hábiles + 1 día", never "2 días")
        times = (
            tuple(clock_parts(*clock_sums(by_key[k].duration for k in path.steps), lang, day))
            if day is not None and day.mixed
            else (readable_range(path.duration, lang, day),)
        )
    end = by_key[path.steps[-1]]
    return ScenarioItem(
        number=number,
        anchor=f"scenario-{number}",
        condition=condition,
        route=w["steps"].format(route=step_route([by_key[k].number for k in path.steps])),
        ends=shorten(end.label, LABEL_LIMIT),
        end_anchor=anchor(end),
        summary=parties,
        outcomes=tuple(dict.fromkeys(o for p in same for o in p.outcomes)),
        times=times,
    )


def _loop_item(
    number: int, case: LoopCase, flow: Flow, lang: str, w: Mapping[str, str], every: Sequence[Loop]
) -> ScenarioItem:
    """One way back as a sentence; the other ways round to the same way back (``every``: `analyze`'s loops) named
    after it, so "No, sigue sin luz → paso 9" is not read as coming only after the answers of the one taught."""
    by_key = {s.key: s for s in flow.steps}
    numbers = [by_key[k].number for k in case.loop.steps]
    first = by_key[case.loop.steps[0]]
    others = [
        step_route([by_key[k].number for k in loop.steps])
        for loop in every
        if loop.steps != case.loop.steps and same_way_back(loop, case.loop)
    ]
    if len(others) > ALSO_SHOWN:  # review 8: "pasos 9 → 12–16 → 20 → 21; 9 → 11 → 13–15 → 17–21; …" read as noise
        also = w["loop_also_n"].format(n=len(others))
    else:
        also = w["loop_also"].format(routes="; ".join(others)) if others else ""
    return ScenarioItem(
        number=number,
        anchor=f"loop-{number}",
        condition=_condition(case.outcomes, by_key, lang, twins=True),
        route=w["loop_route"].format(route=step_route(numbers), back=numbers[0]) + also,
        ends="",
        end_anchor=anchor(first),
        summary="",
        outcomes=case.outcomes,
    )


def build_scenarios(flow: Flow, lang: str) -> Scenarios:
    """The scenarios of ``flow`` in ``lang``: no paths when the flow has a single one (the step table says it),
    nothing at all when it has no loop either."""
    w = SCENARIO_WORDS.get(lang, SCENARIO_WORDS["en"])
    analysis = walk_flow(flow, max_paths=COUNTED)
    if len(analysis.paths) < 2 and not analysis.loops:
        return Scenarios(w["heading"], w["intro"], (), "")
    for wanted in (SHOWN, SHOWN + 1):  # one scenario left over is shown, not "…and 1 more scenarios" (review 9)
        plan = teaching_plan(flow, analysis.loops, wanted=wanted, limit=COVER_LIMIT, more=analysis.paths)
        paths = plan.paths if len(analysis.paths) > 1 else ()  # one way through: the step table says it
        shown = _same_route(paths, analysis.paths)
        # scenarios, not paths: the paths through the same steps are one scenario, shown or not (review 12)
        rest = len({path.steps for path in analysis.paths}) - len(shown) if paths else 0
        if rest != 1 or analysis.truncated:
            break
    note = ""
    if analysis.truncated:
        note = w["more_than"].format(n=max(rest, 0))
    elif rest > 0:
        note = w["more"].format(n=rest)
    loops = tuple(
        _loop_item(n, c, flow, lang, w, analysis.loops) for n, c in enumerate(plan.loops[:COVER_LIMIT], start=1)
    )
    more_loops = len(plan.loops) - len(loops)
    day = day_unit(s.duration for s in flow.steps)
    return Scenarios(
        heading=w["heading"],
        intro=w["intro"] if paths else "",
        items=tuple(
            _item(n, same, flow, lang, w, day, like, shown[like[0]] if like else ())
            for n, (same, like) in enumerate(zip(shown, _likes(shown), strict=True), start=1)
        ),
        note=note,
        loops_heading=w["loops_heading"] if loops else "",
        loops_intro=w["loops_intro"] if loops else "",
        loops=loops,
        loops_note=w["loops_more"].format(n=more_loops) if more_loops > 0 else "",
    )
