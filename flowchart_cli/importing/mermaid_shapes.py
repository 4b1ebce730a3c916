"""Mermaid node shapes → the shapes of :mod:`flowchart_cli.importing.drawn`.

The bracket pairs of classic Mermaid (``([ ])`` stadium, ``{ }`` diamond…), and
the names of Mermaid 11's ``@{ shape: … }`` syntax: first the names our own
writer uses (the symbol table's), then Mermaid's aliases for them.
"""

from __future__ import annotations

from ..symbols import SYMBOLS

__all__ = ["BRACKETS", "named_shape"]

BRACKETS: tuple[tuple[str, str, str], ...] = (
    ("(((", ")))", "terminator"),
    ("([", "])", "terminator"),
    ("[[", "]]", "subprocess"),
    ("[(", ")]", "database"),
    ("((", "))", "connector"),
    ("{{", "}}", "preparation"),
    ("[/", "/]", "io"),
    ("[\\", "\\]", "io"),
    ("[/", "\\]", "manual_input"),
    ("[\\", "/]", "manual"),
    (">", "]", "process"),
    ("{", "}", "decision"),
    ("(", ")", "process"),
    ("[", "]", "process"),
)
"""Opening and closing marks, longest first, and the shape they draw."""

_ALIASES = {
    "rect": "process", "proc": "process", "process": "process", "rectangle": "process",
    "rounded": "process", "event": "process", "text": "process",
    "stadium": "terminator", "pill": "terminator", "terminal": "terminator",
    "sm-circ": "terminator", "small-circle": "terminator", "start": "terminator",
    "fr-circ": "terminator", "framed-circle": "terminator", "stop": "terminator", "dbl-circ": "terminator",
    "double-circle": "terminator",
    "diam": "decision", "diamond": "decision", "decision": "decision", "question": "decision",
    "lean-r": "io", "lean-l": "io", "in-out": "io", "out-in": "io", "lean-right": "io", "lean-left": "io",
    "doc": "document", "document": "document",
    "docs": "documents", "documents": "documents", "st-doc": "documents", "stacked-document": "documents",
    "fr-rect": "subprocess", "subprocess": "subprocess", "subproc": "subprocess", "framed-rectangle": "subprocess",
    "subroutine": "subprocess",
    "sl-rect": "manual_input", "manual-input": "manual_input", "sloped-rectangle": "manual_input",
    "trap-t": "manual", "manual": "manual", "inv-trapezoid": "manual", "trapezoid-top": "manual",
    "trap-b": "manual", "trapezoid": "manual", "trapezoid-bottom": "manual", "priority": "manual",
    "hex": "preparation", "hexagon": "preparation", "prepare": "preparation",
    "delay": "delay", "half-rounded-rectangle": "delay",
    "cyl": "database", "cylinder": "database", "database": "database", "db": "database",
    "h-cyl": "database", "das": "database", "lin-cyl": "database", "disk": "database",
    "circle": "connector", "circ": "connector",
    "notch-pent": "offpage", "off-page": "offpage", "loop-limit": "offpage",
}  # fmt: skip
_OURS = {s.mermaid_shape: ("terminator" if s.kind in ("start", "end") else s.kind) for s in SYMBOLS.values()}


def named_shape(name: str) -> tuple[str, str]:
    """The shape of ``@{ shape: NAME }`` and, when it is not a flowchart symbol, a note."""
    shape = _OURS.get(name) or _ALIASES.get(name.lower())
    if shape is None:
        return "process", f"the Mermaid shape {name!r} is not a flowchart symbol: written as a process"
    return shape, ""
