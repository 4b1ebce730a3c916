"""`check --format github`: GitHub Actions workflow commands, one per diagnostic."""

from __future__ import annotations

from collections.abc import Sequence

from ..check import CheckResult
from ..printable import visible


def _escape_data(text: str) -> str:
    """GitHub's own escapes for ``%``, CR and LF; every other control character as a visible escape."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(escaped)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(results: Sequence[CheckResult]) -> str:
    lines = []
    for result in results:
        for d in result.diagnostics:
            level = "error" if d.is_error else "warning"
            props = f"file={_escape_property(d.path)},line={d.line},col={d.column},title={d.code}"
            lines.append(f"::{level} {props}::{_escape_data(f'{d.code} {d.message}')}")
    return "\n".join(lines)
