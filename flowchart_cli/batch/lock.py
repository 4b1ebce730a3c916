"""One build at a time per output folder: an exclusive `flock` on OUT/.flowchart.lock.

A second build into the same folder waits for the first and then finds most
outputs up to date; `build --check` takes a shared lock so it never reads a
folder half-way through a build.  The lock dies with its process; the render
workers close their inherited copy of it at once (see
:func:`close_inherited_locks`), so a build killed with SIGKILL never leaves the
folder locked by its children.  The owner writes ``pid@host`` into the file:
a build that finds the lock held by a process that no longer exists (say, a
worker orphaned by an older version) says so and takes a fresh lock file over.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; builds are then not serialised
    fcntl = None

__all__ = ["LOCK_NAME", "build_lock", "close_inherited_locks"]

LOCK_NAME = ".flowchart.lock"

_POLL = 0.1
"""Seconds between looks at a lock held by another build."""

_HELD: set[int] = set()
"""Descriptors of the locks this process holds: a forked worker closes its copies of them."""


def close_inherited_locks() -> None:
    """In a forked child: drop the copies of the parent's lock descriptors (the lock stays the parent's)."""
    for fd in list(_HELD):
        with suppress(OSError):
            os.close(fd)
    _HELD.clear()


def _owner_gone(fd: int) -> int | None:
    """The pid written in the lock file when that process no longer runs on this host, else ``None``."""
    try:
        text = os.pread(fd, 200, 0).decode("ascii", "replace").strip()
        pid_text, _, host = text.partition("@")
        pid = int(pid_text)
    except (OSError, ValueError):
        return None
    if host != _host() or pid <= 0 or pid == os.getpid():
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return pid
    except OSError:
        return None
    return None


def _host() -> str:
    return socket.gethostname().encode("ascii", "replace").decode("ascii")


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def _acquire(path: Path, shared: bool, on_wait: Callable[[], None] | None, on_stale: Callable[[int], None] | None):
    """An fd holding the lock on the file now at ``path`` (``None`` for a reader that found the owner gone).

    While another process holds the lock, its owner is looked at every tenth of
    a second, so a lock whose owner has died is taken over at once.
    """
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    waited = False
    while True:
        fd = os.open(path, (os.O_RDONLY if shared else os.O_RDWR | os.O_CREAT) | os.O_CLOEXEC, 0o644)
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
    with the pid of an owner that is gone before its lock is taken over.
    """
    path = out_dir / LOCK_NAME
    if fcntl is None or (shared and not path.exists()):
        yield
        return
    fd = _acquire(path, shared, on_wait, on_stale)
    if fd is None:
        yield
        return
    _HELD.add(fd)
    try:
        owner = f"{os.getpid()}@{_host()}\n".encode("ascii")
        if not shared and os.pread(fd, 200, 0) != owner:
            os.ftruncate(fd, 0)
            os.pwrite(fd, owner, 0)
        yield
    finally:
        _HELD.discard(fd)
        os.close(fd)
