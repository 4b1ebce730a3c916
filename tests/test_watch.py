"""`flowchart watch` in a subprocess: modify a file, see the output follow, stop it cleanly."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_build_support import BROKEN, REFERRING, env_without_ci, flow_text, payload

pytestmark = pytest.mark.integration  # every test here runs the watcher in a subprocess

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent

DRIVER = """
import sys
sys.path.insert(0, {tests!r})
from pathlib import Path
from rich.console import Console
from flowchart_cli.commands.watcher import Watcher
from test_build_support import FakeRenderer

root, out, log = sys.argv[1:]
console = Console(soft_wrap=True)  # as the CLI's: one line per message, however long the paths
sys.exit(Watcher(Path(root), Path(out), ("svg", "html"), console, renderer=FakeRenderer(Path(log))).run())
"""


class Lines:
    """A process's stdout read line by line on a thread, so waits can time out."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.process = process
        self.queue: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.process.stdout:
            self.queue.put(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.queue.get(timeout=0.1)
            except queue.Empty:
                continue
            self.seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r} in {timeout}s; got {self.seen}")


def watching(program: list[str], *args: str, **popen) -> tuple[subprocess.Popen, Lines]:
    """`flowchart watch ARGS` started as ``program``, once it says it is watching."""
    process = subprocess.Popen(
        [*program, "watch", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env_without_ci(),
        **popen,
    )
    lines = Lines(process)
    lines.wait_for("watching", timeout=60)
    return process, lines


def wait_until(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


def edit(path: Path, text: str) -> None:
    time.sleep(0.1)  # let the watcher settle so the save is a separate event
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_watch_rerenders_on_save_prints_diagnostics_and_stops_cleanly(tmp_path, signum):
    src, out = tmp_path / "docs", tmp_path / "out"
    (src / "sub").mkdir(parents=True)
    flow = src / "sub/alta.flow.yaml"
    flow.write_text(flow_text("Alta"), encoding="utf-8")
    (tmp_path / "driver.py").write_text(DRIVER.format(tests=str(TESTS)), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(tmp_path / "driver.py"), str(src), str(out), str(tmp_path / "log")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env_without_ci(),
    )
    lines = Lines(process)
    try:
        lines.wait_for("watching")
        svg = out / "sub/alta.svg"
        assert svg.read_bytes() == payload("svg", flow)

        edit(flow, flow_text("Alta revisada"))
        html = out / "sub/alta.handout.html"
        wait_until(lambda: svg.read_bytes() == payload("svg", flow) and html.read_bytes() == payload("html", flow))

        edit(flow, BROKEN)
        lines.wait_for("FC105")
        lines.wait_for("not rendered")
        assert b"Alta revisada" in svg.read_bytes()  # the last good output stays

        new = src / "nuevo.flow.yaml"
        edit(new, flow_text("Nuevo"))
        wait_until(lambda: (out / "nuevo.svg").exists() and (out / "nuevo.svg").read_bytes() == payload("svg", new))
    finally:
        process.send_signal(signum)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err


@pytest.mark.parametrize("background", [True, False])
def test_sigint_stops_it_even_when_started_with_sigint_ignored(tmp_path, background):
    """A script's background job starts with SIGINT ignored (`flowchart watch … &`): `kill -INT` must stop it,
    as it stops `build` and `serve`, and a stop prints no debugging text."""
    src, out = tmp_path / "docs", tmp_path / "out"
    src.mkdir()
    (src / "alta.flow.yaml").write_text(flow_text("Alta"), encoding="utf-8")
    ignore = (lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if background else None
    process, lines = watching([sys.executable, "-m", "flowchart_cli"], str(src), "-o", str(out), preexec_fn=ignore)
    try:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
    lines.wait_for("stopped watching", timeout=5)
    err = process.stderr.read()
    assert process.returncode == 0, err
    assert "KeyboardInterrupt" not in err + "\n".join(lines.seen)
    assert (out / "alta.svg").is_file()


def test_watch_redoes_a_flow_when_a_flow_it_refs_is_saved(tmp_path):
    src, out = tmp_path / "docs", tmp_path / "out"
    (src / "detalle").mkdir(parents=True)
    detail = src / "detalle/paso.flow.yaml"
    detail.write_text(flow_text("Detalle"), encoding="utf-8")
    main = src / "principal.flow.yaml"
    main.write_text(REFERRING.format(ref="detalle/paso.flow.yaml"), encoding="utf-8")
    (tmp_path / "driver.py").write_text(DRIVER.format(tests=str(TESTS)), encoding="utf-8")
    log = tmp_path / "log"
    process = subprocess.Popen(
        [sys.executable, str(tmp_path / "driver.py"), str(src), str(out), str(log)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env_without_ci(),
    )
    lines = Lines(process)
    try:
        lines.wait_for("watching")
        assert sorted(log.read_text().splitlines()) == sorted([str(detail), str(main)])
        edit(detail, flow_text("Detalle nuevo"))
        wait_until(lambda: len(log.read_text().splitlines()) == 4)
        assert sorted(log.read_text().splitlines()[2:]) == sorted([str(detail), str(main)])
    finally:
        process.terminate()
        process.communicate(timeout=30)
    assert process.returncode == 0


def start_watch(tmp_path: Path, src: Path, out: Path) -> tuple[subprocess.Popen, Lines]:
    (tmp_path / "driver.py").write_text(DRIVER.format(tests=str(TESTS)), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(tmp_path / "driver.py"), str(src), str(out), str(tmp_path / "log")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env_without_ci(),
    )
    return process, Lines(process)


def test_watch_notes_a_fifo_once_and_keeps_watching(tmp_path):
    src, out = tmp_path / "docs", tmp_path / "out"
    src.mkdir()
    flow = src / "alta.flow.yaml"
    flow.write_text(flow_text("Alta"), encoding="utf-8")
    process, lines = start_watch(tmp_path, src, out)
    try:
        lines.wait_for("watching")
        os.mkfifo(src / "pipe.flow.yaml")
        os.mkfifo(src / "notes.yaml")
        lines.wait_for("skipped notes.yaml: it is a FIFO (named pipe), not a regular file")
        edit(flow, flow_text("Alta revisada"))
        wait_until(lambda: (out / "alta.svg").read_bytes() == payload("svg", flow))
        lines.wait_for("alta.flow.yaml: ok")
    finally:
        process.terminate()
        process.communicate(timeout=30)
    assert process.returncode == 0
    assert sum("skipped pipe.flow.yaml" in line for line in lines.seen) <= 1


@pytest.mark.parametrize("how", ["rename", "remove"])
def test_watch_says_so_and_exits_2_when_its_folder_goes(tmp_path, how):
    src, out = tmp_path / "docs", tmp_path / "out"
    src.mkdir()
    (src / "alta.flow.yaml").write_text(flow_text("Alta"), encoding="utf-8")
    process, lines = start_watch(tmp_path, src, out)
    try:
        lines.wait_for("watching")
        if how == "rename":
            src.rename(tmp_path / "renamed")
        else:
            shutil.rmtree(src)
        lines.wait_for("was moved or removed; stopped watching")
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.terminate()
        process.communicate(timeout=30)
    assert process.returncode == 2


@pytest.mark.slow
def test_watch_command_renders_a_real_svg_on_save(tmp_path):
    flow = tmp_path / "pedido.flow.yaml"
    flow.write_text(flow_text("Pedido"), encoding="utf-8")
    process, _ = watching([str(ROOT / ".venv/bin/flowchart")], str(flow), cwd=tmp_path)
    try:
        svg = tmp_path / "pedido.svg"
        assert ">Pedido</title>" in svg.read_text(encoding="utf-8")
        edit(flow, flow_text("Pedido urgente"))
        wait_until(lambda: ">Pedido urgente</title>" in svg.read_text(encoding="utf-8"), timeout=60)
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
