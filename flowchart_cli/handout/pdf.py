"""Print the handout's HTML to PDF with WeasyPrint: A4, vector diagram, embedded fonts.

The PDF is reproducible: its dates come from the flow's `updated` (or
SOURCE_DATE_EPOCH), never from the clock; its file identifier is a hash of
its content; and nothing outside the HTML is ever fetched.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from ..errors import FlowchartError
from .pagefit import fitted
from .view import Handout

__all__ = ["WeasyPrintMissing", "document_date", "render_pdf"]


class WeasyPrintMissing(FlowchartError):
    def __init__(self, error: Exception) -> None:
        super().__init__(
            f"the PDF handout needs WeasyPrint and the pango library ({error}); install them with "
            "`pip install weasyprint` and, on Debian/Ubuntu, `sudo apt-get install libpango-1.0-0 "
            "libpangoft2-1.0-0`, or write the HTML handout (the default) and print it from a browser"
        )


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

    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: the pango/harfbuzz libraries are missing
        raise WeasyPrintMissing(error) from None

    logging.getLogger("weasyprint").setLevel(logging.ERROR)

    def render(text: str):
        return HTML(string=text, url_fetcher=_no_fetch).render()

    document = fitted(html, render(html), render)
    metadata = document.metadata
    metadata.title = view.doc.title
    metadata.lang = view.lang
    metadata.generator = "flowchart-cli"
    date = document_date(view)
    metadata.created = metadata.modified = date or None
    # PDF/UA-1: a tagged PDF (headings, tables, lists, reading order) that screen readers can follow.
    return document.write_pdf(pdf_identifier=True, pdf_variant="pdf/ua-1")
