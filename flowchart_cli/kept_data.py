"""What a drawing does not show but an editable drawing must carry back: ids, notes, durations, links…

`render -f drawio` writes these as draw.io's own custom data (the attributes
of an ``<UserObject>`` around a cell, shown in draw.io's "Edit Data"), and
`import` reads them back, so a chart polished in draw.io keeps its handout
data.  Names start with ``fc_`` so they never clash with draw.io's own.  One
module for both sides, so that writer and reader never disagree on a name.
Every layout reads this module; :mod:`json` is imported only for shares.
"""

from __future__ import annotations

from .model import Flow, Lane, Stage, Step

__all__ = ["PREFIX", "Data", "flow_data", "lane_data", "read_shares", "stage_data", "step_data"]

PREFIX = "fc_"
Data = tuple[tuple[str, str], ...]
"""Attribute name → value pairs, in a fixed order, empty values left out."""


def _pairs(*pairs: tuple[str, str]) -> Data:
    return tuple((PREFIX + name, value) for name, value in pairs if value)


def step_data(step: Step) -> Data:
    """A step's id, notes, duration, link, ref and shares (as a JSON object ``{"outcome": "30%"}``)."""
    shares = _json_object({s.outcome: s.text for s in step.shares}) if step.shares else ""
    return _pairs(
        ("id", step.id or ""),
        ("notes", step.notes),
        ("duration", step.duration),
        ("link", step.link),
        ("ref", step.ref),
        ("shares", shares),
    )


def _json_object(pairs: dict[str, str]) -> str:
    import json

    return json.dumps(pairs, ensure_ascii=False)


def lane_data(lane: Lane) -> Data:
    return _pairs(("id", lane.id), ("description", lane.description), ("external", "true" if lane.external else ""))


def stage_data(stage: Stage) -> Data:
    return _pairs(("id", stage.id), ("description", stage.description))


def flow_data(flow: Flow) -> Data:
    """The flow's keys that no cell shows (the title is the page's name)."""
    return _pairs(
        ("lang", flow.lang),
        ("version", flow.version),
        ("owner", flow.owner),
        ("updated", flow.updated),
        ("description", flow.description),
        ("direction", flow.direction),
    )


def read_shares(text: str) -> dict[str, str] | None:
    """``fc_shares`` back as outcome → share text; ``None`` when it is not such a JSON object."""
    import json

    try:
        value = json.loads(text)
    except ValueError:
        return None
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        return None
    return value
