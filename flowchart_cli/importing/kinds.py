"""Which symbol each drawn box becomes: its shape, read with the lines that meet it.

A terminator is a start where no line comes in and an end where none goes out;
a box two lines leave is a decision; a box no line leaves is an end (the format
has no other way to stop); a drawing without a start shape starts where no
line leads.  Every such guess is said in the box's notes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .drawn import DrawnEdge, DrawnNode

__all__ = ["decide_kinds"]


def decide_kinds(
    nodes: Sequence[DrawnNode],
    outgoing: Mapping[str, list[DrawnEdge]],
    incoming: Mapping[str, int],
    notes: Mapping[str, list[str]],
) -> dict[str, str]:
    """Node key → symbol key; each guess is added to the node's notes."""
    kinds = {n.key: _kind(n, len(outgoing[n.key]), incoming[n.key], notes[n.key]) for n in nodes}
    if "start" not in kinds.values():
        for node in nodes:
            if incoming[node.key] == 0 and kinds[node.key] not in ("end", "connector", "decision"):
                kinds[node.key] = "start"
                notes[node.key].append("no start shape in the drawing: no line leads here, so written as the start")
    return kinds


def _kind(node: DrawnNode, targets: int, into: int, notes: list[str]) -> str:
    if node.shape == "terminator":
        if into and targets:
            notes.append("a start/end shape with lines in and out: written as a process")
            return "process"
        return "start" if not into else "end"
    if node.shape == "decision":
        return "decision"
    if targets >= 2:
        notes.append(f"a {node.shape} shape with {targets} lines out: written as a decision")
        return "decision"
    if targets == 0 and node.shape != "connector":
        if into:
            notes.append(f"no line leaves this {node.shape} shape: written as an end")
        else:
            notes.append("no line leads here or leaves: written as an end")
        return "end"
    return node.shape
