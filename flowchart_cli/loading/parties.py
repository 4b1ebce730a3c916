"""The declared lanes and stages: each a plain name, or a mapping with `name` (and `id`, `description`).

Lanes and stages are written the same way, so one reader serves both; only
lanes have `external`.  An id given twice is FC104 (the first one is kept).
"""

from __future__ import annotations

from typing import Literal

from ..messages import quoted
from ..model import Lane, Stage
from ..values import is_valid_id
from ..yamlsource import Mapping, Node, Scalar, Sequence
from .keys import LANE_KEYS, STAGE_KEYS
from .nodes import NodeReader, pos_of

__all__ = ["read_lanes", "read_stages"]

Noun = Literal["lane", "stage"]


def read_lanes(reader: NodeReader, node: Node) -> list[Lane] | None:
    """Declared lanes; ``None`` (not declared) for an empty `lanes:`."""
    return _read_list(reader, node, "lane")


def read_stages(reader: NodeReader, node: Node) -> list[Stage] | None:
    """Declared stages; ``None`` (not declared) for an empty `stages:`."""
    return _read_list(reader, node, "stage")


def _read_list(reader: NodeReader, node: Node, noun: Noun) -> list | None:
    if isinstance(node, Scalar) and node.is_null:
        return None
    if not isinstance(node, Sequence):
        reader.report("FC107", f"`{noun}s` must be a list of {noun} names", pos_of(node))
        return None
    if not node.items:
        return None
    found: dict[str, Lane | Stage] = {}
    for item in node.items:
        party = _read_one(reader, item, noun)
        if party is None:
            continue
        if party.id in found:
            first = found[party.id].pos
            reader.report(
                "FC104",
                f"two {noun}s share the id {quoted(party.id)} (first on line {first.line}); "
                f"give each {noun} its own id",
                party.pos,
            )
            continue
        found[party.id] = party
    return list(found.values())


def _read_one(reader: NodeReader, node: Node, noun: Noun) -> Lane | Stage | None:
    if isinstance(node, Scalar):
        name = reader.text(node, f"a {noun} name")
        return _make(noun, name, name, "", node) if name else None
    if not isinstance(node, Mapping):
        reader.report("FC107", f"a {noun} is a name or a mapping with `name`", pos_of(node))
        return None
    fields: dict[str, str | None] = {}
    external = False
    for key, _key_node, value in reader.pairs(node, LANE_KEYS if noun == "lane" else STAGE_KEYS, f"a {noun}"):
        if key == "external":
            external = reader.flag(value, "the lane's `external`")
            continue
        fields[key] = reader.text(value, f"the {noun}'s `{key}`")
        if key == "id" and fields[key] and not is_valid_id(fields[key]):
            reader.report(
                "FC108", f"{noun} id {quoted(fields[key])} may hold only letters, digits, '_' and '-'", pos_of(value)
            )
    if "name" not in fields:
        reader.report("FC107", f"a {noun} mapping needs a `name`", pos_of(node))
    name = fields.get("name") or fields.get("id")
    if not name:
        return None
    return _make(noun, fields.get("id") or name, name, fields.get("description") or "", node, external)


def _make(noun: Noun, party_id: str, name: str, description: str, node: Node, external: bool = False):
    if noun == "lane":
        return Lane(party_id, name, description, pos_of(node), external)
    return Stage(party_id, name, description, pos_of(node))
