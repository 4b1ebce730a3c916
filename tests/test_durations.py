"""Every duration form of spec §5 in English, Spanish and Portuguese, and what is not read."""

from __future__ import annotations

from fractions import Fraction

import pytest

from flowchart_cli.durations import Duration, format_minutes, format_range, parse_duration

H = 60
DAY = 24 * H
BDAY = 8 * H


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # seconds
        ("30 s", Fraction(1, 2), Fraction(1, 2)),
        ("30 sec", Fraction(1, 2), Fraction(1, 2)),
        ("1 second", Fraction(1, 60), Fraction(1, 60)),
        ("90 seconds", Fraction(3, 2), Fraction(3, 2)),
        ("1 segundo", Fraction(1, 60), Fraction(1, 60)),
        ("45 segundos", Fraction(3, 4), Fraction(3, 4)),
        # minutes
        ("10 min", 10, 10),
        ("1 minute", 1, 1),
        ("5 minutes", 5, 5),
        ("1 minuto", 1, 1),
        ("20 minutos", 20, 20),
        ("10min", 10, 10),
        # hours
        ("1 h", H, H),
        ("2h", 2 * H, 2 * H),
        ("1 hour", H, H),
        ("3 hours", 3 * H, 3 * H),
        ("1 hora", H, H),
        ("4 horas", 4 * H, 4 * H),
        # days (24 h)
        ("2 d", 2 * DAY, 2 * DAY),
        ("1 day", DAY, DAY),
        ("3 days", 3 * DAY, 3 * DAY),
        ("1 día", DAY, DAY),
        ("7 días", 7 * DAY, 7 * DAY),
        ("1 dia", DAY, DAY),
        ("30 dias", 30 * DAY, 30 * DAY),
        # business days (8 h)
        ("1 business day", BDAY, BDAY),
        ("3 business days", 3 * BDAY, 3 * BDAY),
        ("2 working days", 2 * BDAY, 2 * BDAY),
        ("1 día hábil", BDAY, BDAY),
        ("2 días hábiles", 2 * BDAY, 2 * BDAY),
        ("1 dia útil", BDAY, BDAY),
        ("2 dias úteis", 2 * BDAY, 2 * BDAY),
        ("2 DÍAS HÁBILES", 2 * BDAY, 2 * BDAY),
        ("2 dias habiles", 2 * BDAY, 2 * BDAY),
        # business hours (1 h each)
        ("8 h hábiles", 8 * H, 8 * H),
        ("4 business hours", 4 * H, 4 * H),
        ("6 horas úteis", 6 * H, 6 * H),
        # weeks (7 days)
        ("1 week", 7 * DAY, 7 * DAY),
        ("2 weeks", 14 * DAY, 14 * DAY),
        ("1 semana", 7 * DAY, 7 * DAY),
        ("3 semanas", 21 * DAY, 21 * DAY),
        # ranges
        ("15-30 min", 15, 30),
        ("15–30 min", 15, 30),
        ("15 - 30 min", 15, 30),
        ("15 a 30 min", 15, 30),
        ("15 to 30 minutes", 15, 30),
        ("1 a 3 días hábiles", BDAY, 3 * BDAY),
        ("3–5 business days", 3 * BDAY, 5 * BDAY),
        ("2 a 4 semanas", 14 * DAY, 28 * DAY),
        ("30 min - 1 h", 30, H),
        # decimals
        ("1.5 h", 90, 90),
        ("1,5 h", 90, 90),
        ("0,5 día hábil", 4 * H, 4 * H),
        ("1,5-2,5 h", 90, 150),
        # several parts
        ("1 h 30 min", 90, 90),
        ("10 min.", 10, 10),
        ("2 hrs. 15 mins.", 135, 135),
    ],
)
def test_reads(text: str, low, high) -> None:
    assert parse_duration(text) == Duration(Fraction(low), Fraction(high))


@pytest.mark.parametrize(
    "text", ["", "  ", "unos días", "ASAP", "10", "15 - 30", "30-15 min", "1 hello", "5 min aprox.", "1-2-3 h", "h"]
)
def test_unread_is_none(text: str) -> None:
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (0, "0 min"),
        (Fraction(1, 12), "5 s"),
        (45, "45 min"),
        (60, "1 h"),
        (150, "2 h 30 min"),
        (Fraction(60 * 60 + 1, 60), "1 h"),
        (3 * DAY, "72 h"),
    ],
)
def test_format_minutes(minutes, text: str) -> None:
    assert format_minutes(minutes) == text


def test_format_range() -> None:
    assert format_range(Duration(Fraction(25), Fraction(40))) == "25–40 min"
    assert format_range(Duration(Fraction(90), Fraction(90))) == "1 h 30 min"
    # under two hours, one unit: "1 h 15 min – 1 h 30 min + 1–3 days" read as a sum (review 17)
    assert format_range(Duration(Fraction(30), Fraction(90))) == "30–90 min"
    assert format_range(Duration(Fraction(75), Fraction(90))) == "75–90 min"
    assert format_range(Duration(Fraction(60), Fraction(80))) == "60–80 min"
    assert format_range(Duration(Fraction(60), Fraction(119))) == "60–119 min"
    assert format_range(Duration(Fraction(60), Fraction(120))) == "1–2 h"  # whole hours stay hours
    assert format_range(Duration(Fraction(75), Fraction(150))) == "1 h 15 min – 2 h 30 min"
    assert format_range(Duration(Fraction(45), Fraction(60))) == "45–60 min"
    assert format_range(Duration(Fraction(150), Fraction(240))) == "2 h 30 min – 4 h"
