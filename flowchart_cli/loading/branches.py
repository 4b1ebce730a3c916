"""A decision's `branches`: outcome labels, in order, each leading to a step id.

An empty or repeated label is FC206 (repeats ignore case: `Sí` and `sí` are one
outcome); whether the targets exist is decided later, once every id is known.
Outcomes written at the indentation of `branches:` rather than under it are one
slip, so they make one error (FC107) and are read as the branches they were
meant to be — not also "0 branches", two unknown keys and an unreachable end.
"""

from __future__ import annotations

from ..key_words import meant_key
from ..messages import quoted
from ..model import Branch
from ..yamlsource import Mapping, Node, Scalar
from .nodes import NodeReader, pos_of

__all__ = ["outdented_branches", "read_branches"]


def outdented_branches(reader: NodeReader, node: Mapping, known: tuple[str, ...], key: str) -> Mapping:
    """A decision's ``node`` with the outcomes written beside an empty `branches:` (not under it) moved under it.

    Those are the keys right after `branches:` that are no step key, nor a Spanish or Portuguese word
    for one, and hold a text; they are reported once (FC107), with the fix.
    """
    items = list(node.items)
    at = next((i for i, (k, v) in enumerate(items) if _is(k, "branches") and isinstance(v, Scalar) and v.is_null), None)
    if at is None or not any(_is(k, "decision") for k, _ in items):
        return node
    end = at + 1
    while end < len(items) and _is_outcome(items[end], known):
        end += 1
    outcomes = items[at + 1 : end]
    if not outcomes:
        return node
    labels = ", ".join(quoted(k.text) for k, _ in outcomes)
    first = outcomes[0][0]
    reader.report(
        "FC107",
        f"the outcomes {labels} are not indented under `branches:`; indent them two spaces more than `branches:`",
        pos_of(first),
        key,
    )
    moved = Mapping(tuple(outcomes), first.line, first.column)
    return Mapping((*items[:at], (items[at][0], moved), *items[end:]), node.line, node.column)


def _is(key_node: Node, name: str) -> bool:
    return isinstance(key_node, Scalar) and key_node.text == name


def _is_outcome(item: tuple[Node, Node], known: tuple[str, ...]) -> bool:
    key_node, value = item
    return (
        isinstance(key_node, Scalar)
        and isinstance(value, Scalar)
        and key_node.text not in known
        and meant_key(key_node.text, known) is None
    )


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
        target = reader.text(
            target_node, f"the target of branch {quoted(label)}", key, fill="the id of the step it leads to"
        )
        if target is not None:
            branch = Branch(label, target, pos_of(label_node), pos_of(target_node))
            seen[label.casefold()] = branch
            branches.append(branch)
    return tuple(branches)
