"""The methods ``@dataclass`` writes, compiled once and kept beside the package's ``.pyc`` files.

Up to Python 3.12, ``@dataclass`` writes each class's ``__init__``,
``__repr__``, ``__eq__``, ``__hash__`` (and for a frozen class
``__setattr__`` and ``__delattr__``) as source text and compiles it at every
start: about 3.5 M instructions a class, and some 40 classes lie on the way to
a `render` — a fifth of the command.  That text depends only on the class's
fields, so :func:`remember_dataclass_code` lets ``dataclasses`` look the
compiled code up by the text itself: the same text always compiles to the same
code, and a changed class writes a new text, compiled as before.

The codes are kept with :mod:`marshal`, as ``.pyc`` files are, in the
package's ``__pycache__`` (``dataclass_code.<python>.marshal``), so the file is
trusted exactly as the ``.pyc`` files beside it; nothing is written when
Python writes no bytecode (``-B``, ``PYTHONDONTWRITEBYTECODE``) or cannot
write there (a read-only install simply runs without it).  Only the
``flowchart`` command uses it (:mod:`.start`); importing the package as a
library changes nothing.
"""

from __future__ import annotations

import builtins
import dataclasses
import marshal
import os
import sys
from collections.abc import Callable
from contextlib import suppress
from types import CodeType

__all__ = ["CodeStore", "remember_dataclass_code"]

MAX_CODES = 1500
"""More codes than this and the file keeps only those of the last run: every command together makes about 750
(with the handout's and importers' libraries), and each start reads the whole file (3 M instructions for 750)."""


def _store_path() -> str | None:
    """``__pycache__/dataclass_code.cpython-311.marshal`` (honours ``sys.pycache_prefix``), or None."""
    if sys.implementation.cache_tag is None:
        return None
    from importlib.util import cache_from_source

    return os.path.splitext(cache_from_source(__file__))[0] + ".marshal"


class CodeStore:
    """Compiled dataclass methods by their source text, read from and written back to one file.

    Each code is kept marshalled on its own and unmarshalled when a class asks
    for it: a command reads the whole file but makes only its own classes.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._codes: dict[str, bytes] | None = None
        self.used: set[str] = set()
        self.added = False

    @property
    def codes(self) -> dict[str, bytes]:
        """Read at the first class (`--help` makes none and never reads the file)."""
        if self._codes is None:
            self._codes = self._read(self.path)
        return self._codes

    @staticmethod
    def _read(path: str) -> dict[str, bytes]:
        try:
            with open(path, "rb") as file:
                codes = marshal.loads(file.read())  # marshal.load(file) reads in small pieces: 10x slower
        except (OSError, EOFError, ValueError, TypeError):
            return {}  # none yet, or not a store of this Python's: start afresh
        if not isinstance(codes, dict):
            return {}
        return {k: v for k, v in codes.items() if isinstance(k, str) and isinstance(v, bytes)}

    def compiled(self, source: str) -> CodeType:
        """The code of ``source`` as ``exec`` in ``dataclasses`` would compile it (no inherited ``__future__``)."""
        self.used.add(source)
        kept = self.codes.get(source)
        if kept is not None:
            with suppress(EOFError, ValueError, TypeError):
                code = marshal.loads(kept)
                if isinstance(code, CodeType):
                    return code
        code = compile(source, "<string>", "exec", dont_inherit=True)
        self.codes[source] = marshal.dumps(code)
        self.added = True
        return code

    def exec(self, source, globals=None, locals=None) -> None:
        """``exec`` for ``dataclasses``: text is looked up (or compiled and kept), anything else passed on."""
        if isinstance(source, str):
            source = self.compiled(source)
        builtins.exec(source, globals, locals)

    def save(self) -> None:
        """Write the codes back when this run compiled new ones (never raises, never half-writes)."""
        if not self.added or sys.dont_write_bytecode:
            return
        codes = self.codes if len(self.codes) <= MAX_CODES else {s: self.codes[s] for s in self.used}
        temporary = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(temporary, "wb") as file:
                marshal.dump(codes, file)
            os.replace(temporary, self.path)
        except (OSError, ValueError):
            with suppress(OSError):
                os.unlink(temporary)
        self.added = False


def remember_dataclass_code() -> Callable[[], None]:
    """Let ``dataclasses`` take compiled methods from the store; returns the function that saves it."""
    path = _store_path()
    if path is None or "exec" in vars(dataclasses):
        return lambda: None  # no bytecode cache in this Python, or already done
    store = CodeStore(path)
    dataclasses.exec = store.exec  # a module global shadows the builtin for dataclasses alone
    return store.save
