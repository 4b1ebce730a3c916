"""The tokens of a Mermaid statement: a node with its shape and text, and a line with its label.

Bracket shapes are tried longest mark first and the nearest closing mark wins,
so `A[/x\\] --> B[/y/]` is a manual input then a parallelogram; quoted text may
hold any bracket.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .drawn import ImportFailure
from .mermaid_shapes import BRACKETS, named_shape
from .mermaid_text import mermaid_label

__all__ = ["Node", "Unreadable", "read_link", "read_node"]

_ID = re.compile(r"[^\W](?:[\w]|-(?![-.>=ox]\W|[-.>=])|\.(?![-.]))*", re.UNICODE)
_CLASS = re.compile(r":::[\w-]+")
_EDGE_ID = r"(?:(?P<edge_id>[^\W\d][\w-]*)@)?"  # Mermaid 11: `A e1@--> B` names the line e1 (for its style)
_LINK = re.compile(
    r"\s*"
    + _EDGE_ID
    + r"(?P<head><)?(?P<body>-{2,}>|-{3,}|={2,}>|={3,}|-\.+->|-\.+-|~{3,}|-{2,}[ox](?=\s)|={2,}[ox](?=\s))"
    r"\s*(?:\|(?P<label>[^|]*)\|)?"
)
_TEXT_LINK = re.compile(
    r"\s*" + _EDGE_ID + r"(?P<head><)?(?P<open>--|==|-\.)(?![->=.])\s*(?P<label>.*?)\s*"
    r"(?P<body>-{2,}>|-{3,}|={2,}>|={3,}|\.-+>|\.-)"
)
_ATTRIBUTE = re.compile(r"(\w+)\s*:\s*(\"(?:[^\"\\]|\\.)*\"|[^,}]*)")


class Unreadable(ImportFailure):
    """A statement that does not parse, and where in it (0-based) the trouble starts."""

    def __init__(self, message: str, at: int) -> None:
        super().__init__(message)
        self.at = at


@dataclass(frozen=True, slots=True)
class Node:
    """A node as one mention writes it: text and shape only when the mention gives them."""

    id: str
    label: str | None
    shape: str | None
    guess: str = ""


def read_node(text: str, at: int) -> tuple[int, Node]:
    """The node written at ``at`` (after spaces) and where it ends."""
    while at < len(text) and text[at].isspace():
        at += 1
    match = _ID.match(text, at)
    if match is None:
        found = repr(text[at : at + 20]) if text[at:] else "the end of the line"
        raise Unreadable(f"expected a node, found {found} in {text!r}", at)
    node_id, at = match.group(0), match.end()
    label = shape = None
    guess = ""
    if text.startswith("@{", at):
        end = _closing_brace(text, at + 2)
        attributes = {k: v.strip() for k, v in _ATTRIBUTE.findall(text[at + 2 : end])}
        shape, guess = named_shape(attributes.get("shape", "rect").strip("\"'"))
        label = mermaid_label(attributes["label"]) if "label" in attributes else None
        at = end + 1
    else:
        bracketed = _bracket(text, at)
        if bracketed is not None:
            at, label, shape = bracketed
            if shape == "process" and text[at - 1] == "]" and text[match.end()] == ">":
                guess = "Mermaid's asymmetric (flag) shape is not a flowchart symbol: written as a process"
    class_mark = _CLASS.match(text, at)
    if class_mark:
        at = class_mark.end()
    return at, Node(node_id, label, shape, guess)


def _closing_brace(text: str, at: int) -> int:
    quoted = False
    for index in range(at, len(text)):
        if text[index] == '"':
            quoted = not quoted
        elif text[index] == "}" and not quoted:
            return index
    raise Unreadable(f"the node shape `@{{…` in {text!r} is never closed", at - 2)


def _bracket(text: str, at: int) -> tuple[int, str, str] | None:
    """(end, label, shape) of a bracketed node text at ``at``, or ``None`` when there is none."""
    best: tuple[int, int, str, str] | None = None  # (content end, after close, raw, shape)
    for opening, closing, shape in BRACKETS:
        if not text.startswith(opening, at):
            continue
        start = at + len(opening)
        end = _content_end(text, start, closing)
        if end >= 0 and (best is None or end < best[0]):  # the nearest close; on a tie the longer mark
            best = (end, end + len(closing), text[start:end], shape)
    if best is None:
        return None
    return best[1], mermaid_label(best[2]), best[3]


def _content_end(text: str, start: int, closing: str) -> int:
    stripped = start
    while stripped < len(text) and text[stripped] == " ":
        stripped += 1
    if stripped < len(text) and text[stripped] == '"':
        quote_end = text.find('"', stripped + 1)
        if quote_end < 0:
            return -1
        found = text.find(closing, quote_end + 1)
        return found if found >= 0 and not text[quote_end + 1 : found].strip() else -1
    return text.find(closing, start)


def read_link(text: str, at: int) -> tuple[tuple[str, bool, bool, str] | None, int]:
    """(label, has an arrow, invisible, its id or "") of the line written at ``at``, or ``None``; and
    where it ends."""
    match = _LINK.match(text, at)
    if match is None:
        match = _TEXT_LINK.match(text, at)
    if match is None:
        return None, at
    body = match.group("body")
    label = mermaid_label(match.group("label") or "")
    arrow = body.endswith((">", "o", "x")) or bool(match.group("head"))
    return (label, arrow, body.startswith("~"), match.group("edge_id") or ""), match.end()
