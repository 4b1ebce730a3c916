"""Spread the render jobs over processes and turn SIGTERM into a clean stop.

Processes, not threads: layout runs Graphviz and the writers are CPU-bound
Python.  Workers never outlive the build and never hold its lock (see
:func:`_init_worker`).  On Ctrl-C or SIGTERM the queued jobs are cancelled,
the running ones finish (each is one flow, written atomically) and
:class:`Interrupted` reaches the engine, which saves the manifest of what did
finish.
"""

from __future__ import annotations

import ctypes
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING

from .lock import close_inherited_locks
from .worker import Job, JobResult, Renderer, run_job

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["Interrupted", "interrupts_raise", "job_results"]

_PR_SET_PDEATHSIG = 1
"""Linux prctl option: the signal a process gets when its parent dies."""


class Interrupted(BaseException):
    """The build was stopped by a signal; ``exit_code`` is 128 + the signal number."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"interrupted by signal {signum}")
        self.exit_code = 128 + signum


def _raise_interrupted(signum, _frame) -> None:
    raise Interrupted(signum)


@contextmanager
def interrupts_raise() -> Iterator[None]:
    """While inside, SIGTERM raises :class:`Interrupted` (SIGINT already raises KeyboardInterrupt)."""
    try:
        previous = signal.signal(signal.SIGTERM, _raise_interrupted)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _die_with_parent(parent: int) -> None:
    """Make this worker end when the build process ends, even by SIGKILL (CI runners, the OOM killer).

    Linux delivers SIGKILL to the worker the moment its parent dies
    (``PR_SET_PDEATHSIG``); elsewhere a daemon thread notices the parent is
    gone within a second.  A worker killed mid-write leaves only a temporary
    file, which the next build sweeps away under the lock.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl")
    except (OSError, AttributeError):

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1.0)
            os.kill(os.getpid(), signal.SIGKILL)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os.kill(os.getpid(), signal.SIGKILL)


def _init_worker(parent: int) -> None:
    """In a worker: never hold the build lock, die with the parent, unwind on SIGTERM (temporaries removed)."""
    close_inherited_locks()
    _die_with_parent(parent)
    signal.signal(signal.SIGTERM, _raise_interrupted)


@contextmanager
def job_results(jobs: list[Job], workers: int, renderer: Renderer | None = None) -> Iterator[Iterator[JobResult]]:
    """The results in the order the jobs finish; inline when one worker (or one job) is enough.

    The worker processes are all started on entry, before the caller starts
    any thread of its own (the progress bar), so no child is forked while a
    thread holds a lock.  On exit, queued jobs are cancelled and running ones
    are waited for.
    """
    task = partial(run_job, renderer=renderer)
    if workers <= 1 or len(jobs) <= 1:
        yield (task(job) for job in jobs)
        return
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only when there is work to share

    pool = ProcessPoolExecutor(max_workers=min(workers, len(jobs)), initializer=_init_worker, initargs=(os.getpid(),))
    try:
        futures = {pool.submit(task, job) for job in jobs}
        yield _as_finished(futures)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _as_finished(pending: set[Future]) -> Iterator[JobResult]:
    from concurrent.futures import FIRST_COMPLETED, wait

    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield future.result()
