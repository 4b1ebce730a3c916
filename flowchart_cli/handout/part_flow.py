"""One printed part of a flow as a flow of its own, ready for the normal layout.

A part holds a run of the flow's steps (their ids and numbers unchanged),
the lanes and stages those steps use (in the flow's order), and ISO 5807
off-page connector steps where lines leave or enter it: the lines from this
part into one step of another part join into one exit connector
("continúa en la parte 3 · paso 12"), below the last step they leave; the
lines from other parts into one step here arrive through one entry
connector ("viene de la parte 1 · pasos 3, 5 y 6") above it, as lines into
one shape arrive with one arrowhead.  The layout then gives the connectors
and their words room like any other step.  Every connector of lines into
one step carries that step's letter (:func:`cut_numbers`): one entry
connector, and an exit connector in each part the lines come from.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from ..layout.annotations import pair_letters
from ..model import OUTCOMES_JOINED, Edge, Flow, Step

__all__ = ["CONFUSABLE", "Crossing", "PartFlow", "connector_text", "cut_numbers", "part_flow"]

CONFUSABLE = frozenset("IOQ")
"""Letters a part connector's mark never uses: I beside 1 and l, O beside 0 and Q (review 3 #12)."""


@dataclass(frozen=True, slots=True)
class Crossing:
    """The lines into the step ``target`` that cross the part's edge, from the steps ``sources`` (in
    the flow's order): leaving the part (``outgoing``, ``target`` elsewhere) or entering it."""

    target: str
    sources: tuple[str, ...]
    outgoing: bool
    outcomes: tuple[str, ...] = ()
    """The outcome labels the lines carry (a decision's answers), in the flow's order of lines."""


@dataclass(frozen=True, slots=True)
class PartFlow:
    """A part's flow and the lines to lay out (its own, and those to and from its connectors)."""

    flow: Flow
    edges: tuple[Edge, ...]
    connectors: Mapping[str, Crossing]  # connector step key → the lines it ends
    short: bool = False  # its connectors' words a line shorter (:func:`connector_text`)


def cut_numbers(
    edges: Sequence[Edge], part_of: Mapping[str, int], taken: Collection[str] = frozenset()
) -> dict[str, int]:
    """Each step reached by a line from another part → its connectors' number, 1, 2, 3… in the order
    the lines leave their parts (part, then the flow's order of lines), skipping a number whose letters
    (:func:`~..layout.annotations.pair_letters`) are ``taken`` by the flow's own connectors: two "A"s on
    two pages would send the reader to the wrong one.  A number whose letters hold I, O or Q
    (:data:`CONFUSABLE`) is skipped too: in a black disc at print size O reads as a ring, O and Q alike,
    I as a 1 or a line."""
    crossing = [(part_of[e.source], i, e.target) for i, e in enumerate(edges) if part_of[e.source] != part_of[e.target]]
    targets = dict.fromkeys(target for _, _, target in sorted(crossing))
    free = (n for n in itertools.count(1) if pair_letters(n) not in taken and not CONFUSABLE & set(pair_letters(n)))
    return {target: next(free) for target in targets}


def connector_text(
    words: Mapping[str, str],
    crossing: Crossing,
    part_of: Mapping[str, int],
    number_of: Mapping[str, int],
    short: bool = False,
) -> str:
    """ "continúa en la parte 3 · paso 12" (lines leaving) or "viene de la parte 2 · pasos 7 y 9" (lines
    entering; "viene de las partes 1 y 3 · pasos 4 y 12" from two parts), set on lines as "continúa en /
    la parte 3, / paso 12": the steps on a line of their own after a comma (a "·" would start that line
    like a bullet) and a line break in the words before them: a connector a third narrower, which is
    what a part's page lacks more often (beside a three-way decision, in a flow from left to right).

    ``short``: "continúa en la / parte 3, paso 12", a line shorter and a little wider, for a part whose
    page lacks height (a loop down a stage with a connector under it, review 14's `hipoteca`)."""

    def lines_of(text: str) -> str:
        head, _, tail = text.partition(" · ")
        words_ = head.split()
        # the line break before the noun of the first number: "parte 3", "partes 1 y 3"
        at = next((i for i, word in enumerate(words_) if word[:1].isdigit()), 0) - 1
        if short and len(head) >= _SHORT and at >= 1:
            return f"{' '.join(words_[:at])}\n{' '.join(words_[at:])}, {tail}"
        return f"{_halved(head)},\n{tail}"

    if crossing.outgoing:
        return lines_of(words["to_part"].format(n=part_of[crossing.target], step=number_of[crossing.target]))
    if len(crossing.sources) == 1 and crossing.outcomes:
        # the answer the line carries: three connectors from one decision each read "viene de la parte 3,
        # paso 16" where one was its "Sí", one its "No" (review 6)
        text = words["from_part"].format(n=part_of[crossing.sources[0]], step=number_of[crossing.sources[0]])
        return lines_of(f"{text} → {OUTCOMES_JOINED.join(crossing.outcomes)}")
    sources = sorted(crossing.sources, key=lambda key: (part_of[key], number_of[key]))
    parts = list(dict.fromkeys(part_of[key] for key in sources))
    steps = _listed(sorted(number_of[key] for key in sources), words)  # "steps 5, 7, 9 and 10" (review 8)
    if len(parts) > 1:
        text = words["from_parts"].format(parts=_listed(parts, words), steps=steps)
    elif len(sources) > 1:
        text = words["from_part_steps"].format(n=parts[0], steps=steps)
    else:
        text = words["from_part"].format(n=parts[0], step=steps)
    return lines_of(text)


def _listed(numbers: Sequence[int], words: Mapping[str, str]) -> str:
    """ "3", "3 y 5", "3, 5 y 6"."""
    if len(numbers) == 1:
        return str(numbers[0])
    return f"{', '.join(map(str, numbers[:-1]))} {words['list_and']} {numbers[-1]}"


_SHORT = 16  # words shorter than this stay on one line


def _halved(text: str) -> str:
    """``text`` on two lines of about equal length, broken between words ("continúa en / la parte 3")."""
    words = text.split()
    if len(text) < _SHORT or len(words) < 2:
        return text
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return f"{' '.join(words[:cut])}\n{' '.join(words[cut:])}"


def part_flow(
    flow: Flow,
    edges: Sequence[Edge],
    keys: frozenset[str],
    part_of: Mapping[str, int],
    words: Mapping[str, str],
    short: bool = False,
) -> PartFlow:
    """The flow of the part holding the steps ``keys``: their lanes and stages, a connector for the
    lines into each step across its edge, worded with the part numbers ``part_of`` gives the other steps
    (``short``: a line shorter, :func:`connector_text`)."""
    number_of = {s.key: s.number for s in flow.steps}
    crossings: dict[tuple[str, bool], list[str]] = {}
    outcomes: dict[tuple[str, bool], list[str]] = {}
    for e in edges:
        if (e.source in keys) != (e.target in keys):
            crossings.setdefault((e.target, e.source in keys), []).append(e.source)
            if e.label:
                outcomes.setdefault((e.target, e.source in keys), []).append(e.label)
    connectors = {
        _key(target, outgoing): Crossing(
            target,
            tuple(sorted(set(sources), key=number_of.__getitem__)),
            outgoing,
            tuple(dict.fromkeys(outcomes.get((target, outgoing), ()))),
        )
        for (target, outgoing), sources in crossings.items()
    }
    steps: list[Step] = []
    for step in flow.steps:
        if step.key not in keys:
            continue
        steps += [
            _connector(key, c, step, part_of, number_of, words, short)
            for key, c in connectors.items()
            if not c.outgoing and c.target == step.key
        ]
        steps.append(step)
        steps += [
            _connector(key, c, step, part_of, number_of, words, short)
            for key, c in connectors.items()
            if c.outgoing and c.sources[-1] == step.key
        ]
    lines = [e for e in edges if e.source in keys and e.target in keys]
    lines += [
        Edge(e.source, _key(e.target, True), e.label) if e.source in keys else Edge(_key(e.target, False), e.target)
        for e in edges
        if (e.source in keys) != (e.target in keys)
    ]
    lines = list(dict.fromkeys(lines))  # the lines from other parts into one step: one line from its connector
    lane_ids = {s.lane for s in steps}
    stage_ids = {s.stage for s in steps}
    part = replace(
        flow,
        steps=tuple(replace(step, index=n) for n, step in enumerate(steps)),
        lanes=tuple(lane for lane in flow.lanes if lane.id in lane_ids),
        stages=tuple(stage for stage in flow.stages if stage.id in stage_ids),
    )
    return PartFlow(part, tuple(lines), connectors, short)


def _key(target: str, outgoing: bool) -> str:
    return f"offpage-{target}-{'out' if outgoing else 'in'}"


def _connector(
    key: str,
    crossing: Crossing,
    here: Step,
    part_of: Mapping[str, int],
    number_of: Mapping[str, int],
    words: Mapping[str, str],
    short: bool,
) -> Step:
    """The off-page connector beside ``here`` (in its lane and stage), naming where the lines go on."""
    return Step(
        index=0,
        key=key,
        kind="offpage",
        label=connector_text(words, crossing, part_of, number_of, short),
        lane=here.lane,
        stage=here.stage,
    )
