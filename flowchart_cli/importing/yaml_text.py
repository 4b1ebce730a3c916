"""A :class:`FlowDraft` as the YAML text a person would have typed.

Keys in the spec's order, accents and `¿…?` as typed, a value quoted only where
YAML would read it as something else (`Yes`, `on`, `1`, a date, a `: ` inside),
and each guess as a comment at its step.  Whether a value may stay plain is
decided by reading it back with the same YAML library the loader uses.
"""

from __future__ import annotations

import json

from ..yamlimport import yaml
from .draft import DraftLane, DraftStep, FlowDraft

__all__ = ["flow_yaml", "scalar"]

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when YAML reads it back as the same string, else double-quoted."""
    return text if _plain_is_safe(text) else json.dumps(text, ensure_ascii=False)


def _plain_is_safe(text: str) -> bool:
    if not text or text != text.strip() or text[0] in _INDICATORS:
        return False
    if ": " in text or " #" in text or text.endswith(":") or any(ch < " " or ch in "\x7f\ufeff" for ch in text):
        return False
    try:
        return yaml.safe_load(f"k: {text}") == {"k": text}
    except yaml.YAMLError:
        return False


def text_lines(key: str, text: str, indent: str) -> list[str]:
    """``key: text``; a text of several lines as a literal block (``|``), as a person types notes."""
    if "\n" in text.rstrip("\n"):
        chomp = "" if text.endswith("\n") and not text.endswith("\n\n") else "-" if not text.endswith("\n") else "+"
        body = [f"{indent}  {line}" if line else "" for line in text.rstrip("\n").split("\n")]
        block = [f"{indent}{key}: |{chomp}", *body]
        if chomp == "+":
            block += [""] * (len(text) - len(text.rstrip("\n")) - 1)
        if _reads_back(block, indent, key, text):
            return block
    return [f"{indent}{key}: {scalar(text)}"]


def _reads_back(lines: list[str], indent: str, key: str, text: str) -> bool:
    """Whether YAML reads the block back as exactly ``text`` (leading spaces, tabs… make it fall back)."""
    try:
        return yaml.safe_load("\n".join(line[len(indent) :] for line in lines) + "\n") == {key: text}
    except yaml.YAMLError:
        return False


def flow_yaml(draft: FlowDraft) -> str:
    lines = [f"# imported from {draft.source} by `flowchart import`"] if draft.source else []
    lines += [f"# note: {note}" for note in draft.notes]
    lines.append(f"title: {scalar(draft.title)}")
    if draft.lang != "en":
        lines.append(f"lang: {draft.lang}")
    for key, value in (("version", draft.version), ("owner", draft.owner), ("updated", draft.updated)):
        if value:
            lines.append(f"{key}: {scalar(value)}")
    if draft.description.strip():
        lines += text_lines("description", draft.description, "")
    if draft.direction != "TB":
        lines.append(f"direction: {draft.direction}")
    lines += _bands("lanes", draft.lanes)
    lines += _bands("stages", draft.stages)
    lines.append("steps:")
    for step in draft.steps:
        lines += _step(step)
    return "\n".join(lines) + "\n"


def _bands(key: str, bands: tuple[DraftLane, ...]) -> list[str]:
    if not bands:
        return []
    lines = [f"{key}:"]
    for band in bands:
        if band.plain:
            lines.append(f"  - {scalar(band.name)}")
            continue
        lines += [f"  - id: {scalar(band.id or band.name)}", f"    name: {scalar(band.name)}"]
        if band.description.strip():
            lines += text_lines("description", band.description, "    ")
        if band.external:
            lines.append("    external: true")
    return lines


def _step(step: DraftStep) -> list[str]:
    lines = [f"  # note: {note}" for note in step.notes]
    fields = [("id", step.id), (step.kind, step.label), ("lane", step.lane), ("stage", step.stage)]
    fields.append(("next", step.next))
    written = [(key, value) for key, value in fields if value is not None]
    for number, (key, value) in enumerate(written):
        lines.append(f"{'  - ' if number == 0 else '    '}{key}: {scalar(value)}")
    if step.branches:
        lines.append("    branches:")
        lines += [f"      {scalar(label)}: {scalar(target)}" for label, target in step.branches]
    if step.shares:
        lines.append("    shares:")
        lines += [f"      {scalar(outcome)}: {scalar(share)}" for outcome, share in step.shares]
    if step.guidance.strip():
        lines += text_lines("notes", step.guidance, "    ")
    for key, value in (("duration", step.duration), ("link", step.link), ("ref", step.ref)):
        if value:
            lines.append(f"    {key}: {scalar(value)}")
    return lines
