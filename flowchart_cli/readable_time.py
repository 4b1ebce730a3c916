"""Minutes as a person says them: "45 min", "1 h 35 min", "2 días hábiles".

Simulated figures are averages and percentiles, never the exact sums that
``durations.format_minutes`` prints, so they are rounded to what a reader
needs.  Where the flow writes its durations in business days (or days), long
figures are said in that unit, in the flow's language, because "16 h" of a
flow that counts "2 días hábiles" reads as two calendar days to its team.  The
handout's scenario totals (exact sums, :func:`readable_range`) are said in the
same unit as its typical case, so one page never mixes "5 working days" with
"40 h 20 min".  A flow that writes both business and calendar days is said in
the one that carries more of its time ("45 días" beside one "1 día hábil"),
never in thousands of hours; days and weeks are said in halves ("2,5 días"),
whole from ten, since a tenth of a day is not something a reader pictures
(review 8: "2,2 dias úteis", "7.3–7.6 business days + 3.9–5.9 weeks"), and a
flow that counts in weeks gets weeks from two weeks on.  A simulated figure of
ten hours or more is said in whole hours ("about 33 h", not "32 h 47 min").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from .durations import Duration, format_minutes, format_range, parse_duration
from .key_words import normal_form

__all__ = ["DayUnit", "clock_parts", "clock_sums", "day_unit", "readable", "readable_range"]

_WORKING = re.compile(r"(?:^|_)working_days?(?:_|$)")
_BUSINESS = re.compile(r"(?:^|_)(?:(?:business|working)_days?|(?:dias?|d)_(?:habil|habiles|util|uteis))(?:_|$)")
_DAYS = re.compile(r"(?:^|_|\d)(?:d|days?|dias?)(?:_|$)")
_WEEKS = re.compile(r"(?:^|_|\d)(?:weeks?|semanas?)(?:_|$)")
_WORDS = {
    "business": {"en": ("business day", "business days"), "es": ("día hábil", "días hábiles"),
                 "pt": ("dia útil", "dias úteis")},
    "calendar": {"en": ("day", "days"), "es": ("día", "días"), "pt": ("dia", "dias")},
    "week": {"en": ("week", "weeks"), "es": ("semana", "semanas"), "pt": ("semana", "semanas")},
}  # fmt: skip
_WEEK = 7 * 24 * 60
_BUSINESS_DAY = 8 * 60
_WHOLE_HOURS = 10 * 60  # from here a simulated figure is said in whole hours: "about 33 h", not "32 h 47 min"


@dataclass(frozen=True, slots=True)
class DayUnit:
    """The day a flow counts in: ``minutes`` long (480 for a business day, 1,440 for a day)."""

    kind: str  # "business" or "calendar"
    minutes: int
    english: tuple[str, str] = ("business day", "business days")  # "working day(s)" where the flow says so
    weeks: bool = False  # the flow writes weeks: two weeks and more are said in weeks
    mixed: bool = False  # the flow writes the other kind of day too (its figures count it at 8 h or 24 h)


def day_unit(durations: Iterable[str]) -> DayUnit | None:
    """Business days when durations are written in them, days when in days (or weeks), else ``None``.

    A flow that writes both is said in the kind that carries more of its time (the sum of the longest
    readings), and the figures say how the other kind counts (``mixed``): in business days a 45-day wait
    would read "135 días hábiles", and a chargeback's typical case "316 días hábiles" (15 months, where
    "106 días" is what a manager expects); in days a business day of work counts a third of one."""
    business = calendar = 0.0
    seen_business = seen_calendar = long_wait = working = weeks = False
    for text in durations:
        bare = normal_form(text)
        read = parse_duration(text)
        length = float(read.max) if read is not None else 0.0
        if _BUSINESS.search(bare):
            seen_business = True
            business += length
            working = working or bool(_WORKING.search(bare))
        elif _DAYS.search(bare) or _WEEKS.search(bare):
            seen_calendar = True
            calendar += length
            weeks = weeks or bool(_WEEKS.search(bare))
        elif length > _BUSINESS_DAY:
            long_wait = True  # "24 h" for the customer's reply: clock time, counted whole beside 8-hour days
    mixed = seen_business and (seen_calendar or long_wait)
    english = ("working day", "working days") if working else _WORDS["business"]["en"]
    if seen_business and business > calendar:
        return DayUnit("business", _BUSINESS_DAY, english, weeks=weeks, mixed=mixed)
    return DayUnit("calendar", 24 * 60, english, weeks=weeks, mixed=mixed) if seen_calendar else None


def _rounded(value: float, step: float, how: str) -> float:
    """``value`` to a multiple of ``step``: "up" and "down" keep "less than" and "more than" sentences true."""
    scaled = value / step
    whole = math.ceil(scaled - 1e-9) if how == "up" else math.floor(scaled + 1e-9) if how == "down" else round(scaled)
    return whole * step


def _day_step(count: float) -> float:
    """Days (or weeks) in halves under ten, whole from ten: "2,5 días", never "2,2 días hábiles" or "3,9 weeks"
    (review 8: nobody pictures a tenth of a day, and the tenths come from minutes of work summed with days)."""
    return 1.0 if count >= 9.75 else 0.5


def _number(value: float, lang: str) -> str:
    text = f"{value:.0f}" if value == int(value) else f"{value:.1f}"
    return text.replace(".", ",") if lang in ("es", "pt") else text


_WHOLE_DAY = 0.01  # a figure this near one day (5 minutes of a business day) is said as that day


def _hours_read_better(minutes: float, day: DayUnit, exact: bool = False) -> bool:
    """Under a day and a half, a figure that is not a whole day is said in hours and minutes: "8 h 55 min", not
    "1,1 días hábiles" (review 4 #13: a trainee cannot picture a tenth of a business day); "1 día hábil" and
    "1,5 días hábiles" stay in days. ``exact`` (a scenario's sum, not a simulated "about"): a day and some minutes
    is not a day, "8 h 18 min" beside "9 h 15 min", never "1 día hábil", which read as the longer one (review 18)."""
    count = minutes / day.minutes
    return count < 1.45 and (abs(count - 1) > _WHOLE_DAY if exact else round(count, 1) != 1)


def readable(
    minutes: float,
    lang: str = "en",
    day: DayUnit | None = None,
    how: str = "nearest",
    *,
    fine: bool = False,
    exact: bool = False,
) -> str:
    """ "40 s", "45 min", "1 h 35 min" (whole hours from ten: "33 h"), or "2,5 días hábiles" (halves, whole from
    ten) from one ``day`` on; "3,5 semanas" from two weeks on in a flow that writes weeks.  ``fine``: tenths of a
    day and minutes, for a figure set against a limit ("longer than 2.1 business days, over 2 business days").
    ``exact``: a sum, not an "about": a day and some minutes stays in hours (:func:`_hours_read_better`)."""
    if day is not None and minutes >= day.minutes and not _hours_read_better(minutes, day, exact):
        week = day.weeks and day.kind == "calendar" and minutes >= 2 * _WEEK
        count = minutes / (_WEEK if week else day.minutes)
        days = _rounded(count, (1 if count >= 10 else 0.1) if fine else _day_step(count), how)
        words = _WORDS["week" if week else day.kind]
        singular, plural = (
            day.english if lang == "en" and day.kind == "business" and not week else words.get(lang, words["en"])
        )
        one = days < 2 if lang == "pt" else days == 1  # "1,5 dia útil" in Portuguese, "1,5 días hábiles" in Spanish
        return f"{_number(days, lang)} {singular if one else plural}"
    if minutes <= 0:
        return "0 min"
    if minutes < 1:
        return f"{_rounded(minutes * 60, 1, how):.0f} s"
    whole = int(_rounded(minutes, 60 if minutes >= _WHOLE_HOURS and not fine else 1, how))
    hours, rest = divmod(whole, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def readable_range(duration: Duration, lang: str = "en", day: DayUnit | None = None) -> str:
    """An exact total ("25–40 min", "5 min 10 s") as :mod:`.durations` prints it, or in ``day`` units from one
    ``day`` on ("1–2 días hábiles", "45 min – 5 working days"): the unit the flow's own durations are written in.
    Under a day and a half a figure that is not a whole day stays in hours and minutes (:func:`_hours_read_better`)."""
    if day is None or duration.max < day.minutes or _hours_read_better(float(duration.max), day, exact=True):
        return format_range(duration)
    high = readable(float(duration.max), lang, day, exact=True)
    in_weeks = day.weeks and day.kind == "calendar" and duration.max >= 2 * _WEEK
    if duration.min < day.minutes or (in_weeks and _hours_read_better(float(duration.min), day)):
        return f"{format_minutes(duration.min)} – {high}"  # "45 min – 3 días hábiles": under a day, no day
    if _hours_read_better(float(duration.min), day):  # a day or more: in the high end's unit, not "10 h 25 min –
        # 2 días hábiles + 1–2 días", which read as a sum taken away (review 15): "1,5–2 días hábiles + 1–2 días"
        count = float(duration.min) / day.minutes
        low_days = _number(_rounded(count, _day_step(count), "nearest"), lang)
        return high if high.startswith(f"{low_days} ") else f"{low_days}–{high}"
    low = readable(float(duration.min), lang, day)
    if low == high:
        return high
    if in_weeks and duration.min < 2 * _WEEK:
        weeks = _rounded(float(duration.min) / _WEEK, _day_step(float(duration.min) / _WEEK), "nearest")
        if weeks >= 1:  # "1–4 semanas": one range in one unit, never "7 dias – 4 semanas" (review 4 #13)
            return f"{_number(weeks, lang)}–{high}"
        return f"{low} – {high}"  # "3 días – 3 semanas"
    return f"{low.split(' ', 1)[0]}–{high}"  # "1–2 días hábiles": the unit once, as the larger number takes it


def _clock(text: str) -> str:
    """ "calendar" for days, weeks and waits in hours longer than a business day ("24 h"), else "work"."""
    bare = normal_form(text)
    if _BUSINESS.search(bare):
        return "work"
    if _DAYS.search(bare) or _WEEKS.search(bare):
        return "calendar"
    read = parse_duration(text)
    return "calendar" if read is not None and read.max > _BUSINESS_DAY else "work"


def clock_sums(durations: Iterable[str]) -> tuple[Duration, Duration]:
    """(working time, calendar time) of the readable ``durations``: business days and hours and steps of a few
    minutes or hours are work; days, weeks and waits longer than a business day ("24 h", "48 h") pass on the
    calendar, and adding the two in one unit would tell a reader a false elapsed time."""
    work = calendar = Duration(Fraction(0), Fraction(0))
    for text in durations:
        read = parse_duration(text) if text.strip() else None
        if read is None:
            continue
        if _clock(text) == "calendar":
            calendar += read
        else:
            work += read
    return work, calendar


def clock_parts(work: Duration, calendar: Duration, lang: str, day: DayUnit) -> list[str]:
    """("3 días hábiles", "1 día"): working time in business days, calendar time in days, each in its own unit,
    for a flow that writes both (``day.mixed``); "3 días hábiles + 1 día" printed as "2 días" (a business day is
    a third of a day) or a 24-hour wait as "3 días hábiles" would misstate how long a case takes."""
    business = day if day.kind == "business" else DayUnit("business", _BUSINESS_DAY)
    days = day if day.kind == "calendar" else DayUnit("calendar", 24 * 60, weeks=day.weeks)
    parts = [readable_range(work, lang, business) if work.max or not calendar.max else ""]
    parts.append(readable_range(calendar, lang, days) if calendar.max else "")
    return [p for p in parts if p]
