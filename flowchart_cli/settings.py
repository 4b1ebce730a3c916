"""Defaults for the command line from `flowchart.toml` or `[tool.flowchart]` in `pyproject.toml` (spec §8).

The nearest `flowchart.toml` (this folder, then each folder above) wins; without
one, the nearest `pyproject.toml` that has a `[tool.flowchart]` table.  Each
known key is checked here, once, against :data:`SETTINGS`; an unknown key or
a value of the wrong kind is a :class:`SettingsError` naming the file, the key
and its line (exit 2).  The command line turns the values into Click's
``default_map``, so an option typed on the command line always wins.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SETTINGS", "ConfigFile", "Setting", "SettingsError", "default_map", "find_config", "load_config"]

FILE_NAME = "flowchart.toml"
PYPROJECT_TABLE = ("tool", "flowchart")


class SettingsError(Exception):
    """A configuration file that cannot be used: ``path:line: message``."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


def _choice(*allowed: str) -> Callable[[object], object]:
    def check(value: object) -> object:
        if not isinstance(value, str) or value not in allowed:
            raise ValueError(f"must be one of {', '.join(allowed)}")
        return value

    return check


def _bool(value: object) -> object:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _number(low: float, high: float | None = None, *, whole: bool = False) -> Callable[[object], object]:
    def check(value: object) -> object:
        kinds = (int,) if whole else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds) or value < low or (high and value > high):
            kind = "a whole number" if whole else "a number"
            raise ValueError(f"must be {kind} from {low:g}" + (f" to {high:g}" if high else " up"))
        return value

    return check


def _text(value: object) -> object:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty string")
    return value


def _texts(value: object) -> object:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(i, str) and i.strip() for i in items):
        raise ValueError('must be a list of strings (["svg", "png"]) or one string ("svg,png")')
    return [i.strip() for i in items]


def _formats(value: object) -> object:
    from .batch.formats import BUILD_FORMATS

    chosen = _texts(value)
    assert isinstance(chosen, list)
    unknown = [f for f in chosen if f not in BUILD_FORMATS]
    if unknown:
        raise ValueError(f"has unknown format {unknown[0]!r}; choose from {', '.join(BUILD_FORMATS)}")
    return chosen


@dataclass(frozen=True, slots=True)
class Setting:
    """A key of the configuration file: its check, the option it sets and in which commands.

    ``commands``: the commands whose option ``param`` it sets (``None``: every
    command that has an option called ``param``); ``invert``: the option is the
    negation (``quiz = false`` sets ``--no-quiz``).
    """

    key: str
    check: Callable[[object], object]
    default: object
    help: str
    commands: tuple[str, ...] | None = None
    param: str = ""
    path: bool = False

    @property
    def option(self) -> str:
        return self.param or self.key


def _theme(value: object) -> object:
    from .layout.theme import THEME_NAMES

    return _choice(*THEME_NAMES)(value)


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("theme", _theme, "default", "colours: default, mono, dark, auto (markdown, MkDocs: auto)"),
        Setting("numbers", _bool, False, "draw each step's number"),
        Setting("header", _bool, False, "a title block above the diagram"),
        Setting("shares", _bool, False, "each outcome's share beside its label", ("render",)),
        Setting("edges", _choice("ortho", "spline"), "ortho", "flow lines: ortho or spline"),
        Setting("paper", _choice("a4", "a3", "letter"), "a4", "paper of the handout and of render's PDF",
                ("render", "handout", "build")),
        Setting("format", _formats, ["svg"], "output formats (render, build)", ("render", "build")),
        Setting("out_dir", _text, None, "output folder, relative to the file (render, handout, build)",
                ("render", "handout", "build"), path=True),
        Setting("jobs", _number(1, whole=True), None, "parallel jobs (build; default: the CPU count)", ("build",)),
        Setting("scale", _number(0.25, 8.0), 1.0, "PNG scale"),
        Setting("lang", _choice("en", "es", "pt"), None, "the handout's language (default: the flow's)", ("handout",)),
        Setting("quiz", _bool, True, "the handout's self-check quiz", ("handout",)),
        Setting("mermaid", _choice("11", "10"), "11", "Mermaid syntax", ("render",)),
        Setting("layout_timeout", _number(1.0), 60.0, "seconds Graphviz may take per flow"),
        Setting("exclude", _texts, [], "patterns build skips", ("build",)),
        Setting("index", _bool, False, "build writes OUT/index.md", ("build",)),
        Setting("strict", _bool, False, "check: warnings fail too", ("check",)),
        Setting("port", _number(0, 65535, whole=True), 8765, "serve's port", ("serve",)),
    )
}  # fmt: skip
"""Every key a configuration file may set, in the order `flowchart config` prints them."""


@dataclass(frozen=True, slots=True)
class Configured:
    """A value the file sets, and the line it is on."""

    value: object
    line: int


@dataclass(frozen=True)
class ConfigFile:
    """The settings of one file; ``table`` is ``tool.flowchart`` for a pyproject.toml, else ""."""

    path: Path
    table: str
    values: dict[str, Configured]

    def where(self, key: str) -> str:
        return f"{self.path}:{self.values[key].line}"


def find_config(start: Path) -> Path | None:
    """The nearest flowchart.toml at or above ``start``, else the nearest pyproject.toml with [tool.flowchart]."""
    folders = [start, *start.parents]
    for folder in folders:
        if (folder / FILE_NAME).is_file():
            return folder / FILE_NAME
    for folder in folders:
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _has_table(candidate):
            return candidate
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "flowchart" not in text:  # most pyproject.toml files: no pattern to compile
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*flowchart\s*[\].]", text, re.M) is not None


def load_config(start: Path | None = None) -> ConfigFile | None:
    """The settings that apply in ``start`` (default: the working folder), checked; ``None`` without a file."""
    found = find_config((start or Path.cwd()).absolute())
    if found is None:
        return None
    import tomllib  # only when there is a file to read: every command starts here

    shown = _shown(found)
    try:
        text = found.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise SettingsError(shown, 1, "is not UTF-8 text") from None
    except OSError as error:
        raise SettingsError(shown, 1, f"cannot be read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise SettingsError(shown, int(line.group(1)) if line else 1, f"is not valid TOML: {error}") from None
    table = ""
    if found.name == "pyproject.toml":
        table = ".".join(PYPROJECT_TABLE)
        data = data.get("tool", {}).get("flowchart", {})
    lines = _key_lines(text, table)
    values: dict[str, Configured] = {}
    for key, raw in data.items():
        line = lines.get(key, 1)
        setting = SETTINGS.get(key)
        if setting is None:
            close = difflib.get_close_matches(key, SETTINGS, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(SETTINGS)}"
            raise SettingsError(shown, line, f"unknown key '{key}'{hint}")
        try:
            value = setting.check(raw)
        except ValueError as error:
            raise SettingsError(shown, line, f"'{key}' {error} (found {_toml(raw)})") from None
        values[key] = Configured(value, line)
    return ConfigFile(shown, table, values)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value) if not isinstance(value, dict) else "a table"


def _shown(path: Path) -> Path:
    """A path as the user would type it: relative to the working folder when below it."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:
        return path


_HEADER = r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$"
_KEY = r"""^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*="""


def _key_lines(text: str, table: str) -> dict[str, int]:
    """The line of each key of ``table`` ("" = the top level), for messages (tomllib gives no positions)."""
    lines: dict[str, int] = {}
    current = ""
    header_pattern, key_pattern = re.compile(_HEADER), re.compile(_KEY)  # compiled only when there is a file
    for number, line in enumerate(text.splitlines(), start=1):
        header = header_pattern.match(line)
        if header:
            current = re.sub(r"\s*\.\s*", ".", header.group(1)).replace('"', "")
            inside = current.removeprefix(f"{table}.") if table else current
            if inside != current or not table:
                lines.setdefault(inside.split(".")[0], number)  # a sub-table is a key of its own
            continue
        key = key_pattern.match(line)
        if key and current == table:
            lines.setdefault(next(k for k in key.groups() if k), number)
    return lines


def default_map(config: ConfigFile | None, commands: dict[str, set[str]]) -> dict[str, dict[str, object]]:
    """Click's ``default_map``: for each command, the file's value of each option it has."""
    if config is None:
        return {}
    out: dict[str, dict[str, object]] = {}
    for key, configured in config.values.items():
        setting = SETTINGS[key]
        value = configured.value
        if setting.path:
            value = _shown(config.path.parent / str(value))
        for command, params in commands.items():
            wanted = setting.commands is None or command in setting.commands
            if wanted and setting.option in params:
                out.setdefault(command, {})[setting.option] = value
    return out
