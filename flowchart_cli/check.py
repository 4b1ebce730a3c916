"""Check one flow file: load it, run every rule, return sorted diagnostics."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from .diagnostics import Diagnostic, has_errors
from .loader import load_flow
from .model import Flow
from .rules import run_rules

__all__ = ["CheckResult", "check_file", "check_flow", "without_cascades"]

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
    """One file's model (``None`` when unreadable) and its diagnostics."""

    path: Path
    flow: Flow | None
    diagnostics: tuple[Diagnostic, ...]

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


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a flow is read and checked.

    Loading builds tens of thousands of small acyclic objects; every collection
    would walk all of them again, which made a 10,000-step file several times
    slower than linear.  Collection resumes afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_file(path: Path, display: str | None = None) -> CheckResult:
    """Load ``path`` and run every rule; ``display`` is the path shown in messages."""
    with gc_paused():
        flow, diagnostics = load_flow(path)
        if flow is not None:
            diagnostics = without_cascades([*diagnostics, *check_flow(flow)])
    shown = display if display is not None else str(path)
    stamped = sorted((replace(d, path=shown) for d in diagnostics), key=Diagnostic.sort_key)
    return CheckResult(path, flow, tuple(stamped))
