"""`flowchart watch`: re-check and re-render flow files as they are saved.

The manager's live-editing loop: save the YAML, see the diagnostics (or the
refreshed diagram) a moment later.  A flow is processed again when its own
content changed or when a flow it `ref`s changed.  SIGTERM and Ctrl-C end the
loop cleanly with exit code 0.
"""

from __future__ import annotations

import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from ..atomic import write_atomic
from ..printable import for_rich as say
from ..writers import RenderOptions
from .discover import Source, find_flows, is_flow_file
from .manifest import file_sha256
from .worker import Renderer, default_renderer

__all__ = ["Watcher"]


@dataclass
class Watcher:
    """Watches ``root`` (a flow file or a folder of them) and writes ``formats`` into ``out_dir``."""

    root: Path
    out_dir: Path | None
    formats: tuple[str, ...]
    console: Console
    options: RenderOptions = field(default_factory=RenderOptions)
    renderer: Renderer = default_renderer
    seen: dict[Path, str | None] = field(default_factory=dict)
    refs: dict[Path, set[Path]] = field(default_factory=dict)

    # -- what is watched -----------------------------------------------------------------------------
    def sources(self) -> list[Source]:
        if self.root.is_dir():
            return find_flows(self.root, skip=self.out_dir)
        return [Source(self.root, self.root.name)] if self.root.exists() else []

    def destination(self, source: Source) -> Path:
        if self.out_dir is None:
            return source.path.parent
        return self.out_dir / Path(source.rel).parent if self.root.is_dir() else self.out_dir

    # -- one flow --------------------------------------------------------------------------------
    def refresh(self, source: Source) -> None:
        """Check ``source``, print what is wrong, render it when it has no errors."""
        from ..check import check_file
        from ..pipeline import output_suffix
        from ..report.text import print_text

        key = source.path.resolve()
        self.seen[key] = file_sha256(source.path)
        result = check_file(source.path)
        stamp = time.strftime("%H:%M:%S")
        if result.diagnostics:
            print_text(self.console, [result], summary=False)
        if not result.ok:
            errors = sum(d.is_error for d in result.diagnostics)
            self.console.print(
                f"[dim]{stamp}[/dim] {say(str(source.path))}: [red]{errors} error(s)[/red], not rendered"
            )
            return
        self.refs[key] = {(key.parent / s.ref).resolve() for s in result.flow.steps if s.ref}
        try:
            payloads = self.renderer(result.flow, self.formats, self.options)
        except Exception as error:  # keep watching whatever a renderer does
            self.console.print(f"{say(str(source.path))}: [red]could not render:[/red] {say(str(error))}")
            return
        folder = self.destination(source)
        written = []
        for fmt in self.formats:
            path = folder / f"{result.flow.stem}{output_suffix(fmt)}"
            write_atomic(path, payloads[fmt])
            written.append(str(path))
        self.console.print(f"[dim]{stamp}[/dim] {say(str(source.path))}: [green]ok[/green] → {say(', '.join(written))}")

    def on_change(self, changed: set[Path]) -> None:
        """Process the flows that changed or that `ref` a flow that changed."""
        for source in self.sources():
            key = source.path.resolve()
            touched = key in changed and file_sha256(source.path) != self.seen.get(key)
            if touched or self.refs.get(key, set()) & changed:
                self.refresh(source)
        for gone in sorted(p for p in changed if p in self.seen and not p.exists()):
            self.seen.pop(gone)
            self.console.print(f"{say(str(gone))}: deleted")

    # -- the loop --------------------------------------------------------------------------------
    def _wanted(self, _change, path: str) -> bool:
        candidate = Path(path)
        if self.out_dir is not None and candidate.resolve().is_relative_to(self.out_dir.resolve()):
            return False
        return candidate.name.lower().endswith((".yaml", ".yml")) and (
            not candidate.exists() or is_flow_file(candidate)
        )

    def run(self) -> int:
        """Process everything once, then on every save until Ctrl-C or SIGTERM; returns 0."""
        import watchfiles

        stop = threading.Event()
        previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            for source in self.sources():
                self.refresh(source)
            folder = self.root if self.root.is_dir() else self.root.parent
            self.console.print(f"watching {say(str(self.root))} (Ctrl-C stops)")
            for changes in watchfiles.watch(
                folder, watch_filter=self._wanted, debounce=300, step=50, stop_event=stop, raise_interrupt=False
            ):
                self.on_change({Path(path).resolve() for _, path in changes})
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
        self.console.print("stopped watching")
        return 0
