"""How diagnostics are worded: user text in quotes, "did you mean …?", a diagnostic with its severity.

Shared by the reader (FC1xx) and the rules (FC2xx, FC3xx), so that every
message quotes text the same way.  difflib is imported only when there is
something to suggest, so a clean file never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .catalog import severity_of
from .diagnostics import Diagnostic
from .model import Pos

__all__ = ["closest", "diagnostic", "did_you_mean", "quoted"]


def quoted(text: str, limit: int = 60) -> str:
    """User text inside a message: in quotes, control characters escaped, cut after ``limit`` characters."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)
    return f"'{text}'"


def diagnostic(code: str, message: str, pos: Pos, step: str | None = None) -> Diagnostic:
    """A diagnostic for ``code`` with its severity."""
    return Diagnostic(code, severity_of(code), message, pos.line, pos.column, step)


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``word`` (exact spelling first, then ignoring case), or ``None``."""
    import difflib

    options = [c for c in dict.fromkeys(choices) if c != word]
    if not options or len(word) > 200:
        return None
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return close[0]
    lowered: dict[str, str] = {}
    for option in options:
        lowered.setdefault(option.casefold(), option)
    close = difflib.get_close_matches(word.casefold(), list(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else None


def did_you_mean(guess: str | None) -> str:
    """`; did you mean 'x'?`, or nothing without a guess."""
    return f"; did you mean {quoted(guess)}?" if guess else ""
