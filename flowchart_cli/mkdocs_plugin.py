"""The MkDocs plugin `flowchart`: flows drawn where the docs live, checked on every `mkdocs build`.

- a ```` ```flow ```` fence holding a flow becomes the flow's SVG, inline in the page;
- ``![alt](path/name.flow.yaml)`` becomes ``![alt](path/name.svg)``, the SVG written into the site;
- a flow with errors is logged as an error naming the Markdown file and line (and the flow
  file's own line for an image tag), so `mkdocs build --strict` fails; the page shows the errors.

Options in ``mkdocs.yml`` (``theme``, ``edges``, ``numbers``, ``header``) apply to every
diagram; a fence may set its own (```` ```flow theme=mono ````). The plugin defines
``on_startup``, so `mkdocs serve` keeps it (and its :class:`DiagramCache`) across rebuilds:
a flow that did not change is not laid out again.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import replace
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .diagnostics import Diagnostic
from .diagram_cache import DiagramCache, Rendered
from .layout.theme import THEME_NAMES
from .markdown_blocks import BlockProblem, FlowBlock, fence_render_options, fenced_lines, find_flow_blocks
from .model import output_stem
from .writers import RenderOptions

__all__ = ["FlowchartConfig", "FlowchartPlugin"]

log = get_plugin_logger("flowchart")

FLOW_SUFFIXES = (".flow.yaml", ".flow.yml")
IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\((?P<src><[^>\n]+>|[^)\s]+)(?P<title>\s+\"[^\"\n]*\")?\)")
_SVG_IDS = ("fc-title", "fc-desc")


class FlowchartConfig(base.Config):
    theme = c.Choice(THEME_NAMES, default="auto")
    """``auto``: diagrams follow the reader's scheme and Material's ``slate`` (see docs/themes-and-config.md)."""
    edges = c.Choice(("ortho", "spline"), default="ortho")
    numbers = c.Type(bool, default=False)
    header = c.Type(bool, default=False)


class FlowchartPlugin(BasePlugin[FlowchartConfig]):
    """Renders ```flow fences and ``.flow.yaml`` image tags during `mkdocs build` and `mkdocs serve`."""

    def __init__(self) -> None:
        self.cache = DiagramCache()
        self.flows: dict[str, Rendered] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Present so that `mkdocs serve` keeps this instance, and its cache, between rebuilds."""

    def on_config(self, config):
        self.flows = {}
        self.base_dir = Path(config.config_file_path or ".").resolve().parent
        return config

    def render_options(self) -> RenderOptions:
        options = RenderOptions(edges=self.config.edges, theme=self.config.theme)
        wanted = [("numbers", self.config.numbers), ("header", self.config.header)]
        block = FlowBlock(0, 0, 0, "", tuple((k, "true") for k, v in wanted if v))
        return fence_render_options(options, block)

    def shown(self, path: str) -> str:
        """A path as the user knows it: relative to the folder of mkdocs.yml when inside it."""
        resolved = Path(path).resolve()
        return resolved.relative_to(self.base_dir).as_posix() if resolved.is_relative_to(self.base_dir) else path

    # -- flow files: rendered once per build, added to the site as NAME.svg ------------
    def on_files(self, files: Files, *, config) -> Files:
        options = self.render_options()
        for file in list(files):
            if not file.src_uri.endswith(FLOW_SUFFIXES) or file.abs_src_path is None:
                continue
            rendered = self._render_file(Path(file.abs_src_path), options)
            self.flows[file.src_uri] = rendered
            if rendered.svg is None:
                continue
            svg_uri = posixpath.join(posixpath.dirname(file.src_uri), output_stem(Path(file.src_uri)) + ".svg")
            existing = files.get_file_from_path(svg_uri)
            if existing is not None:
                files.remove(existing)  # only from the site: the file in docs/ is never touched
            files.append(File.generated(config, svg_uri, content=rendered.svg))
        return files

    def _render_file(self, path: Path, options: RenderOptions) -> Rendered:
        from .check import check_file
        from .yamlsource import SourceError, read_source

        try:
            text = read_source(path)  # only a regular file, at most 2 MB, UTF-8: as `check` reads it
        except SourceError:
            return Rendered(check_file(path, self.shown(str(path))), None)
        return self.cache.render(text, path=path, display=self.shown(str(path)), options=options)

    # -- pages ------------------------------------------------------------------------
    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        where = self.shown(page.file.abs_src_path or page.file.src_uri)
        try:
            blocks = find_flow_blocks(markdown)
        except BlockProblem as problem:
            log.error(f"{where}:{problem.line}:{problem.column}: {problem.message}")
            return markdown
        images = self._image_lines(markdown, page.file.src_uri, where)
        options = self.render_options()
        base = Path(page.file.abs_src_path).parent if page.file.abs_src_path else Path(config.docs_dir)
        drawn = {b.first_line: self._fence(b, n, base, where, markdown, options) for n, b in enumerate(blocks, 1)}
        lines = markdown.splitlines(keepends=True)
        for number, line in images.items():
            lines[number - 1] = line
        for block in reversed(blocks):
            ending = "\n" if lines[block.last_line - 1].endswith("\n") else ""
            lines[block.first_line - 1 : block.last_line] = [drawn[block.first_line] + ending]
        return "".join(lines)

    def _fence(self, block: FlowBlock, number: int, base: Path, where: str, markdown: str, options) -> str:
        try:
            options = fence_render_options(options, block)
        except BlockProblem as problem:
            log.error(f"{where}:{problem.line}: {problem.message}")
            return _error_box([f"{where}:{problem.line}: {problem.message}"])
        rendered = self.cache.render(
            block.text,
            path=base / f"block-{number}.flow.yaml",
            display=where,
            options=options,
            line_offset=block.body_offset,
            source=markdown,
        )
        moved = [replace(d, column=d.column + block.indent) for d in rendered.result.diagnostics]
        _log_diagnostics(moved)
        if rendered.svg is None:
            return _error_box([_line(d) for d in moved if d.is_error])
        label = html.escape(block.option("alt") or rendered.result.flow.title, quote=True)
        return f'\n<div class="fc-diagram" role="figure" aria-label="{label}">{_inline(rendered.svg, number)}</div>\n'

    def _image_lines(self, markdown: str, page_uri: str, where: str) -> dict[int, str]:
        """Lines whose ``![…](x.flow.yaml)`` tags now point at ``x.svg``; errors logged at the tag's line."""
        fenced = fenced_lines(markdown)
        changed: dict[int, str] = {}
        for number, line in enumerate(markdown.splitlines(keepends=True), 1):
            if number in fenced or ".flow.y" not in line:
                continue
            spans = _code_spans(line)
            new = IMAGE.sub(
                lambda m, n=number, s=spans: m[0] if _inside(m.start(), s) else self._image(m, page_uri, where, n),
                line,
            )
            if new != line:
                changed[number] = new
        return changed

    def _image(self, match: re.Match, page_uri: str, where: str, line: int) -> str:
        src = match["src"].strip("<>")
        if not src.endswith(FLOW_SUFFIXES) or "://" in src:
            return match[0]
        target = posixpath.normpath(src.lstrip("/") if src.startswith("/") else posixpath.join(page_uri, "..", src))
        rendered = self.flows.get(target)
        column = match.start() + 1
        if rendered is None:
            log.error(f"{where}:{line}:{column}: image {src}: no such flow file in the docs")
            return match[0]
        if rendered.svg is None:
            problems = [d for d in rendered.result.diagnostics if d.is_error]
            log.error(f"{where}:{line}:{column}: image {src}: the flow has {len(problems)} error(s)")
            _log_diagnostics(rendered.result.diagnostics)
            return match[0]
        svg_src = src[: -len(".flow.yaml" if src.endswith(".flow.yaml") else ".flow.yml")] + ".svg"
        return f"![{match['alt']}]({svg_src}{match['title'] or ''})"


_BACKTICKS = re.compile(r"`+")


def _code_spans(line: str) -> list[tuple[int, int]]:
    """Where the line's inline code spans lie (CommonMark: a run of N backticks up to the next run of N)."""
    spans, at = [], 0
    while opening := _BACKTICKS.search(line, at):
        width = len(opening[0])
        closing = next((m for m in _BACKTICKS.finditer(line, opening.end()) if len(m[0]) == width), None)
        if closing is None:
            at = opening.end()
            continue
        spans.append((opening.start(), closing.end()))
        at = closing.end()
    return spans


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _line(d: Diagnostic) -> str:
    where = f" [step {d.step}]" if d.step else ""
    return f"{d.path}:{d.line}:{d.column}: {d.severity.value} {d.code}: {d.message}{where}"


def _log_diagnostics(diagnostics) -> None:
    for d in diagnostics:
        (log.error if d.is_error else log.warning)(_line(d))


def _error_box(lines: list[str]) -> str:
    body = html.escape("\n".join(lines))
    return f'\n<pre class="fc-error"><strong>flowchart: this flow has errors</strong>\n{body}</pre>\n'


def _inline(svg: str, number: int) -> str:
    """The SVG for inlining in HTML: no XML declaration, ids unique on the page, shrunk to fit the column."""
    svg = svg.split("?>", 1)[1].lstrip() if svg.startswith("<?xml") else svg
    svg = svg.replace("<svg ", '<svg style="max-width:100%;height:auto" ', 1)
    for name in _SVG_IDS:
        svg = svg.replace(f'id="{name}"', f'id="{name}-{number}"')
    return svg.replace('aria-labelledby="fc-title fc-desc"', f'aria-labelledby="fc-title-{number} fc-desc-{number}"')
