"""Print the handout's HTML to PDF with WeasyPrint: A4, vector diagram, embedded fonts.

The PDF is reproducible: its dates come from the flow's `updated` (or
SOURCE_DATE_EPOCH), never from the clock; its file identifier is a hash of
its content; and nothing outside the HTML is ever fetched.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from .view import Handout

__all__ = ["document_date", "render_pdf"]


def document_date(view: Handout) -> str:
    """The W3C date the PDF carries: `updated` if it is a date, else SOURCE_DATE_EPOCH, else ""."""
    if view.doc.date:
        return view.doc.date
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return ""


def _no_fetch(url: str, *args, **kwargs):
    """The handout is self-contained: any attempt to load something is a bug, not a download."""
    raise ValueError(f"the handout does not load external resources ({url[:80]})")


def render_pdf(html: str, view: Handout) -> bytes:
    """The PDF of ``html`` (made from ``view``), with its title, language and dates set."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    document = HTML(string=html, url_fetcher=_no_fetch).render()
    metadata = document.metadata
    metadata.title = view.doc.title
    metadata.lang = view.lang
    metadata.generator = "flowchart-cli"
    date = document_date(view)
    metadata.created = metadata.modified = date or None
    return document.write_pdf(pdf_identifier=True)
