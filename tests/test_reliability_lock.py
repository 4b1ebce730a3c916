"""The build lock: never written through a link, never rewritten; warm builds and `--check` touch nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_build import run

from flowchart_cli.batch.lock import LOCK_NAME


def snapshot(folder: Path) -> dict[str, tuple[bytes | None, int]]:
    """Every entry below ``folder`` (the folder too) with its bytes and its modification time in ns."""
    found = {".": (None, folder.stat().st_mtime_ns)}
    for path in folder.rglob("*"):
        info = path.lstat()
        found[path.relative_to(folder).as_posix()] = (path.read_bytes() if path.is_file() else None, info.st_mtime_ns)
    return found


def test_a_lock_file_that_is_a_link_is_refused_and_its_target_untouched(tree, tmp_path, fake):
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me\n")
    (out / LOCK_NAME).symlink_to(victim)
    result = run(tree, out, fake)
    assert result.code == 2
    assert f"{out / LOCK_NAME} is a symbolic link" in result.err
    assert victim.read_text() == "keep me\n"
    assert fake.calls() == [] and sorted(p.name for p in out.iterdir()) == [LOCK_NAME]


def test_a_dangling_lock_link_creates_nothing_outside_the_folder(tree, tmp_path, fake):
    out = tmp_path / "out"
    out.mkdir()
    target = tmp_path / "elsewhere" / "planted"
    target.parent.mkdir()
    (out / LOCK_NAME).symlink_to(target)
    assert run(tree, out, fake).code == 2
    assert run(tree, out, fake, check_only=True).code == 2
    assert not target.exists()


def test_a_warm_build_and_check_leave_every_byte_and_time_as_they_were(tree, tmp_path, fake):
    out = tmp_path / "out"
    assert run(tree, out, fake, index=True).code == 0
    before = snapshot(out)
    assert LOCK_NAME in before and before[LOCK_NAME][0] == b""
    again = run(tree, out, fake, index=True)
    assert again.code == 0 and "0 rendered, 4 up to date" in again.out
    assert snapshot(out) == before
    check = subprocess.run(
        [sys.executable, "-m", "flowchart_cli", "build", str(tree), "-o", str(out), "--check", "--index"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert check.returncode in (0, 1), check.stderr  # the fake outputs differ from real ones: stale is fine
    assert snapshot(out) == before


def test_check_on_a_folder_without_a_lock_creates_none(tree, tmp_path, fake):
    out = tmp_path / "out"
    run(tree, out, fake)
    os.unlink(out / LOCK_NAME)
    before = snapshot(out)
    assert run(tree, out, fake, check_only=True).code == 0
    assert snapshot(out) == before
