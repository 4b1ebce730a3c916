"""The pages of a draw.io file, each as its `<mxGraphModel>` element, plain or compressed.

draw.io saves a page either as XML inside `<diagram>` or, compressed, as the
text `base64(deflateRaw(encodeURIComponent(xml)))`, which is undone here as
draw.io's own `Graph.decompress` does, inflating at most :data:`MAX_DRAWING`.
"""

from __future__ import annotations

import base64
import binascii
import zlib
from dataclasses import dataclass
from urllib.parse import unquote
from xml.etree.ElementTree import Element

from .drawn import ImportFailure
from .safexml import MAX_DRAWING, local_name, parse_xml

__all__ = ["DrawioPage", "drawio_pages", "inflate_page"]


@dataclass(frozen=True)
class DrawioPage:
    name: str
    model: Element


def drawio_pages(data: bytes) -> list[DrawioPage]:
    """Every page of the file, in order (a bare `<mxGraphModel>` is one unnamed page)."""
    root = parse_xml(data, "the file")
    if local_name(root) == "mxGraphModel":
        return [DrawioPage("", root)]
    if local_name(root) != "mxfile":
        raise ImportFailure(f"not a draw.io file: its root element is <{local_name(root)}>, not <mxfile>")
    diagrams = [d for d in root if local_name(d) == "diagram"]
    if not diagrams:
        raise ImportFailure("the draw.io file has no page (<diagram>)")
    return [DrawioPage(d.get("name", ""), _model(d, number)) for number, d in enumerate(diagrams, 1)]


def _model(diagram: Element, number: int) -> Element:
    models = [child for child in diagram if local_name(child) == "mxGraphModel"]
    if models:
        return models[0]
    text = (diagram.text or "").strip()
    if not text:
        raise ImportFailure(f"page {number} is empty")
    model = parse_xml(inflate_page(text, number), f"page {number}")
    if local_name(model) != "mxGraphModel":
        raise ImportFailure(f"page {number} holds <{local_name(model)}>, not a draw.io diagram")
    return model


def inflate_page(text: str, number: int) -> str:
    """The XML of a compressed page, as draw.io's `Graph.decompress` reads it."""
    failure = f"page {number} is compressed but does not inflate: it is not base64 + deflate as draw.io writes it"
    try:
        packed = base64.b64decode("".join(text.split()), validate=True)
        inflater = zlib.decompressobj(-15)
        inflated = inflater.decompress(packed, MAX_DRAWING + 1)
    except (binascii.Error, ValueError, zlib.error):
        raise ImportFailure(failure) from None
    if len(inflated) > MAX_DRAWING or inflater.unconsumed_tail:
        raise ImportFailure(f"page {number} inflates to more than {MAX_DRAWING // (1024 * 1024)} MB; not read")
    try:
        return unquote(inflated.decode("utf-8"), errors="strict")
    except UnicodeDecodeError:
        raise ImportFailure(failure) from None
