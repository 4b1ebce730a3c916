"""Run `flowchart` as a real process for the fault tests: bounded in time and in memory, no traceback allowed."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

MEMORY_CAP = 2 << 30
"""Address space a command may use (bytes): a memory bomb fails fast instead of swapping the machine."""

TESTS = Path(__file__).resolve().parent


def capped(memory: int = MEMORY_CAP):
    """A pre-exec hook that caps the child's address space."""

    def hook() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return hook


def flowchart(*args: str, timeout: float = 60, memory: int = MEMORY_CAP, **popen) -> subprocess.CompletedProcess:
    """``python -m flowchart_cli ARGS`` with text output; fails the test on a timeout."""
    popen.setdefault("capture_output", "stdout" not in popen and "stderr" not in popen)
    popen.setdefault("text", True)
    env = {**os.environ, **popen.pop("env", {})}
    return subprocess.run(
        [sys.executable, "-m", "flowchart_cli", *args],
        timeout=timeout,
        preexec_fn=capped(memory),
        env=env,
        check=False,
        **popen,
    )


def flowchart_shell(command: str, *, timeout: float = 60, env: dict | None = None, cwd: Path | None = None):
    """A shell line where ``FLOWCHART`` is the command, for redirections like ``>&-`` and ``<&-``."""
    return subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=capped(),
        env={**os.environ, "FLOWCHART": f"{sys.executable} -m flowchart_cli", **(env or {})},
        cwd=cwd,
        check=False,
    )
