"""The self-check quiz: what comes next, who does a step, how long it may take, and whole cases.

A trainee must know more than the next step after an answer: who is
responsible for a step, how long it may take (when the flow says), and what
happens in a concrete case that runs through several decisions.  Questions of
each kind are spread over the flow and mixed up to :data:`QUIZ_LIMIT`; a
question whose answer is written in the question itself is never asked.
The answers are printed on the last page.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Flow
from .questions import quiz_question
from .records import Question
from .routes import Routes, anchor, shorten

__all__ = ["QUIZ_LIMIT", "Question", "build_quiz"]

QUIZ_LIMIT = 20
CASE_LIMIT = 200  # paths looked at for case questions; a huge flow has more than a quiz needs
_NOT_ASKED_WHO = {"start", "end", "connector", "offpage", "decision"}


def build_quiz(flow: Flow, routes: Routes, lang: str) -> tuple[tuple[Question, ...], str]:
    """The questions (numbered from 1, grouped by kind) and a note when the flow had more than fit."""
    from .stages import stage_questions  # the stages' own kind: "which stage does step N belong to?"

    stages = [replace(q, kind="stage") for q in stage_questions(flow, routes, 0)]
    kinds = [_next(flow, routes, lang), _cases(flow, routes), _who(flow, routes), _durations(flow, routes), stages]
    kinds = [[q for q in kind if not _answered_in_question(q)] for kind in kinds]
    total = sum(map(len, kinds))
    quotas = _quotas([len(kind) for kind in kinds], QUIZ_LIMIT)
    chosen = [q for kind, quota in zip(kinds, quotas, strict=True) for q in _spread(kind, quota)]
    numbered = tuple(_renumber(q, n) for n, q in enumerate(chosen, start=1))
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


def _spread(items: list[Question], count: int) -> list[Question]:
    """``count`` items spread evenly over ``items`` (all of them when they fit)."""
    if count >= len(items):
        return items
    return [items[i * len(items) // count] for i in range(count)]


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
            target = routes.by_key[edge.target]
            out.append(
                Question(
                    0,
                    quiz_question(shorten(step.label, 400), shorten(edge.label), lang),
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


def _cases(flow: Flow, routes: Routes) -> list[Question]:
    """A case per path through two or more decisions: where it ends, or who works on it in turn.

    The paths are those of `flowchart analyze`, so the quiz and the analysis never disagree.
    """
    from ..analyze import walk_flow

    t, out, asked = routes.t, [], set()
    ends = {s.key for s in flow.steps if s.kind == "end"}
    for path in walk_flow(flow, max_paths=CASE_LIMIT).paths:
        if len(path.outcomes) < 2:
            continue
        outcomes = "; ".join(
            t["scenario_outcome"].format(question=shorten(routes.by_key[o.step].label, 120), outcome=o.outcome)
            for o in path.outcomes
        )
        steps = [routes.by_key[key] for key in path.steps]
        last = steps[-1]
        if len(ends) > 1:
            text = t["quiz_scenario"].format(outcomes=outcomes)
            answer = t["answer"].format(step=routes.ref(last), label=shorten(last.label, 160))
            answer_anchor = anchor(last)
        else:
            lanes = [routes.lane_name(step) for step in steps if step.lane]
            order = [name for i, name in enumerate(lanes) if i == 0 or lanes[i - 1] != name]
            if len(order) < 2:
                continue
            text = t["quiz_scenario_lanes"].format(outcomes=outcomes)
            answer, answer_anchor = " → ".join(order), ""
        if text in asked:
            continue
        asked.add(text)
        first = routes.by_key[path.outcomes[0].step]
        out.append(Question(0, text, routes.ref(first), anchor(first), answer, answer_anchor, "", "case"))
    return out
