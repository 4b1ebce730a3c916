"""'Did you mean …?': the closest known word to a misspelt key, id or lane.

difflib is imported only when there is something to suggest, so a clean
file never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["closest", "did_you_mean"]


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
    from .catalog import quoted

    return f"; did you mean {quoted(guess)}?" if guess else ""
