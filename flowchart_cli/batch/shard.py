"""`build --shard I/N`: which flows one job of an N-job CI matrix builds.

A flow's shard depends on its path relative to the searched folder alone (a hash
of the POSIX path), never on what else is in the tree, so adding a flow moves no
other flow to another job and the N shards together hold every flow exactly once.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

__all__ = ["Shard", "parse_shard"]

_SPEC = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


@dataclass(frozen=True, slots=True)
class Shard:
    """Shard ``index`` (1-based) of ``count``."""

    index: int
    count: int

    def holds(self, rel: str) -> bool:
        """Whether the flow at ``rel`` (posix, relative to the searched folder) belongs to this shard."""
        digest = hashlib.sha256(rel.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def parse_shard(text: str) -> Shard:
    """``"2/4"`` → ``Shard(2, 4)``; raises ValueError saying what is expected."""
    match = _SPEC.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not I/N (for example 2/4)")
    index, count = int(match[1]), int(match[2])
    if count < 1 or not 1 <= index <= count:
        raise ValueError(f"{text!r}: I must be from 1 to N, and N at least 1")
    return Shard(index, count)
