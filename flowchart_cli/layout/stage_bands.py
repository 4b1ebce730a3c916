"""Stage bands on the page: a strip for their names, and one band per stage across every lane.

In the flow's frame the strip lies at the start of the across axis — on the
left in TB (the bands are rows under the lane headers), on top in LR (the
bands are columns right of the lane headers) — so both directions share
this code.  Each band runs from the border before its first row to the
border after its last one; the borders lie in the along-gaps between stages.
"""

from __future__ import annotations

from .frame import HEADER_LINE, MARGIN, Frame
from .geometry import StageBand
from .stages import stage_label
from .text import wrap_text

__all__ = ["STAGE_STRIP", "fit_stage_names", "stage_bands"]

STAGE_STRIP = 132.0
"""TB: the width of the strip on the left that holds the stage names."""


def _lines(f: Frame, stage: int, width: float) -> tuple[str, ...]:
    """ "3 · Canalización" wrapped to ``width``; a number the wrap would leave alone with its dot
    stands on its own line instead ("3", "Canalización")."""
    name = f.p.flow.stages[stage].name
    room, size = max(40.0, width - 16) / 1.08, f.p.font_size + 1
    lines = wrap_text(stage_label(stage, name), room, size)
    if len(lines) > 1 and lines[0] == f"{stage + 1} ·":
        return (str(stage + 1), *wrap_text(name, room, size))
    return lines


def _extent(f: Frame, stage: int) -> tuple[float, float]:
    """The band's start and end along the flow."""
    rows = f.p.stage_rows
    low = f.hgap_at[0] if stage == 0 else f.stage_border(rows[stage][0])
    high = f.along_end if stage == len(rows) - 1 else f.stage_border(rows[stage + 1][0])
    return low, high


def fit_stage_names(f: Frame) -> None:
    """Make room for the names: TB a strip on the left and rows tall enough; LR a strip on top."""
    count = len(f.p.stage_rows)
    if not count:
        return
    if f.lr:
        f.stage_header = max(
            max(36.0, len(_lines(f, s, high - low)) * HEADER_LINE + 16)
            for s, (low, high) in ((s, _extent(f, s)) for s in range(count))
        )
    else:
        f.stage_header = STAGE_STRIP
        for stage, (first, last) in enumerate(f.p.stage_rows):
            low, high = _extent(f, stage)
            need = len(_lines(f, stage, STAGE_STRIP)) * HEADER_LINE + 16
            if high - low < need:
                for row in range(first, last + 1):
                    f.row_size[row] += (need - (high - low)) / (last - first + 1)
    f.place()


def stage_bands(f: Frame) -> tuple[StageBand, ...]:
    """Every stage's band (across the strip and all lanes) and name cell, in declared order."""
    bands = []
    for stage, declared in enumerate(f.p.flow.stages[: len(f.p.stage_rows)]):
        low, high = _extent(f, stage)
        band = f.rect(low, MARGIN, high - low, f.across_end - MARGIN)
        header = f.rect(low, MARGIN, high - low, f.stage_header)
        width = high - low if f.lr else f.stage_header
        lines = _lines(f, stage, width)
        bands.append(StageBand(declared.id, declared.name, stage + 1, band, header, lines, declared.description))
    return tuple(bands)
