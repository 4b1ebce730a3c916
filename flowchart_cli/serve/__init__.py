"""`flowchart serve`: a live preview of the flows below a folder, redrawn in the browser on every save (spec §7).

``tree`` decides which files may be served, ``preview`` draws one flow for the
page (keeping the last good drawing), ``changes`` turns file events into
versions the pages wait on, ``pages`` writes the HTML, ``handler`` answers
HTTP, and ``server`` binds, prints the URL and stops cleanly on a signal.
The standard library's HTTP server and server-sent events are enough for one
person's browser on their own machine; `watchfiles` (already used by
`watch`) reports the saves.
"""

from __future__ import annotations

__all__ = ["serve_path"]


def serve_path(*args, **kwargs) -> int:
    from .server import serve_path as serve

    return serve(*args, **kwargs)
