"""The user's cache folder, used only when nobody else can write into it.

A cache that holds code (Jinja's compiled templates are Python bytecode) is
code the next run executes: a folder another user can write to, or one that
is not ours, would let them run commands as us.  So a cache folder is made
0700, and used only when it (and `flowchart-cli` above it) is a real folder
owned by the user that neither group nor others can write to, inside a parent
that others cannot swap it out of.  Otherwise the tool runs without a cache
and says why, once.
"""

from __future__ import annotations

import os
import stat
import warnings
from pathlib import Path

__all__ = ["CacheRefused", "private_cache_dir"]


class CacheRefused(UserWarning):
    """The cache folder is not safe to use; the run goes on without a cache."""


def _cache_home() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


def _unsafe(folder: Path, *, ours: bool) -> str | None:
    """Why ``folder`` may not hold our cache (``ours``: it must be private), or ``None``."""
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode):
        return f"{folder} is a symbolic link"
    if not stat.S_ISDIR(info.st_mode):
        return f"{folder} is not a folder"
    others_write = info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    if ours:
        if info.st_uid != os.getuid():
            return f"{folder} belongs to another user (uid {info.st_uid})"
        if others_write:
            return f"{folder} can be written by other users (mode {stat.S_IMODE(info.st_mode):04o})"
    elif others_write and not info.st_mode & stat.S_ISVTX:
        return f"{folder} can be written by other users, who could swap the cache folder inside it"
    return None


def private_cache_dir(name: str) -> Path | None:
    """``$XDG_CACHE_HOME/flowchart-cli/NAME``, created 0700; ``None`` (with a warning) when unsafe or impossible."""
    home = _cache_home()
    top = home / "flowchart-cli"
    folder = top / name
    if not hasattr(os, "getuid"):  # Windows: folders under the profile are the user's
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return folder
        except OSError:
            return None
    try:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        for part in (top, folder):
            if not (part.exists() or part.is_symlink()):
                part.mkdir(mode=0o700)
        problem = _unsafe(home, ours=False) or _unsafe(top, ours=True) or _unsafe(folder, ours=True)
    except OSError as error:
        problem = f"{error.filename or folder}: {error.strerror or error}"
    if problem is None:
        return folder
    warnings.warn(CacheRefused(f"no cache used: {problem}"), stacklevel=2)
    return None
