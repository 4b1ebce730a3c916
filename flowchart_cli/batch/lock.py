"""One build at a time per output folder: an exclusive `flock` on OUT/.flowchart.lock.

A second build into the same folder waits for the first and then finds most
outputs up to date; `build --check` takes a shared lock so it never reads a
folder half-way through a build.  The lock file is opened with ``O_NOFOLLOW``
(a committed symbolic link in its place is refused, never written through) and
is never written to: a warm build and `--check` leave every byte and
modification time of the output folder as they were.  Who holds the lock is
read from ``/proc/locks`` (Linux): a lock held only by a process that no
longer exists (a worker orphaned by an older version) is taken over.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ..errors import FlowchartError

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; builds are then not serialised
    fcntl = None

__all__ = ["LOCK_NAME", "LockRefused", "build_lock", "close_inherited_locks"]

LOCK_NAME = ".flowchart.lock"

_POLL = 0.1
"""Seconds between looks at a lock held by another build."""

_HELD: set[int] = set()
"""Descriptors of the locks this process holds: a forked worker closes its copies of them."""


class LockRefused(FlowchartError):
    """The lock file is a link or not a regular file: the build writes nothing (exit 2)."""


def close_inherited_locks() -> None:
    """In a forked child: drop the copies of the parent's lock descriptors (the lock stays the parent's)."""
    for fd in list(_HELD):
        with suppress(OSError):
            os.close(fd)
    _HELD.clear()


def lock_holders(fd: int, table: str = "/proc/locks") -> list[int]:
    """The pids the kernel lists as holding a `flock` on the file open at ``fd`` (empty when unknown)."""
    info = os.fstat(fd)
    wanted = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    try:
        with open(table, encoding="ascii", errors="replace") as lines:
            rows = [line.split() for line in lines]
    except OSError:
        return []
    return [int(row[4]) for row in rows if len(row) > 5 and row[1] == "FLOCK" and row[5] == wanted]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _owner_gone(fd: int) -> int | None:
    """The pid of the lock's holder when every listed holder is a process that no longer runs, else ``None``."""
    holders = [pid for pid in lock_holders(fd) if pid != os.getpid()]
    if not holders or any(_alive(pid) for pid in holders):
        return None
    return holders[0]


def _open(path: Path, shared: bool) -> int:
    """The lock file opened without following a link; :class:`LockRefused` for a link or a non-file."""
    flags = os.O_RDONLY if shared else os.O_RDWR | os.O_CREAT
    try:
        fd = os.open(path, flags | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK, 0o644)
    except OSError as error:
        if path.is_symlink():
            raise LockRefused(
                f"{path} is a symbolic link; the build lock is never written through a link: remove it"
            ) from None
        raise error
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise LockRefused(f"{path} is not a regular file; remove it so the build can lock its folder")
    return fd


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path, follow_symlinks=False))
    except OSError:
        return False


def _acquire(path: Path, shared: bool, on_wait: Callable[[], None] | None, on_stale: Callable[[int], None] | None):
    """An fd holding the lock on the file now at ``path`` (``None`` for a reader that found the owner gone).

    While another process holds the lock, its holders are looked at every tenth
    of a second, so a lock whose holder has died is taken over at once.
    """
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    waited = False
    while True:
        fd = _open(path, shared)
        try:
            while _same_file(fd, path):
                try:
                    fcntl.flock(fd, mode | fcntl.LOCK_NB)
                    return fd
                except BlockingIOError:
                    pass
                dead = _owner_gone(fd)
                if dead is not None:
                    if on_stale is not None:
                        on_stale(dead)
                    if shared:  # a reader just reads; the dead owner's folder is as it left it
                        os.close(fd)
                        return None
                    path.unlink(missing_ok=True)
                    break
                if not waited and on_wait is not None:
                    on_wait()
                    waited = True
                time.sleep(_POLL)
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the file was replaced (or is being taken over): lock the new one


@contextmanager
def build_lock(
    out_dir: Path,
    *,
    shared: bool = False,
    on_wait: Callable[[], None] | None = None,
    on_stale: Callable[[int], None] | None = None,
) -> Iterator[None]:
    """Hold the folder's lock; ``shared`` for readers (and then only if the lock file exists).

    ``on_wait`` is called once when another build holds the lock, ``on_stale``
    with the pid of a holder that is gone before its lock is taken over.
    """
    path = out_dir / LOCK_NAME
    if fcntl is None or (shared and not (path.exists() or path.is_symlink())):
        yield
        return
    fd = _acquire(path, shared, on_wait, on_stale)
    if fd is None:
        yield
        return
    _HELD.add(fd)
    try:
        yield
    finally:
        _HELD.discard(fd)
        os.close(fd)
