"""Ids and where flow lines lead: FC104 for an id used twice, FC105 for a target that names no step.

A target close to an id, or equal to a step's label, is reported with that
step's id and then followed to it, so the steps behind it are not also
"unreachable".  A target that names nothing is left as written; the path
rules then stay silent about what it would have reached (see rules/graph.py).
"""

from __future__ import annotations

from dataclasses import replace

from ..messages import did_you_mean, quoted
from ..model import Step
from .nodes import NodeReader

__all__ = ["resolve_targets"]


def resolve_targets(reader: NodeReader, steps: list[Step]) -> None:
    """Check ids and targets, in place: repeated ids get keys of their own, near misses are followed."""
    ids = _unique_ids(reader, steps)
    labelled: dict[str, Step] = {}
    for step in steps:
        if step.label:
            labelled.setdefault(step.label.casefold(), step)
    for step in steps:  # "step-2", as messages name a step with no id (review 16: `next: step-2` got no hint)
        if step.id is None:
            labelled.setdefault(step.key.casefold(), step)
    for i, step in enumerate(steps):
        changes: dict = {}
        if step.next is not None and step.next not in ids:
            guess, hint = _guess(reader, step.next, ids, labelled)
            message = f"`next` points to unknown step {quoted(step.next)}{hint}"
            reader.report("FC105", message, step.at("next"), step.key)
            if guess:
                changes["next"] = guess
        branches = list(step.branches)
        for j, branch in enumerate(branches):
            if branch.target not in ids:
                guess, hint = _guess(reader, branch.target, ids, labelled)
                message = f"branch {quoted(branch.label)} points to unknown step {quoted(branch.target)}{hint}"
                reader.report("FC105", message, branch.target_pos, step.key)
                if guess:
                    branches[j] = replace(branch, target=guess)
                    changes["branches"] = tuple(branches)
        if changes:
            steps[i] = replace(step, **changes)


def _unique_ids(reader: NodeReader, steps: list[Step]) -> dict[str, Step]:
    """Id → its first step; every later use is FC104, and its step is named `step-N` instead."""
    ids: dict[str, Step] = {}
    for step in steps:
        if step.id is None:
            continue
        first = ids.setdefault(step.id, step)
        if first is not step:
            reader.report(
                "FC104",
                f"id {quoted(step.id)} is already used by step {first.number} "
                f"(line {first.at('id').line}); ids must be unique",
                step.at("id"),
                step.key,
            )
            steps[step.index] = replace(step, key=f"step-{step.number}")  # keys name one step each
    for step in steps:
        if step.id is None and step.key in ids:  # an id such as `step-3` given to another step than the 3rd
            other = ids[step.key]
            reader.report(
                "FC104",
                f"id {quoted(step.key)} is how outputs name step {step.number}, which has no id; choose another id",
                other.at("id"),
                other.key,
            )
            steps[step.index] = replace(step, key=f"{step.key}~")
    return ids


def _guess(reader: NodeReader, target: str, ids: dict[str, Step], labelled: dict[str, Step]) -> tuple[str | None, str]:
    """(the id meant, the hint for the message): a step's label written instead of its id names
    that step; otherwise the closest id."""
    step = labelled.get(target.casefold())
    if step is not None and step.id is not None and ids.get(step.id) is step:
        return step.id, f"{did_you_mean(step.id)} (point to a step's id, not its label)"
    if step is not None and step.id is None and target.casefold() == step.key.casefold():
        return None, f"; that is how messages name step {step.number}, which has no id: give it an `id` and point to it"
    if step is not None:
        return None, f"; that is the label of step {step.number}: give that step an `id` and point to the id"
    guess = reader.closest(target, ids)
    return guess, did_you_mean(guess)
