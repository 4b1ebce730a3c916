"""`shares` as written (`30%`, `0.3`, `33,5 %`), the outcomes left out, and how a share and a duration are said."""

from __future__ import annotations

from fractions import Fraction

import pytest

from flowchart_cli.durations import Duration
from flowchart_cli.loader import load_text
from flowchart_cli.readable_time import DayUnit, day_unit, readable, readable_range
from flowchart_cli.shares import format_share, outcome_shares, read_share


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("30%", Fraction(3, 10)),
        ("30 %", Fraction(3, 10)),
        ("33,5 %", Fraction(67, 200)),
        ("0.3", Fraction(3, 10)),
        ("0,25", Fraction(1, 4)),
        (".5", Fraction(1, 2)),
        ("0", Fraction(0)),
        ("100%", Fraction(1)),
        ("1", Fraction(1)),
        ("30", None),  # 3,000 %: refused, FC213 suggests 30%
        ("101%", None),
        ("-5%", None),
        ("mucho", None),
        ("", None),
        ("30%%", None),
    ],
)
def test_read_share(text: str, value: Fraction | None) -> None:
    assert read_share(text) == value


DECISION = """
title: Reclamos
steps:
  - start: Llega
  - id: tipo
    decision: ¿Qué tipo?
    {shares}
    branches: {{Factura: fin, Servicio: fin, Otro: fin}}
  - id: fin
    end: Fin
"""


@pytest.mark.parametrize(
    ("shares", "expected"),
    [
        ("", (Fraction(1, 3),) * 3),
        ("shares: {Factura: 50%}", (Fraction(1, 2), Fraction(1, 4), Fraction(1, 4))),
        ("shares: {servicio: 0.2, Otro: 0.2}", (Fraction(3, 5), Fraction(1, 5), Fraction(1, 5))),
        ("shares: {Factura: 100%}", (Fraction(1), Fraction(0), Fraction(0))),
    ],
)
def test_outcomes_left_out_share_what_remains_equally(shares: str, expected) -> None:
    flow, diagnostics = load_text(DECISION.format(shares=shares))
    assert diagnostics == []
    assert outcome_shares(flow.steps[1]) == expected


def test_shares_keep_their_positions() -> None:
    flow, _ = load_text(DECISION.format(shares="shares: {Factura: 50%}"))
    (share,) = flow.steps[1].shares
    assert (share.outcome, share.text) == ("Factura", "50%")
    assert (share.pos.line, share.pos.column, share.value_pos.column) == (7, 14, 23)


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (Fraction(3, 5), "en", "60%"),
        (Fraction(3, 5), "es", "60\u00a0%"),
        (Fraction(3, 5), "pt", "60%"),
        (Fraction(1, 3), "en", "33.3%"),
        (Fraction(1, 3), "es", "33,3\u00a0%"),
        (Fraction(1, 3), "pt", "33,3%"),
    ],
)
def test_format_share_in_each_language(value: Fraction, lang: str, text: str) -> None:
    assert format_share(value, lang) == text


BUSINESS = DayUnit("business", 480)


@pytest.mark.parametrize(
    ("minutes", "lang", "day", "how", "text"),
    [
        (0, "en", None, "nearest", "0 min"),
        (0.5, "en", None, "nearest", "30 s"),
        (44.2, "es", None, "up", "45 min"),
        (95, "es", None, "nearest", "1 h 35 min"),
        (120, "en", None, "nearest", "2 h"),
        (960, "es", BUSINESS, "nearest", "2 días hábiles"),
        (480, "es", BUSINESS, "nearest", "1 día hábil"),
        (1000, "pt", BUSINESS, "down", "2 dias úteis"),
        (1210, "en", BUSINESS, "nearest", "2.5 business days"),
        (1440, "es", DayUnit("calendar", 1440), "nearest", "1 día"),
        (300, "es", BUSINESS, "nearest", "5 h"),  # under a day: hours
        (1967, "pt", None, "nearest", "33 h"),  # review 8: a simulated figure from ten hours in whole hours
        (2976, "en", BUSINESS, "nearest", "6 business days"),  # halves: not "6.2"
    ],
)
def test_readable(minutes: float, lang: str, day, how: str, text: str) -> None:
    assert readable(minutes, lang, day, how) == text


@pytest.mark.parametrize(
    ("low", "high", "lang", "day", "text"),
    [
        (25, 40, "es", BUSINESS, "25–40 min"),  # under a day: as `analyze` prints it
        (5 + Fraction(1, 6), 5 + Fraction(1, 6), "es", None, "5 min 10 s"),
        (485, 965, "es", BUSINESS, "1–2 días hábiles"),
        (2420, 2420, "en", DayUnit("business", 480, ("working day", "working days")), "5 working days"),
        (4365, 4845, "pt", BUSINESS, "9–10 dias úteis"),  # halves under ten, whole days from ten on
        (45, 2445, "pt", BUSINESS, "45 min – 5 dias úteis"),  # review 8: not "5,1", minutes of work on 5 days
        (625, 865, "es", BUSINESS, "1,5–2 días hábiles"),  # review 15: not "10 h 25 min – 2 días hábiles"
        (485, 600, "en", BUSINESS, "8 h 5 min – 10 h"),  # both ends under a day and a half: hours, as before
        (498, 498, "es", BUSINESS, "8 h 18 min"),  # review 18: not "1 día hábil" beside a longer "9 h 15 min"
        (482, 482, "es", BUSINESS, "1 día hábil"),  # within a few minutes of the day: the day
        (3504, 3648, "en", BUSINESS, "7.5 business days"),  # review 8: not "7.3–7.6 business days"
        (2420, 2420, "en", None, "40 h 20 min"),  # a flow that counts no days
    ],
)
def test_readable_range(low, high, lang: str, day, text: str) -> None:
    assert readable_range(Duration(Fraction(low), Fraction(high)), lang, day) == text


def test_day_unit_follows_the_flow_s_words() -> None:
    assert day_unit(["10 min", "2 días hábiles"]) == BUSINESS
    assert day_unit(["1-3 business days"]) == BUSINESS
    assert day_unit(["2 dias úteis"]) == BUSINESS
    assert day_unit(["5 working days"]).english == ("working day", "working days")  # the flow's own word
    assert day_unit(["1 d", "3 h"]) == DayUnit("calendar", 1440)
    assert day_unit(["10 min", "1 h", "media hora"]) is None
    assert day_unit(["2 semanas", "1 h"]) == DayUnit("calendar", 1440, weeks=True)
    # a flow that writes both: the kind that carries more of its time, never thousands of hours
    assert day_unit(["2 business days", "14 days"]) == DayUnit("calendar", 1440, mixed=True)
    assert day_unit(["2 días hábiles", "1 semana"]) == DayUnit("calendar", 1440, weeks=True, mixed=True)
    assert day_unit(["15 días hábiles", "1 día", "1 hora"]) == DayUnit("business", 480, mixed=True)
    assert day_unit(["1 día hábil", "10 días", "45 días", "60 días"]) == DayUnit("calendar", 1440, mixed=True)


@pytest.mark.parametrize(
    ("minutes", "lang", "day", "how", "text"),
    [
        (151_688, "es", DayUnit("calendar", 1440, mixed=True), "up", "106 días"),  # was "2528 h 8 min"
        (412_913, "es", DayUnit("calendar", 1440, mixed=True), "down", "286 días"),  # was "6881 h 53 min"
        (4_870, "pt", BUSINESS, "nearest", "10 dias úteis"),  # whole from ten on: not "10,1"
        (15 * 10_080 + 100, "en", DayUnit("calendar", 1440, weeks=True), "nearest", "15 weeks"),
        (13 * 1440, "es", DayUnit("calendar", 1440, weeks=True), "nearest", "13 días"),  # under two weeks: days
        (25 * 1440, "pt", DayUnit("calendar", 1440, weeks=True), "down", "3,5 semanas"),
    ],
)
def test_long_totals_read_in_the_flow_s_days_or_weeks(minutes: float, lang: str, day, how: str, text: str) -> None:
    assert readable(minutes, lang, day, how) == text


def test_a_figure_beside_a_limit_keeps_tenths_and_minutes() -> None:
    """`--max-p90`'s message: "longer than 2.1 business days, over 2 business days", never "longer than 2 … over 2"."""
    assert readable(1008, "en", BUSINESS, fine=True) == "2.1 business days"
    assert readable(1967, "en", None, fine=True) == "32 h 47 min"


def test_a_range_across_two_weeks_reads_as_one_range() -> None:
    """Review 4 #13: "12–13 dias úteis + 7 dias – 4 semanas" read as a range from the sum up to 4 weeks."""
    weeks = DayUnit("calendar", 1440, weeks=True)
    assert readable_range(Duration(Fraction(10 * 1440), Fraction(21 * 1440)), "es", weeks) == "1,5–3 semanas"
    assert readable_range(Duration(Fraction(7 * 1440), Fraction(28 * 1440)), "pt", weeks) == "1–4 semanas"
    assert readable_range(Duration(Fraction(3 * 1440), Fraction(21 * 1440)), "es", weeks) == "3 días – 3 semanas"
    # a low end of a day and some hours beside weeks keeps its hours, never "1,5–3 semanas"
    assert readable_range(Duration(Fraction(1800), Fraction(21 * 1440)), "es", weeks) == "30 h – 3 semanas"
    assert readable_range(Duration(Fraction(15 * 1440), Fraction(21 * 1440)), "es", weeks) == "2–3 semanas"


def _schema_errors(text: str) -> list[str]:
    import jsonschema

    from flowchart_cli.schema import flow_schema
    from flowchart_cli.yamlsource import Mapping, Scalar, parse_text

    def data(node):
        if isinstance(node, Scalar):
            return None if node.is_null else node.text
        if isinstance(node, Mapping):
            return {key.text: data(value) for key, value in node.items}
        return [data(item) for item in node.items]

    return [e.message for e in jsonschema.Draft202012Validator(flow_schema()).iter_errors(data(parse_text(text)))]


def test_the_schema_takes_shares_on_decisions_only() -> None:
    assert _schema_errors(DECISION.format(shares="shares: {Factura: 50 %, servicio: 0.2, Otro: '0,3'}")) == []
    assert _schema_errors(DECISION.format(shares="shares: {Factura: mucho}"))
    on_a_process = DECISION.format(shares="").replace("  - start: Llega", "  - start: Llega\n    shares: {Sí: 10%}")
    assert _schema_errors(on_a_process)
