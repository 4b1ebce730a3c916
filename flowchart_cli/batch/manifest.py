"""The build manifest: OUT/.flowchart-manifest.json, what each output was built from.

For every flow it keeps the content hash of the input last rendered, the flows
that input `ref`s (its dependencies), its title (for the index) and, for every
output, its path, the hash of its content and the *key* it was built from (a
hash of the tool version, the options, the input and its dependencies).  An
output is up to date when its file still has that content and the key it would
be built from now is the same.  The file holds no times, so it can be
committed beside the outputs and `build --check` still works after a clone.

The manifest is only ever replaced atomically and an entry is recorded only
after its outputs exist, so whatever a killed build leaves is trustworthy.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..atomic import write_atomic
from ..regularfile import open_regular, read_own_text

__all__ = ["MANIFEST_NAME", "FlowRecord", "Manifest", "OutputRecord", "file_sha256", "source_key"]

MANIFEST_NAME = ".flowchart-manifest.json"
_SCHEMA = 1


def file_sha256(path: Path) -> str | None:
    """The hex SHA-256 of a regular file's content; ``None`` when it cannot be read or is not a regular file."""
    try:
        with open_regular(path) as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def source_key(tool: str, options: dict, input_sha: str, deps: dict[str, str | None]) -> str:
    """What an output depends on, as one hash."""
    blob = json.dumps(
        {"tool": tool, "options": options, "input": input_sha, "deps": sorted(deps.items())},
        sort_keys=True,
        ensure_ascii=True,
    )
    return hashlib.sha256(blob.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class OutputRecord:
    path: str
    sha256: str
    key: str


@dataclass(frozen=True)
class FlowRecord:
    """One flow's last successful render; ``outputs`` maps a build format to its record."""

    input: str
    title: str = ""
    deps: tuple[str, ...] = ()
    outputs: dict[str, OutputRecord] = field(default_factory=dict)

    def merged(self, newer: FlowRecord) -> FlowRecord:
        """``newer`` with the outputs of formats it did not build kept from ``self``."""
        return FlowRecord(newer.input, newer.title, newer.deps, {**self.outputs, **newer.outputs})


class Manifest:
    """The flows recorded in one output folder, keyed by their path relative to the source folder."""

    def __init__(self, flows: dict[str, FlowRecord] | None = None) -> None:
        self.flows: dict[str, FlowRecord] = dict(flows or {})

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        """The manifest in ``out_dir``; empty when missing or unreadable (everything is then rebuilt)."""
        try:
            data = json.loads(read_own_text(out_dir / MANIFEST_NAME))
            if data.get("schema") != _SCHEMA:
                return cls()
            return cls({rel: _flow_record(entry) for rel, entry in data["flows"].items()})
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()

    def record(self, rel: str, record: FlowRecord) -> None:
        old = self.flows.get(rel)
        self.flows[rel] = old.merged(record) if old else record

    def forget(self, rel: str) -> None:
        self.flows.pop(rel, None)

    def to_json(self) -> str:
        flows = {rel: asdict(self.flows[rel]) for rel in sorted(self.flows)}
        for entry in flows.values():
            entry["deps"] = list(entry["deps"])
            entry["outputs"] = dict(sorted(entry["outputs"].items()))
        return json.dumps({"schema": _SCHEMA, "flows": flows}, indent=1, ensure_ascii=False, sort_keys=True) + "\n"

    def save(self, out_dir: Path) -> None:
        """Replace the manifest; a name that is not UTF-8 is kept as a JSON ``\\udcXX`` escape, never an error."""
        write_atomic(out_dir / MANIFEST_NAME, self.to_json().encode("utf-8", "backslashreplace"))


def _flow_record(entry: dict) -> FlowRecord:
    outputs = {
        fmt: OutputRecord(str(o["path"]), str(o["sha256"]), str(o["key"]))
        for fmt, o in entry.get("outputs", {}).items()
    }
    return FlowRecord(
        str(entry["input"]), str(entry.get("title", "")), tuple(str(d) for d in entry.get("deps", ())), outputs
    )
