"""Wire a build: discover → plan → render what is stale → record → clean → index → report.

`run_build` (commands/build.py) only turns options into a :class:`BuildConfig`;
tests call :func:`build` with a fake renderer to count renders.
"""

from __future__ import annotations

import shlex
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from .. import __version__
from ..atomic import write_atomic
from ..writers import RenderOptions
from .discover import Source, find_flows
from .formats import DEFAULT_FORMATS
from .housekeeping import orphans, remove_orphans, sweep_temporaries
from .index import INDEX_NAME, IndexRow, index_markdown
from .lock import build_lock
from .manifest import Manifest
from .plan import FlowPlan, plan_flows
from .progress import Progress, make_progress
from .runner import Interrupted, interrupts_raise, job_results
from .worker import Job, JobResult, Renderer

__all__ = ["BuildConfig", "build"]

_SAVE_EVERY = 0.5
"""Seconds between manifest saves during a build (and once at the end)."""


@dataclass(frozen=True)
class BuildConfig:
    source_dir: Path
    out_dir: Path
    formats: tuple[str, ...] = DEFAULT_FORMATS
    jobs: int = 1
    exclude: tuple[str, ...] = ()
    check_only: bool = False
    clean: bool = False
    index: bool = False
    edges: str = "ortho"
    theme: str = "default"

    @property
    def render_options(self) -> RenderOptions:
        return RenderOptions(edges=self.edges, theme=self.theme)

    @property
    def options(self) -> dict:
        """Everything besides the input that changes an output: part of every output's key."""
        return {"edges": self.edges, "theme": self.theme, "scale": 1.0, "lang": None, "quiz": True}


@dataclass
class _Outcome:
    """What happened, for the report at the end."""

    results: list[JobResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    exit_code: int = 0

    def fail(self, message: str, code: int = 1) -> None:
        self.problems.append(message)
        self.exit_code = max(self.exit_code, code)


def _without_clashes(sources: list[Source], outcome: _Outcome) -> list[Source]:
    """Drop a flow whose outputs would overwrite another's (`a.yaml` beside `a.flow.yaml`)."""
    from ..model import output_stem

    seen: dict[tuple[str, str], str] = {}
    kept = []
    for source in sources:
        slot = (str(Path(source.rel).parent), output_stem(source.path))
        if slot in seen:
            outcome.fail(f"{source.rel}: has the same output names as {seen[slot]}; rename one of them")
            continue
        seen[slot] = source.rel
        kept.append(source)
    return kept


def _plans(config: BuildConfig, sources: list[Source], manifest: Manifest) -> list[FlowPlan]:
    return plan_flows(
        sources,
        manifest,
        config.formats,
        source_dir=config.source_dir,
        out_dir=config.out_dir,
        options=config.options,
        tool=__version__,
    )


def _index_text(config: BuildConfig, sources: list[Source], manifest: Manifest) -> str:
    rows = []
    for source in sources:
        record = manifest.flows.get(source.rel)
        outputs = tuple(
            (fmt, record.outputs[fmt].path) for fmt in config.formats if record is not None and fmt in record.outputs
        )
        rows.append(IndexRow(source.rel, record.title if record else "", outputs))
    return index_markdown(rows)


def _shown(config: BuildConfig, rel: str) -> str:
    return (config.out_dir / rel).as_posix()


def _check(config: BuildConfig, sources: list[Source], outcome: _Outcome, out: Console, err: Console) -> int:
    """`--check`: list what a build would write, write nothing."""
    from ..check import check_file
    from ..report.text import print_text

    folder_exists = config.out_dir.is_dir()
    with build_lock(config.out_dir, shared=True) if folder_exists else nullcontext():
        manifest = Manifest.load(config.out_dir)
        plans = _plans(config, sources, manifest)
    stale = [(plan, fmt, reason) for plan in plans for fmt, reason in plan.stale]
    for plan, fmt, reason in stale:
        shown = escape(_shown(config, plan.output(fmt)))
        if reason == "missing":
            out.print(f"missing {shown} (from {escape(plan.source.rel)})")
        else:
            out.print(f"stale {shown} ({escape(plan.source.rel)}: {escape(reason)})")
    for plan in plans:
        if plan.stale:
            result = check_file(plan.source.path)
            if not result.ok:
                print_text(err, [result], summary=False)
                outcome.fail(f"{plan.source.rel}: has errors")
    if config.clean:
        for rel in orphans(manifest, {s.rel for s in sources}):
            outcome.fail(f"{rel}: is gone but its outputs are still in {config.out_dir} (`--clean` removes them)")
    if config.index and _read(config.out_dir / INDEX_NAME) != _index_text(config, sources, manifest):
        outcome.fail(f"{_shown(config, INDEX_NAME)} is missing or stale")
    for problem in outcome.problems:
        err.print(escape(problem))
    if stale:
        outcome.exit_code = max(outcome.exit_code, 1)
        out.print(f"{len(stale)} output(s) missing or stale: run `{escape(_build_command(config))}` to update them")
    elif not outcome.problems:
        total = len(plans) * len(config.formats)
        out.print(f"{len(plans)} flow(s), {total} output(s): all up to date")
    return outcome.exit_code


def _build_command(config: BuildConfig) -> str:
    """The command that brings the outputs up to date (shown by `--check`)."""
    words = ["flowchart", "build", str(config.source_dir), "--out-dir", str(config.out_dir)]
    if config.formats != DEFAULT_FORMATS:
        words += ["--format", ",".join(config.formats)]
    words += [f"--exclude={pattern}" for pattern in config.exclude]
    if config.edges != "ortho":
        words.append(f"--edges={config.edges}")
    if config.theme != "default":
        words.append(f"--theme={config.theme}")
    return shlex.join(words)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _render(
    config: BuildConfig,
    plans: list[FlowPlan],
    manifest: Manifest,
    progress: Progress,
    renderer: Renderer | None,
    outcome: _Outcome,
) -> None:
    """Render every stale flow, recording each one in the manifest as soon as its outputs exist."""
    jobs = [
        Job(
            p.source.path,
            p.source.rel,
            config.source_dir,
            config.out_dir,
            tuple(f for f, _ in p.stale),
            config.render_options,
            config.options,
            __version__,
        )
        for p in plans
        if p.stale
    ]
    if not jobs:
        return
    last_save = time.monotonic()
    dirty = False
    try:
        with interrupts_raise(), job_results(jobs, config.jobs, renderer) as results:
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


def _report(
    config: BuildConfig, plans: list[FlowPlan], outcome: _Outcome, out: Console, err: Console, removed: list[str]
) -> None:
    from ..check import CheckResult
    from ..report.text import print_text

    for result in sorted(outcome.results, key=lambda r: r.job.rel):
        if result.diagnostics:
            print_text(err, [CheckResult(result.job.path, None, result.diagnostics)], summary=False)
        if result.error:
            outcome.fail(f"{result.job.rel}: {result.error}", result.exit_code or 1)
        elif result.record is None:
            outcome.fail(f"{result.job.rel}: not written (fix the errors above)")
    for problem in outcome.problems:
        err.print(escape(problem))
    for rel in removed:
        out.print(f"removed {escape(_shown(config, rel))}")
    built = sum(r.record is not None for r in outcome.results)
    failed = len(outcome.results) - built
    fresh = len(plans) - len(outcome.results)
    out.print(f"{len(plans)} flow(s): {built} rendered, {fresh} up to date" + (f", {failed} failed" if failed else ""))


def build(config: BuildConfig, **kwargs) -> int:
    """Run one build (or `--check`); returns the exit code (2 when the output folder cannot be used)."""
    try:
        return _build(config, **kwargs)
    except OSError as error:
        kwargs["err"].print(f"[red]error:[/red] {escape(str(error))}")
        return 2


def _build(
    config: BuildConfig,
    *,
    out: Console,
    err: Console,
    renderer: Renderer | None = None,
    progress_factory: Callable[[Console], Progress] = make_progress,
) -> int:
    outcome = _Outcome()
    sources = find_flows(config.source_dir, exclude=config.exclude, skip=config.out_dir)
    present = {s.rel for s in sources}
    sources = _without_clashes(sources, outcome)
    if config.check_only:
        return _check(config, sources, outcome, out, err)
    config.out_dir.mkdir(parents=True, exist_ok=True)
    waiting = lambda: err.print(f"waiting for another build into {escape(str(config.out_dir))}…")  # noqa: E731
    with build_lock(config.out_dir, on_wait=waiting):
        sweep_temporaries(config.out_dir)
        manifest = Manifest.load(config.out_dir)
        plans = _plans(config, sources, manifest)
        try:
            _render(config, plans, manifest, progress_factory(out), renderer, outcome)
        except (KeyboardInterrupt, Interrupted) as stop:
            err.print("interrupted: finished outputs are kept and recorded; run the build again to complete it")
            return stop.exit_code if isinstance(stop, Interrupted) else 130
        removed = remove_orphans(manifest, config.out_dir, present) if config.clean else []
        if removed:
            manifest.save(config.out_dir)
        if config.index:
            text = _index_text(config, sources, manifest)
            if _read(config.out_dir / INDEX_NAME) != text:
                write_atomic(config.out_dir / INDEX_NAME, text)
    _report(config, plans, outcome, out, err, removed)
    return outcome.exit_code
