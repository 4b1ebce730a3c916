"""One flow drawn for the preview page: the SVG, or the diagnostics and the last good SVG.

The file is read once per request and everything (check, drawing, step lines,
scenarios) comes from that one text, so a page never mixes two saves.  One
drawing runs at a time; the last good result is kept per file and switches,
so a save with errors still shows the diagram it had.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path

from ..options import RenderOptions

__all__ = ["Preview", "Problem", "Switches", "draw_flow"]

SCENARIO_ROWS = 50
"""The scenarios table lists at most this many paths (a big flow has thousands)."""


@dataclass(frozen=True, slots=True)
class Switches:
    """The page's query switches: the `render` options the preview can change."""

    numbers: bool = False
    header: bool = False
    theme: str = "auto"

    def options(self) -> RenderOptions:
        return RenderOptions(theme=self.theme, numbers=self.numbers, header=self.header)


@dataclass(frozen=True, slots=True)
class Problem:
    """One diagnostic as the page shows it, with the line of the file it points at."""

    code: str
    severity: str
    line: int
    column: int
    message: str
    source: str


@dataclass(frozen=True)
class Drawn:
    """What the page shows of one save: ``svg`` is "" when the save has errors and nothing was drawn before."""

    ok: bool
    svg: str
    problems: tuple[Problem, ...]
    steps: dict[str, int]
    scenarios: tuple[tuple[str, ...], list[tuple[str, ...]]] | None
    digest: str
    title: str


def draw_flow(path: Path, shown: str, switches: Switches) -> Drawn:
    """Check and draw the flow at ``path`` (``shown`` names it in messages)."""
    from ..check import CheckResult, check_text
    from ..layout import layout_flow
    from ..messages import diagnostic
    from ..model import Pos
    from ..writers.svg import write_svg
    from ..yamlsource import SourceError, decode

    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:16]
    try:
        text = decode(data)
    except SourceError as exc:  # not UTF-8, UTF-16, binary: FC100, as `check` says (spec §7)
        text = data.decode("utf-8", errors="replace")  # only to quote the line on the page
        failed = diagnostic("FC100", exc.message, Pos(exc.line, exc.column))
        result = CheckResult(path, None, (replace(failed, path=shown),), source=text)
    else:
        result = check_text(text, path, shown)
    lines = text.splitlines()
    problems = tuple(
        Problem(
            d.code,
            d.severity.value,
            d.line,
            d.column,
            d.message,
            lines[d.line - 1] if 0 < d.line <= len(lines) else "",
        )
        for d in result.diagnostics
    )
    flow = result.flow
    if not result.ok or flow is None:
        return Drawn(False, "", problems, {}, None, digest, flow.title if flow else shown)
    svg = write_svg(layout_flow(flow, switches.options()), switches.options())
    steps = {s.key: s.pos.line for s in flow.steps}
    return Drawn(True, svg, problems, steps, _scenarios(result), digest, flow.title)


def _scenarios(result) -> tuple[tuple[str, ...], list[tuple[str, ...]]] | None:
    """The head of `analyze`'s table of paths (the same columns and cells)."""
    from ..analyze import Limits
    from ..analyze.files import analyze_result
    from ..analyze.tables import path_table

    try:
        item = analyze_result(result, max_paths=SCENARIO_ROWS, limits=Limits())
        return path_table(item)
    except Exception:  # a report that cannot be made leaves the diagram; the page says so
        return None


class Preview:
    """Draws flows for the pages, one at a time, keeping the last good drawing of each (file, switches)."""

    def __init__(self, keep: int = 64) -> None:
        self.lock = threading.Lock()
        self.good: OrderedDict[tuple[Path, Switches], Drawn] = OrderedDict()
        self.keep = keep

    def draw(self, path: Path, shown: str, switches: Switches) -> Drawn:
        key = (path, switches)
        with self.lock:
            last = self.good.get(key)
            try:
                data_digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
            except OSError:
                data_digest = ""
            if last is not None and last.digest == data_digest:
                return last
            drawn = draw_flow(path, shown, switches)
            if drawn.ok:
                self.good[key] = drawn
                self.good.move_to_end(key)
                while len(self.good) > self.keep:
                    self.good.popitem(last=False)
                return drawn
            if last is not None:  # errors: keep the last good diagram on the page
                return Drawn(False, last.svg, drawn.problems, last.steps, last.scenarios, drawn.digest, last.title)
            return drawn
