"""`check --format json`: exactly the shape of the spec (§3)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..check import CheckResult
from ..diagnostics import Diagnostic
from . import summary_counts


def format_json(results: Sequence[CheckResult]) -> str:
    files = [
        {
            "path": str(r.diagnostics[0].path if r.diagnostics else r.path),
            "diagnostics": [diagnostic_json(d) for d in r.diagnostics],
        }
        for r in results
    ]
    return json.dumps({"files": files, "summary": summary_counts(results)}, ensure_ascii=False, indent=2)


def diagnostic_json(d: Diagnostic) -> dict[str, object]:
    """One diagnostic as spec §3 prints it (also inside `analyze --format json`)."""
    return {
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        "line": d.line,
        "column": d.column,
        "step": d.step,
    }
