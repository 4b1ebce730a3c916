"""A build's settings and its tally: what `flowchart build` was asked to do, and what happened."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..regularfile import read_own_text
from .discover import Source
from .formats import DEFAULT_FORMATS
from .hashing import FileHashes
from .manifest import Manifest
from .plan import FlowPlan, plan_flows
from .shard import Shard

if TYPE_CHECKING:
    from ..writers import RenderOptions
    from .worker import JobResult

__all__ = ["BuildConfig", "Outcome", "plans_for", "read_text", "shown"]


@dataclass(frozen=True)
class BuildConfig:
    source_dir: Path
    out_dir: Path
    formats: tuple[str, ...] = DEFAULT_FORMATS
    jobs: int = 1
    exclude: tuple[str, ...] = ()
    check_only: bool = False
    clean: bool = True
    """Remove the outputs of flows that are gone, those still as the build wrote them (`--no-clean` keeps them)."""
    index: bool = False
    force: bool = False
    """Replace files in OUT that the build did not write (its own are always replaced)."""
    edges: str = "ortho"
    theme: str = "default"
    paper: str = "a4"
    scale: float = 1.0
    layout_timeout: float = 60.0
    """Seconds Graphviz may take per flow; changes no output, so it is not in :attr:`options`."""
    shard: Shard | None = None
    """Build only this shard's flows (`--shard I/N`); changes no output, so it is not in :attr:`options`."""
    tool: str = __version__
    """The flowchart version: part of every output's key, so an upgrade rebuilds everything."""

    @property
    def render_options(self) -> RenderOptions:
        from ..writers import RenderOptions

        return RenderOptions(
            edges=self.edges,
            theme=self.theme,
            scale=self.scale,
            layout_timeout=self.layout_timeout,
            paper=self.paper,
        )

    @property
    def options(self) -> dict:
        """Everything besides the input that changes an output: part of every output's key."""
        options = {"edges": self.edges, "theme": self.theme, "scale": self.scale, "lang": None, "quiz": True}
        if self.paper != "a4":  # keyed only when chosen, so existing builds stay fresh
            options["paper"] = self.paper
        return options


@dataclass
class Outcome:
    """What happened, for the report at the end."""

    results: list[JobResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    exit_code: int = 0

    def fail(self, message: str, code: int = 1) -> None:
        self.problems.append(message)
        self.exit_code = max(self.exit_code, code)


def plans_for(config: BuildConfig, sources: list[Source], manifest: Manifest, hashes: FileHashes) -> list[FlowPlan]:
    return plan_flows(
        sources,
        manifest,
        config.formats,
        source_dir=config.source_dir,
        out_dir=config.out_dir,
        options=config.options,
        tool=config.tool,
        hashes=hashes,
    )


def shown(config: BuildConfig, rel: str) -> str:
    """An output's path as printed: OUT/REL."""
    return (config.out_dir / rel).as_posix()


def read_text(path: Path) -> str | None:
    try:
        return read_own_text(path)
    except (OSError, UnicodeDecodeError):
        return None
