"""Find the ```` ```flow ```` blocks of a Markdown file and replace them: shared by `flowchart markdown` and MkDocs.

Fences follow CommonMark: three or more backticks or tildes, indented at most
three spaces (counted from the content of the list item they sit in, however
deeply nested), closed by a fence of the same character at least as long; the
blocks of other languages are skipped whole, so a ```` ```flow ```` shown
inside a ```` ````markdown ```` example stays as it is. The info string may
carry options after ``flow``: ```` ```flow theme=mono edges=spline alt="…" ````.
"""

from __future__ import annotations

import hashlib
import re
import shlex
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

from .layout.theme import THEME_NAMES

if TYPE_CHECKING:
    from .writers import RenderOptions

__all__ = [
    "FENCE_OPTIONS",
    "BlockProblem",
    "FlowBlock",
    "asset_stem",
    "fence_render_options",
    "fenced_lines",
    "find_flow_blocks",
    "image_markdown",
    "replace_blocks",
]

FENCE_OPTIONS: dict[str, tuple[str, ...] | None] = {
    "theme": THEME_NAMES,
    "edges": ("ortho", "spline"),
    "numbers": ("true", "false"),
    "header": ("true", "false"),
    "alt": None,
}
"""Options a fence's info string may set, with their allowed values (``None``: free text)."""

_OPENING = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_LIST_ITEM = re.compile(r"^(?P<marker> *(?:[-+*]|\d{1,9}[.)]))(?P<gap> {1,4})\S")
_SLUG_DROP = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class BlockProblem(Exception):
    """A fence that cannot be used as written (bad option, never closed), at its Markdown line."""

    message: str
    line: int
    column: int = 1


@dataclass(frozen=True, slots=True)
class FlowBlock:
    """One ```` ```flow ```` block: its lines in the Markdown file (1-based, fences included) and its flow text."""

    first_line: int
    last_line: int
    indent: int
    text: str
    options: tuple[tuple[str, str], ...] = ()

    @property
    def body_offset(self) -> int:
        """Added to a line of :attr:`text` to give its line in the Markdown file."""
        return self.first_line

    def option(self, name: str, default: str | None = None) -> str | None:
        return dict(self.options).get(name, default)


def find_flow_blocks(markdown: str) -> list[FlowBlock]:
    """Every flow block in order; :class:`BlockProblem` for a bad option or an unclosed flow fence."""
    lines = markdown.splitlines()
    blocks: list[FlowBlock] = []
    for start, end, opening in _fences(lines):
        words = opening["info"].strip().split(maxsplit=1)
        if not words or words[0] != "flow":
            continue
        if end is None:
            closing = opening["fence"]
            raise BlockProblem(f"this ```flow block is never closed; end it with a line of {closing}", start + 1)
        indent = len(opening["indent"])
        body = [_dedent(line, indent) for line in lines[start + 1 : end]]
        options = _options(words[1] if len(words) > 1 else "", start + 1)
        blocks.append(FlowBlock(start + 1, end + 1, indent, "\n".join(body) + "\n", options))
    return blocks


def fenced_lines(markdown: str) -> set[int]:
    """The 1-based numbers of every line inside a fenced code block, fences included (any language)."""
    lines = markdown.splitlines()
    inside: set[int] = set()
    for start, end, _ in _fences(lines):
        inside.update(range(start + 1, (end if end is not None else len(lines) - 1) + 2))
    return inside


def _fences(lines: list[str]) -> Iterator[tuple[int, int | None, re.Match]]:
    """(opening index, closing index or None, opening match) of every fenced block, 0-based."""
    i = 0
    while i < len(lines):
        opening = _OPENING.match(lines[i])
        base = _container_column(lines, i, len(opening["indent"])) if opening else None
        if base is None or (opening["fence"][0] == "`" and "`" in opening["info"]):
            i += 1
            continue
        end = _closing_line(lines, i, opening["fence"], base)
        yield i, end, opening
        i = (end if end is not None else len(lines)) + 1


def _container_column(lines: list[str], at: int, indent: int) -> int | None:
    """The content column of the list item a fence indented ``indent`` spaces belongs to (0 outside lists),
    or ``None`` when that indent makes it no fence (an indented code block)."""
    if indent <= 3:
        return 0
    for j in range(at - 1, -1, -1):
        line = lines[j]
        if not line.strip():
            continue
        item = _LIST_ITEM.match(line)
        column = len(item["marker"]) + len(item["gap"]) if item else None
        if column is not None and column <= indent <= column + 3:
            return column
        if len(line) - len(line.lstrip(" ")) < indent and (column is None or column < indent):
            return None  # text of an outer level: the fence is an indented code block
    return None


def _closing_line(lines: list[str], start: int, fence: str, base: int = 0) -> int | None:
    closing = re.compile(rf"^ {{{base},{base + 3}}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    return next((j for j in range(start + 1, len(lines)) if closing.match(lines[j])), None)


def _dedent(line: str, indent: int) -> str:
    """Remove up to ``indent`` leading spaces, as CommonMark does for an indented fence's content."""
    spaces = len(line) - len(line.lstrip(" "))
    return line[min(spaces, indent) :]


def _options(info: str, line: int) -> tuple[tuple[str, str], ...]:
    try:
        words = shlex.split(info)
    except ValueError:
        raise BlockProblem(f"the options after ```flow have an unclosed quote: {info}", line) from None
    options = []
    for word in words:
        name, sep, value = word.partition("=")
        if name not in FENCE_OPTIONS or not sep:
            known = ", ".join(f"{k}=…" for k in FENCE_OPTIONS)
            raise BlockProblem(f"unknown ```flow option '{word}'; the options are {known}", line)
        allowed = FENCE_OPTIONS[name]
        if allowed is not None and value not in allowed:
            raise BlockProblem(f"```flow option {name}={value}: choose from {', '.join(allowed)}", line)
        options.append((name, value))
    return tuple(options)


def asset_stem(title: str, content: str) -> str:
    """`Gestión de quejas` + content → ``gestion-de-quejas-1a2b3c4d``: readable, stable, unique per content."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    slug = _SLUG_DROP.sub("-", folded).strip("-")[:48].rstrip("-") or "flow"
    return f"{slug}-{hashlib.sha256(content.encode('utf-8')).hexdigest()[:8]}"


_ALT_SPECIAL = re.compile(r"([\\\[\]])")


def image_markdown(alt: str, url: str) -> str:
    """``![alt](url)`` with the alt text's brackets escaped and the URL in angle brackets when it has spaces."""
    flat = " ".join(alt.split())
    target = f"<{url}>" if re.search(r"[\s()<>]", url) else url
    escaped = _ALT_SPECIAL.sub(r"\\\1", flat)
    return f"![{escaped}]({target})"


def replace_blocks(markdown: str, blocks: list[FlowBlock], replacement: Callable[[FlowBlock], str]) -> str:
    """``markdown`` with each block's lines (fences included) replaced by ``replacement(block)``."""
    lines = markdown.splitlines(keepends=True)
    for block in reversed(blocks):
        last = lines[block.last_line - 1]
        ending = last[len(last.rstrip("\r\n")) :]  # the block's own line ending: a CRLF document stays CRLF
        lines[block.first_line - 1 : block.last_line] = [" " * block.indent + replacement(block) + ending]
    return "".join(lines)


def fence_render_options(options: RenderOptions, block: FlowBlock) -> RenderOptions:
    """``options`` with the block's own ``theme``, ``edges``, ``numbers`` and ``header`` applied.

    ``numbers``/``header`` are passed on when this version's writers draw them; asking for
    one they cannot draw is a :class:`BlockProblem` rather than a silently plain diagram.
    """
    changes: dict[str, object] = {k: v for k, v in block.options if k in ("theme", "edges")}
    supported = {f.name for f in fields(options)}
    for name in ("numbers", "header"):
        value = block.option(name)
        if value is None:
            continue
        if name not in supported:
            if value == "true":
                raise BlockProblem(
                    f"```flow option {name}=true is not supported by this flowchart-cli", block.first_line
                )
            continue
        changes[name] = value == "true"
    return replace(options, **changes) if changes else options
