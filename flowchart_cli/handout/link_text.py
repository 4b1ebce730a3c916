"""How a `link` reads in print: short in the step table, whole in the References, broken only between its parts.

A raw URL in a 20 mm column broke anywhere ("https:// www.example.c om/sucursales",
"_ato2019-202 / 2/2022/" over eight lines).  The step table now shows the
host and, when short, the last part of the path ("planalto.gov.br/…/D11034.htm");
the References section lists the whole URL under the step's number.  Both
may break only after a ``/`` or ``@`` or before a ``.``, ``-``, ``_``, ``?`` or ``&``
(a ``<wbr>``, or a zero-width space in the table: see :func:`link_text`), so a
line never ends inside a word of the address.  The link
itself (``href``) is always the whole URL.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from markupsafe import Markup, escape

__all__ = ["breakable", "link_text", "short_link"]

LAST_PART_LIMIT = 16
"""A path's last part longer than this is left out of the short text ("host/…")."""

_BREAK = re.compile(r"(?<=[^/]/)(?=[^/])|(?<=\w@)|(?<=\w)(?=[.\-_?&=])")


def short_link(url: str) -> str:
    """ "example.com/sucursales", "planalto.gov.br/…/D11034.htm", "intranet.example.com/…" or, for a
    `mailto:`, the address alone."""
    parts = urlsplit(url)
    if parts.scheme.lower() == "mailto":
        return parts.path
    host = (parts.hostname or parts.netloc or url).removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    if not segments and not parts.query:
        return host
    last = segments[-1] if segments else ""
    if not last or len(last) > LAST_PART_LIMIT or parts.query:
        return f"{host}/…"
    return f"{host}/{last}" if len(segments) == 1 else f"{host}/…/{last}"


def breakable(text: str) -> Markup:
    """``text`` escaped, with a ``<wbr>`` after each ``/`` and ``@`` and before each ``.``, ``-``, ``_``, ``?``,
    ``&``, ``=`` inside it: where an address may go on to the next line."""
    return Markup("<wbr>").join(escape(piece) for piece in _BREAK.split(text))


def link_text(url: str) -> str:
    """What the step table prints for ``url``: its short form, with a zero-width space where it may break.

    Not ``<wbr>``: WeasyPrint measures a ``<wbr>`` inside a table cell wrongly and breaks the address a
    letter off ("example.com/s" / "ucursales"); the zero-width space it breaks at exactly, and leaves out of
    the PDF's text.  The short form is never copied as an address (the link holds the whole URL).
    """
    return "\u200b".join(_BREAK.split(short_link(url))) if url else ""
