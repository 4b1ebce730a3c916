"""The local hash cache: unchanged files are not read again, changed ones always are."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from test_build_support import FakeRenderer, make_tree

from flowchart_cli.batch import hashing
from flowchart_cli.batch.engine import BuildConfig, build
from flowchart_cli.batch.hashing import CACHE_NAME, FileHashes
from flowchart_cli.batch.manifest import file_sha256


@pytest.fixture
def reads(monkeypatch) -> list[Path]:
    """Every file actually read to hash it."""
    seen: list[Path] = []

    def counting(path: Path):
        seen.append(Path(path))
        return file_sha256(path)

    monkeypatch.setattr(hashing, "file_sha256", counting)
    return seen


def age(path: Path, seconds: float = 60) -> None:
    past = time.time() - seconds
    os.utime(path, (past, past))


def test_an_unchanged_old_file_is_hashed_once_across_builds(tmp_path, reads):
    path = tmp_path / "a.svg"
    path.write_text("<svg/>")
    age(path)
    first = FileHashes()
    assert first(path) == file_sha256(path)
    first.save(tmp_path)
    again = FileHashes.load(tmp_path)
    assert again(path) == file_sha256(path)
    assert reads == [path]


def test_a_changed_file_is_read_again(tmp_path, reads):
    path = tmp_path / "a.svg"
    path.write_text("<svg/>")
    age(path, 120)
    cache = FileHashes()
    cache(path)
    cache.save(tmp_path)
    path.write_text("<svg>")  # same size, new content, new time
    age(path, 60)
    assert FileHashes.load(tmp_path)(path) == file_sha256(path)
    assert len(reads) == 2


def test_a_file_changed_just_now_is_not_remembered(tmp_path, reads):
    path = tmp_path / "a.svg"
    path.write_text("<svg/>")
    cache = FileHashes()
    cache(path)
    cache.save(tmp_path)
    FileHashes.load(tmp_path)(path)
    assert len(reads) == 2
    assert not (tmp_path / CACHE_NAME).exists()


def test_a_corrupt_cache_is_ignored(tmp_path):
    path = tmp_path / "a.svg"
    path.write_text("<svg/>")
    (tmp_path / CACHE_NAME).write_text("[1, 2")
    assert FileHashes.load(tmp_path)(path) == file_sha256(path)


def test_a_warm_build_reads_no_output_again(tmp_path, reads):
    from rich.console import Console

    src, out = tmp_path / "docs", tmp_path / "out"
    make_tree(src, 3)
    fake = FakeRenderer(tmp_path / "log")
    config = BuildConfig(src, out, formats=("svg", "html"))
    quiet = Console(file=io.StringIO())
    assert build(config, out=quiet, err=quiet, renderer=fake) == 0
    for path in [*src.rglob("*"), *out.rglob("*")]:
        if path.is_file():
            age(path)
    assert build(config, out=quiet, err=quiet, renderer=fake) == 0  # hashes everything once, remembers it
    reads.clear()
    assert build(config, out=quiet, err=quiet, renderer=fake) == 0
    assert reads == []
    edited = out / "ventas/flujo-1.svg"
    edited.write_bytes(b"x" * edited.stat().st_size)  # same size, by hand
    assert build(config, out=quiet, err=quiet, renderer=fake) == 2  # noticed, and kept: spec §3
    assert set(reads) == {edited}
    assert edited.read_bytes() == b"x" * edited.stat().st_size
