"""draw.io style strings for lanes, steps and flow lines, coloured by the drawing's theme.

The shape part of a step's style comes from the symbol table; this module only
adds what the theme decides (colours, font size) and the edge's attachment points.
"""

from __future__ import annotations

from ..layout.geometry import LaneBand, NodeBox, StageBand
from ..layout.theme import Theme

__all__ = [
    "EDGE_BASE",
    "edge_style",
    "header_style",
    "lane_stack_style",
    "lane_style",
    "number_style",
    "stage_style",
    "step_style",
]

EDGE_BASE = "edgeStyle=orthogonalEdgeStyle;orthogonalLoop=1;jettySize=auto;html=1;"


def lane_style(lane: LaneBand, start_size: float, *, horizontal: bool, theme: Theme, see_through: bool = False) -> str:
    """A swimlane container: title band of ``start_size`` on top (TB) or on the left (LR).

    ``see_through`` leaves its body unfilled, so that the stage bands behind it show.
    """
    style = f"swimlane;html=1;startSize={_int(start_size)};"
    if not horizontal:
        style += "horizontal=0;"
    body = "none" if see_through else lane.fill
    return style + (
        f"fillColor={lane.header_fill};swimlaneFillColor={body};strokeColor={theme.lane_stroke};"
        f"fontColor={theme.ink};fontStyle=1;"
    )


def lane_stack_style(margins: tuple[float, float, float, float], *, horizontal: bool) -> str:
    """An invisible container that stacks the lanes: widen or move one in draw.io and the others make room.

    draw.io runs the stack layout only on an edit; ``margins`` (left, top, right,
    bottom) keep the lanes where the drawing has them when it does.  Cells that
    are not movable (the stage bands) are left where they are by the layout.
    """
    left, top, right, bottom = (_int(m) for m in margins)
    return (
        "html=1;container=1;collapsible=0;recursiveResize=0;childLayout=stackLayout;"
        f"horizontalStack={1 if horizontal else 0};resizeParent=1;resizeParentMax=0;"
        f"marginLeft={left};marginTop={top};marginRight={right};marginBottom={bottom};"
        "fillColor=none;strokeColor=none;connectable=0;"
    )


def stage_style(stage: StageBand, *, horizontal: bool, theme: Theme, font_size: float, stacked: bool = False) -> str:
    """A stage's band: a plain box behind the lanes, its name at the start (left in TB, top in LR).

    ``stacked``: held by the lanes' stack, it is not movable on its own (it moves
    with the stack, and the stack layout leaves it where it is).
    """
    fill = theme.stage_band_fill if stage.number % 2 == 0 else theme.background
    place = (
        "align=left;verticalAlign=middle;spacingLeft=10;"
        if horizontal
        else "align=center;verticalAlign=top;spacingTop=10;"
    )
    pinned = "movable=0;" if stacked else ""
    return (
        f"rounded=0;html=1;whiteSpace=nowrap;flowchartStage=1;{pinned}{place}"
        f"fillColor={fill};strokeColor={theme.stage_stroke};"
        f"fontColor={theme.ink};fontStyle=1;fontSize={_int(font_size + 1)};"
    )


def step_style(node: NodeBox, shape_style: str, font_size: float, *, theme: Theme) -> str:
    """The symbol's own draw.io style plus the theme's colours and the font size."""
    return (
        f"{shape_style}fillColor={node.fill};strokeColor={theme.ink};fontColor={theme.ink};fontSize={_int(font_size)};"
    )


def number_style(theme: Theme, font_size: float) -> str:
    """A step number's pill: not a connection target, so lines still attach to the step."""
    return (
        f"rounded=1;arcSize=50;html=1;connectable=0;fillColor={theme.background};strokeColor={theme.ink};"
        f"fontColor={theme.ink};fontStyle=1;fontSize={_int(font_size)};"
    )


def header_style(theme: Theme, font_size: float, *, bold: bool) -> str:
    """A line of the title block: plain left-aligned text."""
    return (
        f"text;html=1;align=left;verticalAlign=middle;connectable=0;fontColor={theme.ink};"
        f"fontStyle={1 if bold else 0};fontSize={_int(font_size)};"
    )


def edge_style(
    exit_at: tuple[float, float] | None,
    entry_at: tuple[float, float] | None,
    *,
    curved: bool,
    theme: Theme,
    label_size: float,
) -> str:
    """An orthogonal connector that leaves and enters the shapes where the computed route does."""
    colours = theme
    style = EDGE_BASE + (
        f"rounded={1 if curved else 0};strokeColor={colours.line};endArrow=block;endFill=1;"
        f"fontColor={colours.label_ink};fontStyle=1;fontSize={_int(label_size)};"
        f"labelBackgroundColor={colours.background};"
    )
    if exit_at is not None:
        style += f"exitX={_frac(exit_at[0])};exitY={_frac(exit_at[1])};exitDx=0;exitDy=0;exitPerimeter=0;"
    if entry_at is not None:
        style += f"entryX={_frac(entry_at[0])};entryY={_frac(entry_at[1])};entryDx=0;entryDy=0;entryPerimeter=0;"
    return style


def _int(value: float) -> str:
    return str(round(value))


def _frac(value: float) -> str:
    text = f"{round(value, 3):.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
