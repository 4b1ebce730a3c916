"""The standard streams as the commands may rely on them: open, UTF-8, and failing in one line.

A closed stdout (`>&-`), a full one (`>/dev/full`), a reader that went away,
a C locale (`LC_ALL=C PYTHONUTF8=0`), `COLUMNS=0` or SIGTERM must never end in
a Python traceback.  :func:`run_guarded` wraps the whole command line:

- descriptors 0–2 that were closed are filled with ``/dev/null``, so no file
  the tool opens later can take their number (and be written by accident),
  while writing to a closed stdout still fails;
- stdout and stderr are UTF-8 whatever the locale;
- an output error anywhere ends with one line on stderr and exit 2, a
  SIGTERM with exit 143 after the usual clean-up (temporary files removed,
  `dot` killed).
"""

from __future__ import annotations

import errno
import io
import os
import signal
import sys
from collections.abc import Callable
from contextlib import suppress

__all__ = ["ClosedStream", "StreamFailed", "Terminated", "run_guarded"]


class StreamFailed(OSError):
    """Writing to standard output or error failed (full disk, closed pipe); ``stream`` says which."""

    def __init__(self, stream: str, error: OSError) -> None:
        super().__init__(error.errno, error.strerror or str(error))
        self.stream = stream


class _StandardFile(io.FileIO):
    """Descriptor 1 or 2 whose write errors say which standard stream failed."""

    def __init__(self, fd: int, stream: str) -> None:
        super().__init__(fd, "wb", closefd=False)
        self.stream = stream

    def write(self, data) -> int | None:
        try:
            return super().write(data)
        except OSError as error:
            raise StreamFailed(self.stream, error) from None


class Terminated(SystemExit):
    """Raised by SIGTERM: unwinds like any exception (``finally`` blocks run), exit status 143."""

    def __init__(self) -> None:
        super().__init__(128 + signal.SIGTERM)


class ClosedStream(io.TextIOBase):
    """Stands for a standard stream that was closed when the program started: writing to it fails."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    @property
    def encoding(self) -> str:
        return "utf-8"

    @property
    def buffer(self) -> ClosedStream:
        return self

    def writable(self) -> bool:
        return True

    def write(self, _text) -> int:
        raise StreamFailed(self.name, OSError(errno.EBADF, "it is closed"))

    def read(self, _size: int = -1):
        raise OSError(errno.EBADF, "it is closed")


_NAMES = {"stdin": "standard input", "stdout": "standard output", "stderr": "standard error"}


def _fill_closed_descriptors() -> None:
    for fd, name in enumerate(("stdin", "stdout", "stderr")):
        try:
            os.fstat(fd)
        except OSError:
            opened = os.open(os.devnull, os.O_RDWR)
            if opened != fd:  # pragma: no cover - lower descriptors are all open by now
                os.dup2(opened, fd)
                os.close(opened)
            setattr(sys, name, ClosedStream(name))
        else:
            if getattr(sys, name) is None:
                setattr(sys, name, ClosedStream(name))


def _utf8_streams() -> None:
    """stdout and stderr as UTF-8 text over descriptors 1 and 2 that name themselves when a write fails."""
    for fd, name in ((1, "stdout"), (2, "stderr")):
        stream = getattr(sys, name)
        if isinstance(stream, ClosedStream) or not isinstance(stream, io.TextIOWrapper):
            continue  # closed, or replaced by a test harness
        with suppress(OSError, ValueError):
            stream.flush()
        raw = _StandardFile(fd, name)
        interactive = raw.isatty()
        buffered = io.BufferedWriter(raw) if name == "stdout" else io.BufferedWriter(raw, 1024)
        setattr(
            sys,
            name,
            io.TextIOWrapper(
                buffered,
                encoding="utf-8",
                errors="backslashreplace",
                line_buffering=interactive or name == "stderr",
                write_through=name == "stderr",
            ),
        )


def _usable_columns() -> None:
    """`COLUMNS=0` (or junk) would make rich print nothing: such a value is dropped."""
    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name)
        if value is not None and not (value.strip().isdigit() and int(value) > 0):
            del os.environ[name]


def _our_warnings_as_lines() -> None:
    """The tool's own warnings (a PNG scaled down…) as ``warning: …`` lines, every time they happen."""
    import warnings

    warnings.filterwarnings("always", module=r"flowchart_cli(\.|$)")
    default = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None) -> None:
        if category.__module__.startswith("flowchart_cli"):
            _say(f"warning: {message}")
        else:
            default(message, category, filename, lineno, file, line)

    warnings.showwarning = show


def _terminate(_signum, _frame) -> None:
    raise Terminated()


def _silence(name: str) -> None:
    """Point a failed stream at /dev/null so the interpreter's last flush cannot fail again."""
    stream = getattr(sys, name)
    with suppress(OSError, ValueError, io.UnsupportedOperation):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 — lives until exit


def _say(message: str) -> None:
    with suppress(OSError, ValueError):
        sys.stderr.write(message + "\n")
        sys.stderr.flush()


def _output_failure(error: OSError) -> int:
    reason = error.strerror or str(error)
    if isinstance(error, StreamFailed):
        _silence(error.stream)
        _say(f"error: cannot write to {_NAMES[error.stream]}: {reason}")
    else:
        where = f"{error.filename}: " if error.filename else ""
        _say(f"error: {where}{reason}")
    return 2


def run_guarded(main: Callable[[], object]) -> None:
    """Run ``main`` (the typer app) and exit with its status, never with a traceback for a stream problem."""
    _fill_closed_descriptors()
    _utf8_streams()
    _usable_columns()
    _our_warnings_as_lines()
    with suppress(ValueError):  # not the main thread
        signal.signal(signal.SIGTERM, _terminate)
    try:
        try:
            main()
            code = 0
        except Terminated:
            _say("error: stopped by SIGTERM")
            code = 128 + signal.SIGTERM
        except SystemExit as exit_:
            code = exit_.code
        sys.stdout.flush()
    except OSError as error:
        code = _output_failure(error)
    with suppress(OSError, ValueError):
        sys.stderr.flush()
    sys.exit(code)
