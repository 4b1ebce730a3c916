"""One checked file and, when it has no errors, its paths, loops and facts: what every format prints."""

from __future__ import annotations

from dataclasses import dataclass

from ..check import CheckResult
from ..gcpause import gc_paused
from .facts import Facts, Limits, facts_of
from .records import Analysis
from .simulate import Simulation, simulate_flow
from .walk import walk_flow

__all__ = ["FileAnalysis", "analyze_result"]


@dataclass(frozen=True, slots=True)
class FileAnalysis:
    """``analysis`` and ``facts`` are ``None`` for a file with errors: its diagnostics, no paths."""

    result: CheckResult
    analysis: Analysis | None
    facts: Facts | None
    simulation: Simulation | None = None
    simulated: bool = False
    """`--simulate` was given (``simulation`` stays ``None`` for a file with errors)."""

    @property
    def shown_path(self) -> str:
        """The path as the diagnostics name it (`check --format json` does the same)."""
        diagnostics = self.result.diagnostics
        return str(diagnostics[0].path if diagnostics else self.result.path)

    @property
    def over_limits(self) -> int:
        return len(self.facts.over_limits) if self.facts else 0

    def over_p90(self, limits: Limits) -> bool:
        """Whether the simulated 90th percentile is longer than `--max-p90`, or cannot be measured
        (every case was cut): a gate never passes what it could not measure."""
        if limits.p90 is None or self.simulation is None:
            return False
        p90 = self.simulation.p90
        return p90 is None or p90 > limits.p90


def analyze_result(
    result: CheckResult, *, max_paths: int, limits: Limits, simulate: tuple[int, int] | None = None
) -> FileAnalysis:
    """Walk the flow of a file without errors, and simulate ``(cases, seed)`` of it when asked;
    a file with errors keeps only its diagnostics."""
    if not result.ok or result.flow is None:
        return FileAnalysis(result, None, None, simulated=simulate is not None)
    with gc_paused():  # the walk builds many small acyclic records; collections would only re-walk them
        analysis = walk_flow(result.flow, max_paths=max_paths)
    simulation = simulate_flow(result.flow, cases=simulate[0], seed=simulate[1]) if simulate else None
    return FileAnalysis(result, analysis, facts_of(analysis.paths, limits), simulation, simulate is not None)
