"""Every code with its documentation, as `flowchart rules`, SARIF and the tests list them."""

from __future__ import annotations

from . import CATALOG, RuleInfo

__all__ = ["CATALOG", "RuleInfo"]
