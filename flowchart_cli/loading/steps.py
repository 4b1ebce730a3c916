"""One step: its symbol and label, id, links and the texts that resolve later (lane, stage, next).

A step written as text instead of a mapping is FC107; when the text starts with
a symbol key (`- start El cliente llama`, the colon forgotten) the step is read
as meant, so the slip is not also "the flow has no start".
"""

from __future__ import annotations

from ..key_words import meant_key
from ..messages import quoted
from ..model import Pos, Step
from ..symbols import SYMBOLS
from ..values import CONTROL_CHARACTER, REF_KINDS, is_valid_id, link_problem, ref_problem
from ..yamlsource import Mapping, Node, Scalar
from .branches import outdented_branches, read_branches
from .keys import STEP_KEYS
from .nodes import NodeReader, pos_of
from .shares import read_shares

__all__ = ["read_step"]


def read_step(reader: NodeReader, index: int, node: Node) -> Step:
    key = f"step-{index + 1}"
    if not isinstance(node, Mapping):
        return _text_step(reader, index, node, key)
    key = _written_id(node) or key
    node = outdented_branches(reader, node, STEP_KEYS, key)
    values: dict[str, Node] = {}
    key_pos: dict[str, Pos] = {}
    for name, key_node, value in reader.pairs(node, STEP_KEYS, "a step", key):
        values[name] = value
        key_pos[name] = pos_of(key_node)
    step_id = _step_id(reader, values["id"], key) if "id" in values else None
    kind, label = _symbol(reader, node, values, key_pos, key)
    texts = {
        k: reader.text(values[k], f"`{k}`", key) or ""
        for k in ("lane", "stage", "next", "notes", "duration")
        if k in values
    }
    return Step(
        index=index,
        key=key,
        kind=kind,
        label=label,
        id=step_id,
        lane=texts.get("lane") or None,
        stage=texts.get("stage") or None,
        next=texts.get("next") or None,
        branches=read_branches(reader, values["branches"], key) if "branches" in values else (),
        shares=read_shares(reader, values["shares"], key) if "shares" in values else (),
        notes=texts.get("notes", ""),
        duration=texts.get("duration", ""),
        link=_link(reader, values["link"], key) if "link" in values else "",
        ref=_ref(reader, values["ref"], key, kind, key_pos.get("ref")) if "ref" in values else "",
        pos=pos_of(node),
        positions=tuple((k, pos_of(v)) for k, v in values.items()),
        key_positions=tuple(key_pos.items()),
    )


def _text_step(reader: NodeReader, index: int, node: Node, key: str) -> Step:
    """A step that is not a mapping (FC107): read as meant when it starts with a symbol key."""
    meant = _meant_symbol(node) if isinstance(node, Scalar) else None
    if meant:
        kind, label = meant
        reader.report("FC107", f"`{kind}` needs a ':' after it; write `- {kind}: {label}`", pos_of(node), key)
        return Step(index, key, kind, label, pos=pos_of(node), positions=((kind, pos_of(node)),))
    reader.report(
        "FC107", f"a step is a symbol key, ':' and its label, such as {_step_example(index, node)}", pos_of(node), key
    )
    return Step(index, key, None, "", pos=pos_of(node))


def _step_id(reader: NodeReader, node: Node, key: str) -> str | None:
    """The id as written; an invalid one is FC108 but still names the step (no FC105 cascade)."""
    step_id = reader.text(node, "`id`", key)
    if step_id is not None and not is_valid_id(step_id):
        reader.report(
            "FC108", f"id {quoted(step_id)} may hold only letters, digits, '_' and '-' (no spaces)", pos_of(node), key
        )
    return step_id


def _symbol(reader: NodeReader, node: Mapping, values: dict[str, Node], key_pos: dict[str, Pos], key: str) -> tuple:
    """(kind, label); with several symbols the first one counts (FC103 on the others)."""
    symbols = [k for k in values if k in SYMBOLS]
    if not symbols:
        reader.report(
            "FC103", "the step has no symbol; give it one key such as `process:` or `decision:`", pos_of(node), key
        )
        return None, ""
    for extra in symbols[1:]:
        reader.report(
            "FC103", f"the step has several symbols ({', '.join(symbols)}); keep exactly one", key_pos[extra], key
        )
    kind = symbols[0]
    return kind, reader.text(values[kind], f"the `{kind}` label", key) or ""


def _link(reader: NodeReader, node: Node, key: str) -> str:
    url = reader.text(node, "`link`", key)
    if url is None:
        return ""
    problem = link_problem(url)
    if problem:
        reader.report("FC108", f"link {quoted(url)} {problem}", pos_of(node), key)
        return ""
    return url


def _ref(reader: NodeReader, node: Node, key: str, kind: str | None, key_pos: Pos | None = None) -> str:
    ref = reader.text(node, "`ref`", key)
    if ref is None:
        return ""
    if kind is not None and kind not in REF_KINDS:
        reader.report(
            "FC207",
            f"`ref` belongs to subprocess and offpage steps, not to a {kind}; "
            "make the step a `subprocess:` or remove `ref`",
            key_pos or pos_of(node),
            key,
        )
        return ""
    problem = ref_problem(reader.path, ref)
    if problem:
        reader.report("FC109", problem, pos_of(node), key)
        return ""
    return ref


def _step_example(index: int, node: Node) -> str:
    """`- start: Inicio` for a first step written as plain text, else `- process: …`."""
    if not isinstance(node, Scalar) or node.is_null or not node.text.strip() or len(node.text) > 80:
        return "`- process: <what is done>`"
    return f"`- {'start' if index == 0 else 'process'}: {node.text.strip()}`"


def _meant_symbol(node: Scalar) -> tuple[str, str] | None:
    """(symbol, label) of a step written as `start El cliente llama` (the colon forgotten)."""
    first, _, rest = node.text.strip().partition(" ")
    word = first.rstrip(":")
    kind = word if word in SYMBOLS else meant_key(word, SYMBOLS)
    return (kind, rest.strip()) if kind and rest.strip() else None


def _written_id(node: Mapping) -> str | None:
    """The step's `id` text, read ahead so that every diagnostic of the step can name it."""
    for key_node, value in node.items:
        if isinstance(key_node, Scalar) and key_node.text == "id" and isinstance(value, Scalar):
            text = value.text.strip()
            return text if text and not value.is_null and not CONTROL_CHARACTER.search(text) else None
    return None
