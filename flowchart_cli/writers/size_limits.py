"""How large a PNG or a PDF page may be, decided from the drawing's size before anything is drawn.

A PNG is at most :data:`MAX_PNG_PIXELS` (spec §3) and :data:`MAX_PNG_SIDE`
pixels on a side (cairo's own limit is 32,767): 100 million pixels are 400 MB
of image buffer, so a flow of 400 steps in 150 lanes, or `--scale 8`, can no
longer ask for gigabytes.  A PDF page is at most :data:`MAX_PDF_POINTS` on a
side, the largest page PDF readers open (200 inches).  A drawing beyond either
bound is scaled down to fit, and :class:`OutputScaled` (a warning) names the
scale used; SVG and draw.io keep every detail.
"""

from __future__ import annotations

import math
import warnings

from ..errors import FlowchartError

__all__ = ["MAX_PDF_POINTS", "MAX_PNG_PIXELS", "MAX_PNG_SIDE", "OutputScaled", "pdf_scale", "png_scale"]

MAX_PNG_PIXELS = 100_000_000
MAX_PNG_SIDE = 32_000
MAX_PDF_POINTS = 14_400.0


class OutputScaled(UserWarning):
    """A drawing too large for its format was scaled down; the message names the scale used."""


def png_scale(width: float, height: float, scale: float, *, title: str = "") -> float:
    """The scale to draw a ``width`` × ``height`` px drawing at: ``scale``, or less to stay within the bounds."""
    if not scale > 0 or math.isinf(scale):
        raise FlowchartError(f"the scale must be a positive number, not {scale}")
    width, height = max(width, 1.0), max(height, 1.0)
    fit = min(MAX_PNG_SIDE / max(width, height), math.sqrt(MAX_PNG_PIXELS / (width * height)))
    if scale <= fit:
        return scale
    fit = math.floor(fit * 10_000) / 10_000  # a scale that reads well in the warning…
    while round(width * fit) * round(height * fit) > MAX_PNG_PIXELS or round(max(width, height) * fit) > MAX_PNG_SIDE:
        fit -= 0.0001  # …and whose rounded pixel size is still within the bounds
    asked = f"{round(width * scale):,} × {round(height * scale):,} px"
    warnings.warn(
        OutputScaled(
            f"the PNG{_of(title)} would be {asked}, more than {MAX_PNG_PIXELS // 1_000_000} million pixels; "
            f"drawn at scale {fit:.4g} instead of {scale:g} ({round(width * fit):,} × {round(height * fit):,} px)"
        ),
        stacklevel=2,
    )
    return fit


def pdf_scale(width_pt: float, height_pt: float, *, title: str = "") -> float:
    """1, or the factor that brings a page of ``width_pt`` × ``height_pt`` points within the largest page."""
    longest = max(width_pt, height_pt, 1.0)
    if longest <= MAX_PDF_POINTS:
        return 1.0
    fit = math.floor(MAX_PDF_POINTS / longest * 10_000) / 10_000
    warnings.warn(
        OutputScaled(
            f"the PDF page{_of(title)} would be {width_pt / 72:.0f} × {height_pt / 72:.0f} in, larger than "
            f"{MAX_PDF_POINTS / 72:.0f} in on a side; drawn at scale {fit:.4g}"
        ),
        stacklevel=2,
    )
    return fit


def _of(title: str) -> str:
    return f" of '{title}'" if title else ""
