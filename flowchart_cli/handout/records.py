"""The handout's rows that several of its builders make or read: a quiz question and a step-table row.

They sit apart from the builders so the quiz, the stages and the view can
each import them without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .routes import Hop

__all__ = ["Question", "StepRow"]


@dataclass(frozen=True, slots=True)
class Question:
    """One quiz question and, for the last page, its answer."""

    number: int
    text: str
    step: str  # "paso 3": the step it is about
    anchor: str
    answer: str  # "paso 5: Dar seguimiento y notificar al cliente"
    answer_anchor: str  # "" when the answer is not one step (a case's sequence of roles)
    answer_lane: str
    kind: str = "next"  # next | who | duration | case | stage


@dataclass(frozen=True, slots=True)
class StepRow:
    """One row of the step-by-step table."""

    number: int
    anchor: str
    label: str
    kind: str
    symbol: str
    icon: Markup
    lane: str
    external: bool  # the lane is outside the team being trained
    duration: str
    notes: str
    link: str
    link_text: str  # "planalto.gov.br/…/D11034.htm", breakable at / . - (:mod:`.link_text`)
    next: tuple[Hop, ...]
    stage: str = ""  # the stage's name, "" without stages
    stage_heading: str = ""  # "Etapa 2 · Registro" on the first row of each stage
    stage_anchor: str = ""
