"""`flowchart watch`: re-check and re-render flow files as they are saved.

The manager's live-editing loop: save the YAML, see the diagnostics (or the
refreshed diagram) a moment later.  A flow is processed again when its own
content changed or when a flow it `ref`s changed.  SIGTERM and Ctrl-C end the
loop cleanly with exit code 0.  FIFOs, devices and sockets are noted once and
never opened.  When the watched folder (or a watched file's folder) is renamed
or removed, the loop says so and ends with exit code 2: nothing it could
report on is left, and watching a path that is gone would be silence.

Each real folder of the tree is watched on its own (not recursively), so a
symbolic link to a folder outside the tree (`/usr`, `/`) is never followed; a
folder created later is added at once.  The outputs may go into the watched
folder itself (`-o .`): only the files the watcher wrote, with the content it
wrote, are ignored, so every save is seen.
"""

from __future__ import annotations

import hashlib
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from ..atomic import write_atomic
from ..batch.discover import Source, discover
from ..batch.manifest import file_sha256
from ..batch.worker import Renderer, default_renderer
from ..printable import for_rich as say
from ..writers import RenderOptions

__all__ = ["Watcher"]

_LOOK_EVERY_MS = 1000
"""How often the loop looks whether its folder is still there, even when no event comes."""


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
    noted: set[str] = field(default_factory=set)
    wrote: dict[Path, str] = field(default_factory=dict)
    """Each file the watcher wrote (resolved) and the hash of what it wrote: its own events are ignored."""
    grown: bool = False
    """A folder appeared in the tree: the watch restarts to include it."""

    # -- what is watched -----------------------------------------------------------------------------
    def separate_out(self) -> Path | None:
        """The output folder when it lies inside the watched folder as a folder of its own (then left out)."""
        if self.out_dir is None or not self.root.is_dir():
            return None
        out, root = self.out_dir.resolve(), self.root.resolve()
        return out if out != root and out.is_relative_to(root) else None

    def watched_folders(self) -> list[Path]:
        """The watched folder and every real folder below it: links to folders are not followed."""
        folder = self.folder()
        if not self.root.is_dir():
            return [folder]
        out = self.separate_out()
        found = []
        for top, dirs, _ in os.walk(folder):  # followlinks=False: a link to /usr stays a link
            found.append(Path(top))
            dirs[:] = [d for d in dirs if not d.startswith(".") and (out is None or (Path(top) / d).resolve() != out)]
        return found

    def sources(self) -> list[Source]:
        if self.root.is_dir():
            found = discover(self.root, skip=self.separate_out())
            for item in found.skipped:
                if item.rel not in self.noted:
                    self.noted.add(item.rel)
                    self.console.print(f"skipped {say(item.rel)}: {say(item.reason)}")
            return found.sources
        return [Source(self.root, self.root.name)] if self.root.exists() else []

    def folder(self) -> Path:
        """The folder the file events come from."""
        return self.root if self.root.is_dir() else self.root.parent

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
            data = payloads[fmt]
            try:
                write_atomic(path, data)
            except OSError as error:
                self.console.print(f"{say(str(path))}: [red]cannot write:[/red] {say(error.strerror or str(error))}")
                return
            blob = data.encode("utf-8") if isinstance(data, str) else data
            self.wrote[path.resolve()] = hashlib.sha256(blob).hexdigest()
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
    def _wanted(self, change, path: str) -> bool:
        """A YAML name not written by the watcher, outside a separate output folder; a new real folder
        (the watch then restarts to include it).  What a file is (a flow, a FIFO…) is decided by `sources`."""
        import watchfiles

        candidate = Path(path)
        resolved = candidate.resolve()
        if resolved in self.wrote and file_sha256(candidate) == self.wrote[resolved]:
            return False  # our own write
        out = self.separate_out()
        if out is not None and resolved.is_relative_to(out):
            return False
        if change == watchfiles.Change.added and candidate.is_dir() and not candidate.is_symlink():
            self.grown = self.root.is_dir() and not candidate.name.startswith(".")
            return self.grown
        return candidate.name.lower().endswith((".yaml", ".yml"))

    def run(self) -> int:
        """Process everything once, then on every save until Ctrl-C or SIGTERM (0), or the folder goes (2)."""
        import watchfiles

        stop = threading.Event()
        # Both signals set the event, as `serve` does: a background job of a script starts with SIGINT
        # ignored, so only a handler of our own makes `kill -INT` (and Ctrl-C) stop it.
        previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
        folder = self.folder()
        identity = _identity(folder)
        code = 0
        try:
            for source in self.sources():
                if stop.is_set():
                    break
                self.refresh(source)
            if not stop.is_set():
                self.console.print(f"watching {say(str(self.root))} (Ctrl-C stops)")
            catch_up, again = True, not stop.is_set()
            while again:
                self.grown = again = False
                folders = self.watched_folders()
                for changes in watchfiles.watch(
                    *folders,
                    watch_filter=self._wanted,
                    debounce=300,
                    step=50,
                    stop_event=stop,
                    raise_interrupt=False,
                    rust_timeout=_LOOK_EVERY_MS,
                    yield_on_timeout=True,
                    recursive=False,
                ):
                    if _identity(folder) != identity:
                        raise FileNotFoundError(str(folder))
                    if catch_up:  # what changed before this watch's events started flowing is seen now
                        changes = set(changes) | {(None, str(s.path)) for s in self.sources()}
                        catch_up = False
                        self.grown = self.grown or self.watched_folders() != folders  # a folder made meanwhile
                    if changes:
                        self.on_change({Path(path).resolve() for _, path in changes})
                    if self.grown:  # a new folder: watch it too (what is already in it is caught up)
                        again = catch_up = True
                        break
        except KeyboardInterrupt:
            pass
        except OSError as error:  # the folder went (before or while watching), or the system refused
            if _identity(folder) != identity:
                self.console.print(
                    f"[red]{say(str(folder))} was moved or removed;[/red] stopped watching "
                    "(run `flowchart watch` again on its new place)"
                )
            else:
                self.console.print(f"[red]stopped watching:[/red] {say(str(error))}")
            code = 2
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if code == 0:
            self.console.print("stopped watching")
        return code


def _identity(folder: Path) -> tuple[int, int] | None:
    """Which folder is at ``folder`` now (device and inode); ``None`` when nothing is."""
    try:
        found = folder.stat()
    except OSError:
        return None
    return (found.st_dev, found.st_ino)
