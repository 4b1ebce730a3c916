"""The rule catalog and the message helpers, as the rules import them (they live in ``flowchart_cli``)."""

from __future__ import annotations

from ..catalog import CATALOG, RuleInfo
from ..messages import diagnostic, quoted

__all__ = ["CATALOG", "RuleInfo", "diagnostic", "quoted"]
