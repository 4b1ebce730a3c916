"""How many times flow lines cross each other: a measure of a layout's legibility.

The tests and the layout benchmark use it to check that drawing a flow's
stages adds no crossings to the same flow drawn without them.  The counting
itself is :func:`.quality.crossing_pairs`, the one the layout-quality
benchmark reports with.
"""

from __future__ import annotations

from .geometry import Diagram
from .quality import crossing_pairs

__all__ = ["count_crossings"]


def count_crossings(diagram: Diagram) -> int:
    """Proper crossings between the orthogonal segments of two different flow lines."""
    return len(crossing_pairs([edge.points for edge in diagram.edges]))
