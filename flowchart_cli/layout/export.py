"""The export step: the placed shapes plus the flow become the one renderer-neutral :class:`Diagram`.

Everything a writer shows of the model is resolved here, once: tooltips,
clickable links (only safe ones), the href of a referenced flow, theme
colours, step numbers, lane and stage descriptions, the SVG description.
Writers then read only the geometry (d2's ``d2exporter`` → ``d2target`` is
the model for this split).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import quote

from ..flow_description import describe
from ..kept_data import flow_data, lane_data, step_data
from ..model import Flow, Step
from ..options import RenderOptions
from ..values import is_safe_link
from .geometry import Diagram, EdgePath, LaneBand, NodeBox, Rect, StageBand
from .theme import theme as theme_named

__all__ = ["describe", "export_diagram", "href_of"]

_FLOW_SUFFIXES = (".flow.yaml", ".flow.yml", ".yaml", ".yml")


def export_diagram(
    flow: Flow,
    *,
    boxes: Sequence[Rect],
    lines: Sequence[tuple[str, ...]],
    lanes: Sequence[LaneBand],
    edges: Sequence[EdgePath],
    width: float,
    height: float,
    stages: Sequence[StageBand] = (),
    font_size: float = 13.0,
    options: RenderOptions = RenderOptions(),
    header: tuple[str, ...] = (),
    header_box: Rect | None = None,
) -> Diagram:
    """The diagram of ``flow`` whose steps sit in ``boxes`` (one per step, in step order)."""
    colours = theme_named(options.theme)
    nodes = tuple(
        _node(step, box, wrapped, colours.fill_for(step.kind or ""))
        for step, box, wrapped in zip(flow.steps, boxes, lines, strict=True)
    )
    bands = tuple(
        replace(
            lane,
            description=_lane_text(flow, lane.id),
            external=_external(flow, lane.id),
            fill=colours.lane_fills[lane.index % len(colours.lane_fills)],
            header_fill=colours.header_fills[lane.index % len(colours.header_fills)],
            data=_lane_data(flow, lane.id),
        )
        for lane in lanes
    )
    return Diagram(
        title=flow.title,
        width=width,
        height=height,
        lanes=bands,
        nodes=nodes,
        edges=tuple(edges),
        stages=tuple(stages),
        direction=flow.direction,
        description=describe(flow),
        lang=flow.lang,
        theme=colours,
        font_size=font_size,
        curved=options.edges == "spline",
        numbers=options.numbers,
        even_text=options.even_text,
        header=header,
        header_box=header_box,
        data=flow_data(flow),
    )


def _node(step: Step, box: Rect, lines: tuple[str, ...], fill: str) -> NodeBox:
    link = step.link if step.link and is_safe_link(step.link) else ""
    return NodeBox(
        key=step.key,
        kind=step.kind or "process",
        box=box,
        lines=lines,
        label=step.label,
        number=step.number,
        lane=step.lane,
        stage=step.stage,
        tooltip=step.notes.strip(),
        link=link,
        href=href_of(step, link),
        fill=fill,
        has_id=step.id is not None,
        data=step_data(step),
    )


def href_of(step: Step, link: str) -> str:
    """Where a click on the step goes: the referenced flow's SVG beside this one, else its link."""
    if step.ref and step.kind in ("subprocess", "offpage"):
        target = step.ref.replace("\\", "/")
        for suffix in _FLOW_SUFFIXES:
            if target.endswith(suffix):
                target = target[: -len(suffix)] + ".svg"
                break
        return quote(target, safe="/._-~")
    return link


def _lane_text(flow: Flow, lane_id: str) -> str:
    lane = flow.lane_by_id(lane_id)
    return lane.description if lane is not None else ""


def _lane_data(flow: Flow, lane_id: str) -> tuple[tuple[str, str], ...]:
    lane = flow.lane_by_id(lane_id)
    return lane_data(lane) if lane is not None else ()


def _external(flow: Flow, lane_id: str) -> bool:
    lane = flow.lane_by_id(lane_id)
    return lane is not None and lane.external
