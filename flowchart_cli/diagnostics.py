"""Diagnostics: immutable records of one problem at one place in one file."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Diagnostic", "Severity", "has_errors"]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """``step`` is the step's key (its id or ``step-N``), or ``None``."""

    code: str
    severity: Severity
    message: str
    line: int
    column: int
    step: str | None = None
    path: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)


def has_errors(diagnostics) -> bool:
    return any(d.is_error for d in diagnostics)
