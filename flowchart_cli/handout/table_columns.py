"""The step table's columns: which are shown, and how wide each is, from what the rows hold.

A fixed share per column squeezed a "Siguiente" of «Encaminhamento → passo 26»
until the word stuck out past the table, while «Observações» and «Links» held
«—» in 28 of 29 rows.  So every width is worked out from the text it must
hold, measured in DejaVu Sans as the page sets it: each column first gets its
longest unbreakable piece (a word, or «→ paso 12» that never splits), so no
text overflows its cell; then the short-valued columns (number, symbol,
responsible, duration, link, next) grow until their longest value fits on one
line, within a cap; what is left goes to the step and the notes in proportion
to how much text each holds — so a notes column that is nearly empty is
narrow, one that fewer than a quarter of the rows fill is folded into the
step's cell (each note under its step's label), and one that is empty is
left out.  Only when even the unbreakable
pieces do not fit may a long word break (the CSS's last resort).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..layout.text import text_width
from .records import StepRow

__all__ = ["FOLD_SHARE", "Column", "folded_columns", "step_columns"]

PT_TO_MM = 25.4 / 72
PADDING_MM = 2.4  # 1.2 mm each side (handout.css: .step-table td)
SAFETY = 1.06  # DejaVu as WeasyPrint and browsers set it is a little wider than its metrics say
ICON_MM = 9.0  # the symbol's icon (handout.css: .step-table .icon svg)
FOLD_SHARE = 0.25  # a notes or links column filled in fewer rows than this share is set under the labels
FOLDED_PT = 7.5  # handout.css: .step-table .aside
_BREAK = re.compile(r"[ \t\n\u200b]+")  # where a line may break: not at a no-break space


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the step table: ``key`` names the cell, ``width`` is its share in percent."""

    key: str
    heading: str
    width: float


@dataclass(frozen=True, slots=True)
class _Need:
    """What a column's text asks for, in mm: its longest unbreakable piece, its longest line, and its mass
    (the area its text fills, in mm of one line)."""

    least: float
    line: float
    mass: float


# Columns whose values are short: they grow to hold their longest value on one line, up to this many mm.
_LINE_CAPS = {"number": 12.0, "symbol": 20.0, "lane": 30.0, "duration": 24.0, "next": 40.0}
# Columns of running text (a link breaks after its "/" too): they share what is left by how much text they hold.
_FLOWING = ("step", "notes", "links")
STEP_SHARE = 0.28  # the step's own words are the table's point: this much of the width is kept for them first
_ORDER = ("number", "step", "symbol", "lane", "duration", "notes", "links", "next")


def _width(text: str, pt: float, bold: bool = False) -> float:
    return text_width(text, pt * PT_TO_MM, bold=bold) * SAFETY


def _need(texts: Iterable[str], pt: float, *, bold: bool = False, floor: float = 0.0) -> _Need:
    """The need of a column whose cells hold ``texts`` (each a list of lines joined by newlines)."""
    least, line, mass = floor, floor, 0.0
    for text in texts:
        for part in text.split("\n"):
            words = [w for w in _BREAK.split(part) if w]
            if not words:
                continue
            least = max(least, *(_width(w, pt, bold) for w in words))
            whole = _width(" ".join(words), pt, bold)
            line = max(line, whole)
            mass += whole
    return _Need(least + PADDING_MM, line + PADDING_MM, mass)


def _lane_text(row: StepRow, external: str) -> str:
    """As the step table prints it: "Cliente (parte externa)", or "Técnico (terceirizado; parte externa)" for a
    name that ends in its own brackets (review 8: "(terceirizado) (parte externa)")."""
    if not row.external:
        return row.lane
    return f"{row.lane[:-1]}; {external})" if row.lane.endswith(")") else f"{row.lane} ({external})"


def _needs(rows: Sequence[StepRow], t: Mapping[str, str], folded: frozenset[str]) -> dict[str, _Need]:
    none = t["none"]
    cells: dict[str, Callable[[StepRow], str]] = {
        "number": lambda r: str(r.number),
        "step": lambda r: r.label,
        "symbol": lambda r: r.symbol,
        "lane": lambda r: _lane_text(r, t["external"]) if r.lane else none,
        "duration": lambda r: r.duration or none,
        "notes": lambda r: r.notes or none,
        "links": lambda r: r.link_text or none,
        "next": lambda r: "\n".join(h.text for h in r.next) or none,
    }
    sizes = {"number": 10.0, "symbol": 7.0, "links": 7.0}
    needs = {}
    for key in _ORDER:
        body = _need((cells[key](r) for r in rows), sizes.get(key, 8.0), bold=key in ("number", "step"))
        heading = _need([t[f"col_{key}"]], 7.0, bold=True, floor=ICON_MM if key == "symbol" else 0.0)
        needs[key] = _Need(max(body.least, heading.least), max(body.line, heading.line), body.mass)
    for key in folded:  # a folded column's few values are set under the step's label, at 7.5 pt
        aside = _need((f"{t[f'col_{key}']}: {cells[key](r)}" for r in rows if cells[key](r) != none), FOLDED_PT)
        del needs[key]
        step = needs["step"]
        needs["step"] = _Need(max(step.least, aside.least), step.line, step.mass + aside.mass)
    return needs


def _shares(needs: Mapping[str, _Need], room: float) -> dict[str, float]:
    """Each column's width in mm: the unbreakable pieces first, then the short values' lines, then the rest
    to the running text by its mass."""
    widths = {key: need.least for key, need in needs.items()}
    spare = room - sum(widths.values())
    if spare <= 0:  # not even the longest words fit side by side: shrink alike, the CSS breaks a word
        return {key: w * room / sum(widths.values()) for key, w in widths.items()}
    kept = min(spare, max(0.0, min(needs["step"].line, STEP_SHARE * room) - widths["step"]))
    widths["step"] += kept
    spare -= kept
    wants = {
        key: max(0.0, min(need.line, max(_LINE_CAPS[key], need.least)) - widths[key])
        for key, need in needs.items()
        if key in _LINE_CAPS
    }
    asked = sum(wants.values())
    given = min(1.0, spare / asked) if asked else 0.0
    for key, want in wants.items():
        widths[key] += want * given
    spare = room - sum(widths.values())
    flowing = [key for key in _FLOWING if key in needs]
    mass = sum(needs[key].mass for key in flowing)
    for key in flowing:
        widths[key] += spare * (needs[key].mass / mass if mass else 1 / len(flowing))
    if not flowing:  # no running text: the short columns share what is left by their own lines
        lines = sum(needs[key].line for key in widths)
        widths = {key: w + spare * needs[key].line / lines for key, w in widths.items()}
    return widths


def folded_columns(rows: Sequence[StepRow]) -> frozenset[str]:
    """The notes and links columns that fewer than :data:`FOLD_SHARE` of the rows fill (but some do)."""
    counts = {"notes": sum(1 for r in rows if r.notes), "links": sum(1 for r in rows if r.link)}
    return frozenset(key for key, n in counts.items() if 0 < n < FOLD_SHARE * len(rows))


def step_columns(rows: Sequence[StepRow], t: Mapping[str, str], room_mm: float) -> tuple[Column, ...]:
    """The table's columns: those some row has something in, each as wide as its text asks, filling
    ``room_mm`` (the page's width inside its margins); a nearly empty notes or links column is folded
    into the step's cell (the template sets a row's note or link under its label when its column is not
    shown)."""
    filled = {
        "lane": any(r.lane for r in rows),
        "duration": any(r.duration for r in rows),
        "notes": any(r.notes for r in rows),
        "links": any(r.link for r in rows),
    }
    needs = {key: need for key, need in _needs(rows, t, folded_columns(rows)).items() if filled.get(key, True)}
    widths = _shares(needs, room_mm)
    total = sum(widths.values())
    return tuple(Column(key, t[f"col_{key}"], round(100 * widths[key] / total, 2)) for key in _ORDER if key in widths)
