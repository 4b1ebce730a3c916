"""Load a flow file: YAML text → :class:`~flowchart_cli.model.Flow` plus diagnostics.

All problems of form (FC100–FC109) are collected here with their positions,
never raised; the model is built from whatever could be read so that the
graph rules can still speak about the rest of the file.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from .diagnostics import Diagnostic
from .model import Branch, Flow, Lane, Pos, Step
from .rules.catalog import diagnostic
from .symbols import SYMBOLS
from .yamlsource import Mapping, Node, Scalar, Sequence, SourceError, parse_text, read_source

__all__ = ["LANGS", "DIRECTIONS", "STEP_KEYS", "TOP_KEYS", "LANE_KEYS", "load_flow", "load_text"]

LANGS = ("en", "es", "pt")
DIRECTIONS = ("TB", "LR")
TOP_KEYS = ("title", "lang", "version", "owner", "updated", "description", "direction", "lanes", "steps")
TEXT_KEYS = ("version", "owner", "updated", "description")
LANE_KEYS = ("id", "name", "description")
STEP_KEYS = ("id", "lane", "next", "branches", "notes", "duration", "link", "ref", *SYMBOLS)
LINK_SCHEMES = ("http", "https", "mailto")
REF_KINDS = ("subprocess", "offpage")
FLOW_SUFFIXES = (".yaml", ".yml")


def _pos(node: Node) -> Pos:
    return Pos(node.line, node.column)


def is_valid_id(text: str) -> bool:
    """Letters of any script, digits, `_` and `-` only."""
    return bool(text) and all(ch.isalnum() or ch in "_-" for ch in text)


def suggest(word: str, choices) -> str:
    """`; did you mean 'x'?` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in choices}
        close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
        close = [lowered[c] for c in close]
    return f"; did you mean '{close[0]}'?" if close else ""


@dataclass
class _Reader:
    """Walks the node tree once, collecting diagnostics."""

    path: Path | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def report(self, code: str, message: str, pos: Pos, step: str | None = None) -> None:
        self.diagnostics.append(diagnostic(code, message, pos, step))

    # -- values -----------------------------------------------------------
    def text(self, node: Node, what: str, step: str | None = None, *, required: bool = True) -> str | None:
        """A scalar's text as written; lists, mappings and empty values are FC107."""
        if not isinstance(node, Scalar):
            kind = "a list" if isinstance(node, Sequence) else "a mapping"
            self.report("FC107", f"{what} must be text, not {kind}", _pos(node), step)
            return None
        if node.is_null or not node.text.strip():
            if required:
                self.report("FC107", f"{what} is empty; write a text", _pos(node), step)
            return None
        return node.text.strip()

    def pairs(self, node: Mapping, known, where: str, step: str | None = None):
        """(key, key node, value node) of a mapping; unknown and repeated keys are FC102."""
        seen: set[str] = set()
        for key_node, value in node.items:
            if not isinstance(key_node, Scalar):
                self.report("FC102", f"a key in {where} must be a plain word", _pos(key_node), step)
                continue
            key = key_node.text
            if key not in known:
                self.report("FC102", f"unknown key '{key}' in {where}{suggest(key, known)}", _pos(key_node), step)
                continue
            if key in seen:
                self.report("FC102", f"key '{key}' appears twice in {where}; keep one", _pos(key_node), step)
                continue
            seen.add(key)
            yield key, key_node, value

    # -- the document ---------------------------------------------------------
    def flow(self, root: Node | None) -> Flow | None:
        if not isinstance(root, Mapping):
            what = "empty" if root is None else ("a list" if isinstance(root, Sequence) else "a single text")
            pos = Pos() if root is None else _pos(root)
            self.report("FC101", f"the file is {what}; a flow file is a mapping with `title` and `steps`", pos)
            return None
        values: dict[str, Node] = {}
        positions: list[tuple[str, Pos]] = []
        for key, _key_node, value in self.pairs(root, TOP_KEYS, "the flow"):
            values[key] = value
            positions.append((key, _pos(value)))
        title = None
        if "title" not in values or (isinstance(values["title"], Scalar) and values["title"].is_null):
            self.report("FC101", "the flow has no `title`; add `title: <name of the process>`", _pos(root))
        else:
            title = self.text(values["title"], "`title`")
        meta = {key: self.text(values[key], f"`{key}`") or "" for key in TEXT_KEYS if key in values}
        lang = self.choice(values.get("lang"), "`lang`", LANGS) or "en"
        direction = self.choice(values.get("direction"), "`direction`", DIRECTIONS, upper=True) or "TB"
        lanes = self.lanes(values["lanes"]) if "lanes" in values else None
        steps_node = values.get("steps")
        if not isinstance(steps_node, Sequence) or not steps_node.items:
            pos = _pos(steps_node) if steps_node is not None else _pos(root)
            self.report("FC101", "the flow needs a non-empty `steps` list (`steps:` then `- start: …`)", pos)
            return None
        steps, implied = self.steps(steps_node, lanes)
        return Flow(
            title=title or "",
            steps=steps,
            lanes=tuple(lanes if lanes is not None else implied),
            lang=lang,
            direction=direction,
            path=self.path,
            lanes_declared=lanes is not None,
            positions=tuple(positions),
            **meta,
        )

    def choice(self, node: Node | None, what: str, choices, *, upper: bool = False) -> str | None:
        if node is None:
            return None
        text = self.text(node, what)
        if text is None:
            return None
        value = text.upper() if upper else text.lower()
        if value not in choices:
            self.report("FC108", f"{what} is '{text}'; use one of: {', '.join(choices)}", _pos(node))
            return None
        return value

    # -- lanes ------------------------------------------------------------------
    def lanes(self, node: Node) -> list[Lane] | None:
        if not isinstance(node, Sequence):
            self.report("FC107", "`lanes` must be a list of lane names", _pos(node))
            return None
        lanes: list[Lane] = []
        for item in node.items:
            lane = self.lane(item)
            if lane is None:
                continue
            if any(other.id == lane.id for other in lanes):
                self.report("FC104", f"two lanes share the id '{lane.id}'; give each lane its own id", lane.pos)
                continue
            lanes.append(lane)
        return lanes

    def lane(self, node: Node) -> Lane | None:
        if isinstance(node, Scalar):
            name = self.text(node, "a lane name")
            return Lane(name, name, "", _pos(node)) if name else None
        if not isinstance(node, Mapping):
            self.report("FC107", "a lane is a name or a mapping with `name`", _pos(node))
            return None
        fields: dict[str, str | None] = {}
        for key, _key_node, value in self.pairs(node, LANE_KEYS, "a lane"):
            fields[key] = self.text(value, f"the lane's `{key}`")
            if key == "id" and fields[key] and not is_valid_id(fields[key]):
                self.report("FC108", f"lane id '{fields[key]}' may hold only letters, digits, '_' and '-'",
                            _pos(value))
                fields[key] = None
        name = fields.get("name")
        if not name:
            if "name" not in fields:
                self.report("FC107", "a lane mapping needs a `name`", _pos(node))
            return None
        return Lane(fields.get("id") or name, name, fields.get("description") or "", _pos(node))

    # -- steps --------------------------------------------------------------
    def steps(self, node: Sequence, lanes: list[Lane] | None) -> tuple[tuple[Step, ...], list[Lane]]:
        raw = [self.step(index, item) for index, item in enumerate(node.items)]
        steps = [s for s in raw if s is not None]
        implied = self.assign_lanes(steps, lanes)
        self.check_ids(steps)
        return tuple(steps), implied

    def step(self, index: int, node: Node) -> Step | None:
        key = f"step-{index + 1}"
        if not isinstance(node, Mapping):
            self.report("FC107", "a step must be a mapping such as `- process: <what is done>`", _pos(node), key)
            return Step(index, key, None, "", pos=_pos(node))
        values: dict[str, Node] = {}
        key_pos: dict[str, Pos] = {}
        for name, key_node, value in self.pairs(node, STEP_KEYS, "a step", key):
            values[name] = value
            key_pos[name] = _pos(key_node)
        step_id = None
        if "id" in values:
            step_id = self.text(values["id"], "`id`", key)
            if step_id is not None and not is_valid_id(step_id):
                self.report("FC108", f"id '{step_id}' may hold only letters, digits, '_' and '-'",
                            _pos(values["id"]), key)
                step_id = None
            key = step_id or key
        symbols = [k for k in values if k in SYMBOLS]
        kind, label = None, ""
        if not symbols:
            self.report("FC103", "the step has no symbol; give it one key such as `process:` or `decision:`",
                        _pos(node), key)
        elif len(symbols) > 1:
            self.report("FC103", f"the step has several symbols ({', '.join(symbols)}); keep exactly one",
                        key_pos[symbols[1]], key)
        else:
            kind = symbols[0]
            label = self.text(values[kind], f"the `{kind}` label", key) or ""
        texts = {k: self.text(values[k], f"`{k}`", key) or "" for k in ("lane", "next", "notes", "duration")
                 if k in values}
        link = self.link(values["link"], key) if "link" in values else ""
        ref = self.ref(values["ref"], key, kind) if "ref" in values else ""
        branches = self.branches(values["branches"], key) if "branches" in values else ()
        return Step(
            index=index, key=key, kind=kind, label=label, id=step_id,
            lane=texts.get("lane") or None, next=texts.get("next") or None, branches=branches,
            notes=texts.get("notes", ""), duration=texts.get("duration", ""), link=link, ref=ref,
            pos=_pos(node), positions=tuple((k, _pos(v)) for k, v in values.items()),
        )

    def branches(self, node: Node, key: str) -> tuple[Branch, ...]:
        if not isinstance(node, Mapping):
            self.report("FC107", "`branches` must be a mapping `outcome: step id`", _pos(node), key)
            return ()
        branches: list[Branch] = []
        seen: set[str] = set()
        for label_node, target_node in node.items:
            if not isinstance(label_node, Scalar):
                self.report("FC107", "a branch label must be text", _pos(label_node), key)
                continue
            label = label_node.text.strip()
            if not label:
                self.report("FC206", "a branch has an empty label; write its outcome (Sí, No…)",
                            _pos(label_node), key)
                continue
            if label in seen:
                self.report("FC206", f"the branch label '{label}' is repeated; each outcome needs its own label",
                            _pos(label_node), key)
                continue
            seen.add(label)
            target = self.text(target_node, f"the target of branch '{label}'", key)
            if target is not None:
                branches.append(Branch(label, target, _pos(label_node), _pos(target_node)))
        return tuple(branches)

    def link(self, node: Node, key: str) -> str:
        url = self.text(node, "`link`", key)
        if url is None:
            return ""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in LINK_SCHEMES or (scheme != "mailto" and not parts.netloc) or any(
            ch.isspace() or ord(ch) < 32 for ch in url
        ):
            self.report("FC108", f"link '{url}' must be an http, https or mailto URL", _pos(node), key)
            return ""
        return url

    def ref(self, node: Node, key: str, kind: str | None) -> str:
        ref = self.text(node, "`ref`", key)
        if ref is None:
            return ""
        if kind is not None and kind not in REF_KINDS:
            self.report("FC207", f"`ref` belongs to subprocess and offpage steps, not to a {kind}",
                        _pos(node), key)
            return ""
        problem = ref_problem(self.path, ref)
        if problem:
            self.report("FC109", problem, _pos(node), key)
            return ""
        return ref

    # -- cross-step checks ---------------------------------------------------------
    def assign_lanes(self, steps: list[Step], declared: list[Lane] | None) -> list[Lane]:
        """Resolve lane names to ids and inherit lanes; returns implied lanes."""
        implied: list[Lane] = []
        lookup = {lane.id: lane.id for lane in declared or ()}
        lookup.update({lane.name: lane.id for lane in declared or () if lane.name not in lookup})
        current: str | None = None
        for i, step in enumerate(steps):
            lane = step.lane
            if lane is not None and declared is not None and lane not in lookup:
                choices = [*(x.id for x in declared), *(x.name for x in declared)]
                self.report("FC106", f"unknown lane '{lane}'{suggest(lane, choices)}", step.at("lane"), step.key)
                lane = None
            elif lane is not None and declared is not None:
                lane = lookup[lane]
            elif lane is not None and lane not in lookup:
                lookup[lane] = lane
                implied.append(Lane(lane, lane, "", step.at("lane")))
            if lane is None and step.lane is None and i == 0 and declared:
                self.report("FC106", "lanes are declared: the first step must name its `lane`", step.pos, step.key)
            current = lane if lane is not None else current
            steps[i] = _replace_lane(step, current)
        if implied and steps[0].lane is None:  # steps before the first named lane join it
            first = implied[0].id
            for i, step in enumerate(steps):
                if step.lane is not None:
                    break
                steps[i] = _replace_lane(step, first)
        return implied

    def check_ids(self, steps: list[Step]) -> None:
        ids: dict[str, Step] = {}
        for step in steps:
            if step.id is None:
                continue
            if step.id in ids:
                first = ids[step.id]
                self.report("FC104", f"id '{step.id}' is already used by step {first.number} "
                            f"(line {first.at('id').line}); ids must be unique", step.at("id"), step.key)
            else:
                ids[step.id] = step
        for step in steps:
            if step.next is not None and step.next not in ids:
                self.report("FC105", f"`next` points to unknown step '{step.next}'{suggest(step.next, ids)}",
                            step.at("next"), step.key)
            for branch in step.branches:
                if branch.target not in ids:
                    self.report("FC105", f"branch '{branch.label}' points to unknown step "
                                f"'{branch.target}'{suggest(branch.target, ids)}", branch.target_pos, step.key)


def _replace_lane(step: Step, lane: str | None) -> Step:
    return replace(step, lane=lane)


def ref_problem(path: Path | None, ref: str) -> str:
    """Why ``ref`` is not a usable flow reference from ``path`` ('' when it is)."""
    if not ref.endswith(FLOW_SUFFIXES):
        return f"ref '{ref}' is not a flow file (NAME.flow.yaml)"
    candidate = Path(ref)
    if candidate.is_absolute() or "://" in ref:
        return f"ref '{ref}' must be a path relative to this file"
    if path is None:
        return ""
    base = path.resolve().parent
    target = (base / candidate).resolve()
    if not target.is_relative_to(base):
        return f"ref '{ref}' lies outside this file's folder; keep referenced flows beside or below it"
    if not target.is_file():
        return f"ref '{ref}' does not exist (looked for {target.relative_to(base)})"
    return ""


def load_text(text: str, path: Path | None = None) -> tuple[Flow | None, list[Diagnostic]]:
    """Load a flow from text already read; ``path`` resolves refs and names outputs."""
    reader = _Reader(path)
    try:
        root = parse_text(text)
    except SourceError as exc:
        reader.report("FC100", exc.message, Pos(exc.line, exc.column))
        return None, reader.diagnostics
    except RecursionError:
        reader.report("FC100", "the YAML is nested too deeply", Pos())
        return None, reader.diagnostics
    return reader.flow(root), reader.diagnostics


def load_flow(path: Path) -> tuple[Flow | None, list[Diagnostic]]:
    """Read and load one flow file; the model is ``None`` when nothing usable was read."""
    try:
        text = read_source(path)
    except SourceError as exc:
        return None, [diagnostic("FC100", exc.message, Pos(exc.line, exc.column))]
    return load_text(text, path)
