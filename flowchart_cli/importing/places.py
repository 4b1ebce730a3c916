"""Which lane (or stage) each box belongs to: the band that holds its centre.

A reader that knows membership (a Mermaid subgraph lists its nodes) says so on
the node; for drawings the geometry decides, the smallest band holding the
centre winning, and a box outside every band goes to the nearest one, noted.
"""

from __future__ import annotations

from collections.abc import Sequence

from .drawn import DrawnLane, DrawnNode, DrawnStage

__all__ = ["place_nodes"]


def place_nodes(
    nodes: Sequence[DrawnNode], bands: Sequence[DrawnLane | DrawnStage], what: str, notes: dict[str, list[str]]
) -> dict[str, str]:
    """Node key → band key, for the nodes that have a band (``what`` is `lane` or `stage`, for notes)."""
    if not bands:
        return {}
    keys = {b.key for b in bands}
    placed: dict[str, str] = {}
    for node in nodes:
        preset = node.lane if what == "lane" else node.stage
        if preset in keys:
            placed[node.key] = preset  # type: ignore[assignment]
            continue
        band = _holding(node, bands)
        if band is not None:
            placed[node.key] = band
        elif node.box is not None and any(b.box for b in bands):
            nearest = min((b for b in bands if b.box), key=lambda b: b.box.distance(node.box.centre))  # type: ignore
            placed[node.key] = nearest.key
            notes[node.key].append(f"drawn outside every {what}: put in the nearest, {nearest.name!r}")
        else:
            notes[node.key].append(f"in no {what}: it takes the {what} of the step before it")
    return placed


def _holding(node: DrawnNode, bands: Sequence[DrawnLane | DrawnStage]) -> str | None:
    if node.box is None:
        return None
    centre = node.box.centre
    holding = [b for b in bands if b.box is not None and b.box.holds(centre)]
    if not holding:
        return None
    return min(holding, key=lambda b: b.box.width * b.box.height).key  # type: ignore[union-attr]
