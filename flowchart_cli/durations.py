"""Read a step's `duration` text ("10 min", "1 a 3 días hábiles", "15–30 min") as minutes.

`analyze` adds durations along each path and the handout prints a scenario's
total, so both read the text the same way, here.  The forms are those of the
spec (§5) in English, Spanish and Portuguese; anything else is *unread*, never
guessed: "unos días" or "ASAP" gives ``None`` and the caller names the step.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["UNITS", "Duration", "format_minutes", "format_range", "parse_duration"]

MINUTE = Fraction(1)
HOUR = 60 * MINUTE
DAY = 24 * HOUR
BUSINESS_DAY = 8 * HOUR
UNITS: dict[str, Fraction] = {}
"""Every accepted unit word or phrase (lower case, accents removed) → its length in minutes."""


def _units(minutes: Fraction, *phrases: str) -> None:
    UNITS.update(dict.fromkeys(phrases, minutes))


_units(Fraction(1, 60), "s", "sec", "secs", "second", "seconds", "seg", "segs", "segundo", "segundos")
_units(MINUTE, "min", "mins", "minute", "minutes", "minuto", "minutos")
_units(HOUR, "h", "hr", "hrs", "hour", "hours", "hora", "horas")
_units(DAY, "d", "day", "days", "dia", "dias")
_units(
    BUSINESS_DAY,
    *(f"{d} {b}" for d in ("business", "working") for b in ("day", "days")),
    *(f"{d} {h}" for d in ("dia", "dias", "d") for h in ("habil", "habiles", "util", "uteis")),
)
_units(
    HOUR,
    *(f"{d} {b}" for d in ("business", "working") for b in ("hour", "hours")),
    *(f"{h} {b}" for h in ("h", "hora", "horas") for b in ("habil", "habiles", "util", "uteis")),
)
_units(7 * DAY, "week", "weeks", "wk", "wks", "semana", "semanas")

_NUMBER = r"\d+(?:[.,]\d+)?"
_UNIT = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(UNITS, key=len, reverse=True))
_QUANTITY = re.compile(rf"\s*({_NUMBER})\s*(?:({_UNIT})(?![a-z])\.?)?\s*")  # "10 min." too
_RANGE = re.compile(r"\s*[-–—−]\s*|\s+(?:a|to|ate)\s+")


@dataclass(frozen=True, slots=True)
class Duration:
    """A length of time or a range of them, in minutes (exact fractions: 5 s is 1/12)."""

    min: Fraction
    max: Fraction

    def __add__(self, other: Duration) -> Duration:
        return Duration(self.min + other.min, self.max + other.max)


ZERO = Duration(Fraction(0), Fraction(0))


def _normal(text: str) -> str:
    """Lower case, accents removed, so "Días hábiles" and "dias habiles" read alike."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _quantity(text: str) -> tuple[Fraction, bool] | None:
    """Minutes of "1 h 30 min" (several number–unit pairs), and whether it is one bare number."""
    total, pos = Fraction(0), 0
    while pos < len(text):
        match = _QUANTITY.match(text, pos)
        if match is None or match.end() == pos:
            return None
        number, unit = match.groups()
        if unit is None:
            if pos or match.end() < len(text):
                return None  # a bare number is only allowed alone (the first end of a range)
            return Fraction(number.replace(",", ".")), True
        total += Fraction(number.replace(",", ".")) * UNITS[" ".join(unit.split())]
        pos = match.end()
    return (total, False) if pos else None


def _first_unit(text: str) -> Fraction:
    match = _QUANTITY.match(text)
    return UNITS[" ".join(match.group(2).split())] if match and match.group(2) else Fraction(0)


def parse_duration(text: str) -> Duration | None:
    """``text`` as a :class:`Duration`, or ``None`` when it is not one of the forms of the spec."""
    normal = _normal(text)
    if not normal:
        return None
    parts = _RANGE.split(normal)
    if len(parts) > 2:
        return None
    read = [_quantity(part) for part in parts]
    if any(r is None for r in read) or read[-1][1]:
        return None
    if len(read) == 1:
        return Duration(read[0][0], read[0][0])
    (low, low_bare), (high, _) = read
    if low_bare:
        low *= _first_unit(parts[1])
    return Duration(low, high) if low <= high else None


def format_minutes(minutes: Fraction | float) -> str:
    """ "2 h 30 min", "45 min", "5 s": hours and minutes only, so a business day never reads as a day."""
    seconds = round(Fraction(minutes) * 60)
    if seconds >= 3600:
        seconds = round(Fraction(seconds, 60)) * 60  # seconds are noise beside hours
    if seconds == 0:
        return "0 min"
    hours, rest = divmod(seconds, 3600)
    mins, secs = divmod(rest, 60)
    parts = [f"{hours} h" if hours else "", f"{mins} min" if mins else "", f"{secs} s" if secs else ""]
    return " ".join(p for p in parts if p)


def format_range(duration: Duration) -> str:
    """ "25–40 min", "8 h – 24 h", or one value when both ends agree. Under two hours, ends that would not share
    one unit are both in minutes: "75–90 min", as "1 h 15 min – 1 h 30 min + 1–3 days" read as a sum (review 17)."""
    low, high = format_minutes(duration.min), format_minutes(duration.max)
    if low == high:
        return low
    low_unit, high_unit = low.rsplit(" ", 1), high.rsplit(" ", 1)
    if len(low.split()) == 2 and len(high.split()) == 2 and low_unit[1] == high_unit[1]:
        return f"{low_unit[0]}–{high}"
    if duration.max < 120 and all(Fraction(end).denominator == 1 for end in (duration.min, duration.max)):
        return f"{duration.min}–{duration.max} min"
    return f"{low} – {high}"
