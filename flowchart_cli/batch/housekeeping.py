"""Tidy an output folder: orphaned outputs (removed unless `--no-clean`) and temporaries of a killed build.

Nothing the build did not write is ever removed: a temporary must carry the
exact name :func:`~flowchart_cli.atomic.write_atomic` gives it, and an orphaned
output must still hold the content the manifest recorded (a file replaced by
hand after its flow was removed is kept, and said so).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..atomic import is_temporary
from .manifest import Manifest, file_sha256
from .shard import Shard

__all__ = ["orphaned_outputs", "orphans", "remove_orphans", "sweep_temporaries"]


def sweep_temporaries(out_dir: Path) -> int:
    """Remove temporary files a killed process left behind; only call it while holding the build lock."""
    removed = 0
    for root, _dirs, files in os.walk(out_dir):
        for name in files:
            path = Path(root, name)
            if is_temporary(name) and not path.is_symlink():
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def orphans(manifest: Manifest, present: set[str], shard: Shard | None = None) -> list[str]:
    """Flows recorded in the manifest that this build no longer finds (deleted, moved or excluded).

    With ``shard``, only those that shard would hold: each job of a CI matrix
    answers for its own part of the tree.
    """
    return sorted(rel for rel in manifest.flows if rel not in present and (shard is None or shard.holds(rel)))


def orphaned_outputs(manifest: Manifest, out_dir: Path, rel: str) -> list[str]:
    """The outputs recorded for the gone flow ``rel`` that are still in ``out_dir`` (relative to it)."""
    found = []
    for output in sorted(manifest.flows[rel].outputs.values(), key=lambda o: o.path):
        path = out_dir / output.path
        if not path.is_symlink() and _inside(path, out_dir) and path.is_file():
            found.append(output.path)
    return found


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root.resolve())


def remove_orphans(
    manifest: Manifest, out_dir: Path, present: set[str], shard: Shard | None = None
) -> tuple[list[str], list[str]]:
    """Delete the recorded outputs of flows that are gone: (removed, kept because edited), relative to OUT.

    Only files the manifest lists are touched, only when their content is still
    what the build wrote, and never one outside ``out_dir``.
    """
    removed: list[str] = []
    kept: list[str] = []
    for rel in orphans(manifest, present, shard):
        written = {o.path: o.sha256 for o in manifest.flows[rel].outputs.values()}
        for name in orphaned_outputs(manifest, out_dir, rel):
            path = out_dir / name
            if file_sha256(path) != written[name]:
                kept.append(name)
                continue
            path.unlink()
            removed.append(name)
            _prune_empty(path.parent, out_dir)
        manifest.forget(rel)
    return removed, kept


def _prune_empty(folder: Path, out_dir: Path) -> None:
    root = out_dir.resolve()
    current = folder.resolve()
    while current != root and current.is_relative_to(root):
        try:
            current.rmdir()
        except OSError:
            return
        current = current.parent
