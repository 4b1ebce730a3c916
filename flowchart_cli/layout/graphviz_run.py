"""The one place that runs a Graphviz program: a subprocess with a time limit and clear errors."""

from __future__ import annotations

import shutil
import subprocess

from ..errors import GraphvizFailed, GraphvizMissing

__all__ = ["TIMEOUT_SECONDS", "run_graphviz"]

TIMEOUT_SECONDS = 60.0
"""The default limit; `--layout-timeout SECONDS` on render and build changes it."""


def run_graphviz(source: str, *, program: str = "dot", output: str = "plain", timeout: float = TIMEOUT_SECONDS) -> str:
    """Run ``program -T<output>`` on the DOT text ``source`` and return what it printed."""
    executable = shutil.which(program)
    if executable is None:
        raise GraphvizMissing(program)
    try:
        done = subprocess.run(
            [executable, f"-T{output}"], input=source.encode("utf-8"), capture_output=True, timeout=timeout, check=False
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
