"""`flowchart analyze`: the scenarios of a process — paths, loops, handoffs and durations (spec §5).

``walk`` enumerates, ``facts`` summarises, ``json_report``, ``text_report``
and ``markdown_report`` print; the command in ``commands/analyze.py`` only
wires files and options to them.
"""

from __future__ import annotations

from .facts import Facts, Limits, facts_of
from .records import Analysis, FlowPath, LaneTime, Loop, Outcome
from .walk import DEFAULT_MAX_PATHS, walk_flow

__all__ = [
    "DEFAULT_MAX_PATHS",
    "Analysis",
    "Facts",
    "FlowPath",
    "LaneTime",
    "Limits",
    "Loop",
    "Outcome",
    "facts_of",
    "walk_flow",
]
