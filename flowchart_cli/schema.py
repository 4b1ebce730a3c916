"""The JSON Schema of the flow format, built from the symbol table and the loader's key lists.

Editors (VS Code's YAML extension through a ``# yaml-language-server: $schema=…``
line) use it for completion, hover help and red squiggles. It is generated,
never written by hand, so a symbol or key added to the code appears here too.
`flowchart check` stays the authority: the schema only catches what a JSON
Schema can express (keys, types, one symbol per step, id and link shapes).

Only keywords that draft-07 and draft 2020-12 read the same way are used, so
validators of either draft, and the YAML extension (draft-07 based), agree;
``patternErrorMessage`` is the editors' extension for a readable message.
"""

from __future__ import annotations

import json
from typing import Any

from .loader import (
    DIRECTIONS,
    FALSE_WORDS,
    LANE_KEYS,
    LANGS,
    LINK_SCHEMES,
    REF_KINDS,
    STAGE_KEYS,
    STEP_KEYS,
    TOP_KEYS,
    TRUE_WORDS,
)
from .symbols import SYMBOLS

__all__ = ["SCHEMA_ID", "flow_schema", "flow_schema_json"]

TOP_DOCS = {
    "title": "Name of the process, shown as the diagram and handout title. Required.",
    "lang": "Language of the generated texts (legend, handout): en (default), es or pt.",
    "version": 'Version of the process description, free text (quote numbers: "2.1").',
    "owner": "Team or person responsible for the process, free text.",
    "updated": 'Date of the last review, free text (e.g. "2026-11-20").',
    "description": "What the process covers, from its trigger to its result.",
    "direction": "TB (default): lanes are columns and the flow runs downwards. LR: lanes are rows.",
    "lanes": "The responsible parties (swimlanes) in display order: a name, or {id, name, description, external}.",
    "stages": "The phases of the process, in order (bands across the lanes): a name, or {id, name, description}.",
    "steps": "The steps of the process, in reading order. Each step has exactly one symbol key.",
}
LANE_DOCS = {
    "id": "Short name that steps use in `lane` (letters, digits, _ and -). Defaults to the name.",
    "name": "The lane's display name (a role, team or system). Required.",
    "description": "What this party does in the process (handout).",
    "external": "true for a party outside the team being trained (customer, provider): no handout section for it.",
}
STAGE_DOCS = {
    "id": "Short name that steps use in `stage` (letters, digits, _ and -). Defaults to the name.",
    "name": "The stage's display name (a phase of the process). Required.",
    "description": "What happens in this phase (handout).",
}
STEP_DOCS = {
    "id": "A unique name other steps can point to with `next` or a branch (letters, digits, _ and -).",
    "lane": "Who does the step: a lane id or exact name. Without it, the previous step's lane is kept.",
    "stage": "The phase of the step: a stage id or exact name. Without it, the previous step's stage is kept.",
    "next": "The id of the step the flow goes to. Without it, the flow goes to the following step.",
    "branches": "Decisions only: `outcome label: step id`, one per outcome, in order (at least two).",
    "shares": "Decisions only: `outcome label: share` (`30%` or `0.3`), how often each outcome is taken "
    "(analyze --simulate); outcomes left out share what remains equally.",
    "notes": "Guidance for the person doing the step (handout, SVG tooltip).",
    "duration": 'How long the step takes or its target time, free text (e.g. "10 min").',
    "link": "Reference material: an http, https or mailto URL (clickable in the SVG, listed in the handout).",
    "ref": "subprocess and offpage only: relative path to the flow file that details or continues this step.",
}

ID_PATTERN = r"^[^\s!-,./:-@\[-^`{-~]+$"
"""Letters of any script, digits, `_` and `-`: every ASCII punctuation but those two is refused."""

REF_PATTERN = r"^(?![/\\])(?![A-Za-z][A-Za-z0-9+.-]*:).*\.ya?ml$"
"""A relative path (no leading slash, drive or scheme) to a .yaml or .yml file."""


def _any_case(word: str) -> str:
    return "".join(f"[{ch.upper()}{ch.lower()}]" if ch.isalpha() else ch for ch in word)


def _link_pattern() -> str:
    """http(s) URLs need a host; mailto needs nothing more (as the loader checks)."""
    forms = [_any_case(s) + (":" if s == "mailto" else r"://[^\s/?#]+") for s in LINK_SCHEMES]
    return rf"^({'|'.join(forms)})\S*$"


def _text(description: str) -> dict[str, Any]:
    """A non-empty scalar: the loader reads numbers and booleans as the text written."""
    return {
        "description": description,
        "type": ["string", "number", "boolean"],
        "pattern": r"\S",
        "patternErrorMessage": "Write a text; it may not be empty.",
    }


def _id(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "type": ["string", "integer"],
        "pattern": ID_PATTERN,
        "patternErrorMessage": "An id holds only letters, digits, '_' and '-' (no spaces).",
    }


SHARE_PATTERN = r"^\s*(\d+(?:[.,]\d+)?|[.,]\d+)\s*%?\s*$"
"""A share as `read_share` reads it (`60%`, `33,5 %`, `0,4`); whether it is at most 100 % is FC213's to say."""


def _shares() -> dict[str, Any]:
    share = {
        "description": "How often this outcome is taken: a percentage (`60%`) or a fraction from 0 to 1 (`0.6`).",
        "anyOf": [
            {"type": "number", "minimum": 0, "maximum": 1},
            {
                "type": "string",
                "pattern": SHARE_PATTERN,
                "patternErrorMessage": "Write a percentage (60%) or a fraction (0.6).",
            },
        ],
    }
    return {"description": STEP_DOCS["shares"], "type": "object", "additionalProperties": share}


def _symbol_docs(kind: str) -> str:
    row = SYMBOLS[kind]
    return f"{row.legend['en']} (ISO 5807 {row.iso_name} symbol). The value is the step's label."


def _step_properties() -> dict[str, Any]:
    special: dict[str, dict[str, Any]] = {
        "id": _id(STEP_DOCS["id"]),
        "next": _id(STEP_DOCS["next"]),
        "branches": {
            "description": STEP_DOCS["branches"],
            "type": "object",
            "minProperties": 2,
            "propertyNames": {"pattern": r"\S", "patternErrorMessage": "A branch label may not be empty."},
            "additionalProperties": _id("The id of the step this outcome leads to."),
        },
        "shares": _shares(),
        "link": {
            "description": STEP_DOCS["link"],
            "type": "string",
            "pattern": _link_pattern(),
            "patternErrorMessage": "Use an http, https or mailto URL.",
        },
        "ref": {
            "description": STEP_DOCS["ref"],
            "type": "string",
            "pattern": REF_PATTERN,
            "patternErrorMessage": "Use a relative path to a flow file (NAME.flow.yaml).",
        },
    }
    properties: dict[str, Any] = {}
    for key in STEP_KEYS:
        if key in special:
            properties[key] = special[key]
        elif key in SYMBOLS:
            properties[key] = _text(_symbol_docs(key))
        else:
            properties[key] = _text(STEP_DOCS[key])
    return properties


def _only_with(key: str, kinds) -> dict[str, Any]:
    """`key` is allowed only on steps of the given symbol kinds ("Property key is not allowed" elsewhere)."""
    return {"if": {"not": {"anyOf": [{"required": [k]} for k in kinds]}}, "then": {"properties": {key: False}}}


def _never_with(kind: str, keys) -> dict[str, Any]:
    """A ``kind`` step may not have ``keys``."""
    return {"if": {"required": [kind]}, "then": {"properties": {k: False for k in keys}}}


NO_SYMBOL_MESSAGE = (
    f"A step needs one symbol key whose value is its label: {', '.join(SYMBOLS)} (e.g. `process: Register the claim`)."
)


def _some_symbol() -> dict[str, Any]:
    """At least one key is a symbol; editors show ``errorMessage`` instead of "Missing property start"."""
    return {"not": {"propertyNames": {"not": {"enum": list(SYMBOLS)}}}, "errorMessage": NO_SYMBOL_MESSAGE}


def _one_symbol_only(kind: str) -> dict[str, Any]:
    """With ``kind`` present, every other symbol key is "not allowed" (the editor marks the extra key)."""
    return _never_with(kind, [other for other in SYMBOLS if other != kind])


def _step() -> dict[str, Any]:
    return {
        "description": "One step: exactly one symbol key (start, process, decision…) whose value is its label.",
        "type": "object",
        "properties": _step_properties(),
        "additionalProperties": False,
        "allOf": [
            _some_symbol(),
            *(_one_symbol_only(kind) for kind in SYMBOLS),
            _only_with("branches", ["decision"]),
            _only_with("shares", ["decision"]),
            _only_with("ref", REF_KINDS),
            _never_with("decision", ["next"]),
            _never_with("end", ["next", "branches"]),
        ],
    }


def _flag(description: str) -> dict[str, Any]:
    """A yes/no value, read as the loader reads it (text stays text: `true`, `sí` and `sim` all count)."""
    words = [*TRUE_WORDS, *FALSE_WORDS]
    return {"description": description, "anyOf": [{"type": "boolean"}, {"enum": words + [w.upper() for w in words]}]}


def _named(what: str, description: str, keys: tuple[str, ...], docs: dict[str, str], special: dict) -> dict[str, Any]:
    """A lane or a stage: a plain name (also its id), or a mapping with `name` and the other ``keys``."""
    return {
        "description": description,
        "oneOf": [
            _text(f"The {what}'s name; it is also its id."),
            {
                "type": "object",
                "properties": {key: special.get(key) or _text(docs[key]) for key in keys},
                "required": ["name"],
                "additionalProperties": False,
            },
        ],
    }


def _stage() -> dict[str, Any]:
    description = "A phase of the process: a plain name, or a mapping with name (and optional id, description)."
    return _named("stage", description, STAGE_KEYS, STAGE_DOCS, {"id": _id(STAGE_DOCS["id"])})


def _lane() -> dict[str, Any]:
    description = "A responsible party: a plain name, or a mapping with name (and optional id, description)."
    special = {"id": _id(LANE_DOCS["id"]), "external": _flag(LANE_DOCS["external"])}
    return _named("lane", description, LANE_KEYS, LANE_DOCS, special)


def _any_case_choice(description: str, choices: tuple[str, ...]) -> dict[str, Any]:
    """One of ``choices`` in any case, as the checker reads it (`lang: ES`, `direction: lr`).

    ``examples`` gives editors the values to complete; ``enum`` would refuse `ES`.
    """
    return {
        "description": description,
        "type": "string",
        "pattern": rf"^\s*({'|'.join(_any_case(c) for c in choices)})\s*$",
        "patternErrorMessage": f"Use one of: {', '.join(choices)}.",
        "examples": list(choices),
    }


def _top_properties() -> dict[str, Any]:
    special: dict[str, dict[str, Any]] = {
        "lang": _any_case_choice(TOP_DOCS["lang"], LANGS),
        "direction": _any_case_choice(TOP_DOCS["direction"], DIRECTIONS),
        "lanes": {"description": TOP_DOCS["lanes"], "type": "array", "items": {"$ref": "#/$defs/lane"}},
        "stages": {"description": TOP_DOCS["stages"], "type": "array", "items": {"$ref": "#/$defs/stage"}},
        "steps": {"description": TOP_DOCS["steps"], "type": "array", "minItems": 1, "items": {"$ref": "#/$defs/step"}},
    }
    return {key: special.get(key) or _text(TOP_DOCS[key]) for key in TOP_KEYS}


SCHEMA_ID = "urn:flowchart-cli:flow-file:1"
"""The schema's identity: a URN, since no web address is ours for good; the number changes with the format."""


def flow_schema() -> dict[str, Any]:
    """The schema as a dict (keys in a fixed order, so its JSON is deterministic)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "flowchart-cli flow file",
        "description": "A process described as steps in swimlanes (NAME.flow.yaml); see `flowchart rules`. "
        "Keys are the English words listed here; for a Spanish or Portuguese word (inicio, paso, siguiente…) "
        "`flowchart check` names the key meant.",
        "type": "object",
        "properties": _top_properties(),
        "required": ["title", "steps"],
        "additionalProperties": False,
        "$defs": {"step": _step(), "lane": _lane(), "stage": _stage()},
    }


def flow_schema_json() -> str:
    """The schema as indented JSON text, the same bytes on every run."""
    return json.dumps(flow_schema(), indent=2, ensure_ascii=False)
