"""The rule registry: each graph or style rule is one small function of the flow.

A rule is one unit: ``@rule("FC2xx", why=…)`` on a function whose docstring
says what it checks (what `flowchart rules` prints) and which yields a
:class:`Finding` per problem; the code and the severity are added here, once.
The reader's own codes (FC1xx…) are documented in :mod:`flowchart_cli.catalog`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..catalog import READER_RULES, RuleInfo, severity_of
from ..diagnostics import Diagnostic
from ..model import Flow, Pos

__all__ = ["CATALOG", "CHECKS", "Finding", "RuleInfo", "rule", "run_rules"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a rule found: its message, where, and the step concerned (if any)."""

    message: str
    pos: Pos
    step: str | None = None


Check = Callable[[Flow], Iterator[Finding]]
CHECKS: dict[str, Check] = {}
RULES: dict[str, RuleInfo] = {}


def rule(code: str, *, why: str) -> Callable[[Check], Check]:
    """Register ``check`` as rule ``code``; its docstring is what the rule checks."""

    def register(check: Check) -> Check:
        assert code not in CHECKS, f"{code} is registered twice"
        summary = " ".join((check.__doc__ or "").split())
        assert summary, f"{code} needs a docstring saying what it checks"
        CHECKS[code] = check
        RULES[code] = RuleInfo(code, severity_of(code), summary, why)
        return check

    return register


def run_rules(flow: Flow) -> list[Diagnostic]:
    """Every registered rule's diagnostics, in code order."""
    out = []
    for code in sorted(CHECKS):
        severity = RULES[code].severity
        out += [Diagnostic(code, severity, f.message, f.pos.line, f.pos.column, f.step) for f in CHECKS[code](flow)]
    return out


from . import comments, graph, shares, style  # noqa: E402, F401  (registration, once `rule` exists)

CATALOG: dict[str, RuleInfo] = dict(sorted({**READER_RULES, **RULES}.items()))
"""Every code, the reader's and the rules', in code order: what `flowchart rules` and SARIF list."""
