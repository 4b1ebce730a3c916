"""Check one flow file: load it, run every rule, return sorted diagnostics."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from .diagnostics import Diagnostic, has_errors
from .gcpause import gc_paused
from .loader import load_flow, load_text
from .messages import diagnostic
from .model import Flow, Pos
from .rules import run_rules
from .stdio import STDIN_NAME, STDIN_PATH, is_dash, stdin_text
from .yamlsource import SourceError

__all__ = ["CheckResult", "check_file", "check_flow", "check_text", "without_cascades"]

CAUSES = {
    "FC205": {"FC107", "FC206", "FC207"},
    "FC208": {"FC211"},
    "FC210": {"FC208", "FC211"},
}
"""A rule's diagnostic about a step is left out when the step already has one of these, so that
one mistake gives one error: a decision whose branches are malformed, repeated or written as
`next` needs no "fewer than two branches" as well; a connector without its partner is not also
"unreachable" or "leads nowhere"; an unreachable last step is not also "leads nowhere"."""


@dataclass(frozen=True)
class CheckResult:
    """One file's model (``None`` when unreadable) and its diagnostics.

    ``source`` is the text checked when it did not come from ``path`` on disk
    (standard input, a Markdown fence), so reports quote the right lines.
    """

    path: Path
    flow: Flow | None
    diagnostics: tuple[Diagnostic, ...]
    source: str | None = None

    @property
    def ok(self) -> bool:
        return self.flow is not None and not has_errors(self.diagnostics)


def check_flow(flow: Flow) -> list[Diagnostic]:
    """The graph and style rules for an already loaded flow."""
    return run_rules(flow)


def without_cascades(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Drop diagnostics that only repeat an earlier one about the same step (see :data:`CAUSES`)."""
    diagnostics = list(diagnostics)
    codes_of: dict[str, set[str]] = {}
    for d in diagnostics:
        if d.step is not None:
            codes_of.setdefault(d.step, set()).add(d.code)
    return [d for d in diagnostics if d.step is None or not CAUSES.get(d.code, set()) & codes_of[d.step]]


def check_file(path: Path, display: str | None = None) -> CheckResult:
    """Load ``path`` and run every rule; ``display`` is the path shown in messages.

    ``-`` reads standard input (see :mod:`flowchart_cli.stdio`).
    """

    if is_dash(path):
        try:
            text = stdin_text()
        except SourceError as exc:
            failed = diagnostic("FC100", exc.message, Pos(exc.line, exc.column))
            return CheckResult(STDIN_PATH, None, (replace(failed, path=STDIN_NAME),), source="")
        return check_text(text, STDIN_PATH, display or STDIN_NAME)
    with gc_paused():
        flow, diagnostics = load_flow(path)
        if flow is not None:
            diagnostics = without_cascades([*diagnostics, *check_flow(flow)])
    return _result(path, flow, diagnostics, display if display is not None else str(path))


def check_text(
    text: str, path: Path | None, display: str, *, line_offset: int = 0, source: str | None = None
) -> CheckResult:
    """Check flow text that is not a file of its own (stdin, a Markdown fence).

    ``path`` resolves `ref`s and names the outputs; ``line_offset`` is added to
    every line so that diagnostics point into the file that holds the text,
    whose whole text ``source`` is (default: ``text`` itself).
    """
    with gc_paused():
        flow, diagnostics = load_text(text, path)
        if flow is not None:
            diagnostics = without_cascades([*diagnostics, *check_flow(flow)])
    moved = [replace(d, line=d.line + line_offset) for d in diagnostics] if line_offset else diagnostics
    return _result(path or Path(display), flow, moved, display, source=text if source is None else source)


def _result(path: Path, flow: Flow | None, diagnostics, shown: str, source: str | None = None) -> CheckResult:
    stamped = sorted((replace(d, path=shown) for d in diagnostics), key=Diagnostic.sort_key)
    return CheckResult(path, flow, tuple(stamped), source)
