"""The one place that runs a Graphviz program: a subprocess with a time limit and clear errors.

`dot` never outlives the process that started it: an exception (the time
limit, Ctrl-C, SIGTERM turned into an exception) kills it on the way out, and
on Linux it is also killed the moment its parent dies, even by SIGKILL (a
build worker killed by the OOM killer or by a second Ctrl-C).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable

from ..errors import GraphvizFailed, GraphvizMissing

__all__ = ["TIMEOUT_SECONDS", "run_graphviz"]

TIMEOUT_SECONDS = 60.0
"""The default limit; `--layout-timeout SECONDS` on render and build changes it."""

_PR_SET_PDEATHSIG = 1


def _killed_with_parent() -> Callable[[], None] | None:
    """A pre-exec hook asking Linux to kill the child when we die (only without threads: fork safety)."""
    if sys.platform != "linux" or threading.active_count() > 1:
        return None
    import ctypes

    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def hook() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:
            os._exit(1)

    return hook


def run_graphviz(source: str, *, program: str = "dot", output: str = "plain", timeout: float = TIMEOUT_SECONDS) -> str:
    """Run ``program -T<output>`` on the DOT text ``source`` and return what it printed."""
    executable = shutil.which(program)
    if executable is None:
        raise GraphvizMissing(program)
    try:
        done = subprocess.run(
            [executable, f"-T{output}"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
            preexec_fn=_killed_with_parent(),  # only when this process has no other thread
        )
    except subprocess.TimeoutExpired:
        raise GraphvizFailed(
            f"Graphviz `{program}` did not finish within {timeout:g} s; the flow may be too large to lay out, "
            "or the machine too busy: raise the limit with --layout-timeout SECONDS"
        ) from None
    except OSError as error:
        raise GraphvizFailed(f"Graphviz `{program}` could not be started: {error}") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = detail[-1] if detail else f"exit status {done.returncode}"
        raise GraphvizFailed(f"Graphviz `{program}` failed: {reason}")
    return done.stdout.decode("utf-8", "replace")
