"""Mermaid source split into statements, and its label text made plain.

Statements end at a line break or `;` outside quotes (a quoted Markdown
string may run over several lines); `%%` comments and `%%{init}%%` directives
are dropped.  Labels lose their quotes, the `**bold**`/`_italic_` marks of
Markdown strings, `<br>` and tags, and Mermaid's `#quot;`/`#9829;` codes.
"""

from __future__ import annotations

import html
import re

from ..yamlimport import yaml
from .drawn import ImportFailure
from .text import html_text

__all__ = ["first_mermaid_block", "front_matter", "mermaid_label", "statements"]

_FENCE = re.compile(r"^(?P<fence>```+|~~~+)\s*mermaid\s*$(?P<body>.*?)^(?P=fence)\s*$", re.MULTILINE | re.DOTALL)
_CODE = re.compile(r"#(?:(\d{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));")
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_ITALIC = re.compile(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")


def first_mermaid_block(markdown: str) -> tuple[str, int]:
    """The text of the first ```mermaid block and the line of the file it starts on."""
    match = _FENCE.search(markdown)
    if match is None:
        raise ImportFailure("the Markdown file has no ```mermaid block")
    body = match.group("body")
    return body.removeprefix("\n"), markdown.count("\n", 0, match.start("body")) + 2


def front_matter(text: str) -> tuple[str, str, int]:
    """The `title:` of a `---` front matter block (or ""), the text after it and the line that text starts on."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "---":
        return "", text, 1
    for end in range(first + 1, len(lines)):
        if lines[end].strip() == "---":
            try:
                meta = yaml.safe_load("".join(lines[first + 1 : end]))
            except yaml.YAMLError:
                meta = None
            title = meta.get("title") if isinstance(meta, dict) else None
            return (str(title).strip() if title is not None else ""), "".join(lines[end + 1 :]), end + 2
    raise ImportFailure("the Mermaid front matter (---) is never closed")


def statements(text: str, first_line: int = 1) -> list[tuple[int, int, str]]:
    """The statements of the chart, in order, each with its line and column (1-based), comments gone.

    A `;` ends a statement only outside quotes and brackets (`A[Paso 1; revisar]`).
    """
    found: list[tuple[int, int, str]] = []
    current: list[str] = []
    line = start = first_line
    column = start_column = 1
    quoted = False
    depth = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == '"':
            quoted = not quoted
        elif not quoted and text.startswith("%%", i):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        elif not quoted and ch in "[({":
            depth += 1
        elif not quoted and ch in "])}":
            depth = max(0, depth - 1)
        if (ch == "\n" and not quoted) or (ch == ";" and not quoted and not depth):
            found.append((start, start_column, "".join(current).strip()))
            current, depth = [], 0
        else:
            current.append(ch)
        line, column = (line + 1, 1) if ch == "\n" else (line, column + 1)
        if not "".join(current).strip():
            start, start_column = line, column
        i += 1
    found.append((start, start_column, "".join(current).strip()))
    return [(number, col, statement) for number, col, statement in found if statement]


def mermaid_label(raw: str) -> str:
    """The text a reader sees for a node, edge or subgraph label as written in the source."""
    text = raw.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1].strip()
    if len(text) >= 2 and text[0] == text[-1] == "`":
        text = _ITALIC.sub(r"\1", _BOLD.sub(lambda m: m.group(1) or m.group(2), text[1:-1]))
    return _CODE.sub(_decoded, html_text(text.replace("\n", "<br>")))


def _decoded(match: re.Match) -> str:
    number, name = match.groups()
    if number is not None:
        code = int(number)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group(0)
    decoded = html.unescape(f"&{name};")
    return match.group(0) if decoded.startswith("&") else decoded
