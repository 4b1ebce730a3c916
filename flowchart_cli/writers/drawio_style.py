"""draw.io style strings for lanes, steps and flow lines, in the default and ``mono`` themes.

The shape part of a step's style comes from the symbol table; this module only
adds what the theme decides (colours, font size) and the edge's attachment points.
"""

from __future__ import annotations

__all__ = ["LANE_FILLS", "edge_style", "lane_style", "step_style"]

# Light header colours for the lanes, in order (default theme); mono prints in black and white.
LANE_FILLS = ("#DAE8FC", "#D5E8D4", "#FFF2CC", "#F8CECC", "#E1D5E7", "#FFE6CC")
_STROKE = "#333333"

EDGE_BASE = "edgeStyle=orthogonalEdgeStyle;rounded=0;orthogonalLoop=1;jettySize=auto;html=1;"


def lane_style(index: int, start_size: float, *, horizontal: bool, theme: str) -> str:
    """A swimlane container: title band of ``start_size`` on top (TB) or on the left (LR)."""
    style = f"swimlane;html=1;startSize={_int(start_size)};"
    if not horizontal:
        style += "horizontal=0;"
    fill = "#FFFFFF" if theme == "mono" else LANE_FILLS[index % len(LANE_FILLS)]
    return style + f"fillColor={fill};swimlaneFillColor=none;strokeColor={_STROKE};fontStyle=1;"


def step_style(shape_style: str, font_size: float, *, theme: str) -> str:
    """The symbol's own draw.io style plus colours and font size."""
    del theme  # steps are white on every theme; the lanes carry the colour
    return f"{shape_style}fillColor=#FFFFFF;strokeColor={_STROKE};fontColor=#000000;fontSize={_int(font_size)};"


def edge_style(exit_at: tuple[float, float] | None, entry_at: tuple[float, float] | None) -> str:
    """An orthogonal connector that leaves and enters the shapes where the computed route does."""
    style = EDGE_BASE + f"strokeColor={_STROKE};endArrow=block;endFill=1;"
    if exit_at is not None:
        style += f"exitX={_frac(exit_at[0])};exitY={_frac(exit_at[1])};exitDx=0;exitDy=0;"
    if entry_at is not None:
        style += f"entryX={_frac(entry_at[0])};entryY={_frac(entry_at[1])};entryDx=0;entryDy=0;"
    return style


def _int(value: float) -> str:
    return str(round(value))


def _frac(value: float) -> str:
    text = f"{round(value, 3):.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
