"""Render one flow of a build: check it, render every stale format, write the files atomically.

Runs in a child process of the build (or inline for one job).  It prints
nothing; everything it learnt comes back in a :class:`JobResult`.  The input
is hashed *before* it is read, so if it changes mid-build the manifest holds
the older hash and the next build renders it again.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import why_unwritable, write_atomic
from ..diagnostics import Diagnostic
from ..errors import FlowchartError
from ..model import Flow
from ..writers import RenderOptions
from .formats import output_rel
from .manifest import FlowRecord, OutputRecord, file_sha256, source_key

__all__ = ["Job", "JobResult", "Renderer", "flow_dependencies", "run_job"]

Renderer = Callable[[Flow, tuple[str, ...], RenderOptions], dict[str, bytes | str]]


@dataclass(frozen=True)
class Job:
    path: Path
    rel: str
    source_dir: Path
    out_dir: Path
    formats: tuple[str, ...]
    render_options: RenderOptions
    options: dict = field(hash=False)
    tool: str = ""
    owned: dict[str, str] = field(default_factory=dict, hash=False)
    """The outputs the manifest records (path relative to OUT → the hash written): the build's own files
    while they still hold that content."""
    force: bool = False
    """Replace a file in OUT that the build did not write (`--force`)."""


@dataclass(frozen=True)
class JobResult:
    """``record`` is set when the outputs were written; ``error`` is a failure that is not the flow's fault.

    ``crashed``: the worker process died on this flow (it may have left a temporary file);
    ``notes``: the writers' warnings (a PNG scaled down to fit).
    """

    job: Job
    diagnostics: tuple[Diagnostic, ...] = ()
    record: FlowRecord | None = None
    error: str = ""
    exit_code: int = 0
    crashed: bool = False
    notes: tuple[str, ...] = ()

    @property
    def failed(self) -> bool:
        return self.record is None


def default_renderer(flow: Flow, formats: tuple[str, ...], options: RenderOptions) -> dict[str, bytes | str]:
    from ..pipeline import render_payloads

    return render_payloads(flow, formats, options)


def flow_dependencies(flow: Flow, source_dir: Path) -> dict[str, str | None]:
    """Every flow reachable through `ref` (transitively), relative to ``source_dir``, with its hash."""
    from ..loader import load_flow

    root = source_dir.resolve()
    found: dict[str, str | None] = {}
    pending = [flow]
    while pending:
        current = pending.pop()
        if current.path is None:
            continue
        for step in current.steps:
            if not step.ref:
                continue
            target = (current.path.resolve().parent / step.ref).resolve()
            if not target.is_relative_to(root):
                continue
            name = target.relative_to(root).as_posix()
            if name in found:
                continue
            found[name] = file_sha256(target)
            if found[name] is not None:
                child, _ = load_flow(target)
                if child is not None:
                    pending.append(child)
    return found


def _bytes(data: bytes | str) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _in_the_way(job: Job, rel: str, blob: bytes) -> str | None:
    """Why OUT/``rel`` must not be replaced by ``blob`` without ``--force``, or ``None`` when it may be.

    The build may replace only what it wrote itself: a file that still holds
    exactly the content the manifest records for that path, or exactly ``blob``
    (a killed build may have written it without recording it).  Anything else —
    a user's own file, a link, an output edited by hand since — is kept: spec §3.
    """
    path = job.out_dir / rel
    if not (path.exists() or path.is_symlink()):
        return None
    if path.is_symlink():
        return "which the build did not write"
    current = file_sha256(path)
    if current == hashlib.sha256(blob).hexdigest():
        return None
    if rel in job.owned:
        return None if current == job.owned[rel] else "which was changed since the build wrote it"
    return "which the build did not write"


def run_job(job: Job, renderer: Renderer | None = None) -> JobResult:
    """Check and render one flow; never raises for a problem of the flow or the environment."""
    from ..check import check_file

    input_sha = file_sha256(job.path)
    result = check_file(job.path)
    if not result.ok or input_sha is None:
        return JobResult(job, result.diagnostics)
    flow = result.flow
    try:
        deps = flow_dependencies(flow, job.source_dir)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            payloads = (renderer or default_renderer)(flow, job.formats, job.render_options)
        notes = tuple(str(w.message) for w in caught if issubclass(w.category, UserWarning))
        outputs = {}
        key = source_key(job.tool, job.options, input_sha, deps)
        blobs = {output_rel(job.rel, flow.stem, fmt): _bytes(payloads[fmt]) for fmt in job.formats}
        kept = {} if job.force else {rel: _in_the_way(job, rel, blob) for rel, blob in blobs.items()}
        foreign = [f"{job.out_dir / rel}, {why}" for rel, why in kept.items() if why]
        if foreign:
            named = "; ".join(foreign)
            return JobResult(
                job, result.diagnostics, error=f"would replace {named}; move it away or use --force", exit_code=2
            )
        for fmt, (rel, blob) in zip(job.formats, blobs.items(), strict=True):
            write_atomic(job.out_dir / rel, blob)
            outputs[fmt] = OutputRecord(rel, hashlib.sha256(blob).hexdigest(), key)
    except FlowchartError as error:
        return JobResult(job, result.diagnostics, error=str(error), exit_code=error.exit_code)
    except OSError as error:  # the output folder cannot take this flow's files (a file in the way, permissions)
        reason = why_unwritable(error, job.out_dir)
        return JobResult(job, result.diagnostics, error=f"cannot write its outputs: {reason}", exit_code=2)
    except Exception as error:  # a renderer bug must not stop the other flows
        return JobResult(
            job, result.diagnostics, error=f"could not render: {type(error).__name__}: {error}", exit_code=1
        )
    record = FlowRecord(input_sha, flow.title, tuple(sorted(deps)), outputs)
    return JobResult(job, result.diagnostics, record, notes=notes)
