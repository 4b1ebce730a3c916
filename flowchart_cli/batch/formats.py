"""The formats `build` knows: the diagram writers plus the two handouts, and their file names."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..formats import FORMATS
from ..pipeline import output_suffix

__all__ = ["BUILD_FORMATS", "DEFAULT_FORMATS", "output_rel"]

BUILD_FORMATS: tuple[str, ...] = tuple(FORMATS)
DEFAULT_FORMATS: tuple[str, ...] = ("svg", "png", "drawio", "html")


def output_rel(source_rel: str, stem: str, fmt: str) -> str:
    """Where ``fmt`` of the flow at ``source_rel`` goes, relative to OUT (posix)."""
    parent = PurePosixPath(source_rel).parent
    return str(parent / f"{stem}{output_suffix(fmt)}")
