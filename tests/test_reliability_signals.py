"""Signals against real builds and renders: no hang, no traceback, no worker or `dot` left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fault_support import capped
from test_build_process import assert_consistent, renders, start
from test_build_support import make_tree

from flowchart_cli.batch.manifest import Manifest

pytestmark = pytest.mark.integration

SLOW_DOT = """#!/bin/sh
echo $$ >> {pids}
exec sleep 120
"""


def slow_dot(tmp_path: Path) -> dict[str, str]:
    """An environment whose `dot` logs its pid and never finishes (a flow too big to lay out)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "dot"
    script.write_text(SLOW_DOT.format(pids=tmp_path / "dot.pids"))
    script.chmod(0o755)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


def dot_pids(tmp_path: Path) -> list[int]:
    path = tmp_path / "dot.pids"
    return [int(line) for line in path.read_text().split()] if path.exists() else []


def wait_for(condition, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat")
    return not (state.exists() and state.read_text().rsplit(")", 1)[1].split()[0] == "Z")


def group_empty(pgid: int) -> bool:
    return not any(alive(int(p.name)) for p in Path("/proc").iterdir() if p.name.isdigit() and _pgid(p) == pgid)


def _pgid(entry: Path) -> int | None:
    try:
        return int(entry.joinpath("stat").read_text().rsplit(")", 1)[1].split()[2])
    except (OSError, ValueError, IndexError):
        return None


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = entry.joinpath("stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def real_build(tmp_path: Path, src: Path, env: dict, jobs: int = 2) -> subprocess.Popen:
    """`flowchart build` in its own session (as a terminal job: Ctrl-C reaches the whole group)."""
    args = [sys.executable, "-m", "flowchart_cli", "build", str(src), "-o", str(tmp_path / "out"), "-f", "svg"]
    return subprocess.Popen(
        [*args, "-j", str(jobs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
        preexec_fn=capped(),
    )


def test_a_second_ctrl_c_ends_the_build_at_once_with_its_workers_and_dot(tmp_path):
    src = tmp_path / "docs"
    make_tree(src, 4)
    build = real_build(tmp_path, src, slow_dot(tmp_path))
    wait_for(lambda: len(dot_pids(tmp_path)) == 2)
    os.killpg(build.pid, signal.SIGINT)
    time.sleep(0.3)
    os.killpg(build.pid, signal.SIGINT)
    _, err = build.communicate(timeout=15)
    assert build.returncode == 130, err
    assert "stopping: 2 flow(s) still running" in err and "interrupted" in err
    assert "Traceback" not in err
    wait_for(lambda: group_empty(build.pid), 10)
    assert not any(alive(pid) for pid in dot_pids(tmp_path))


def test_one_ctrl_c_stops_a_stuck_build_within_the_grace_time(tmp_path):
    src = tmp_path / "docs"
    make_tree(src, 4)
    build = real_build(tmp_path, src, slow_dot(tmp_path))
    wait_for(lambda: len(dot_pids(tmp_path)) == 2)
    os.killpg(build.pid, signal.SIGINT)
    _, err = build.communicate(timeout=20)
    assert build.returncode == 130, err
    assert "Traceback" not in err
    wait_for(lambda: group_empty(build.pid), 10)
    assert len(dot_pids(tmp_path)) == 2  # nothing was scheduled after the signal
    assert not any(alive(pid) for pid in dot_pids(tmp_path))


def test_sigterm_to_the_whole_group_records_what_finished_without_a_traceback(tmp_path):
    """What `timeout` and CI cancellation do."""
    src, out = tmp_path / "docs", tmp_path / "out"
    make_tree(src, 24)
    build = start(tmp_path, src, out, delay=0.2, jobs=2)
    wait_for(lambda: len(renders(tmp_path)) >= 4)
    os.kill(build.pid, signal.SIGTERM)
    for pid in children(build.pid):
        os.kill(pid, signal.SIGTERM)
    _, err = build.communicate(timeout=20)
    assert build.returncode == 143, err
    assert "Traceback" not in err
    assert_consistent(src, out)
    done = len(renders(tmp_path))
    assert done < 24 and len(Manifest.load(out).flows) >= done - 2  # only the two in flight are lost
    time.sleep(0.5)
    assert len(renders(tmp_path)) == done  # nothing was written after the build ended


def test_a_worker_killed_by_sigkill_fails_its_flow_only(tmp_path):
    """The OOM killer takes one worker: that flow fails, the others are built and recorded."""
    src, out = tmp_path / "docs", tmp_path / "out"
    make_tree(src, 4)
    build = start(tmp_path, src, out, delay=1.0, jobs=2)
    wait_for(lambda: len(children(build.pid)) >= 2)
    assert renders(tmp_path) == []  # both workers are on their first flow (each takes a second)
    os.kill(children(build.pid)[0], signal.SIGKILL)
    text, err = build.communicate(timeout=60)
    assert build.returncode == 1, err
    assert "its worker process ended (killed by signal 9" in err
    assert "Traceback" not in err and "BrokenProcessPool" not in err
    assert "4 flow(s): 3 rendered" in text
    assert len(Manifest.load(out).flows) == 3
    assert_consistent(src, out)


def test_a_build_killed_with_sigkill_takes_dot_with_it(tmp_path):
    src = tmp_path / "docs"
    make_tree(src, 4)
    build = real_build(tmp_path, src, slow_dot(tmp_path))
    wait_for(lambda: len(dot_pids(tmp_path)) == 2)
    build.kill()
    build.communicate(timeout=10)
    wait_for(lambda: not any(alive(pid) for pid in dot_pids(tmp_path)), 10)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
def test_render_takes_its_dot_with_it(tmp_path, signum):
    flow = make_tree(tmp_path / "docs", 1)[0]
    render = subprocess.Popen(
        [sys.executable, "-m", "flowchart_cli", "render", str(flow)],
        stderr=subprocess.PIPE,
        text=True,
        env=slow_dot(tmp_path),
        preexec_fn=capped(),
    )
    wait_for(lambda: len(dot_pids(tmp_path)) == 1)
    render.send_signal(signum)
    _, err = render.communicate(timeout=10)
    assert render.returncode == (143 if signum == signal.SIGTERM else -9), err
    assert "Traceback" not in err
    wait_for(lambda: not alive(dot_pids(tmp_path)[0]), 10)
