"""FC310: a `duration` that `analyze` and the handout cannot read, so it would silently count as 0 min.

`duration: 1 mes` is a natural thing to write, but a month is not one of the
spec's units (§5: seconds to weeks), so every scenario total, every simulated
time and every `--max-duration` gate counts that step as nothing.  The rule
says so at the value's line and column, with the form to write instead:
days for a month (`30 días`), a range from 0 for a limit (`hasta 5 días` →
`0-5 días`), a unit for a bare number.  Reading stays exactly the spec's
(:func:`flowchart_cli.durations.parse_duration`); nothing is guessed.

:mod:`flowchart_cli.durations` (and :mod:`fractions`) is imported only for a
flow that writes durations: every `check` loads this rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..key_words import normal_form
from ..messages import quoted
from ..model import Flow, Step
from .registry import Finding, rule

__all__ = ["unreadable_duration"]

MONTH = re.compile(r"(?:^|_|\d)(?:mes|meses|month|months|mo|mos)(?:_|\.|$)")
"""A month in en, es or pt (`mês` loses its accent in :func:`normal_form`)."""
LIMIT = re.compile(r"^\s*(?:hasta|ate|até|up\s+to|within|max\.?|maximo|máximo|como\s+maximo|como\s+máximo)\s+", re.I)
"""The words of a limit ("hasta 5 días", "até 10 dias", "up to 8 weeks"): the value is the range from 0."""
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_DAYS = {"es": "días", "pt": "dias"}
_EXAMPLES = {
    "es": "`10 min`, `15-30 min`, `2 h`, `3 días hábiles`, `2 semanas`",
    "pt": "`10 min`, `15-30 min`, `2 h`, `3 dias úteis`, `2 semanas`",
}
_EXAMPLES_EN = "`10 min`, `15-30 min`, `2 h`, `3 business days`, `2 weeks`"


@rule(
    "FC310",
    why="`analyze`, its `--max-duration` gate and the handout's scenario times count a duration they cannot "
    "read as 0 min; a month, a limit ('hasta 5 días') or a bare number must be written in the spec's units.",
)
def unreadable_duration(flow: Flow) -> Iterator[Finding]:
    """A step's `duration` that is not a number or range with a unit `analyze` reads (s, min, h, days,
    business days, business hours, weeks in en, es or pt): it counts as 0 min in scenario totals.
    Months are not a unit; write days (`30 días`)."""
    timed = [step for step in flow.steps if step.duration.strip()]
    if not timed:
        return
    from ..durations import parse_duration

    for step in timed:
        if parse_duration(step.duration) is None:
            yield Finding(
                f"duration {quoted(step.duration)} cannot be read, so `analyze` and the handout count this step "
                f"as 0 min; {_how_to_write(step, flow.lang)}",
                step.at("duration"),
                step.key,
            )


def _how_to_write(step: Step, lang: str) -> str:
    """What to write instead of ``step.duration``, as precise as the text allows."""
    from ..durations import parse_duration

    text = step.duration.strip()
    if MONTH.search(normal_form(text)):
        return f"a month is not a unit (months differ in length): write the days, e.g. {_month_days(text, lang)}"
    limit = LIMIT.match(text)
    if limit is not None:
        ranged = f"0-{text[limit.end() :].strip()}"
        if parse_duration(ranged) is not None:
            return f"for a limit write the range from 0: `{ranged}`"
    if _NUMBER.fullmatch(text):
        return f"add its unit, e.g. `{text} min` or `{text} h`"
    return f"write a number or a range and a unit: {_EXAMPLES.get(lang, _EXAMPLES_EN)}"


def _month_days(text: str, lang: str) -> str:
    """ "`30 días`" for "1 mes", "`60 days`" for "2 months": 30 days a month, in the flow's language."""
    number = _NUMBER.search(text)
    count = float(number.group().replace(",", ".")) if number else 1.0
    days = round(count * 30)
    return f"`{days} {_DAYS.get(lang, 'days')}`"
