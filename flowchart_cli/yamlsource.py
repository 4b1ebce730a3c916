"""Read a flow file into a small YAML node tree that keeps every position.

Why not ``yaml.safe_load``: it turns ``Yes``, ``on``, ``1`` and dates into
booleans, numbers and dates, forgets line numbers, silently keeps the last of
two duplicate keys and expands aliases (the "billion laughs").  Here the
libyaml event stream is composed iteratively into plain nodes: scalars stay
text as written (in Unicode NFC, so names compare as they look), aliases are
refused, depth is bounded, and every problem becomes a positioned
:class:`SourceError` instead of an exception.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .regularfile import NotRegularFile, read_regular
from .yamlimport import yaml  # PyYAML, without its costliest pattern compiled (yamlimport.py)

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "Mapping",
    "Node",
    "Scalar",
    "Sequence",
    "SourceError",
    "parse_text",
    "read_source",
]

MAX_BYTES = 2 * 1024 * 1024
"""Flow files larger than this are refused unread (a process is not 2 MB of text)."""

MAX_DEPTH = 32
"""Deeper nesting has no meaning in a flow file; refusing it keeps memory flat."""
TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels; a flow file is at most a few levels deep"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Scalar:
    """A scalar exactly as written; ``plain`` is False for quoted or block text."""

    text: str
    line: int
    column: int
    plain: bool = True

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in ("", "~", "null", "Null", "NULL")


@dataclass(frozen=True, slots=True)
class Mapping:
    items: tuple[tuple[Scalar | Mapping | Sequence, Node], ...]
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Sequence:
    items: tuple[Node, ...]
    line: int
    column: int


Node = Scalar | Mapping | Sequence


@dataclass(frozen=True, slots=True)
class SourceError(Exception):
    """A file that cannot become a node tree (FC100), with its 1-based position."""

    message: str
    line: int = 1
    column: int = 1


def read_source(path: Path) -> str:
    """Read a flow file as UTF-8 text, refusing folders, special files, huge and binary files.

    Only a regular file (after symbolic links) is opened: a FIFO would wait
    forever and a device (`/dev/zero`) never ends.  At most the limit + 1
    bytes are read even when the size seen first was wrong.
    """
    try:
        if path.is_dir():
            raise SourceError("this is a folder, not a flow file; name the flow files in it (or use `flowchart build`)")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(
                f"the file is {size / 1_048_576:.1f} MB; flow files are limited to "
                f"{MAX_BYTES // 1_048_576} MB — split the process into sub-flows (`ref`)"
            )
        data = read_regular(path, MAX_BYTES)
    except NotRegularFile as exc:
        raise SourceError(f"this is {exc.kind}, not a regular file; a flow file is a plain text file") from None
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise SourceError(f"the file is larger than {MAX_BYTES // 1_048_576} MB")
    return decode(data)


def decode(data: bytes) -> str:
    """Decode UTF-8 (a leading BOM is accepted and dropped); NUL bytes mean binary."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise SourceError("the file is UTF-32; save it as UTF-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError("the file is UTF-16; save it as UTF-8")
    if b"\x00" in data:
        line, column = _position_of(data, data.index(b"\x00"))
        raise SourceError("the file is binary (it contains NUL bytes), not a YAML text", line, column)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position_of(data, exc.start)
        raise SourceError(
            f"the file is not UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8", line, column
        ) from None
    return text.removeprefix("\ufeff")


def _position_of(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1


def parse_text(text: str) -> Node | None:
    """Compose the first YAML document of ``text``; ``None`` for an empty file."""
    try:
        return _compose(yaml.parse(text, Loader=_Loader), text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if "nesting depth" in problem:  # libyaml ≥ 0.2.6 has a limit of its own: report ours, the same everywhere
            message = TOO_DEEP
            raise SourceError(message, *((mark.line + 1, mark.column + 1) if mark else ())) from None
        if mark is None:
            raise SourceError(f"invalid YAML: {problem}") from None
        trap = _trap(exc, text)
        if trap is not None:
            raise SourceError(*trap) from None
        message = f"invalid YAML: {_explain(problem, text, mark.index)}"
        raise SourceError(message, mark.line + 1, mark.column + 1) from None
    except yaml.reader.ReaderError as exc:
        line, column = _text_position(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        raise SourceError(
            f"the file holds the control character U+{code:04X}, which YAML does not allow; remove it",
            line,
            column,
        ) from None
    except yaml.YAMLError as exc:
        raise SourceError(f"invalid YAML: {exc}") from None


def _text_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _trap(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, int, int] | None:
    """The error explained as one of the classic YAML traps (see :mod:`.yamltraps`), if it is one."""
    from .yamltraps import explain_error

    def at(mark) -> tuple[int, int] | None:
        return (mark.line + 1, mark.column + 1) if mark is not None else None

    return explain_error(exc.problem or "", exc.context, text, at(exc.problem_mark), at(exc.context_mark))


def _explain(problem: str, text: str, index: int) -> str:
    """libyaml's message, plus the usual cause when a tab stands where the error is."""
    if "\\t" in problem or "tab" in problem or text[index : index + 1] == "\t":
        return f"{problem} (YAML indents with spaces, never tabs)"
    return problem


def _refuse_syntax(event, text: str) -> None:
    """Aliases, anchors on texts and local tags (`!word`): what a text starting with `*`, `&` or `!` turns into."""
    tag = getattr(event, "tag", None)
    anchor = event.anchor if isinstance(event, (yaml.AliasEvent, yaml.ScalarEvent)) else None
    if anchor is None and (tag is None or not tag.startswith("!") or tag.startswith("!!") or tag == "!"):
        return  # `!!int` and other standard tags are ignored: the value stays the text written
    from .yamltraps import node_trap

    mark = event.start_mark
    trap = node_trap(text, mark.line + 1, mark.column + 1)
    if trap is not None:
        raise SourceError(*trap)
    if isinstance(event, yaml.AliasEvent):
        message = f"aliases (*{anchor}) are not allowed in flow files; write the value out"
    elif anchor is not None:
        message = f"anchors (&{anchor}) have no use in flow files (aliases are not allowed); remove it"
    else:
        message = f"tags ({tag}) are not allowed in flow files; remove it, or put the text in quotes"
    raise SourceError(message, mark.line + 1, mark.column + 1)


def _nfc(text: str) -> str:
    """``text`` in Unicode NFC: "ó" typed as o + U+0301 (macOS, a copy-paste) and as one "ó" must be
    the same lane, stage, id or reference, so every scalar is compared composed."""
    return text if text.isascii() or unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _compose(events, text: str) -> Node | None:
    """Build nodes from events with an explicit stack (no recursion, bounded depth)."""
    stack: list[tuple[type, list, int, int]] = []
    root: Node | None = None
    for event in events:
        if isinstance(event, yaml.DocumentStartEvent) and root is not None:
            mark = event.start_mark
            raise SourceError(
                "the file holds more than one YAML document (`---`); keep one flow per file",
                mark.line + 1,
                mark.column + 1,
            )
        if isinstance(event, (yaml.AliasEvent, yaml.ScalarEvent)):
            _refuse_syntax(event, text)
        node: Node | None = None
        if isinstance(event, yaml.ScalarEvent):
            mark = event.start_mark
            plain = event.style in (None, "") and event.implicit[0]
            node = Scalar(_nfc(event.value), mark.line + 1, mark.column + 1, plain)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(stack) >= MAX_DEPTH:
                mark = event.start_mark
                raise SourceError(
                    TOO_DEEP,
                    mark.line + 1,
                    mark.column + 1,
                )
            kind = Mapping if isinstance(event, yaml.MappingStartEvent) else Sequence
            stack.append((kind, [], event.start_mark.line + 1, event.start_mark.column + 1))
            continue
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            kind, children, line, column = stack.pop()
            if kind is Mapping:
                pairs = tuple(zip(children[0::2], children[1::2], strict=True))
                node = Mapping(pairs, line, column)
            else:
                node = Sequence(tuple(children), line, column)
        else:
            continue
        if stack:
            stack[-1][1].append(node)
        else:
            root = node
    return root
