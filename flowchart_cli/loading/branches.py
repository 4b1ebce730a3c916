"""A decision's `branches`: outcome labels, in order, each leading to a step id.

An empty or repeated label is FC206 (repeats ignore case: `Sí` and `sí` are one
outcome); whether the targets exist is decided later, once every id is known.
"""

from __future__ import annotations

from ..messages import quoted
from ..model import Branch
from ..yamlsource import Mapping, Node, Scalar
from .nodes import NodeReader, pos_of

__all__ = ["read_branches"]


def read_branches(reader: NodeReader, node: Node, key: str) -> tuple[Branch, ...]:
    if isinstance(node, Scalar) and node.is_null:
        return ()  # `branches:` with nothing under it: FC205 says what is missing
    if not isinstance(node, Mapping):
        reader.report("FC107", "`branches` must be a mapping `outcome: step id`", pos_of(node), key)
        return ()
    branches: list[Branch] = []
    seen: dict[str, Branch] = {}
    for label_node, target_node in node.items:
        if not isinstance(label_node, Scalar):
            reader.report("FC107", "a branch label must be text", pos_of(label_node), key)
            continue
        label = label_node.text.strip()
        if not label or label_node.is_null:
            reader.report("FC206", "a branch has an empty label; write its outcome (Sí, No…)", pos_of(label_node), key)
            continue
        first = seen.get(label.casefold())
        if first is not None:
            reader.report(
                "FC206",
                f"the branch label {quoted(label)} is repeated (line {first.pos.line}); "
                "each outcome needs its own label",
                pos_of(label_node),
                key,
            )
            continue
        target = reader.text(target_node, f"the target of branch {quoted(label)}", key)
        if target is not None:
            branch = Branch(label, target, pos_of(label_node), pos_of(target_node))
            seen[label.casefold()] = branch
            branches.append(branch)
    return tuple(branches)
