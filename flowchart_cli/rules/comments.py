"""FC308: a plain text cut short by ` #`, which YAML reads as the start of a comment.

`process: Atender al cliente #2 de la fila` is the label "Atender al cliente":
YAML drops everything from ` #`, and nothing else would tell the author that
the chart and the handout say less than what was written.  The rule looks at
the source line of each plain (unquoted) title, label, note, duration, lane
and stage name (declared, or named by a step): when the value is followed on its line by exactly one space,
`#` and then a letter or digit (`#2`, `#urgente`), the `#` was part of the
text.  A comment written as comments usually are (`Fin  # cierre`, two
spaces; `Fin # cierre`, a space after `#`) is left alone.

Limits: a text cut by `# ` with a space after the sign (`Atender # de la
fila`) reads like a comment and is not reported; a text that runs over
several lines is not looked at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..messages import quoted
from ..model import Flow, Pos
from .registry import Finding, rule

CUT = re.compile(r" #(\w.*)$")
"""One space, `#`, then a letter or digit: the rest of a sentence, not a comment."""
NOT_PLAIN = "\"'|>"
STEP_TEXTS = (
    ("notes", "the notes are"),
    ("duration", "the duration is"),
    ("lane", "the lane is"),
    ("stage", "the stage is"),
)
"""A step's texts besides its label; `lane` and `stage` as written (undeclared ones are read as text)."""


def _quoted_fix(key: str, text: str) -> str:
    """`key: "text"` (`- "text"` for a list item), single-quoted when the text holds `"` or `\\`."""
    lead = "-" if key == "-" else f"{key}:"
    if '"' not in text and "\\" not in text:
        return f'{lead} "{text}"'
    return f"{lead} '" + text.replace("'", "''") + "'"


def _cut(lines: list[str], pos: Pos, value: str) -> tuple[str, int] | None:
    """(the dropped text, its 1-based column) when ``value`` at ``pos`` was cut by ` #`."""
    if not value or not 1 <= pos.line <= len(lines):
        return None
    line = lines[pos.line - 1]
    start = pos.column - 1
    if line[start : start + 1] in NOT_PLAIN or not line.startswith(value, start):
        return None
    match = CUT.match(line, start + len(value))
    if match is None:
        return None
    return "#" + match.group(1).rstrip(), match.start() + 2


def _texts(flow: Flow) -> Iterator[tuple[str, str, str, Pos, str | None]]:
    """(key, what it is, value, position, step) of every plain text worth keeping whole."""
    yield "title", "the title is", flow.title, flow.at("title"), None
    for lane in flow.lanes if flow.lanes_declared else ():  # implied ones are the steps' own `lane` texts
        yield "-", "the lane name is", lane.name, lane.pos, None
    for stage in flow.stages if flow.stages_declared else ():
        yield "-", "the stage name is", stage.name, stage.pos, None
    for step in flow.steps:
        if step.kind:
            yield step.kind, "the label is", step.label, step.at(step.kind), step.key
        for key, what in STEP_TEXTS:
            if getattr(step, key) and any(k == key for k, _ in step.positions):
                yield key, what, getattr(step, key), step.at(key), step.key


@rule(
    "FC308",
    why="The chart and the handout would silently say less than what was written; quoting keeps the text whole.",
)
def text_cut_by_comment(flow: Flow) -> Iterator[Finding]:
    """A plain (unquoted) title, label, note, duration, lane or stage name is cut short by ' #'
    (`Atender al cliente #2`): YAML reads the rest as a comment. Only a '#' written right after
    one space and followed by a letter or digit counts; `value  # comment` is a comment."""
    if " #" not in flow.source:
        return
    lines = flow.source.splitlines()
    for key, what, value, pos, step in _texts(flow):
        cut = _cut(lines, pos, value)
        if cut is None:
            continue
        dropped, column = cut
        whole = f"{value} {dropped}"
        yield Finding(
            f"' #' starts a comment in YAML, so {what} {quoted(value)} and "
            f"{quoted(dropped)} is dropped; to keep it, put the whole text in quotes: `{_quoted_fix(key, whole)}`",
            Pos(pos.line, column),
            step,
        )
