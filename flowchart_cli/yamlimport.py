"""PyYAML, imported without compiling the one pattern that made it cost half again as much.

``import yaml`` reads its pure-Python reader too (``yaml/reader.py``), whose
``NON_PRINTABLE`` class — everything but tab, newlines, the printable ASCII
and the printable ranges up to U+10FFFF — takes Python's regular-expression
compiler 58 M instructions: it visits each of the 63,000 characters of its
ranges one by one.  That is a tenth of a `render` and more than PyYAML's whole
import besides, for a reader this tool never runs (flows are read by libyaml,
``CSafeLoader``).  The same set written the other way round (the 2,100
characters it excludes) compiles in 4 M, and matches exactly the same
characters (tests/test_yamlimport.py compares both on every code point).

So the equivalent pattern is put in the ``re`` module's cache under the text
PyYAML compiles, just before PyYAML is imported: ``re.compile`` hands it out
instead of compiling.  Where that cache is not what it was up to Python 3.13,
or PyYAML writes a different pattern, nothing changes but the time.
"""

from __future__ import annotations

import re
import sys

__all__ = ["NON_PRINTABLE", "NON_PRINTABLE_AS_WRITTEN", "yaml"]

NON_PRINTABLE_AS_WRITTEN = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
"""The pattern exactly as ``yaml/reader.py`` (PyYAML 5 and 6) writes it."""

NON_PRINTABLE = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
"""The same characters named directly: controls but tab, LF and CR, DEL to U+009F but NEL, surrogates, U+FFFE/F."""


def _seed_pattern_cache() -> None:
    cache = getattr(re, "_cache", None)
    if isinstance(cache, dict) and "yaml.reader" not in sys.modules:
        cache.setdefault((str, NON_PRINTABLE_AS_WRITTEN, 0), re.compile(NON_PRINTABLE))


_seed_pattern_cache()

import yaml  # noqa: E402 — after the cache holds the pattern
