"""`build --check`: compare the outputs with the flows and say what a build would write; write nothing."""

from __future__ import annotations

import shlex
from contextlib import nullcontext

from rich.console import Console

from ..printable import for_rich as say
from .config import BuildConfig, Outcome, plans_for, read_text, shown
from .discover import Source
from .formats import DEFAULT_FORMATS
from .hashing import FileHashes
from .housekeeping import orphaned_outputs, orphans
from .index import INDEX_NAME, index_text
from .lock import build_lock
from .manifest import Manifest, file_sha256

__all__ = ["check_outputs"]


def check_outputs(
    config: BuildConfig, sources: list[Source], present: set[str], outcome: Outcome, out: Console, err: Console
) -> int:
    """`--check`: list what a build would write, write nothing; ``present`` is every flow found (all shards)."""
    from ..check import check_file
    from ..report.text import print_text

    folder_exists = config.out_dir.is_dir()
    with build_lock(config.out_dir, shared=True) if folder_exists else nullcontext():
        manifest = Manifest.load(config.out_dir)
        plans = plans_for(config, sources, manifest, FileHashes.load(config.out_dir))
    stale = [(plan, fmt, reason) for plan in plans for fmt, reason in plan.stale]
    for plan, fmt, reason in stale:
        where = say(shown(config, plan.output(fmt)))
        if reason == "missing":
            out.print(f"missing {where} (from {say(plan.source.rel)})")
        else:
            out.print(f"stale {where} ({say(plan.source.rel)}: {say(reason)})")
    for plan in plans:
        if plan.stale:
            result = check_file(plan.source.path)
            if not result.ok:
                print_text(err, [result], summary=False)
                outcome.fail(f"{plan.source.rel}: has errors")
    left = orphans(manifest, present, config.shard)
    gone = [(rel, name) for rel in left for name in orphaned_outputs(manifest, config.out_dir, rel)]
    for rel, name in gone:
        where = say(shown(config, name))
        if config.clean:
            written = {o.path: o.sha256 for o in manifest.flows[rel].outputs.values()}
            fate = "removes it" if file_sha256(config.out_dir / name) == written[name] else "keeps it: edited by hand"
            out.print(f"stale {where} ({say(rel)}: the flow file is gone; the build {fate})")
        else:
            err.print(f"note: {where} is left from {say(rel)}, which is gone (kept: --no-clean)")
    index_stale = config.index and read_text(config.out_dir / INDEX_NAME) != index_text(
        sources, manifest, config.formats
    )
    if index_stale:
        where = say(shown(config, INDEX_NAME))
        out.print(f"{'stale' if (config.out_dir / INDEX_NAME).exists() else 'missing'} {where} (the index of flows)")
    for problem in outcome.problems:
        err.print(say(problem))
    count = len(stale) + bool(index_stale) + (len(gone) if config.clean else 0)
    if count:
        outcome.exit_code = max(outcome.exit_code, 1)
        out.print(f"{count} output(s) missing or stale: run `{say(_build_command(config))}` to update them")
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
    if config.scale != 1.0:
        words.append(f"--scale={config.scale:g}")
    if config.paper != "a4":
        words.append(f"--paper={config.paper}")
    if config.index:
        words.append("--index")
    if not config.clean:
        words.append("--no-clean")
    return shlex.join(words)
