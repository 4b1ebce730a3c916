"""Find the flow files below a folder, honouring `.gitignore`-style excludes.

A file is a flow when it is named ``*.flow.yaml``/``*.flow.yml``, or when it is
another ``*.yaml``/``*.yml`` whose top level has both ``title:`` and ``steps:``
(so `mkdocs.yml` or a CI file living beside the flows is left alone).  Hidden
folders (``.git``, ``.venv``…), ``node_modules``, ``__pycache__`` and the
output folder itself are never searched.

Only regular files are read: a FIFO, a device or a socket with a YAML name
(or a symbolic link to one) would hang the sniffing or the hashing forever,
so it is listed as *skipped* with the reason, as is a file or folder whose
name is not UTF-8 (the manifest and the index could not hold it).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import pathspec

from ..regularfile import NotRegularFile, file_kind, open_regular

__all__ = ["Discovery", "Skipped", "Source", "discover", "find_flows", "is_flow_file"]

FLOW_SUFFIXES = (".flow.yaml", ".flow.yml")
YAML_SUFFIXES = (".yaml", ".yml")
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__"})
_TOP_KEY = re.compile(rb"^(title|steps)\s*:", re.MULTILINE)
_SNIFF_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class Source:
    """A flow file: its path and its path relative to the searched folder (posix, the manifest key)."""

    path: Path
    rel: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or folder left out, with why (printed as a note; the other flows go on)."""

    rel: str
    reason: str


@dataclass(frozen=True)
class Discovery:
    sources: list[Source]
    skipped: list[Skipped]


def _special_kind(path: Path) -> str | None:
    """What ``path`` is when it exists and is not a regular file (after symlinks), else ``None``."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None  # missing or a dangling link: the loader reports it
    return None if stat.S_ISREG(mode) else file_kind(mode)


def _not_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def is_flow_file(path: Path) -> bool:
    """A regular (or not yet existing) ``*.flow.yaml``, or a regular ``*.yaml`` with ``title:`` and ``steps:``."""
    name = path.name.lower()
    if not name.endswith(YAML_SUFFIXES) or _special_kind(path) is not None:
        return False
    if name.endswith(FLOW_SUFFIXES):
        return True
    try:
        with open_regular(path) as handle:
            head = handle.read(_SNIFF_BYTES)
    except (OSError, NotRegularFile):
        return False
    return {m.group(1) for m in _TOP_KEY.finditer(head)} == {b"title", b"steps"}


def discover(directory: Path, *, exclude: tuple[str, ...] = (), skip: Path | None = None) -> Discovery:
    """Every flow file below ``directory`` in path order, and what was skipped; ``skip`` is left out (the output)."""
    spec = pathspec.GitIgnoreSpec.from_lines(exclude)
    skip_real = os.path.realpath(skip) if skip is not None else None
    found: list[Source] = []
    skipped: list[Skipped] = []
    for root, dirs, files in os.walk(directory):
        base = Path(root)
        rel_root = base.relative_to(directory).as_posix()
        prefix = "" if rel_root == "." else f"{rel_root}/"
        kept = []
        for d in sorted(dirs):
            if d.startswith(".") or d in SKIPPED_DIRS or spec.match_file(f"{prefix}{d}/"):
                continue
            if os.path.realpath(base / d) == skip_real:
                continue
            if _not_utf8(d):
                skipped.append(Skipped(f"{prefix}{d}/", "the folder name is not UTF-8; rename it"))
                continue
            kept.append(d)
        dirs[:] = kept
        for name in sorted(files):
            rel = f"{prefix}{name}"
            if not name.lower().endswith(YAML_SUFFIXES) or spec.match_file(rel):
                continue
            if _not_utf8(name):
                skipped.append(Skipped(rel, "the file name is not UTF-8; rename it"))
                continue
            kind = _special_kind(base / name)
            if kind is not None:
                skipped.append(Skipped(rel, f"it is {kind}, not a regular file"))
                continue
            if is_flow_file(base / name):
                found.append(Source(base / name, rel))
    return Discovery(sorted(found, key=lambda s: s.rel), skipped)


def find_flows(directory: Path, *, exclude: tuple[str, ...] = (), skip: Path | None = None) -> list[Source]:
    """Every flow file below ``directory`` in path order (see :func:`discover` for what is skipped)."""
    return discover(directory, exclude=exclude, skip=skip).sources
