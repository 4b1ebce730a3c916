"""A decision's `shares`: outcome label → share, as written, with positions.

Only the shape is read here (a mapping of text to text, FC107 otherwise); what
the shares mean — a known outcome, a share from 0 to 100 %, a sum of 100 % —
is rule FC213 (``rules/shares.py``), which sees the branches too.
"""

from __future__ import annotations

from ..messages import quoted
from ..model import Share
from ..yamlsource import Mapping, Node, Scalar
from .nodes import NodeReader, pos_of

__all__ = ["read_shares"]


def read_shares(reader: NodeReader, node: Node, key: str) -> tuple[Share, ...]:
    if isinstance(node, Scalar) and node.is_null:
        return ()
    if not isinstance(node, Mapping):
        reader.report("FC107", "`shares` must be a mapping `outcome: share` (e.g. `Sí: 60%`)", pos_of(node), key)
        return ()
    shares: list[Share] = []
    for label_node, value in node.items:
        label = reader.text(label_node, "an outcome in `shares`", key)
        if label is None:
            continue
        if not isinstance(value, Scalar):
            reader.report(
                "FC107", f"the share of outcome {quoted(label)} must be one value (`60%` or `0.6`)", pos_of(value), key
            )
            continue
        text = "" if value.is_null else value.text.strip()
        shares.append(Share(label, text, pos_of(label_node), pos_of(value)))
    return tuple(shares)
