"""Which files the preview serves: flow files below its root, and nothing else.

A URL path is decoded once and looked up among the flows found below the
root; so `..` in any spelling, an absolute path, a symbolic link that leads
out of the tree, or any file that is not a listed flow is simply not found
(404).  Nothing here writes anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from ..batch.discover import SKIPPED_DIRS, find_flows, is_flow_file

__all__ = ["FlowTree"]


@dataclass(frozen=True)
class FlowTree:
    """``root``: the folder served; ``only``: the one file when `serve` was given a file."""

    root: Path
    only: Path | None = None

    @classmethod
    def at(cls, path: Path) -> FlowTree:
        path = path.absolute()
        return cls(path.parent, path) if path.is_file() else cls(path)

    def flows(self) -> list[str]:
        """The relative (posix) paths of the flows below the root, sorted, none leading out of it."""
        if self.only is not None:
            return [self.only.name] if self.only.is_file() else []
        inside = self.root.resolve()
        return sorted(source.rel for source in find_flows(self.root) if source.path.resolve().is_relative_to(inside))

    def find(self, url_path: str) -> tuple[str, Path] | None:
        """The flow a URL path names, as (relative path, file), or ``None`` when it names no served flow."""
        rel = unquote(url_path, errors="strict") if url_path else ""
        if not rel or "\x00" in rel or "\\" in rel or rel.startswith("/"):
            return None
        parts = rel.split("/")
        if any(part in ("", ".", "..") for part in parts):
            return None
        candidate = self.root.joinpath(*parts)
        if self.only is not None:
            return (rel, candidate) if rel == self.only.name else None
        try:
            real = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if not real.is_relative_to(self.root.resolve()) or not real.is_file():
            return None
        if any(part.startswith(".") or part in SKIPPED_DIRS for part in parts) or not is_flow_file(candidate):
            return None  # what `flows` would not list
        return rel, candidate

    def contains(self, changed: Path) -> bool:
        """Whether a changed path is one the pages may show (a YAML file below the root)."""
        if self.only is not None:
            return changed.resolve() == self.only.resolve()
        return changed.name.lower().endswith((".yaml", ".yml"))
