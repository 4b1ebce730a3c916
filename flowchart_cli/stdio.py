"""`-` as a file name: the flow comes from standard input and is called `stdin` in messages and outputs.

Every command that takes flow files goes through :func:`flowchart_cli.check.check_file`,
which reads standard input here, so `check -`, `render -`, `handout -` and
`analyze -` behave alike. Standard input is read once, however often `-` is given.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .yamlsource import MAX_BYTES, SourceError, decode

__all__ = ["STDIN_NAME", "STDIN_PATH", "is_dash", "stdin_text"]

STDIN_NAME = "stdin"
STDIN_PATH = Path(STDIN_NAME)
"""The flow's path when read from stdin: `ref`s resolve from the current folder, outputs are `stdin.*`."""


def is_dash(path: Path | str | None) -> bool:
    """Whether ``path`` is the `-` that means standard input (or output)."""
    return path is not None and str(path) == "-"


_read: list = []
"""The stream last read and its text: `-` given twice reads once; a new ``sys.stdin`` (tests) is read anew."""


def stdin_text() -> str:
    """Standard input as UTF-8 text (same limits as a file); :class:`SourceError` when unusable."""
    if _read and _read[0] is sys.stdin:
        return _read[1]
    if sys.stdin is None:
        raise SourceError("cannot read standard input: it is closed")
    stream = getattr(sys.stdin, "buffer", None)
    try:
        data = stream.read(MAX_BYTES + 1) if stream is not None else (sys.stdin.read() or "").encode("utf-8")
    except (OSError, ValueError) as exc:
        raise SourceError(f"cannot read standard input: {getattr(exc, 'strerror', None) or exc}") from None
    if len(data) > MAX_BYTES:
        raise SourceError(f"standard input is larger than {MAX_BYTES // 1_048_576} MB")
    text = decode(data)
    _read[:] = [sys.stdin, text]
    return text
