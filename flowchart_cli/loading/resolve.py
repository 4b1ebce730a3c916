"""Tie each step to its lane and stage: names become ids, and a step without one inherits the previous step's.

Where lanes (or stages) are declared, a step's value is looked up by id, then
by exact name; an unknown one is FC106 (FC212) and is followed to the closest
declared one, so the steps after it are not misplaced too.  Where they are not
declared, they are the distinct values in order of first use, and the steps
before the first value join the first one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from ..messages import did_you_mean, quoted
from ..model import Lane, Stage, Step
from .nodes import NodeReader

__all__ = ["resolve_lanes", "resolve_stages"]

Noun = Literal["lane", "stage"]
CODES = {"lane": "FC106", "stage": "FC212"}


def resolve_lanes(reader: NodeReader, steps: list[Step], declared: list[Lane] | None) -> list[Lane]:
    """Resolve and inherit lanes in place; returns the implied lanes (none when declared)."""
    return _resolve(reader, steps, declared, "lane")


def resolve_stages(reader: NodeReader, steps: list[Step], declared: list[Stage] | None) -> list[Stage]:
    """Resolve and inherit stages in place; returns the implied stages (none when declared)."""
    return _resolve(reader, steps, declared, "stage")


def _resolve(reader: NodeReader, steps: list[Step], declared: list | None, noun: Noun) -> list:
    if declared is None:
        return _imply(steps, noun)
    lookup: dict[str, str] = {}
    for party in reversed(declared):  # the first of a name wins; an id always wins over a name
        lookup[party.name] = party.id
    lookup.update({party.id: party.id for party in declared})
    current: str | None = None
    for i, step in enumerate(steps):
        written = getattr(step, noun)
        if written is None and i == 0 and (step.kind is not None or step.key_positions):  # not a non-mapping
            message = f"{noun}s are declared: the first step must name its `{noun}`"
            reader.report(CODES[noun], message, step.pos, step.key)
        elif written is not None and written not in lookup:
            guess = reader.closest(written, lookup)
            message = f"unknown {noun} {quoted(written)}{did_you_mean(guess)}"
            reader.report(CODES[noun], message, step.at(noun), step.key)
            current = lookup[guess] if guess else current
        elif written is not None:
            current = lookup[written]
        if written != current:
            steps[i] = replace(step, **{noun: current})
    return []


def _imply(steps: list[Step], noun: Noun) -> list:
    """Undeclared: the distinct values in order of first use; each step inherits the previous step's."""
    make = Lane if noun == "lane" else Stage
    implied: dict[str, Lane | Stage] = {}
    for step in steps:
        value = getattr(step, noun)
        if value is not None and value not in implied:
            implied[value] = make(value, value, "", step.at(noun))
    current = next(iter(implied), None)
    for i, step in enumerate(steps):
        current = getattr(step, noun) or current
        if getattr(step, noun) != current:
            steps[i] = replace(step, **{noun: current})
    return list(implied.values())
