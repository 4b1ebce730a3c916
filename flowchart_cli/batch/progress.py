"""How a build shows progress: a rich bar on a terminal, one plain line per flow when piped or in CI."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Protocol

from rich.console import Console

from ..printable import for_rich as say

if TYPE_CHECKING:
    from .worker import JobResult

__all__ = ["BarProgress", "PlainProgress", "Progress", "make_progress"]


def _line(result: JobResult) -> str:
    rel = say(result.job.rel)
    if result.record is not None:
        return f"built {rel} ({', '.join(result.job.formats)})"
    reason = result.error or f"{sum(d.is_error for d in result.diagnostics)} error(s)"
    return f"[red]failed[/red] {rel}: {say(reason)}"


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, result: JobResult) -> None: ...
    def stop(self) -> None: ...


class PlainProgress:
    """Stable text for logs: ``built docs/a.flow.yaml (svg, png)``."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def start(self, total: int) -> None:
        pass

    def advance(self, result: JobResult) -> None:
        self.console.print(_line(result))

    def stop(self) -> None:
        pass


class BarProgress:
    """A progress bar; failures are printed above it as they happen."""

    def __init__(self, console: Console) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(
            TextColumn("rendering"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=console,
            transient=True,
        )
        self.task = None

    def start(self, total: int) -> None:
        self.bar.start()
        self.task = self.bar.add_task("", total=total)

    def advance(self, result: JobResult) -> None:
        if result.record is None:
            self.bar.console.print(_line(result))
        self.bar.update(self.task, advance=1, description=say(result.job.rel))

    def stop(self) -> None:
        self.bar.stop()


def make_progress(console: Console) -> Progress:
    """The bar only on an interactive terminal outside CI."""
    ci = os.environ.get("CI", "").lower() not in ("", "0", "false")
    return BarProgress(console) if console.is_terminal and not ci else PlainProgress(console)
