"""Decide which outputs are stale: compare content hashes with the manifest, render nothing.

This is the whole of a build with nothing to do, so it reads files and hashes
them and imports no renderer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import output_stem
from .discover import Source
from .formats import output_rel
from .hashing import FileHashes
from .manifest import FlowRecord, Manifest, source_key

__all__ = ["FlowPlan", "plan_flows"]


@dataclass(frozen=True, slots=True)
class FlowPlan:
    """One flow: the hash of its input now, and each stale format with the reason."""

    source: Source
    input_sha: str | None
    stale: tuple[tuple[str, str], ...]

    @property
    def stem(self) -> str:
        return output_stem(self.source.path)

    def output(self, fmt: str) -> str:
        return output_rel(self.source.rel, self.stem, fmt)


def _reason(
    record: FlowRecord | None, fmt: str, input_sha: str | None, key: str | None, out_sha: str | None
) -> str | None:
    """Why the output of ``fmt`` must be rebuilt, or ``None`` when it is up to date."""
    if record is None or fmt not in record.outputs:
        return "missing" if out_sha is None else "not in the manifest"
    if input_sha is None:
        return "flow file unreadable"
    if record.input != input_sha:
        return "flow changed"
    if out_sha is None:
        return "missing"
    if record.outputs[fmt].key != key:
        return "options, tool version or a referenced flow changed"
    if record.outputs[fmt].sha256 != out_sha:
        return "output edited since the build wrote it: kept unless --force"
    return None


def plan_flows(
    sources: list[Source],
    manifest: Manifest,
    formats: tuple[str, ...],
    *,
    source_dir: Path,
    out_dir: Path,
    options: dict,
    tool: str,
    hashes: FileHashes | None = None,
) -> list[FlowPlan]:
    hashes = hashes or FileHashes()
    plans = []
    for source in sources:
        input_sha = hashes(source.path)
        record = manifest.flows.get(source.rel)
        key = None
        if record is not None and input_sha is not None and record.input == input_sha:
            deps = {dep: hashes(source_dir / dep) for dep in record.deps}
            key = source_key(tool, options, input_sha, deps)
        stem = output_stem(source.path)
        stale = []
        for fmt in formats:
            out_sha = hashes(out_dir / output_rel(source.rel, stem, fmt))
            reason = _reason(record, fmt, input_sha, key, out_sha)
            if reason is not None:
                stale.append((fmt, reason))
        plans.append(FlowPlan(source, input_sha, tuple(stale)))
    return plans
