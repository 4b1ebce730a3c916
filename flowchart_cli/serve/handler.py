"""The preview's HTTP answers: GET only, a few fixed routes, everything else 404.

Routes: ``/`` (the flows), ``/view/REL`` (a flow's page), ``/api/diagram/REL``
(its drawing as JSON), ``/handout/REL`` (its handout as HTML), ``/events``
(server-sent events: the tree's version), ``/static/serve.js|css``.
Every page says, in its Content-Security-Policy, that scripts come only from
this server and nothing may be loaded from elsewhere.
"""

from __future__ import annotations

import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs, urlsplit

from ..layout.theme import THEME_NAMES
from . import pages
from .changes import ChangeFeed
from .preview import Preview, Switches
from .tree import FlowTree

__all__ = ["PreviewHandler", "Shared"]


class Shared(Protocol):
    """What the handlers read from their server (:class:`.server.PreviewServer`)."""

    tree: FlowTree
    feed: ChangeFeed
    preview: Preview
    defaults: Switches
    shown_root: Path


_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_PING_SECONDS = 15.0


class PreviewHandler(BaseHTTPRequestHandler):
    server: Shared  # type: ignore[assignment]
    protocol_version = "HTTP/1.1"
    server_version = "flowchart-serve"

    def log_message(self, format: str, *args) -> None:
        """Quiet: the terminal shows what the user needs, not every request."""

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as error:  # a request must never take the server down
            print(f"serve: could not answer {self.path!r}: {error}", file=sys.stderr)
            self.send_text(HTTPStatus.INTERNAL_SERVER_ERROR, "the preview could not draw this page\n")

    # -- routing ---------------------------------------------------------------------------------
    def route(self) -> None:
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        if path == "/":
            flows = self.server.tree.flows()
            self.send_html(pages.index_page(str(self.server.shown_root), flows))
        elif path == "/events":
            self.events(query)
        elif path.startswith("/static/") and path[8:] in pages.STATIC:
            self.send_bytes(HTTPStatus.OK, pages.static_file(path[8:]), pages.STATIC[path[8:]])
        elif path.startswith(("/view/", "/api/diagram/", "/handout/")):
            prefix, _, rest = path[1:].partition("/")
            if prefix == "api":
                rest = rest.partition("/")[2]
            self.flow(prefix, rest, _switches(query, self.server.defaults))
        else:
            self.not_found()

    def flow(self, what: str, url_path: str, switches: Switches) -> None:
        found = self.server.tree.find(url_path)
        if found is None:
            self.not_found()
            return
        rel, file = found
        version = self.server.feed.version
        if what == "handout":
            self.handout(rel, file, switches)
            return
        drawn = self.server.preview.draw(file, rel, switches)
        if what == "view":
            self.send_html(pages.flow_page(rel, drawn, switches, version))
        else:
            self.send_bytes(HTTPStatus.OK, pages.diagram_json(rel, drawn, version).encode("utf-8"), "application/json")

    def handout(self, rel: str, file, switches: Switches) -> None:
        from ..check import check_file
        from ..handout import render_handout
        from ..pipeline import laid_out_for_paper

        with self.server.preview.lock:
            result = check_file(file, rel)
            if not result.ok or result.flow is None:
                lines = "".join(f"{rel}:{d.line}:{d.column}: {d.code} {d.message}\n" for d in result.diagnostics)
                self.send_text(HTTPStatus.UNPROCESSABLE_ENTITY, f"the flow has errors; no handout:\n{lines}")
                return
            options = switches.options()
            page = render_handout(result.flow, laid_out_for_paper(result.flow, options), "html", paper=options.paper)
        self.send_bytes(HTTPStatus.OK, page, "text/html; charset=utf-8")

    def events(self, query: dict[str, list[str]]) -> None:
        """Server-sent events: ``change`` with the tree's version each time it moves; a ping now and then."""
        feed = self.server.feed
        try:
            seen = int(query.get("v", ["-1"])[0])
        except ValueError:
            seen = -1
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if seen != feed.version:
            seen = self.send_event(feed.version)
        while not feed.stopped.is_set():
            now = feed.wait(seen, _PING_SECONDS)
            if feed.stopped.is_set():
                break
            if now != seen:
                seen = self.send_event(now)
            else:
                self.wfile.write(b": ping\n\n")
                self.wfile.flush()

    def send_event(self, version: int) -> int:
        self.wfile.write(f"event: change\ndata: {version}\n\n".encode())
        self.wfile.flush()
        return version

    # -- answers ---------------------------------------------------------------------------------
    def not_found(self) -> None:
        self.send_text(HTTPStatus.NOT_FOUND, "not found\n")

    def send_html(self, text: str) -> None:
        self.send_bytes(HTTPStatus.OK, text.encode("utf-8"), "text/html; charset=utf-8")

    def send_text(self, status: HTTPStatus, text: str) -> None:
        self.send_bytes(status, text.encode("utf-8"), "text/plain; charset=utf-8")

    def send_bytes(self, status: HTTPStatus, data: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", _POLICY)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


def _switches(query: dict[str, list[str]], defaults: Switches) -> Switches:
    """The page's switches from its query (the last value of each wins); what is missing or unknown: ``defaults``."""

    def flag(name: str) -> bool:
        return query.get(name, ["0"])[-1] in ("1", "true", "on", "yes")

    theme = query.get("theme", [""])[-1]
    return Switches(
        numbers=flag("numbers") if "numbers" in query else defaults.numbers,
        header=flag("header") if "header" in query else defaults.header,
        theme=theme if theme in THEME_NAMES else defaults.theme,
    )
