"""One build at a time per output folder: an exclusive `flock` on OUT/.flowchart.lock.

A second build into the same folder waits for the first and then finds most
outputs up to date; `build --check` takes a shared lock so it never reads a
folder half-way through a build.  The lock dies with its process, so a killed
build never leaves the folder locked.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; builds are then not serialised
    fcntl = None

__all__ = ["LOCK_NAME", "build_lock"]

LOCK_NAME = ".flowchart.lock"


@contextmanager
def build_lock(out_dir: Path, *, shared: bool = False, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the folder's lock; ``shared`` for readers (and then only if the lock file exists)."""
    path = out_dir / LOCK_NAME
    if fcntl is None or (shared and not path.exists()):
        yield
        return
    fd = os.open(path, os.O_RDONLY if shared else os.O_RDWR | os.O_CREAT, 0o644)
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    try:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(fd, mode)
        yield
    finally:
        os.close(fd)
