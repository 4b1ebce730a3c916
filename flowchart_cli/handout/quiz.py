"""The self-check quiz: what comes next, who does a step, how long it may take, and whole cases.

A trainee must know more than the next step after an answer: who is
responsible for a step, how long it may take (when the flow says), and what
happens in a concrete case that runs through several decisions.  Questions of
each kind are spread over the flow, with different answers where the flow has
them (three cases that all end at "Caso cerrado" teach one thing), and the
kinds take turns up to :data:`QUIZ_LIMIT`; a question whose answer is written
in the question itself is never asked.  The answers are printed on the last page.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..analyze.records import FlowPath
from ..model import Flow
from .coverage import teaching_plan
from .questions import answer_list, next_step_question, question_words
from .records import Question
from .routes import Routes, anchor, shorten

__all__ = ["QUIZ_LIMIT", "Question", "build_quiz"]

QUIZ_LIMIT = 20
CASE_LIMIT = 200  # paths looked at for case questions; a huge flow has more than a quiz needs
_NOT_ASKED_WHO = {"start", "end", "connector", "offpage", "decision"}


def build_quiz(flow: Flow, routes: Routes, lang: str) -> tuple[tuple[Question, ...], str]:
    """The questions (numbered from 1, the kinds taking turns) and a note when the flow had more than fit."""
    from .stages import stage_questions  # the stages' own kind: "which stage does step N belong to?"

    stages = [replace(q, kind="stage") for q in stage_questions(flow, routes, 0)]
    kinds = [_next(flow, routes, lang), _cases(flow, routes, lang), _who(flow, routes), _durations(flow, routes)]
    kinds.append(stages)
    kinds = [[q for q in kind if not _answered_in_question(q)] for kind in kinds]
    total = sum(map(len, kinds))
    quotas = _quotas([len(kind) for kind in kinds], QUIZ_LIMIT)
    ranked = (False, True, False, False, False)  # the cases come in order of preference
    chosen = [_choose(k, quota, ranked=r) for k, quota, r in zip(kinds, quotas, ranked, strict=True)]
    numbered = tuple(_renumber(q, n) for n, q in enumerate(_take_turns(chosen), start=1))
    note = routes.t["quiz_more"].format(shown=len(numbered), total=total) if len(numbered) < total else ""
    return numbered, note


def _quotas(sizes: list[int], limit: int) -> list[int]:
    """Places shared out one at a time, kind after kind, so every kind that has questions gets some."""
    quotas = [0] * len(sizes)
    while sum(quotas) < limit and any(q < s for q, s in zip(quotas, sizes, strict=True)):
        for i, size in enumerate(sizes):
            if quotas[i] < size and sum(quotas) < limit:
                quotas[i] += 1
    return quotas


def _choose(items: list[Question], count: int, *, ranked: bool = False) -> list[Question]:
    """``count`` of ``items``, each answer once before any twice; spread evenly over the flow,
    or, when ``ranked``, the first ones (``items`` are then in order of preference)."""
    if count >= len(items):
        return items
    order = list(range(len(items)))
    if not ranked:
        spread = list(dict.fromkeys(i * len(items) // count for i in range(count)))
        order = spread + [i for i in order if i not in set(spread)]
    taken: list[int] = []
    answers: set[str] = set()
    for fresh_only in (True, False):
        for i in order:
            if len(taken) < count and i not in taken and (not fresh_only or items[i].answer not in answers):
                taken.append(i)
                answers.add(items[i].answer)
    return [items[i] for i in (taken if ranked else sorted(taken))]


def _take_turns(kinds: list[list[Question]]) -> list[Question]:
    """One question of each kind in turn, so the quiz mixes its kinds from the first question on."""
    mixed = []
    for i in range(max(map(len, kinds), default=0)):
        mixed.extend(kind[i] for kind in kinds if i < len(kind))
    return mixed


def _renumber(question: Question, number: int) -> Question:
    return replace(question, number=number)


def _answered_in_question(question: Question) -> bool:
    answer = question.answer.split(": ", 1)[-1] if question.kind == "next" else question.answer
    words = re.escape(answer.strip().casefold())
    return bool(words) and re.search(rf"(?<!\w){words}(?!\w)", question.text.casefold()) is not None


def _next(flow: Flow, routes: Routes, lang: str) -> list[Question]:
    out = []
    for step in flow.steps:
        if step.kind != "decision":
            continue
        for edge in routes.outgoing.get(step.key, ()):
            # an answer that leads into a connector goes on past it: the step a trainee does next
            target = next(iter(routes.beyond(routes.by_key[edge.target])), routes.by_key[edge.target])
            out.append(
                Question(
                    0,
                    next_step_question(shorten(step.label, 400), shorten(edge.label), lang),
                    routes.ref(step),
                    anchor(step),
                    routes.t["answer"].format(step=routes.ref(target), label=shorten(target.label, 160)),
                    anchor(target),
                    routes.lane_name(target),
                )
            )
    return out


def _who(flow: Flow, routes: Routes) -> list[Question]:
    if len({s.lane for s in flow.steps if s.lane}) < 2:
        return []  # one responsible party: nothing to ask
    return [
        Question(
            0,
            routes.t["quiz_who"].format(label=shorten(s.label, 200)),
            routes.ref(s),
            anchor(s),
            routes.lane_name(s),
            anchor(s),
            "",
            "who",
        )
        for s in flow.steps
        if s.lane and (s.kind or "process") not in _NOT_ASKED_WHO
    ]


def _durations(flow: Flow, routes: Routes) -> list[Question]:
    return [
        Question(
            0,
            routes.t["quiz_duration"].format(label=shorten(s.label, 200)),
            routes.ref(s),
            anchor(s),
            s.duration.strip(),
            anchor(s),
            "",
            "duration",
        )
        for s in flow.steps
        if s.duration.strip()
    ]


def _cases(flow: Flow, routes: Routes, lang: str) -> list[Question]:
    """A case per path through two or more decisions: where it ends, or who works on it in turn.

    The paths are those of `flowchart analyze`, the scenarios' first (they take every outcome).
    Each case is asked the way whose answer no earlier case has (where it ends, else who works
    on it), so the first cases chosen all have different answers; the rest follow.
    """
    from ..analyze import walk_flow

    paths: dict[tuple[str, ...], FlowPath] = {}
    for path in (
        *teaching_plan(flow, (), wanted=0, limit=CASE_LIMIT // 10).paths,
        *walk_flow(flow, max_paths=CASE_LIMIT).paths,
    ):
        paths.setdefault(path.steps, path)  # each path once, in its first place
    fresh, repeated, answers, asked = [], [], set(), set()
    for path in paths.values():
        if len(path.outcomes) < 2:
            continue
        ways = _case_questions(flow, routes, lang, path)
        new = next((q for q in ways if q.answer not in answers), None)
        case = new or (ways[0] if ways else None)
        if case is None or case.text in asked:
            continue
        asked.add(case.text)
        answers.add(case.answer)
        (fresh if new else repeated).append(case)
    return fresh + repeated


def _case_questions(flow: Flow, routes: Routes, lang: str, path: FlowPath) -> list[Question]:
    """The case of ``path`` asked where it ends (when the flow has several ends) and who works on it in turn."""
    t, w = routes.t, question_words(lang)
    answers = answer_list([(shorten(routes.by_key[o.step].label, 120), o.outcome) for o in path.outcomes], lang)
    steps = [routes.by_key[key] for key in path.steps]
    first = routes.by_key[path.outcomes[0].step]

    def case(text: str, answer: str, answer_anchor: str) -> Question:
        return Question(0, text, routes.ref(first), anchor(first), answer, answer_anchor, "", "case")

    out = []
    if sum(1 for s in flow.steps if s.kind == "end") > 1:
        last = steps[-1]
        answer = t["answer"].format(step=routes.ref(last), label=shorten(last.label, 160))
        out.append(case(w["case_end"].format(answers=answers), answer, anchor(last)))
    lanes = [routes.lane_name(step) for step in steps if step.lane]
    order = [name for i, name in enumerate(lanes) if i == 0 or lanes[i - 1] != name]
    if len(order) >= 2:
        out.append(case(w["case_lanes"].format(answers=answers), " → ".join(order), ""))
    return out
