"""Where the rules register: the `rule` decorator, the finding a rule yields, and the tables it fills.

Its own module so the rule modules (:mod:`.graph`, :mod:`.style`,
:mod:`.comments`) import it without importing the package that imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..catalog import RuleInfo, severity_of
from ..model import Flow, Pos

__all__ = ["CHECKS", "RULES", "Check", "Finding", "rule"]


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
