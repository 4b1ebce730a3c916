"""The keys a flow file may hold, where: the reader and the JSON Schema read the same lists."""

from __future__ import annotations

from ..symbols import SYMBOLS

__all__ = ["FALSE_WORDS", "LANE_KEYS", "STAGE_KEYS", "STEP_KEYS", "TEXT_KEYS", "TOP_KEYS", "TRUE_WORDS"]

TOP_KEYS = ("title", "lang", "version", "owner", "updated", "description", "direction", "lanes", "stages", "steps")
TEXT_KEYS = ("version", "owner", "updated", "description")
TRUE_WORDS = ("true", "yes", "sí", "si", "sim")
FALSE_WORDS = ("false", "no", "não", "nao")
LANE_KEYS = ("id", "name", "description", "external")
STAGE_KEYS = ("id", "name", "description")
STEP_KEYS = ("id", "lane", "stage", "next", "branches", "shares", "notes", "duration", "link", "ref", *SYMBOLS)
