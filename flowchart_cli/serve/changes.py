"""Saves under the served folder, as a version number the open pages wait on.

A thread runs `watchfiles` on the folder; every batch of YAML changes bumps
the version and wakes the pages' event streams, which then ask for the
diagram again.  A page that asks while more saves arrive simply asks once
more: the last save is always the one drawn last.
"""

from __future__ import annotations

import threading
from pathlib import Path

from .tree import FlowTree

__all__ = ["ChangeFeed"]


class ChangeFeed:
    """The version of the tree: +1 on every batch of saves; :meth:`wait` blocks until it moves or stops."""

    def __init__(self, tree: FlowTree) -> None:
        self.tree = tree
        self.version = 0
        self.stopped = threading.Event()
        self._moved = threading.Condition()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._watch, name="flowchart-serve-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.stopped.set()
        with self._moved:
            self._moved.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=3)

    def bump(self) -> None:
        with self._moved:
            self.version += 1
            self._moved.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        """The version once it differs from ``seen`` (or after ``timeout`` seconds, or on stop)."""
        with self._moved:
            self._moved.wait_for(lambda: self.version != seen or self.stopped.is_set(), timeout=timeout)
            return self.version

    def _wanted(self, _change, path: str) -> bool:
        return self.tree.contains(Path(path))

    def _watch(self) -> None:
        import watchfiles

        try:
            for changes in watchfiles.watch(
                self.tree.root,
                watch_filter=self._wanted,
                debounce=50,
                step=20,
                stop_event=self.stopped,
                raise_interrupt=False,
                rust_timeout=500,
                yield_on_timeout=True,
            ):
                if changes:
                    self.bump()
        except OSError:  # the folder went away: the pages keep what they show
            return
