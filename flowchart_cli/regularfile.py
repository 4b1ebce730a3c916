"""Open only regular files: a FIFO, a device, a socket or a folder is refused before it is read.

Why: `open()` on a FIFO waits for a writer forever, `/dev/zero` never ends and
`/dev/urandom` never ends either, so every place that reads a user's file
(the loader, the text report quoting source lines, hashing in `build`,
discovery sniffing `*.yaml`) goes through here.  The check follows symbolic
links, is made again on the open descriptor (the path could be swapped in
between), and the open itself never blocks.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

__all__ = ["OWN_FILE_LIMIT", "NotRegularFile", "file_kind", "open_regular", "read_own_text", "read_regular"]

OWN_FILE_LIMIT = 256 * 1024 * 1024
"""A bound for reading the tool's own files (manifest, hash cache, index), which are never this big."""

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotRegularFile(OSError):
    """``path`` exists but is not a regular file; ``kind`` says what it is ("a FIFO (named pipe)")."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{kind}, not a regular file")
        self.strerror = f"it is {kind}, not a regular file"
        self.filename = str(path)
        self.kind = kind


def file_kind(mode: int) -> str:
    """What a ``st_mode`` describes, in words; ``"a regular file"`` for a plain file."""
    if stat.S_ISREG(mode):
        return "a regular file"
    return next((kind for test, kind in _KINDS if test(mode)), "a special file")


def open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for reading if it is a regular file (after symlinks); raise :class:`NotRegularFile` if not."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotRegularFile(path, file_kind(mode))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # swapped for something else since the stat above
            raise NotRegularFile(path, file_kind(mode))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes of a regular file (one more than the limit says "too big")."""
    with open_regular(path) as handle:
        return handle.read(limit + 1)


def read_own_text(path: Path) -> str:
    """A file the tool wrote (manifest, cache, index) as UTF-8; ``OSError`` if missing, special or too big."""
    data = read_regular(path, OWN_FILE_LIMIT)
    if len(data) > OWN_FILE_LIMIT:
        raise OSError(f"{path} is larger than expected")
    return data.decode("utf-8")
