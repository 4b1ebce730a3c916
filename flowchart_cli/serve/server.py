"""Bind, say where, serve until Ctrl-C or SIGTERM, then stop cleanly (exit 0, the port freed)."""

from __future__ import annotations

import signal
import sys
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from .changes import ChangeFeed
from .handler import PreviewHandler
from .preview import Preview, Switches
from .tree import FlowTree

__all__ = ["PreviewServer", "serve_path"]

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


class PreviewServer(ThreadingHTTPServer):
    """The HTTP server with what the handlers share: the tree, the change feed, the drawings, the defaults."""

    daemon_threads = True  # an open event stream never holds up the exit
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], tree: FlowTree, defaults: Switches, shown_root: Path) -> None:
        self.tree = tree
        self.feed = ChangeFeed(tree)
        self.preview = Preview()
        self.defaults = defaults
        self.shown_root = shown_root
        super().__init__(address, PreviewHandler)


def serve_path(path: Path, *, host: str, port: int, defaults: Switches) -> int:
    """Serve the flows at ``path`` on ``host:port`` (0: any free port) until a signal; the exit code."""
    tree = FlowTree.at(path)
    try:
        server = PreviewServer((host, port), tree, defaults, path)
    except OSError as error:
        print(f"error: cannot serve on {host}:{port}: {error.strerror or error}", file=sys.stderr)
        return 2
    stop = threading.Event()  # signals are caught before the URL is printed: a stop right after it is clean
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    server.feed.start()  # before the URL is printed: a save made right after it is seen
    bound_host, bound_port = server.server_address[:2]
    shown_host = f"[{bound_host}]" if ":" in str(bound_host) else bound_host
    print(f"serving http://{shown_host}:{bound_port}/", flush=True)
    if host not in LOCAL_HOSTS:
        print(
            f"warning: listening on {host}, not only on this machine: anyone who can reach it can read "
            f"the flows under {path}",
            file=sys.stderr,
            flush=True,
        )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()
    try:
        while not stop.wait(0.5):
            pass
    finally:
        server.feed.stop()
        server.shutdown()
        server.server_close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("stopped serving", flush=True)
    return 0
