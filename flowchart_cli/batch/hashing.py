"""Content hashes of files, remembered between builds so that a build with nothing to do reads little.

Like git's index: a file whose size, modification time and inode are those
recorded keeps its recorded SHA-256 without being read again.  A file changed
within the last couple of seconds is never remembered (its next change could
keep the same timestamp), so a quick edit-and-save is always seen.  The cache
(OUT/.flowchart-hashes.json) is local to the machine; losing it only costs
time, and `build --check` never writes it.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from stat import S_ISREG

from ..atomic import write_atomic
from ..regularfile import read_own_text
from .manifest import file_sha256

__all__ = ["CACHE_NAME", "FileHashes"]

CACHE_NAME = ".flowchart-hashes.json"
_RACY_NS = 2_000_000_000
"""Files modified this recently (in ns) are hashed but not remembered."""


class FileHashes:
    """``hashes(path)`` → hex SHA-256 (``None`` when unreadable), reading each file at most once."""

    def __init__(self, known: dict[str, list] | None = None) -> None:
        self._known: dict[str, list] = known or {}
        self._used: dict[str, list] = {}

    @classmethod
    def load(cls, out_dir: Path) -> FileHashes:
        try:
            data = json.loads(read_own_text(out_dir / CACHE_NAME))
            return cls({k: v for k, v in data.items() if isinstance(v, list) and len(v) == 4})
        except (OSError, ValueError, AttributeError):
            return cls()

    def __call__(self, path: Path) -> str | None:
        key = os.path.abspath(path)
        if key in self._used:
            return self._used[key][3]
        try:
            stat = os.stat(key)
        except OSError:
            return None
        if not S_ISREG(stat.st_mode):  # a FIFO or a device would never finish hashing
            return None
        signature = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
        known = self._known.get(key)
        if known is not None and known[:3] == signature:
            self._used[key] = known
            return known[3]
        sha = file_sha256(path)
        if sha is not None and stat.st_mtime_ns < time.time_ns() - _RACY_NS:
            self._used[key] = [*signature, sha]
        return sha

    def save(self, out_dir: Path) -> None:
        """Keep the hashes used by this build (files no longer built drop out); write only on change."""
        if self._used != self._known:
            write_atomic(out_dir / CACHE_NAME, json.dumps(self._used, sort_keys=True, separators=(",", ":")))
