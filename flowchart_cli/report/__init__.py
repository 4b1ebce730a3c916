"""Output formats of `flowchart check`: each turns check results into text."""

from __future__ import annotations

from collections.abc import Sequence

from ..check import CheckResult

__all__ = ["FORMATS", "summary_counts"]

FORMATS = ("text", "json", "sarif", "github")


def summary_counts(results: Sequence[CheckResult]) -> dict[str, int]:
    diagnostics = [d for r in results for d in r.diagnostics]
    errors = sum(d.is_error for d in diagnostics)
    return {"files": len(results), "errors": errors, "warnings": len(diagnostics) - errors}
