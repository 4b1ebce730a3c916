"""Spread the render jobs over worker processes, and stop cleanly on Ctrl-C or SIGTERM.

Processes, not threads: layout runs Graphviz and the writers are CPU-bound
Python.  Each worker is a forked child of the build, in its process group,
that takes one job at a time over its own pipe, so the build always knows
which flow a worker holds:

- a worker that dies (the OOM killer, ``kill -9``) fails that flow only; the
  others go on;
- the first Ctrl-C or SIGTERM stops handing out jobs; the running ones get
  :data:`GRACE_SECONDS` to finish (each is one flow, written atomically), then
  are terminated; :class:`Interrupted` then reaches the engine, which saves
  the manifest of what did finish;
- a second signal kills every worker at once (their `dot` goes with them, see
  :mod:`flowchart_cli.layout.graphviz_run`) and interrupts the build.

Workers ignore SIGINT (the terminal sends Ctrl-C to the whole group: the
build decides) and unwind on SIGTERM, removing their temporary files.
"""

from __future__ import annotations

import ctypes
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import partial

from .lock import close_inherited_locks
from .worker import Job, JobResult, Renderer, run_job

__all__ = ["GRACE_SECONDS", "Interrupted", "interrupts_raise", "job_results"]

GRACE_SECONDS = 3.0
"""How long running flows may go on after the first signal before their workers are terminated."""

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


def die_with_parent(parent: int) -> None:
    """Make this process end when ``parent`` ends, even by SIGKILL (CI runners, the OOM killer).

    Linux delivers SIGKILL the moment the parent dies (``PR_SET_PDEATHSIG``);
    elsewhere a daemon thread notices the parent is gone within a second.
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


def _worker_main(conn, renderer: Renderer | None, parent: int) -> None:
    """A worker's life: never hold the build lock, die with the build, run jobs until told to stop."""
    close_inherited_locks()
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _raise_interrupted)
    task = partial(run_job, renderer=renderer)
    try:
        while (job := conn.recv()) is not None:
            conn.send(task(job))
    except (Interrupted, EOFError, OSError):
        pass
    except Exception:  # a result that cannot be sent: the build reports this flow as failed
        os._exit(1)
    os._exit(0)  # no atexit work, no traceback: the build has everything it needs


@dataclass
class _Worker:
    process: object
    conn: object
    job: Job | None = None


class _Pool:
    """The workers and the jobs not yet handed out; ``stop`` is the first signal's number once one came."""

    def __init__(
        self, jobs: list[Job], workers: int, renderer: Renderer | None, on_stop: Callable[[int], None] | None
    ) -> None:
        import multiprocessing

        self._on_stop = on_stop
        self._context = multiprocessing.get_context("fork")
        self._renderer = renderer
        self.queue = list(reversed(jobs))
        self.workers = [self._fork() for _ in range(min(workers, len(jobs)))]
        self.stop: int | None = None
        self.stopped_at = 0.0
        self.terminated = False

    def _fork(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(theirs, self._renderer, os.getpid()), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def on_signal(self, signum: int, _frame) -> None:
        if self.stop is None:
            self.stop, self.stopped_at = signum, time.monotonic()
            return
        self.kill()
        raise Interrupted(self.stop)

    def kill(self) -> None:
        for worker in self.workers:
            with suppress(OSError):
                os.kill(worker.process.pid, signal.SIGKILL)

    def results(self) -> Iterator[JobResult]:
        from multiprocessing.connection import wait

        while True:
            self._hand_out()
            busy = [w for w in self.workers if w.job is not None]
            if not busy:
                break
            if self.stop is not None and self._on_stop is not None:
                self._on_stop, tell = None, self._on_stop
                tell(len(busy))
            self._enforce_grace(busy)
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=0.1))
            for worker in busy:
                if worker.conn in ready or worker.process.sentinel in ready:
                    result = self._collect(worker)
                    if result is not None:
                        yield result
        if self.stop is not None:
            raise Interrupted(self.stop)

    def _hand_out(self) -> None:
        if self.stop is not None:
            return
        for idle in [w for w in self.workers if w.job is None and not w.process.is_alive()]:
            self.workers.remove(idle)  # killed between two flows: nothing of ours was lost
            idle.conn.close()
        if self.queue and not self.workers:  # every worker died: start one afresh
            self.workers.append(self._fork())
        for worker in self.workers:
            if worker.job is None and self.queue:
                worker.job = self.queue.pop()
                with suppress(OSError):  # it died just now: its sentinel says so
                    worker.conn.send(worker.job)

    def _collect(self, worker: _Worker) -> JobResult | None:
        """The finished job's result; for a worker that died, its flow's failure (or nothing once stopping)."""
        job, worker.job = worker.job, None
        with suppress(Exception):  # a half-sent result is a dead worker's
            if worker.conn.poll():
                return worker.conn.recv()
        worker.process.join(timeout=1)
        self.workers.remove(worker)
        worker.conn.close()
        if self.stop is not None:
            return None
        code = worker.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
        return JobResult(job, error=f"its worker process ended ({how}; out of memory?)", exit_code=1, crashed=True)

    def _enforce_grace(self, busy: list[_Worker]) -> None:
        if self.stop is None or self.terminated or time.monotonic() - self.stopped_at < GRACE_SECONDS:
            return
        self.terminated = True
        for worker in busy:
            with suppress(OSError):
                os.kill(worker.process.pid, signal.SIGTERM)

    def close(self) -> None:
        """Let idle workers go; kill any still busy (the build is leaving)."""
        for worker in self.workers:
            with suppress(OSError, ValueError):
                worker.conn.send(None)
        deadline = time.monotonic() + 2.0
        for worker in self.workers:
            worker.process.join(timeout=max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                with suppress(OSError):
                    os.kill(worker.process.pid, signal.SIGKILL)
                worker.process.join(timeout=1)
            worker.conn.close()


@contextmanager
def job_results(
    jobs: list[Job],
    workers: int,
    renderer: Renderer | None = None,
    on_stop: Callable[[int], None] | None = None,
) -> Iterator[Iterator[JobResult]]:
    """The results in the order the jobs finish; inline when one worker (or one job) is enough.

    The worker processes are all started on entry, before the caller starts
    any thread of its own (the progress bar), so no child is forked while a
    thread holds a lock.  ``on_stop`` is told (outside the signal handler) how
    many flows are still running once the first signal has stopped the hand-out.
    """
    if workers <= 1 or len(jobs) <= 1:
        task = partial(run_job, renderer=renderer)
        with interrupts_raise():
            yield (task(job) for job in jobs)
        return
    pool = _Pool(jobs, workers, renderer, on_stop)
    try:
        previous = {signum: signal.signal(signum, pool.on_signal) for signum in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread: signals stay as they are
        previous = {}
    try:
        yield pool.results()
    finally:
        try:
            pool.close()
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
