"""XML from other tools, parsed safely: no DTDs, no entities, no external references, a size cap.

`defusedxml` refuses the documents that make the standard parsers expand
entities without end or fetch files; the cap keeps a drawing (or what an
archive or a compressed page inflates to) within :data:`MAX_DRAWING` bytes.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .drawn import ImportFailure

__all__ = ["MAX_DRAWING", "local_name", "parse_xml"]

MAX_DRAWING = 2 * 1024 * 1024
"""The largest drawing read, in bytes: 2 MB, far beyond any flowchart a person draws."""


def parse_xml(data: bytes | str, what: str) -> Element:
    """The root element of ``data``; ``what`` names the document in messages (`the file`, `page 2`)."""
    if len(data) > MAX_DRAWING:
        raise ImportFailure(f"{what} is larger than {MAX_DRAWING // (1024 * 1024)} MB; not read")
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise ImportFailure(f"{what} declares a DTD or entities, which are refused ({type(exc).__name__})") from None
    except ParseError as exc:
        line, column = exc.position
        raise ImportFailure(f"{what} is not well-formed XML (line {line}, column {column + 1})") from None


def local_name(element: Element) -> str:
    """The tag without its `{namespace}`."""
    return element.tag.rpartition("}")[2]
