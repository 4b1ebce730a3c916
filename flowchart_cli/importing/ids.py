"""Readable step ids made from labels: `¿La queja es grave?` → `queja_grave`, unique.

Accents are dropped from Latin letters (ids are typed in `next:` lines) while
other scripts keep their letters, as the spec allows any script.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["IdMaker"]

_WORD = re.compile(r"[^\W_]+")
_MAX_WORDS = 3
_MAX_LENGTH = 32
_SMALL_WORDS = frozenset(
    " ".join(
        (
            "el la los las lo un una unos unas del de al a y o e en por para con se su sus que es",
            "os as um uma do da dos das ao em no na nos nas pelo pela com seu sua",
            "the an of to and or in on at for with by is are be it its this that",
        )
    ).split()
)
"""Articles, prepositions and the like: left out of an id while other words remain."""


def _words(label: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WORD.findall(unicodedata.normalize("NFC", bare))


def id_from(label: str, fallback: str) -> str:
    """The first few words of ``label`` joined with `_` (``fallback`` when it has none)."""
    words = _words(label)
    words = [w for w in words if w not in _SMALL_WORDS] or words
    chosen: list[str] = []
    for word in words:
        if len(chosen) == _MAX_WORDS or (chosen and len("_".join([*chosen, word])) > _MAX_LENGTH):
            break
        chosen.append(word[:_MAX_LENGTH])
    return "_".join(chosen) or fallback


class IdMaker:
    """Hands out ids that are unique within one flow: `revisar`, `revisar_2`, …"""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def reserve(self, taken: str) -> bool:
        """Hold ``taken`` (an id kept from the drawing) so that no made id repeats it; False if already held."""
        if taken.casefold() in self._used:
            return False
        self._used.add(taken.casefold())
        return True

    def make(self, label: str, fallback: str = "paso") -> str:
        base = id_from(label, fallback)
        candidate, n = base, 1
        while candidate.casefold() in self._used:
            n += 1
            candidate = f"{base}_{n}"
        self._used.add(candidate.casefold())
        return candidate
