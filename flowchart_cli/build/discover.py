"""Find the flow files below a folder, honouring `.gitignore`-style excludes.

A file is a flow when it is named ``*.flow.yaml``/``*.flow.yml``, or when it is
another ``*.yaml``/``*.yml`` whose top level has both ``title:`` and ``steps:``
(so `mkdocs.yml` or a CI file living beside the flows is left alone).  Hidden
folders (``.git``, ``.venv``…), ``node_modules``, ``__pycache__`` and the
output folder itself are never searched.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pathspec

__all__ = ["Source", "find_flows", "is_flow_file"]

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


def is_flow_file(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(FLOW_SUFFIXES):
        return True
    if not name.endswith(YAML_SUFFIXES):
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    return {m.group(1) for m in _TOP_KEY.finditer(head)} == {b"title", b"steps"}


def find_flows(directory: Path, *, exclude: tuple[str, ...] = (), skip: Path | None = None) -> list[Source]:
    """Every flow file below ``directory`` in path order; ``skip`` is a folder left out (the output)."""
    spec = pathspec.GitIgnoreSpec.from_lines(exclude)
    skip_real = os.path.realpath(skip) if skip is not None else None
    found: list[Source] = []
    for root, dirs, files in os.walk(directory):
        base = Path(root)
        rel_root = base.relative_to(directory).as_posix()
        prefix = "" if rel_root == "." else f"{rel_root}/"
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in SKIPPED_DIRS
            and not spec.match_file(f"{prefix}{d}/")
            and os.path.realpath(base / d) != skip_real
        )
        for name in sorted(files):
            rel = f"{prefix}{name}"
            if spec.match_file(rel) or not is_flow_file(base / name):
                continue
            found.append(Source(base / name, rel))
    return sorted(found, key=lambda s: s.rel)
