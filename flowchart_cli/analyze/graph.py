"""The flow as `analyze` walks it: each step's ways on, in written order, with their outcome.

This is :func:`~flowchart_cli.model.flow_edges` plus the jump from an exit
connector to its entry (spec §5), which draws no line but is a way on all the
same.  The rules' graph (``rules/paths.py``) joins connectors in a ring,
which is right for reachability but would invent walks from an entry back to
its exit; a path must only jump the way the flow goes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Flow, connector_jumps, flow_edges

__all__ = ["WayOn", "ways_on"]


@dataclass(frozen=True, slots=True)
class WayOn:
    """Where a step leads: the target's key and the decision outcome taken (``None`` if not a branch)."""

    target: str
    outcome: str | None = None


def ways_on(flow: Flow) -> dict[str, tuple[WayOn, ...]]:
    """Step key → its ways on: branches in written order, `next` or the following step, connector jumps."""
    edges = flow_edges(flow)
    ways: dict[str, list[WayOn]] = {s.key: [] for s in flow.steps}
    for edge in edges:
        ways[edge.source].append(WayOn(edge.target, edge.label or None))
    for exit_key, entries in connector_jumps(flow, edges).items():
        ways[exit_key].extend(WayOn(key) for key in entries)
    return {key: tuple(found) for key, found in ways.items()}
