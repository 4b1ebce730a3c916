"""The rule registry: each graph or style rule is one small function of the flow.

A rule is one unit: ``@rule("FC2xx", why=…)`` (from :mod:`.registry`) on a
function whose docstring says what it checks (what `flowchart rules` prints)
and which yields a :class:`Finding` per problem; the code and the severity are
added there, once.  Importing this package imports every rule module.
The reader's own codes (FC1xx…) are documented in :mod:`flowchart_cli.catalog`.
"""

from __future__ import annotations

from ..catalog import READER_RULES, RuleInfo
from ..diagnostics import Diagnostic
from ..model import Flow
from . import comments, graph, shares, style, timing  # noqa: F401  (each registers its rules on import)
from .registry import CHECKS, RULES, Finding, rule

__all__ = ["CATALOG", "CHECKS", "Finding", "RuleInfo", "rule", "run_rules"]


def run_rules(flow: Flow) -> list[Diagnostic]:
    """Every registered rule's diagnostics, in code order."""
    out = []
    for code in sorted(CHECKS):
        severity = RULES[code].severity
        out += [Diagnostic(code, severity, f.message, f.pos.line, f.pos.column, f.step) for f in CHECKS[code](flow)]
    return out


CATALOG: dict[str, RuleInfo] = dict(sorted({**READER_RULES, **RULES}.items()))
"""Every code, the reader's and the rules', in code order: what `flowchart rules` and SARIF list."""
