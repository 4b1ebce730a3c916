"""Write files atomically: a temporary file beside the target, then a rename.

The temporary names (`.NAME.flowchart-0123456789ab.tmp`) are distinctive on
purpose: `build` sweeps away the ones a killed process left behind, and
:func:`is_temporary` matches exactly what :func:`write_atomic` creates, so a
file someone else named `.report.abcd1234.tmp` is never touched.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

__all__ = ["TEMPORARY", "is_temporary", "write_atomic"]

TEMPORARY = re.compile(r"\.(?P<target>.+)\.flowchart-[0-9a-f]{12}\.tmp")
"""A temporary name made by :func:`write_atomic`; ``target`` is the name it was going to replace."""


def is_temporary(name: str) -> bool:
    """Whether ``name`` is one of our own temporary file names (and nothing else)."""
    return TEMPORARY.fullmatch(name) is not None


def write_atomic(path: Path, data: bytes | str) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _create_temporary(path: Path) -> tuple[int, Path]:
    """A new, exclusive temporary file beside ``path`` (what `tempfile` would do, without its import)."""
    while True:
        tmp = path.parent / f".{path.name}.flowchart-{os.urandom(6).hex()}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), tmp
        except FileExistsError:
            continue
