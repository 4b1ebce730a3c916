"""Wire a build: discover → plan → render what is stale → record → clean → index → report.

`run_build` (commands/build.py) only turns options into a :class:`BuildConfig`;
tests call :func:`build` with a fake renderer to count renders.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from ..atomic import write_atomic
from ..errors import FlowchartError
from ..printable import for_rich as say
from .config import BuildConfig, Outcome, plans_for, read_text, shown
from .discover import Skipped, Source, discover
from .hashing import FileHashes
from .housekeeping import remove_orphans, sweep_temporaries
from .index import INDEX_MARK, INDEX_NAME, index_text
from .lock import build_lock
from .manifest import Manifest
from .plan import FlowPlan
from .progress import Progress, make_progress
from .runner import GRACE_SECONDS, Interrupted, job_results
from .verify import check_outputs
from .worker import Job, Renderer

__all__ = ["BuildConfig", "build"]

_SAVE_EVERY = 0.5
"""Seconds between manifest saves during a build (and once at the end)."""


def _report_clashes(sources: list[Source], outcome: Outcome) -> bool:
    """Whether two flows would write the same outputs (`a.yaml` beside `a.flow.yaml`), each clash reported.

    Spec §3: a usage error, exit 2, and nothing written — so the build stops
    before it touches the output folder (which of the two a reader would see
    must not depend on the order the tree is walked).
    """
    from ..model import output_stem

    seen: dict[tuple[str, str], str] = {}
    clashed = False
    for source in sources:
        slot = (str(Path(source.rel).parent), output_stem(source.path))
        if slot in seen:
            outcome.fail(f"{source.rel}: has the same output names as {seen[slot]}; rename one of them", 2)
            clashed = True
            continue
        seen[slot] = source.rel
    return clashed


def _stopping(err: Console) -> Callable[[int], None]:
    """What the first Ctrl-C or SIGTERM prints: the build is finishing what runs, a second signal ends it now."""

    def tell(running: int) -> None:
        err.print(
            f"stopping: {running} flow(s) still running get {GRACE_SECONDS:g} s to finish; "
            "press Ctrl-C again to stop at once"
        )

    return tell


def _render(
    config: BuildConfig,
    plans: list[FlowPlan],
    manifest: Manifest,
    progress: Progress,
    renderer: Renderer | None,
    outcome: Outcome,
    err: Console,
) -> None:
    """Render every stale flow, recording each one in the manifest as soon as its outputs exist."""
    owned = {o.path: o.sha256 for record in manifest.flows.values() for o in record.outputs.values()}
    jobs = [
        Job(
            p.source.path,
            p.source.rel,
            config.source_dir,
            config.out_dir,
            tuple(f for f, _ in p.stale),
            config.render_options,
            config.options,
            config.tool,
            owned={p.output(f): owned[p.output(f)] for f, _ in p.stale if p.output(f) in owned},
            force=config.force,
        )
        for p in plans
        if p.stale
    ]
    if not jobs:
        return
    last_save = time.monotonic()
    dirty = False
    try:
        with job_results(jobs, config.jobs, renderer, on_stop=_stopping(err)) as results:
            progress.start(len(jobs))  # after the workers are forked: the bar runs a thread
            for result in results:
                outcome.results.append(result)
                progress.advance(result)
                if result.record is not None:
                    manifest.record(result.job.rel, result.record)
                    dirty = True
                if dirty and time.monotonic() - last_save > _SAVE_EVERY:
                    manifest.save(config.out_dir)
                    last_save, dirty = time.monotonic(), False
    finally:
        progress.stop()
        if dirty:
            manifest.save(config.out_dir)


def _write_index(config: BuildConfig, text: str, outcome: Outcome) -> None:
    """OUT/index.md, unless it is unchanged or a page the build did not write (kept unless `--force`)."""
    path = config.out_dir / INDEX_NAME
    current = read_text(path)
    if current == text:
        return
    ours = current is not None and INDEX_MARK in current
    if (path.exists() or path.is_symlink()) and not ours and not config.force:
        outcome.fail(f"would replace {path.as_posix()}, which the build did not write; move it away or use --force", 2)
        return
    write_atomic(path, text)


def report_skipped(skipped: list[Skipped], err: Console) -> None:
    for item in skipped:
        err.print(f"skipped {say(item.rel)}: {say(item.reason)}")


def _report(
    config: BuildConfig,
    plans: list[FlowPlan],
    outcome: Outcome,
    out: Console,
    err: Console,
    removed: tuple[list[str], list[str]],
) -> None:
    from ..check import CheckResult
    from ..report.text import print_text

    for result in sorted(outcome.results, key=lambda r: r.job.rel):
        if result.diagnostics:
            print_text(err, [CheckResult(result.job.path, None, result.diagnostics)], summary=False)
        for note in result.notes:
            err.print(f"warning: {say(result.job.rel)}: {say(note)}")
        if result.error:
            outcome.fail(f"{result.job.rel}: {result.error}", result.exit_code or 1)
        elif result.record is None:
            outcome.fail(f"{result.job.rel}: not written (fix the errors above)")
    for problem in outcome.problems:
        err.print(say(problem))
    gone, edited = removed
    for rel in gone:
        out.print(f"removed {say(shown(config, rel))}")
    for rel in edited:
        err.print(f"kept {say(shown(config, rel))}: changed since the build wrote it (remove it yourself if unwanted)")
    built = sum(r.record is not None for r in outcome.results)
    failed = len(outcome.results) - built
    fresh = len(plans) - len(outcome.results)
    out.print(f"{len(plans)} flow(s): {built} rendered, {fresh} up to date" + (f", {failed} failed" if failed else ""))


def build(config: BuildConfig, **kwargs) -> int:
    """Run one build (or `--check`); returns the exit code (2 when the output folder cannot be used)."""
    try:
        return _build(config, **kwargs)
    except (OSError, FlowchartError) as error:
        kwargs["err"].print(f"[red]error:[/red] {say(str(error))}")
        return getattr(error, "exit_code", 2)


def _build(
    config: BuildConfig,
    *,
    out: Console,
    err: Console,
    renderer: Renderer | None = None,
    progress_factory: Callable[[Console], Progress] = make_progress,
) -> int:
    outcome = Outcome()
    found = discover(config.source_dir, exclude=config.exclude, skip=config.out_dir)
    report_skipped(found.skipped, err)
    sources = found.sources
    present = {s.rel for s in sources}
    if _report_clashes(sources, outcome):
        for problem in outcome.problems:
            err.print(say(problem))
        err.print("nothing written")
        return outcome.exit_code
    if config.shard is not None:
        sources = [source for source in sources if config.shard.holds(source.rel)]
    if config.check_only:
        return check_outputs(config, sources, present, outcome, out, err)
    config.out_dir.mkdir(parents=True, exist_ok=True)
    folder = say(str(config.out_dir))
    waiting = lambda: err.print(f"waiting for another build into {folder}…")  # noqa: E731
    stale = lambda pid: err.print(f"the build that locked {folder} (pid {pid}) is gone; taking its lock over")  # noqa: E731
    with build_lock(config.out_dir, on_wait=waiting, on_stale=stale):
        sweep_temporaries(config.out_dir)
        manifest = Manifest.load(config.out_dir)
        hashes = FileHashes.load(config.out_dir)
        plans = plans_for(config, sources, manifest, hashes)
        try:
            _render(config, plans, manifest, progress_factory(out), renderer, outcome, err)
        except (KeyboardInterrupt, Interrupted) as stop:
            err.print("interrupted: finished outputs are kept and recorded; run the build again to complete it")
            return stop.exit_code if isinstance(stop, Interrupted) else 130
        if any(result.crashed for result in outcome.results):
            sweep_temporaries(config.out_dir)  # what a worker killed mid-write left
        removed = remove_orphans(manifest, config.out_dir, present, config.shard) if config.clean else ([], [])
        if removed[0] or removed[1]:
            manifest.save(config.out_dir)
        if config.index:
            _write_index(config, index_text(sources, manifest, config.formats), outcome)
        hashes.save(config.out_dir)
    _report(config, plans, outcome, out, err, removed)
    return outcome.exit_code
