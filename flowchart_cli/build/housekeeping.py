"""Tidy an output folder: orphaned outputs (`--clean`) and temporaries of a killed build."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .manifest import Manifest

__all__ = ["orphans", "remove_orphans", "sweep_temporaries"]

_TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")
"""What `atomic.write_atomic` names its temporary files (`.NAME.XXXXXXXX.tmp`)."""


def sweep_temporaries(out_dir: Path) -> int:
    """Remove temporary files a killed process left behind; only call it while holding the build lock."""
    removed = 0
    for root, _dirs, files in os.walk(out_dir):
        for name in files:
            if _TEMPORARY.match(name):
                Path(root, name).unlink(missing_ok=True)
                removed += 1
    return removed


def orphans(manifest: Manifest, present: set[str]) -> list[str]:
    """Flows recorded in the manifest that this build no longer finds (deleted, moved or excluded)."""
    return sorted(rel for rel in manifest.flows if rel not in present)


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root.resolve())


def remove_orphans(manifest: Manifest, out_dir: Path, present: set[str]) -> list[str]:
    """Delete the recorded outputs of flows that are gone; returns the outputs removed (relative to OUT).

    Only files the manifest lists are touched, and never one outside ``out_dir``.
    """
    removed: list[str] = []
    for rel in orphans(manifest, present):
        for output in sorted(manifest.flows[rel].outputs.values(), key=lambda o: o.path):
            path = out_dir / output.path
            if not _inside(path, out_dir) or not path.is_file():
                continue
            path.unlink()
            removed.append(output.path)
            _prune_empty(path.parent, out_dir)
        manifest.forget(rel)
    return removed


def _prune_empty(folder: Path, out_dir: Path) -> None:
    root = out_dir.resolve()
    current = folder.resolve()
    while current != root and current.is_relative_to(root):
        try:
            current.rmdir()
        except OSError:
            return
        current = current.parent
