"""How many times flow lines cross each other: a measure of a layout's legibility.

The tests and the layout benchmark use it to check that drawing a flow's
stages adds no crossings to the same flow drawn without them.  The counting
itself is :func:`layout_quality.crossing_pairs`, the one the layout-quality
benchmark reports with.
"""

from __future__ import annotations

from layout_quality import crossing_pairs

from flowchart_cli.layout.geometry import Diagram

__all__ = ["count_crossings"]


def count_crossings(diagram: Diagram) -> int:
    """Proper crossings between the orthogonal segments of two different flow lines."""
    return len(crossing_pairs([edge.points for edge in diagram.edges]))
