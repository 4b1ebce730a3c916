"""YAML nodes into values: text as written, yes/no flags, one of a few choices, the keys of a mapping.

:class:`NodeReader` carries what every part of the reading shares: the file's
path and text and the diagnostics collected so far (FC102, FC107, FC108).
A misspelt key, or the Spanish or Portuguese word for a key, is reported once
and then read as the key meant, so one slip gives one error.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic
from ..key_words import meant_key, normal_form
from ..messages import closest, diagnostic, did_you_mean, quoted
from ..model import Pos
from ..values import CONTROL_CHARACTER, LANG_NAMES, LANGS
from ..yamlsource import Mapping, Node, Scalar, Sequence
from .keys import FALSE_WORDS, TRUE_WORDS

__all__ = ["MAX_SUGGESTION_WORK", "NodeReader", "pos_of"]

MAX_SUGGESTION_WORK = 50_000
"""A suggestion costs a fuzzy match against every choice; past this many comparisons in one file
(a file full of typos against thousands of ids) the messages come without suggestions."""


def pos_of(node: Node) -> Pos:
    return Pos(node.line, node.column)


@dataclass
class NodeReader:
    """Reads values out of nodes, collecting diagnostics instead of raising."""

    path: Path | None
    source: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    work: int = 0

    def report(self, code: str, message: str, pos: Pos, step: str | None = None) -> None:
        self.diagnostics.append(diagnostic(code, message, pos, step))

    def closest(self, word: str, choices) -> str | None:
        self.work += len(choices)
        return closest(word, choices) if self.work <= MAX_SUGGESTION_WORK else None

    def text(self, node: Node, what: str, step: str | None = None, *, fill: str = "a text") -> str | None:
        """A scalar's text as written; lists, mappings, empty values and control characters are FC107
        (an empty one told to write ``fill``: "the id of the step it leads to" for a branch's target)."""
        if not isinstance(node, Scalar):
            kind = "a list" if isinstance(node, Sequence) else "a mapping"
            self.report("FC107", f"{what} must be text, not {kind}", pos_of(node), step)
            return None
        text = node.text.strip()
        if node.is_null or not text:
            self.report("FC107", f"{what} is empty; write {fill}", pos_of(node), step)
            return None
        bad = CONTROL_CHARACTER.search(text)
        if bad:
            self.report(
                "FC107", f"{what} holds the control character U+{ord(bad.group()):04X}; remove it", pos_of(node), step
            )
            return None
        return text

    def pairs(
        self, node: Mapping, known: tuple[str, ...], where: str, step: str | None = None
    ) -> Iterator[tuple[str, Scalar, Node]]:
        """(key, key node, value node) of a mapping; unknown and repeated keys are FC102.

        An unknown key close to a known key that the mapping lacks, or a Spanish or
        Portuguese word for one, is read as that key.
        """
        written = {k.text for k, _ in node.items if isinstance(k, Scalar)}
        seen: dict[str, Pos] = {}
        for key_node, value in node.items:
            if not isinstance(key_node, Scalar):
                self.report("FC102", f"a key in {where} must be a plain word", pos_of(key_node), step)
                continue
            key = key_node.text
            if key not in known:
                guess = self.meant(key, known, where, pos_of(key_node), step)
                if guess is None or guess in written or guess in seen:
                    continue
                key = guess
            elif key in seen:
                first = seen[key]
                self.report(
                    "FC102",
                    f"key {quoted(key)} appears twice in {where} (first on line {first.line}); keep one",
                    pos_of(key_node),
                    step,
                )
                continue
            seen[key] = pos_of(key_node)
            yield key, key_node, value

    def meant(self, key: str, known: tuple[str, ...], where: str, pos: Pos, step: str | None) -> str | None:
        """Report the unknown ``key`` (FC102) with the key it most likely stands for, and return that key."""
        guess = meant_key(key, known)
        note = " (keys are written in English)" if guess and normal_form(key) != guess else ""
        guess = guess or self.closest(key, known)
        self.report("FC102", f"unknown key {quoted(key)} in {where}{did_you_mean(guess)}{note}", pos, step)
        return guess

    def choice(self, node: Node | None, what: str, choices: tuple[str, ...], *, upper: bool = False) -> str | None:
        """One of ``choices`` (case-insensitive); a language name stands for its code after FC108."""
        if node is None:
            return None
        text = self.text(node, what)
        if text is None:
            return None
        value = text.upper() if upper else text.lower()
        if value not in choices:
            meant = LANG_NAMES.get(text.casefold()) if choices == LANGS else None
            hint = did_you_mean(meant) if meant else f"; use one of: {', '.join(choices)}"
            self.report("FC108", f"{what} is {quoted(text)}{hint}", pos_of(node))
            return meant
        return value

    def flag(self, node: Node, what: str) -> bool:
        """A yes/no value written as text (`true`, `false`; `sí`/`no`, `sim`/`não` too)."""
        text = self.text(node, what)
        if text is None:
            return False
        word = text.casefold()
        if word in TRUE_WORDS or word in FALSE_WORDS:
            return word in TRUE_WORDS
        self.report("FC107", f"{what} is {quoted(text)}; write `true` or `false`", pos_of(node))
        return False
