"""The rule registry: each graph or style rule is a small function of the flow.

A rule is registered with :func:`rule` under its code; its documentation lives
in :mod:`.catalog`.  Adding a rule is one function here or in a sibling
module plus one catalog row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..catalog import CATALOG, RuleInfo
from ..diagnostics import Diagnostic
from ..model import Flow

__all__ = ["CATALOG", "CHECKS", "RuleInfo", "rule", "run_rules"]

Check = Callable[[Flow], Iterator[Diagnostic]]
CHECKS: dict[str, Check] = {}


def rule(code: str) -> Callable[[Check], Check]:
    """Register ``check`` as the implementation of ``code``."""

    def register(check: Check) -> Check:
        assert code in CATALOG, f"{code} has no catalog entry"
        CHECKS[code] = check
        return check

    return register


def run_rules(flow: Flow) -> list[Diagnostic]:
    """Every registered rule's diagnostics, in code order."""
    from . import comments, graph, style  # noqa: F401  (registration)

    return [d for code in sorted(CHECKS) for d in CHECKS[code](flow)]
