"""Python's cycle collector paused around work that only makes short-lived, acyclic objects.

Reading, checking, analysing and laying out a big flow build hundreds of
thousands of small tuples and lists; every collection would walk all of them
(and every module) again, which made 10,000-step flows several times slower
than linear.  What such work drops is freed by reference counting as usual;
any cycle is collected once the collector runs again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cycle collector off for the block, then put back as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
