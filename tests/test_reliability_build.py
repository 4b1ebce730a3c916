"""`flowchart build` against faults: special files in the tree, odd names, hand-made files, dead lock owners."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_build import run
from test_build_process import assert_consistent, renders, start
from test_build_support import flow_text, make_tree

from flowchart_cli.batch.lock import LOCK_NAME
from flowchart_cli.batch.manifest import MANIFEST_NAME, Manifest


def finishes(target, seconds: float = 30.0):
    """Run ``target`` in a thread; fail (instead of hanging the suite) when it does not return in time."""
    box: list = []
    worker = threading.Thread(target=lambda: box.append(target()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "hung"
    return box[0]


def test_special_files_in_the_tree_are_skipped_with_a_note(tree, tmp_path, fake):
    os.mkfifo(tree / "pipe.flow.yaml")
    os.mkfifo(tree / "ventas/notes.yaml")
    (tree / "zero.flow.yaml").symlink_to("/dev/zero")
    out = tmp_path / "out"
    result = finishes(lambda: run(tree, out, fake))
    assert result.code == 0, result.err
    assert "skipped pipe.flow.yaml: it is a FIFO (named pipe), not a regular file" in result.err
    assert "skipped ventas/notes.yaml: it is a FIFO" in result.err
    assert "skipped zero.flow.yaml: it is a character device, not a regular file" in result.err
    assert len(Manifest.load(out).flows) == 4
    check = finishes(lambda: run(tree, out, fake, check_only=True))
    assert check.code == 0 and "skipped pipe.flow.yaml" in check.err


def test_a_file_name_that_is_not_utf8_is_skipped_and_the_manifest_still_written(tree, tmp_path, fake):
    odd = tree / os.fsdecode(b"caf\xe9.flow.yaml")
    odd.write_text(flow_text("Café"), encoding="utf-8")
    (tree / os.fsdecode(b"d\xeds")).mkdir()
    out = tmp_path / "out"
    for _ in range(2):  # and the next build works as well
        result = run(tree, out, fake)
        assert result.code == 0, result.err
        assert "skipped caf\\xe9.flow.yaml: the file name is not UTF-8; rename it" in result.err
        assert "skipped d\\xeds/: the folder name is not UTF-8" in result.err
        assert len(Manifest.load(out).flows) == 4
    (out / MANIFEST_NAME).read_text(encoding="utf-8")


def test_only_our_own_temporaries_are_swept(tree, tmp_path, fake):
    out = tmp_path / "out"
    run(tree, out, fake)
    mine = out / ".report.abcd1234.tmp"
    mine.write_text("hand-made")
    also_mine = out / "ventas/.notes.tmp"
    also_mine.write_text("hand-made")
    ours = out / "ventas/.flujo-1.svg.flowchart-0123456789ab.tmp"
    ours.write_bytes(b"half")
    run(tree, out, fake)
    assert mine.read_text() == "hand-made" and also_mine.read_text() == "hand-made"
    assert not ours.exists()


def test_clean_keeps_an_output_replaced_by_hand(tree, tmp_path, fake):
    out = tmp_path / "out"
    run(tree, out, fake)
    (tree / "soporte/flujo-3.flow.yaml").unlink()
    (tree / "flujo-0.flow.yaml").unlink()
    (out / "soporte/flujo-3.svg").write_text("<svg>drawn by hand</svg>")
    result = run(tree, out, fake, clean=True)
    assert result.code == 0
    assert (out / "soporte/flujo-3.svg").read_text() == "<svg>drawn by hand</svg>"
    assert f"kept {(out / 'soporte/flujo-3.svg').as_posix()}: changed since the build wrote it" in result.err
    assert not (out / "soporte/flujo-3.drawio").exists()  # untouched outputs of the same flow do go
    assert not (out / "flujo-0.svg").exists()
    assert set(Manifest.load(out).flows) == {"ventas/flujo-1.flow.yaml", "ventas/online/flujo-2.flow.yaml"}


def test_control_characters_in_file_names_are_escaped_in_build_lines(tree, tmp_path, fake):
    (tree / "x\x1b]0;PWNED\x07\x1b[2Jy.flow.yaml").write_text(flow_text("Hostil"), encoding="utf-8")
    result = run(tree, tmp_path / "out", fake)
    assert result.code == 0
    assert "\x1b" not in result.out + result.err
    assert "built x\\x1b]0;PWNED\\x07\\x1b[2Jy.flow.yaml" in result.out


ORPHAN = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR)
fcntl.flock(fd, fcntl.LOCK_EX)
if os.fork():  # the locker exits; its child keeps the lock, as an orphaned worker would
    print(os.getpid(), flush=True)
    os._exit(0)
time.sleep(60)
"""


@pytest.mark.integration
def test_a_lock_whose_owner_is_gone_is_taken_over_at_once(tree, tmp_path, fake):
    """An orphan holds the lock that a process now dead took: the kernel still names the dead one."""
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).touch()
    locker = subprocess.Popen([sys.executable, "-c", ORPHAN, str(out / LOCK_NAME)], stdout=subprocess.PIPE, text=True)
    dead = locker.stdout.readline().strip()
    locker.wait(timeout=10)
    try:
        assert not lock_is_free(out / LOCK_NAME)
        result = finishes(lambda: run(tree, out, fake))
        assert result.code == 0, result.err
        assert f"(pid {dead}) is gone; taking its lock over" in result.err
        assert "waiting" not in result.err
        assert finishes(lambda: run(tree, out, fake, check_only=True)).code == 0
    finally:
        for pid in lock_holders_pids(out / LOCK_NAME, int(dead)):
            os.kill(pid, signal.SIGKILL)


def lock_holders_pids(path: Path, parent: int) -> list[int]:
    """The orphan left by ORPHAN: the process whose parent was ``parent`` (found in /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) in (parent, 1) and "ORPHAN" not in fields and _cmdline_has(entry, str(path)):
                found.append(int(entry.name))
    return found


def _cmdline_has(entry: Path, text: str) -> bool:
    try:
        return text in (entry / "cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return False


def lock_is_free(path: Path) -> bool:
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


@pytest.mark.integration
def test_a_build_killed_with_sigkill_leaves_no_worker_and_no_lock(tmp_path):
    """CI runners and the OOM killer kill one process: the workers go with it and the next build runs."""
    src, out = tmp_path / "docs", tmp_path / "out"
    make_tree(src, 24)
    build = start(tmp_path, src, out, delay=0.3, jobs=2)
    deadline = time.monotonic() + 30
    while len(renders(tmp_path)) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    build.send_signal(signal.SIGKILL)
    build.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while not lock_is_free(out / LOCK_NAME) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert lock_is_free(out / LOCK_NAME), "a worker outlived its build and holds the lock"
    done = len(renders(tmp_path))
    time.sleep(0.6)  # a surviving worker would still be rendering
    assert len(renders(tmp_path)) == done

    again = start(tmp_path, src, out, delay=0, jobs=2)
    _, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    assert "waiting" not in err
    assert_consistent(src, out)
    check = subprocess.run(
        [sys.executable, "-m", "flowchart_cli", "build", str(src), "-o", str(out), "-f", "svg,png,html", "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_fifos_in_place_of_the_builds_own_files_do_not_hang_it(tree, tmp_path, fake):
    out = tmp_path / "out"
    out.mkdir()
    for name in (MANIFEST_NAME, ".flowchart-hashes.json", "index.md"):
        os.mkfifo(out / name)
    result = finishes(lambda: run(tree, out, fake, index=True))
    assert result.code == 2, result.err  # a FIFO named index.md is not the build's to replace…
    assert f"would replace {(out / 'index.md').as_posix()}, which the build did not write" in result.err
    assert len(Manifest.load(out).flows) == 4 and not (out / "index.md").is_file()
    forced = finishes(lambda: run(tree, out, fake, index=True, force=True))
    assert forced.code == 0, forced.err  # …unless asked
    assert (out / "index.md").is_file()


def test_a_file_in_the_way_of_an_output_folder_fails_that_flow_with_exit_2(tree, tmp_path, fake):
    out = tmp_path / "out"
    out.mkdir()
    (out / "soporte").write_text("a file where the build needs a folder")
    result = run(tree, out, fake)
    assert result.code == 2
    assert "soporte/flujo-3.flow.yaml: cannot write its outputs: " in result.err
    assert f"{out / 'soporte'} is a file, not a folder" in result.err
    assert "Traceback" not in result.err
    assert len(Manifest.load(out).flows) == 3  # the other flows are built
