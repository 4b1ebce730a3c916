"""Stage bands on the page: a strip for their names, and one band per stage across every lane.

In the flow's frame the strip lies at the start of the across axis — on the
left in TB (the bands are rows under the lane headers), on top in LR (the
bands are columns right of the lane headers) — so both directions share
this code.  Each band runs from the border before its first row to the
border after its last one; the borders lie in the along-gaps between stages.
"""

from __future__ import annotations

from ..kept_data import stage_data
from .frame import HEADER_LINE, MARGIN, Frame
from .geometry import StageBand
from .text import BOLD_WIDTH, text_width, wrap_text

__all__ = ["LR_NAME", "STAGE_STRIP", "fit_stage_names", "stage_bands"]

STAGE_STRIP = 132.0
"""TB: the widest the strip on the left that holds the stage names gets (short names take less)."""
LR_NAME = 150.0
"""LR: a stage's column is at least this wide when its name needs it."""


def _lines(f: Frame, stage: int, width: float) -> tuple[str, ...]:
    """The stage's number on a line of its own, then its name wrapped to ``width``.

    The writers draw the number apart from the name, so the name reads
    exactly as written ("Contacto del cliente" under "1").
    """
    room, size = max(40.0, width - 16), f.p.font_size + 1
    return (str(stage + 1), *wrap_text(f.p.flow.stages[stage].name, room, size, bold=True))


def _extent(f: Frame, stage: int) -> tuple[float, float]:
    """The band's start and end along the flow."""
    rows = f.p.stage_rows
    low = f.hgap_at[0] if stage == 0 else f.stage_border(rows[stage][0])
    high = f.along_end if stage == len(rows) - 1 else f.stage_border(rows[stage + 1][0])
    return low, high


def fit_stage_names(f: Frame) -> None:
    """Make room for the names: TB a strip on the left and rows tall enough; LR a strip on top
    and columns wide enough for the name's longest word (or the whole name, up to :data:`LR_NAME`)."""
    count = len(f.p.stage_rows)
    if not count:
        return
    f.stage_header = 0.0 if f.lr else _tb_strip(f)
    for stage in range(count):
        low, high = _extent(f, stage)
        _grow(f, stage, (_lr_width if f.lr else _tb_height)(f, stage) - (high - low))
    f.place()
    if f.lr:
        f.stage_header = max(
            max(36.0, len(_lines(f, s, high - low)) * HEADER_LINE + 16)
            for s, (low, high) in ((s, _extent(f, s)) for s in range(count))
        )
        f.place()


def _tb_strip(f: Frame) -> float:
    """As wide as the longest name on one line, between 80 and :data:`STAGE_STRIP`, and never
    narrower than the longest word ("Documentación" is not cut into "Documentació" and "n")."""
    size = f.p.font_size + 1
    widest = max(text_width(s.name, size, bold=True) for s in f.p.flow.stages)
    longest = max(text_width(word, size, bold=True) for s in f.p.flow.stages for word in s.name.split() or [""])
    return max(min(STAGE_STRIP, max(80.0, widest + 24)), longest + 24)


def _tb_height(f: Frame, stage: int) -> float:
    return len(_lines(f, stage, f.stage_header)) * HEADER_LINE + 16


def _lr_width(f: Frame, stage: int) -> float:
    size = f.p.font_size + 1
    name = f.p.flow.stages[stage].name
    longest = max((text_width(word, size) for word in name.split()), default=0.0)
    return max(longest, min(text_width(name, size), LR_NAME)) * BOLD_WIDTH + 20  # the name is set in bold


def _grow(f: Frame, stage: int, missing: float) -> None:
    """Share ``missing`` room out over the stage's rows."""
    if missing <= 0:
        return
    first, last = f.p.stage_rows[stage]
    for row in range(first, last + 1):
        f.row_size[row] += missing / (last - first + 1)


def stage_bands(f: Frame) -> tuple[StageBand, ...]:
    """Every stage's band (across the strip and all lanes) and name cell, in declared order."""
    bands = []
    for stage, declared in enumerate(f.p.flow.stages[: len(f.p.stage_rows)]):
        low, high = _extent(f, stage)
        band = f.rect(low, MARGIN, high - low, f.across_end - MARGIN)
        header = f.rect(low, MARGIN, high - low, f.stage_header)
        width = high - low if f.lr else f.stage_header
        lines = _lines(f, stage, width)
        data = stage_data(declared)
        bands.append(StageBand(declared.id, declared.name, stage + 1, band, header, lines, declared.description, data))
    return tuple(bands)
