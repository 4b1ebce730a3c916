"""Render the handout's view-model to one self-contained HTML page with Jinja2.

Autoescape is on and undefined variables are errors, so a flow's text never
becomes markup and a template's typo never prints silently as nothing.
A team's `--template-dir` is searched first: any template of the same name
(`steps.html.j2`, `handout.css`, …) replaces the built-in one.
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from .. import __version__
from ..layout.text import UNIT_WORD, clean_text
from ..resources import templates_dir
from .quotes import nest_quotes
from .view import Handout

__all__ = ["ENTRY", "render_html", "template_env"]

ENTRY = "handout.html.j2"


def template_env(template_dir: Path | None = None) -> jinja2.Environment:
    """The Jinja environment: ``template_dir`` (when given) over the built-in templates.

    The built-in one is made once per process; a team's folder is read afresh
    each time, so that a template added to it while `watch` runs is seen.
    """
    return _env(template_dir) if template_dir is not None else _builtin_env()


@cache
def _builtin_env() -> jinja2.Environment:
    return _env(None)


def _env(template_dir: Path | None) -> jinja2.Environment:
    folders = [str(template_dir)] if template_dir is not None else []
    folders.append(str(templates_dir() / "handout"))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders, encoding="utf-8"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(),
        finalize=_printable,
    )


_NUMBER_AND_UNIT = re.compile(rf"(?<=\d) (?={UNIT_WORD})")


def _printable(value: object) -> object:
    """Every printed text without the control characters HTML cannot hold, with a label's own quotes inside
    the handout's quote of it in the inner marks (:mod:`.quotes`), and a number kept on the line of its unit
    ("within 24 h?" broke as "24 / h?", review 8); ready markup is left alone."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _NUMBER_AND_UNIT.sub("\u00a0", clean_text(nest_quotes(value)))
    return value


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept in the user's cache folder (keyed by each template's source).

    Compiling the templates is most of a one-file run's time; the cache only
    saves that work and never changes the output.  No cache when the folder
    cannot be made or others could write into it (:mod:`flowchart_cli.user_cache`),
    or when FLOWCHART_NO_CACHE is set.
    """
    if os.environ.get("FLOWCHART_NO_CACHE"):
        return None
    from ..user_cache import private_cache_dir

    folder = private_cache_dir("jinja")
    if folder is None:
        return None
    # Compiled code depends on the environment's options too (finalize, autoescape…), which
    # Jinja's key (name and source) does not see: the package and Jinja versions name the files.
    tag = hashlib.sha256(f"{__version__} {jinja2.__version__} {Path(__file__).read_bytes()!r}".encode())
    return jinja2.FileSystemBytecodeCache(str(folder), pattern=f"handout-{tag.hexdigest()[:16]}-%s.cache")


def render_html(view: Handout, template_dir: Path | None = None) -> str:
    """The handout as an HTML document."""
    return template_env(template_dir).get_template(ENTRY).render(view.context())
