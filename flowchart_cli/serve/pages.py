"""The preview's HTML: the list of flows and a flow's page, from Jinja templates in `templates/serve/`.

Autoescape is on and undefined names are errors; the SVG comes from our own
writer (its text already escaped) and is the only markup passed through.
"""

from __future__ import annotations

import json
import re
from functools import cache
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from .. import __version__
from ..layout.theme import THEME_NAMES
from ..resources import templates_dir
from .preview import Drawn, Switches

__all__ = ["diagram_json", "flow_page", "index_page", "static_file", "url_of"]

_PROLOG = re.compile(r"\A\s*<\?xml[^>]*\?>\s*")
STATIC = {"serve.js": "text/javascript; charset=utf-8", "serve.css": "text/css; charset=utf-8"}


@cache
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir() / "serve"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def url_of(rel: str) -> str:
    """A flow's relative path as it goes into a URL (every byte that is not plain, percent-encoded)."""
    return quote(rel, safe="/-_.~")


def static_file(name: str) -> bytes:
    return (templates_dir() / "serve" / name).read_bytes()


def index_page(root: str, flows: list[str]) -> str:
    links = [(rel, url_of(rel)) for rel in flows]
    return _env().get_template("index.html.j2").render(root=root, flows=links, version=__version__)


def _svg(drawn: Drawn) -> Markup:
    return Markup(_PROLOG.sub("", drawn.svg, count=1))


def _scenarios(drawn: Drawn) -> str:
    return _env().get_template("scenarios.html.j2").render(scenarios=drawn.scenarios)


def flow_page(rel: str, drawn: Drawn, switches: Switches, version: int) -> str:
    return (
        _env()
        .get_template("flow.html.j2")
        .render(
            rel=rel,
            url=url_of(rel),
            drawn=drawn,
            svg=_svg(drawn),
            scenarios=Markup(_scenarios(drawn)),
            switches=switches,
            themes=THEME_NAMES,
            query=switches_query(switches),
            steps=json.dumps(drawn.steps, ensure_ascii=True).replace("</", "<\\/"),
            version=version,
        )
    )


def switches_query(switches: Switches) -> str:
    return f"theme={switches.theme}&numbers={int(switches.numbers)}&header={int(switches.header)}"


def diagram_json(rel: str, drawn: Drawn, version: int) -> str:
    """What the page's script asks for after a save: the drawing, the problems, the step lines, the scenarios."""
    return json.dumps(
        {
            "flow": rel,
            "version": version,
            "ok": drawn.ok,
            "title": drawn.title,
            "svg": str(_svg(drawn)),
            "problems": [
                {
                    "code": p.code,
                    "severity": p.severity,
                    "line": p.line,
                    "column": p.column,
                    "message": p.message,
                    "source": p.source,
                }
                for p in drawn.problems
            ],
            "steps": drawn.steps,
            "scenarios": _scenarios(drawn),
        },
        ensure_ascii=False,
    )
