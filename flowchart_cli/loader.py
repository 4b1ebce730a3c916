"""Load a flow file: YAML text → :class:`~flowchart_cli.model.Flow` plus diagnostics.

All problems of form (FC100–FC109) are collected with their positions, never
raised; the model is built from whatever could be read so that the graph
rules can still speak about the rest of the file.

One mistake should give one error, so where the intent is clear the reader
recovers: a misspelt key close to a known one (``strat:``), or its Spanish or
Portuguese word (``inicio:``), is reported (FC102) and then read as that key;
a `next`, branch or `lane` naming an unknown target close to a known one is
reported (FC105, FC106) and then followed to the suggestion.  A file with
errors is never rendered, so recovery only keeps later rules from repeating
the same mistake.

This module is the façade: :mod:`.yamlsource` reads the text into nodes and
the :mod:`.loading` modules read the nodes into the model.
"""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Diagnostic
from .loading.document import read_flow
from .loading.keys import FALSE_WORDS, LANE_KEYS, STAGE_KEYS, STEP_KEYS, TEXT_KEYS, TOP_KEYS, TRUE_WORDS
from .loading.nodes import MAX_SUGGESTION_WORK, NodeReader
from .messages import diagnostic
from .model import Flow, Pos
from .values import DIRECTIONS, LANGS, LINK_SCHEMES, REF_KINDS, is_valid_id, ref_problem
from .yamlsource import SourceError, parse_text, read_source

__all__ = [
    "DIRECTIONS",
    "FALSE_WORDS",
    "LANE_KEYS",
    "LANGS",
    "LINK_SCHEMES",
    "MAX_SUGGESTION_WORK",
    "REF_KINDS",
    "STAGE_KEYS",
    "STEP_KEYS",
    "TEXT_KEYS",
    "TOP_KEYS",
    "TRUE_WORDS",
    "is_valid_id",
    "load_flow",
    "load_text",
    "ref_problem",
    "referenced_title",
]


def load_text(text: str, path: Path | None = None) -> tuple[Flow | None, list[Diagnostic]]:
    """Load a flow from text already read; ``path`` resolves refs and names outputs."""
    reader = NodeReader(path, source=text)
    try:
        root = parse_text(text)
    except SourceError as exc:
        reader.report("FC100", exc.message, Pos(exc.line, exc.column))
        return None, reader.diagnostics
    return read_flow(reader, root), reader.diagnostics


def load_flow(path: Path) -> tuple[Flow | None, list[Diagnostic]]:
    """Read and load one flow file; the model is ``None`` when nothing usable was read."""
    try:
        text = read_source(path)
    except SourceError as exc:
        return None, [diagnostic("FC100", exc.message, Pos(exc.line, exc.column))]
    return load_text(text, path)


def referenced_title(flow: Flow, ref: str) -> str:
    """The title of the flow file ``ref`` names (beside ``flow``'s file), or "" when it cannot be read."""
    if flow.path is None:
        return ""
    target = Path(flow.path).parent / ref
    if not target.is_file():
        return ""
    other, _ = load_flow(target)
    return other.title if other is not None else ""
