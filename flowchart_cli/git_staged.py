"""Which written outputs git does not have staged as written: the pre-commit hook's check.

pre-commit notices a hook that changes a *tracked* file, but not one that
creates a new file: a new flow would be committed without its diagram. After
`render --check-staged` writes, every output that is untracked, or whose
content differs from the index, is named and the command exits 1.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .errors import FlowchartError

__all__ = ["unstaged"]

_TIMEOUT = 30


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=_TIMEOUT, check=False)
    except FileNotFoundError:
        raise FlowchartError("--check-staged needs git, and `git` was not found on the PATH") from None
    except subprocess.TimeoutExpired:
        raise FlowchartError(f"git did not answer within {_TIMEOUT} s") from None


def unstaged(paths: list[Path]) -> list[Path]:
    """The ``paths`` that are not in git's index or differ from it (new, untracked or changed)."""
    problems = []
    for path in paths:
        folder, name = path.parent.resolve(), path.name
        tracked = _git(folder, "ls-files", "--error-unmatch", "--", name)
        if tracked.returncode != 0:
            if "not a git repository" in tracked.stderr:
                raise FlowchartError(f"--check-staged: {path.parent} is not in a git repository")
            problems.append(path)
        elif _git(folder, "diff", "--quiet", "--no-ext-diff", "--", name).returncode != 0:
            problems.append(path)
    return problems
