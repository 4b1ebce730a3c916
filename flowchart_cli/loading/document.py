"""The whole flow file: the top-level keys, then lanes, stages and steps, resolved into one :class:`Flow`.

FC101 when there is no flow to speak of (not a mapping, no `title`, no
`steps`); otherwise the model is built from whatever could be read, so the
path rules can still speak about the rest of the file.
"""

from __future__ import annotations

from ..model import Flow, Pos
from ..values import DIRECTIONS, LANGS
from ..yamlsource import Mapping, Node, Scalar, Sequence
from .keys import TEXT_KEYS, TOP_KEYS
from .nodes import NodeReader, pos_of
from .parties import read_lanes, read_stages
from .resolve import resolve_lanes, resolve_stages
from .steps import read_step
from .targets import resolve_targets

__all__ = ["read_flow"]


def read_flow(reader: NodeReader, root: Node | None) -> Flow | None:
    if not isinstance(root, Mapping):
        what = "empty" if root is None else ("a list" if isinstance(root, Sequence) else "a single text")
        pos = Pos() if root is None else pos_of(root)
        reader.report("FC101", f"the file is {what}; a flow file is a mapping with `title` and `steps`", pos)
        return None
    values: dict[str, Node] = {key: value for key, _key_node, value in reader.pairs(root, TOP_KEYS, "the flow")}
    title = None
    if "title" not in values or (isinstance(values["title"], Scalar) and values["title"].is_null):
        reader.report("FC101", "the flow has no `title`; add `title: <name of the process>`", pos_of(root))
    else:
        title = reader.text(values["title"], "`title`")
    meta = {key: reader.text(values[key], f"`{key}`") or "" for key in TEXT_KEYS if key in values}
    lang = reader.choice(values.get("lang"), "`lang`", LANGS) or "en"
    direction = reader.choice(values.get("direction"), "`direction`", DIRECTIONS, upper=True) or "TB"
    lanes = read_lanes(reader, values["lanes"]) if "lanes" in values else None
    stages = read_stages(reader, values["stages"]) if "stages" in values else None
    steps_node = values.get("steps")
    if not isinstance(steps_node, Sequence) or not steps_node.items:
        pos = pos_of(steps_node) if steps_node is not None else pos_of(root)
        reader.report("FC101", "the flow needs a non-empty `steps` list (`steps:` then `- start: …`)", pos)
        return None
    steps = [read_step(reader, index, item) for index, item in enumerate(steps_node.items)]
    implied_lanes = resolve_lanes(reader, steps, lanes)
    resolve_targets(reader, steps)
    implied_stages = resolve_stages(reader, steps, stages)
    return Flow(
        title=title or "",
        steps=tuple(steps),
        lanes=tuple(lanes if lanes is not None else implied_lanes),
        lang=lang,
        direction=direction,
        path=reader.path,
        lanes_declared=lanes is not None,
        stages=tuple(stages if stages is not None else implied_stages),
        stages_declared=stages is not None,
        positions=tuple((key, pos_of(value)) for key, value in values.items()),
        source=reader.source,
        **meta,
    )
