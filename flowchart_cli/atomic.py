"""Write files atomically: a temporary file beside the target, then a rename.

The temporary names (`.NAME.flowchart-0123456789ab.tmp`) are distinctive on
purpose: `build` sweeps away the ones a killed process left behind, and
:func:`is_temporary` matches exactly what :func:`write_atomic` creates, so a
file someone else named `.report.abcd1234.tmp` is never touched.
"""

from __future__ import annotations

import errno
import os
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["TEMPORARY", "is_temporary", "why_unwritable", "write_atomic"]

TEMPORARY = re.compile(r"\.(?P<target>.+)\.flowchart-[0-9a-f]{12}\.tmp")
"""A temporary name made by :func:`write_atomic`; ``target`` is the name it was going to replace."""


def is_temporary(name: str) -> bool:
    """Whether ``name`` is one of our own temporary file names (and nothing else)."""
    return TEMPORARY.fullmatch(name) is not None


def write_atomic(path: Path, data: bytes | str) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp: Path | None = None
    try:
        # a Ctrl-C or SIGTERM held back while the file is created and named is raised once the signals are
        # let through again, which may be before the `with` ends: the name is already known then
        with _signals_held():
            fd, tmp = _create_temporary(path)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back (delivered on exit) while a temporary file is created and named."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, OSError):  # no pthread_sigmask (Windows)
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _create_temporary(path: Path) -> tuple[int, Path]:
    """A new, exclusive temporary file beside ``path`` (what `tempfile` would do, without its import)."""
    while True:
        tmp = path.parent / f".{path.name}.flowchart-{os.urandom(6).hex()}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), tmp
        except FileExistsError:
            continue


def _first_non_folder(path: Path) -> Path | None:
    """The nearest of ``path`` and its parents that exists (or dangles) and is not a folder."""
    for candidate in (path, *path.parents):
        if candidate.exists() or candidate.is_symlink():
            return None if candidate.is_dir() else candidate
    return None


def why_unwritable(error: OSError, folder: Path) -> str:
    """What stands in the way of writing into ``folder``, in words, from the error the OS gave."""

    target = Path(error.filename) if isinstance(error.filename, str) else folder
    blocker = _first_non_folder(target)
    if blocker is not None and blocker.is_symlink() and not blocker.exists():
        return f"{blocker} is a symbolic link to {os.readlink(blocker)}, which does not exist"
    if (blocker is not None and blocker != target) or isinstance(error, (FileExistsError, NotADirectoryError)):
        return f"{blocker or target} is a file, not a folder"
    if isinstance(error, PermissionError):
        return f"permission denied for {target}"
    if error.errno == errno.EROFS:
        return f"{target} is on a read-only file system"
    return f"{target}: {error.strerror or error}"
