"""Load a flow file: YAML text → :class:`~flowchart_cli.model.Flow` plus diagnostics.

All problems of form (FC100–FC109) are collected here with their positions,
never raised; the model is built from whatever could be read so that the
graph rules can still speak about the rest of the file.

One mistake should give one error, so where the intent is clear the reader
recovers: a misspelt key close to a known one (``strat:``) is reported (FC102)
and then read as that key; a `next`, branch or `lane` naming an unknown
target close to a known one is reported (FC105, FC106) and then followed to
the suggestion.  A file with errors is never rendered, so recovery only
keeps later rules from repeating the same mistake.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .diagnostics import Diagnostic
from .model import Branch, Flow, Lane, Pos, Stage, Step
from .rules.catalog import diagnostic, quoted
from .rules.suggest import closest, did_you_mean
from .symbols import SYMBOLS
from .values import (
    CONTROL_CHARACTER,
    DIRECTIONS,
    LANG_NAMES,
    LANGS,
    LINK_SCHEMES,
    REF_KINDS,
    is_valid_id,
    link_problem,
    ref_problem,
)
from .yamlsource import Mapping, Node, Scalar, Sequence, SourceError, parse_text, read_source

__all__ = [
    "DIRECTIONS",
    "LANE_KEYS",
    "LANGS",
    "LINK_SCHEMES",
    "REF_KINDS",
    "STAGE_KEYS",
    "STEP_KEYS",
    "TOP_KEYS",
    "is_valid_id",
    "load_flow",
    "load_text",
    "ref_problem",
]

TOP_KEYS = ("title", "lang", "version", "owner", "updated", "description", "direction", "lanes", "stages", "steps")
TEXT_KEYS = ("version", "owner", "updated", "description")
TRUE_WORDS = ("true", "yes", "sí", "si", "sim")
FALSE_WORDS = ("false", "no", "não", "nao")
LANE_KEYS = ("id", "name", "description", "external")
STAGE_KEYS = ("id", "name", "description")
STEP_KEYS = ("id", "lane", "stage", "next", "branches", "notes", "duration", "link", "ref", *SYMBOLS)
MAX_SUGGESTION_WORK = 50_000
"""A suggestion costs a fuzzy match against every choice; past this many comparisons in one file
(a file full of typos against thousands of ids) the messages come without suggestions."""


def _pos(node: Node) -> Pos:
    return Pos(node.line, node.column)


@dataclass
class _Reader:
    """Walks the node tree once, collecting diagnostics."""

    path: Path | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    work: int = 0

    def report(self, code: str, message: str, pos: Pos, step: str | None = None) -> None:
        self.diagnostics.append(diagnostic(code, message, pos, step))

    def closest(self, word: str, choices) -> str | None:
        self.work += len(choices)
        return closest(word, choices) if self.work <= MAX_SUGGESTION_WORK else None

    # -- values -----------------------------------------------------------
    def text(self, node: Node, what: str, step: str | None = None) -> str | None:
        """A scalar's text as written; lists, mappings, empty values and control characters are FC107."""
        if not isinstance(node, Scalar):
            kind = "a list" if isinstance(node, Sequence) else "a mapping"
            self.report("FC107", f"{what} must be text, not {kind}", _pos(node), step)
            return None
        text = node.text.strip()
        if node.is_null or not text:
            self.report("FC107", f"{what} is empty; write a text", _pos(node), step)
            return None
        bad = CONTROL_CHARACTER.search(text)
        if bad:
            self.report(
                "FC107", f"{what} holds the control character U+{ord(bad.group()):04X}; remove it", _pos(node), step
            )
            return None
        return text

    def pairs(self, node: Mapping, known: tuple[str, ...], where: str, step: str | None = None):
        """(key, key node, value node) of a mapping; unknown and repeated keys are FC102.

        An unknown key close to a known key that the mapping lacks is read as that key.
        """
        written = {k.text for k, _ in node.items if isinstance(k, Scalar)}
        seen: dict[str, Pos] = {}
        for key_node, value in node.items:
            if not isinstance(key_node, Scalar):
                self.report("FC102", f"a key in {where} must be a plain word", _pos(key_node), step)
                continue
            key = key_node.text
            if key not in known:
                guess = self.closest(key, known)
                self.report("FC102", f"unknown key {quoted(key)} in {where}{did_you_mean(guess)}", _pos(key_node), step)
                if guess is None or guess in written or guess in seen:
                    continue
                key = guess
            elif key in seen:
                first = seen[key]
                self.report(
                    "FC102",
                    f"key {quoted(key)} appears twice in {where} (first on line {first.line}); keep one",
                    _pos(key_node),
                    step,
                )
                continue
            seen[key] = _pos(key_node)
            yield key, key_node, value

    # -- the document ---------------------------------------------------------
    def flow(self, root: Node | None) -> Flow | None:
        if not isinstance(root, Mapping):
            what = "empty" if root is None else ("a list" if isinstance(root, Sequence) else "a single text")
            pos = Pos() if root is None else _pos(root)
            self.report("FC101", f"the file is {what}; a flow file is a mapping with `title` and `steps`", pos)
            return None
        values: dict[str, Node] = {}
        for key, _key_node, value in self.pairs(root, TOP_KEYS, "the flow"):
            values[key] = value
        title = None
        if "title" not in values or (isinstance(values["title"], Scalar) and values["title"].is_null):
            self.report("FC101", "the flow has no `title`; add `title: <name of the process>`", _pos(root))
        else:
            title = self.text(values["title"], "`title`")
        meta = {key: self.text(values[key], f"`{key}`") or "" for key in TEXT_KEYS if key in values}
        lang = self.choice(values.get("lang"), "`lang`", LANGS) or "en"
        direction = self.choice(values.get("direction"), "`direction`", DIRECTIONS, upper=True) or "TB"
        lanes = self.lanes(values["lanes"]) if "lanes" in values else None
        stages = self.stages(values["stages"]) if "stages" in values else None
        steps_node = values.get("steps")
        if not isinstance(steps_node, Sequence) or not steps_node.items:
            pos = _pos(steps_node) if steps_node is not None else _pos(root)
            self.report("FC101", "the flow needs a non-empty `steps` list (`steps:` then `- start: …`)", pos)
            return None
        staged, implied = self.steps(steps_node, lanes)
        step_list = list(staged)
        implied_stages = self.assign_stages(step_list, stages)
        steps = tuple(step_list)
        return Flow(
            title=title or "",
            steps=steps,
            lanes=tuple(lanes if lanes is not None else implied),
            lang=lang,
            direction=direction,
            path=self.path,
            lanes_declared=lanes is not None,
            stages=tuple(stages if stages is not None else implied_stages),
            stages_declared=stages is not None,
            positions=tuple((key, _pos(value)) for key, value in values.items()),
            **meta,
        )

    def choice(self, node: Node | None, what: str, choices: tuple[str, ...], *, upper: bool = False) -> str | None:
        if node is None:
            return None
        text = self.text(node, what)
        if text is None:
            return None
        value = text.upper() if upper else text.lower()
        if value not in choices:
            meant = LANG_NAMES.get(text.casefold()) if choices == LANGS else None
            hint = did_you_mean(meant) if meant else f"; use one of: {', '.join(choices)}"
            self.report("FC108", f"{what} is {quoted(text)}{hint}", _pos(node))
            return meant
        return value

    # -- lanes ------------------------------------------------------------------
    def lanes(self, node: Node) -> list[Lane] | None:
        """Declared lanes; ``None`` (not declared) for an empty `lanes:`."""
        if isinstance(node, Scalar) and node.is_null:
            return None
        if not isinstance(node, Sequence):
            self.report("FC107", "`lanes` must be a list of lane names", _pos(node))
            return None
        if not node.items:
            return None
        lanes: dict[str, Lane] = {}
        for item in node.items:
            lane = self.lane(item)
            if lane is None:
                continue
            if lane.id in lanes:
                first = lanes[lane.id].pos
                self.report(
                    "FC104",
                    f"two lanes share the id {quoted(lane.id)} (first on line {first.line}); give each lane its own id",
                    lane.pos,
                )
                continue
            lanes[lane.id] = lane
        return list(lanes.values())

    def lane(self, node: Node) -> Lane | None:
        if isinstance(node, Scalar):
            name = self.text(node, "a lane name")
            return Lane(name, name, "", _pos(node)) if name else None
        if not isinstance(node, Mapping):
            self.report("FC107", "a lane is a name or a mapping with `name`", _pos(node))
            return None
        fields: dict[str, str | None] = {}
        external = False
        for key, _key_node, value in self.pairs(node, LANE_KEYS, "a lane"):
            if key == "external":
                external = self.flag(value, "the lane's `external`")
                continue
            fields[key] = self.text(value, f"the lane's `{key}`")
            if key == "id" and fields[key] and not is_valid_id(fields[key]):
                self.report(
                    "FC108", f"lane id {quoted(fields[key])} may hold only letters, digits, '_' and '-'", _pos(value)
                )
        if "name" not in fields:
            self.report("FC107", "a lane mapping needs a `name`", _pos(node))
        name = fields.get("name") or fields.get("id")
        if not name:
            return None
        return Lane(fields.get("id") or name, name, fields.get("description") or "", _pos(node), external)

    # -- stages -------------------------------------------------------------------
    def stages(self, node: Node) -> list[Stage] | None:
        """Declared stages, read like lanes; ``None`` (not declared) for an empty `stages:`."""
        if isinstance(node, Scalar) and node.is_null:
            return None
        if not isinstance(node, Sequence):
            self.report("FC107", "`stages` must be a list of stage names", _pos(node))
            return None
        if not node.items:
            return None
        stages: dict[str, Stage] = {}
        for item in node.items:
            stage = self.stage(item)
            if stage is None:
                continue
            if stage.id in stages:
                first = stages[stage.id].pos
                self.report(
                    "FC104",
                    f"two stages share the id {quoted(stage.id)} (first on line {first.line}); "
                    "give each stage its own id",
                    stage.pos,
                )
                continue
            stages[stage.id] = stage
        return list(stages.values())

    def stage(self, node: Node) -> Stage | None:
        if isinstance(node, Scalar):
            name = self.text(node, "a stage name")
            return Stage(name, name, "", _pos(node)) if name else None
        if not isinstance(node, Mapping):
            self.report("FC107", "a stage is a name or a mapping with `name`", _pos(node))
            return None
        fields: dict[str, str | None] = {}
        for key, _key_node, value in self.pairs(node, STAGE_KEYS, "a stage"):
            fields[key] = self.text(value, f"the stage's `{key}`")
            if key == "id" and fields[key] and not is_valid_id(fields[key]):
                self.report(
                    "FC108", f"stage id {quoted(fields[key])} may hold only letters, digits, '_' and '-'", _pos(value)
                )
        if "name" not in fields:
            self.report("FC107", "a stage mapping needs a `name`", _pos(node))
        name = fields.get("name") or fields.get("id")
        if not name:
            return None
        return Stage(fields.get("id") or name, name, fields.get("description") or "", _pos(node))

    def flag(self, node: Node, what: str) -> bool:
        """A yes/no value written as text (`true`, `false`; `sí`/`no`, `sim`/`não` too)."""
        text = self.text(node, what)
        if text is None:
            return False
        word = text.casefold()
        if word in TRUE_WORDS or word in FALSE_WORDS:
            return word in TRUE_WORDS
        self.report("FC107", f"{what} is {quoted(text)}; write `true` or `false`", _pos(node))
        return False

    # -- steps --------------------------------------------------------------
    def steps(self, node: Sequence, lanes: list[Lane] | None) -> tuple[tuple[Step, ...], list[Lane]]:
        steps = [self.step(index, item) for index, item in enumerate(node.items)]
        implied = self.assign_lanes(steps, lanes)
        self.check_targets(steps)
        return tuple(steps), implied

    def step(self, index: int, node: Node) -> Step:
        key = f"step-{index + 1}"
        if not isinstance(node, Mapping):
            self.report("FC107", f"a step must be a mapping such as {_step_example(index, node)}", _pos(node), key)
            return Step(index, key, None, "", pos=_pos(node))
        key = _written_id(node) or key
        values: dict[str, Node] = {}
        key_pos: dict[str, Pos] = {}
        for name, key_node, value in self.pairs(node, STEP_KEYS, "a step", key):
            values[name] = value
            key_pos[name] = _pos(key_node)
        step_id = self.step_id(values["id"], key) if "id" in values else None
        kind, label = self.symbol(node, values, key_pos, key)
        texts = {
            k: self.text(values[k], f"`{k}`", key) or ""
            for k in ("lane", "stage", "next", "notes", "duration")
            if k in values
        }
        link = self.link(values["link"], key) if "link" in values else ""
        ref = self.ref(values["ref"], key, kind, key_pos.get("ref")) if "ref" in values else ""
        branches = self.branches(values["branches"], key) if "branches" in values else ()
        return Step(
            index=index,
            key=key,
            kind=kind,
            label=label,
            id=step_id,
            lane=texts.get("lane") or None,
            stage=texts.get("stage") or None,
            next=texts.get("next") or None,
            branches=branches,
            notes=texts.get("notes", ""),
            duration=texts.get("duration", ""),
            link=link,
            ref=ref,
            pos=_pos(node),
            positions=tuple((k, _pos(v)) for k, v in values.items()),
            key_positions=tuple(key_pos.items()),
        )

    def step_id(self, node: Node, key: str) -> str | None:
        """The id as written; an invalid one is FC108 but still names the step (no FC105 cascade)."""
        step_id = self.text(node, "`id`", key)
        if step_id is not None and not is_valid_id(step_id):
            self.report(
                "FC108", f"id {quoted(step_id)} may hold only letters, digits, '_' and '-' (no spaces)", _pos(node), key
            )
        return step_id

    def symbol(self, node: Mapping, values: dict[str, Node], key_pos: dict[str, Pos], key: str) -> tuple:
        """(kind, label); with several symbols the first one counts (FC103 on the others)."""
        symbols = [k for k in values if k in SYMBOLS]
        if not symbols:
            self.report(
                "FC103", "the step has no symbol; give it one key such as `process:` or `decision:`", _pos(node), key
            )
            return None, ""
        for extra in symbols[1:]:
            self.report(
                "FC103", f"the step has several symbols ({', '.join(symbols)}); keep exactly one", key_pos[extra], key
            )
        kind = symbols[0]
        return kind, self.text(values[kind], f"the `{kind}` label", key) or ""

    def branches(self, node: Node, key: str) -> tuple[Branch, ...]:
        if isinstance(node, Scalar) and node.is_null:
            return ()  # `branches:` with nothing under it: FC205 says what is missing
        if not isinstance(node, Mapping):
            self.report("FC107", "`branches` must be a mapping `outcome: step id`", _pos(node), key)
            return ()
        branches: list[Branch] = []
        seen: dict[str, Branch] = {}
        for label_node, target_node in node.items:
            if not isinstance(label_node, Scalar):
                self.report("FC107", "a branch label must be text", _pos(label_node), key)
                continue
            label = label_node.text.strip()
            if not label or label_node.is_null:
                self.report("FC206", "a branch has an empty label; write its outcome (Sí, No…)", _pos(label_node), key)
                continue
            first = seen.get(label.casefold())
            if first is not None:
                self.report(
                    "FC206",
                    f"the branch label {quoted(label)} is repeated (line {first.pos.line}); "
                    "each outcome needs its own label",
                    _pos(label_node),
                    key,
                )
                continue
            target = self.text(target_node, f"the target of branch {quoted(label)}", key)
            if target is not None:
                branch = Branch(label, target, _pos(label_node), _pos(target_node))
                seen[label.casefold()] = branch
                branches.append(branch)
        return tuple(branches)

    def link(self, node: Node, key: str) -> str:
        url = self.text(node, "`link`", key)
        if url is None:
            return ""
        problem = link_problem(url)
        if problem:
            self.report("FC108", f"link {quoted(url)} {problem}", _pos(node), key)
            return ""
        return url

    def ref(self, node: Node, key: str, kind: str | None, key_pos: Pos | None = None) -> str:
        ref = self.text(node, "`ref`", key)
        if ref is None:
            return ""
        if kind is not None and kind not in REF_KINDS:
            self.report(
                "FC207",
                f"`ref` belongs to subprocess and offpage steps, not to a {kind}; "
                "make the step a `subprocess:` or remove `ref`",
                key_pos or _pos(node),
                key,
            )
            return ""
        problem = ref_problem(self.path, ref)
        if problem:
            self.report("FC109", problem, _pos(node), key)
            return ""
        return ref

    # -- cross-step checks ---------------------------------------------------------
    def assign_lanes(self, steps: list[Step], declared: list[Lane] | None) -> list[Lane]:
        """Resolve lane names to ids and inherit lanes in place; returns the implied lanes."""
        if declared is None:
            return _imply_lanes(steps)
        lookup: dict[str, str] = {}
        for lane in reversed(declared):  # the first lane of a name wins; an id always wins over a name
            lookup[lane.name] = lane.id
        lookup.update({lane.id: lane.id for lane in declared})
        current: str | None = None
        for i, step in enumerate(steps):
            lane = step.lane
            if lane is None and i == 0 and (step.kind is not None or step.key_positions):  # not a non-mapping
                self.report("FC106", "lanes are declared: the first step must name its `lane`", step.pos, step.key)
            elif lane is not None and lane not in lookup:
                guess = self.closest(lane, lookup)
                self.report("FC106", f"unknown lane {quoted(lane)}{did_you_mean(guess)}", step.at("lane"), step.key)
                current = lookup[guess] if guess else current
            elif lane is not None:
                current = lookup[lane]
            if step.lane != current:
                steps[i] = replace(step, lane=current)
        return []

    def assign_stages(self, steps: list[Step], declared: list[Stage] | None) -> list[Stage]:
        """Resolve stage names to ids and inherit stages in place (FC212); returns the implied stages."""
        if declared is None:
            implied: dict[str, Stage] = {}
            for step in steps:
                if step.stage is not None and step.stage not in implied:
                    implied[step.stage] = Stage(step.stage, step.stage, "", step.at("stage"))
            _inherit(steps, "stage", next(iter(implied), None))
            return list(implied.values())
        lookup = {stage.name: stage.id for stage in reversed(declared)}
        lookup.update({stage.id: stage.id for stage in declared})
        current: str | None = None
        for i, step in enumerate(steps):
            stage = step.stage
            if stage is None and i == 0 and (step.kind is not None or step.key_positions):
                self.report("FC212", "stages are declared: the first step must name its `stage`", step.pos, step.key)
            elif stage is not None and stage not in lookup:
                guess = self.closest(stage, lookup)
                self.report("FC212", f"unknown stage {quoted(stage)}{did_you_mean(guess)}", step.at("stage"), step.key)
                current = lookup[guess] if guess else current
            elif stage is not None:
                current = lookup[stage]
            if step.stage != current:
                steps[i] = replace(step, stage=current)
        return []

    def check_targets(self, steps: list[Step]) -> None:
        """FC104 for repeated ids, FC105 for targets that name no step (followed to the suggestion)."""
        ids: dict[str, Step] = {}
        for step in steps:
            if step.id is None:
                continue
            first = ids.setdefault(step.id, step)
            if first is not step:
                self.report(
                    "FC104",
                    f"id {quoted(step.id)} is already used by step {first.number} "
                    f"(line {first.at('id').line}); ids must be unique",
                    step.at("id"),
                    step.key,
                )
                steps[step.index] = replace(step, key=f"step-{step.number}")  # keys name one step each
        for step in steps:
            if step.id is None and step.key in ids:  # an id such as `step-3` given to another step than the 3rd
                other = ids[step.key]
                self.report(
                    "FC104",
                    f"id {quoted(step.key)} is how outputs name step {step.number}, which has no id; choose another id",
                    other.at("id"),
                    other.key,
                )
                steps[step.index] = replace(step, key=f"{step.key}~")
        for i, step in enumerate(steps):
            changes: dict = {}
            if step.next is not None and step.next not in ids:
                guess = self.closest(step.next, ids)
                self.report(
                    "FC105",
                    f"`next` points to unknown step {quoted(step.next)}{did_you_mean(guess)}",
                    step.at("next"),
                    step.key,
                )
                if guess:
                    changes["next"] = guess
            branches = list(step.branches)
            for j, branch in enumerate(branches):
                if branch.target not in ids:
                    guess = self.closest(branch.target, ids)
                    self.report(
                        "FC105",
                        f"branch {quoted(branch.label)} points to unknown step "
                        f"{quoted(branch.target)}{did_you_mean(guess)}",
                        branch.target_pos,
                        step.key,
                    )
                    if guess:
                        branches[j] = replace(branch, target=guess)
                        changes["branches"] = tuple(branches)
            if changes:
                steps[i] = replace(step, **changes)


def _step_example(index: int, node: Node) -> str:
    """`- start: Inicio` for a first step written as plain text, else a generic example."""
    if isinstance(node, Scalar) and not node.is_null and node.text.strip() and len(node.text) <= 80:
        return f"`- {'start' if index == 0 else 'process'}: {node.text.strip()}`"
    return "`- process: <what is done>`"


def _written_id(node: Mapping) -> str | None:
    """The step's `id` text, read ahead so that every diagnostic of the step can name it."""
    for key_node, value in node.items:
        if isinstance(key_node, Scalar) and key_node.text == "id" and isinstance(value, Scalar):
            text = value.text.strip()
            return text if text and not value.is_null and not CONTROL_CHARACTER.search(text) else None
    return None


def _inherit(steps: list[Step], attr: str, first: str | None) -> None:
    """A step without ``attr`` takes the previous step's; steps before the first value take ``first``."""
    current = first
    for i, step in enumerate(steps):
        current = getattr(step, attr) or current
        if getattr(step, attr) != current:
            steps[i] = replace(step, **{attr: current})


def _imply_lanes(steps: list[Step]) -> list[Lane]:
    """Undeclared lanes: the distinct `lane` values in order of first use; a step without
    `lane` inherits the previous step's, and steps before the first `lane` join the first lane."""
    implied: dict[str, Lane] = {}
    for step in steps:
        if step.lane is not None and step.lane not in implied:
            implied[step.lane] = Lane(step.lane, step.lane, "", step.at("lane"))
    current = next(iter(implied), None)
    for i, step in enumerate(steps):
        current = step.lane or current
        if step.lane != current:
            steps[i] = replace(step, lane=current)
    return list(implied.values())


def load_text(text: str, path: Path | None = None) -> tuple[Flow | None, list[Diagnostic]]:
    """Load a flow from text already read; ``path`` resolves refs and names outputs."""
    reader = _Reader(path)
    try:
        root = parse_text(text)
    except SourceError as exc:
        reader.report("FC100", exc.message, Pos(exc.line, exc.column))
        return None, reader.diagnostics
    return reader.flow(root), reader.diagnostics


def load_flow(path: Path) -> tuple[Flow | None, list[Diagnostic]]:
    """Read and load one flow file; the model is ``None`` when nothing usable was read."""
    try:
        text = read_source(path)
    except SourceError as exc:
        return None, [diagnostic("FC100", exc.message, Pos(exc.line, exc.column))]
    return load_text(text, path)
