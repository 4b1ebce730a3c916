"""The template cache runs code: it is used only from a private folder of the user's (0700, not shared)."""

from __future__ import annotations

import io
import marshal
import os
import pickle
import shutil
import warnings
from pathlib import Path

import pytest
from fault_support import flowchart

from flowchart_cli.user_cache import private_cache_dir

CASES = Path(__file__).resolve().parent / "cases"


def plant(cache: Path, marker: Path) -> int:
    """Replace the code of every compiled template in ``cache`` by code that writes ``marker``."""
    from jinja2.bccache import bc_magic

    planted = 0
    for path in cache.glob("*.cache"):
        stream = io.BytesIO(path.read_bytes())
        assert stream.read(len(bc_magic)) == bc_magic
        checksum = pickle.load(stream)
        code = compile(f"open({str(marker)!r}, 'w').write('ran')", "planted", "exec")
        path.write_bytes(bc_magic + pickle.dumps(checksum, 2) + marshal.dumps(code))
        planted += 1
    return planted


def handout(tmp_path: Path, cache_home: Path):
    flow = tmp_path / "atencion.flow.yaml"
    if not flow.exists():
        shutil.copy(CASES / "ok_atencion.flow.yaml", flow)
    return flowchart("handout", str(flow), "-o", str(tmp_path / "out"), env={"XDG_CACHE_HOME": str(cache_home)})


@pytest.mark.integration
def test_a_new_cache_folder_is_private(tmp_path):
    home = tmp_path / "cache"
    assert handout(tmp_path, home).returncode == 0
    for folder in (home / "flowchart-cli", home / "flowchart-cli/jinja"):
        assert folder.stat().st_mode & 0o777 == 0o700
    assert list((home / "flowchart-cli/jinja").glob("*.cache"))


@pytest.mark.integration
def test_a_cache_others_can_write_is_not_loaded(tmp_path, mode=0o770):
    home, marker = tmp_path / "cache", tmp_path / "PWNED"
    assert handout(tmp_path, home).returncode == 0
    jinja = home / "flowchart-cli/jinja"
    assert plant(jinja, marker) >= 1
    jinja.chmod(mode)
    done = handout(tmp_path, home)
    assert done.returncode == 0, done.stderr
    assert not marker.exists(), "code from a shared cache folder ran"
    assert f"warning: no cache used: {jinja} can be written by other users (mode {mode:04o})" in done.stderr
    assert (tmp_path / "out/atencion.handout.html").is_file()


@pytest.mark.integration
def test_the_planted_cache_would_run_if_the_folder_were_private(tmp_path):
    """The control: the same planting in a private folder is loaded, so the test above can fail."""
    home, marker = tmp_path / "cache", tmp_path / "PWNED"
    assert handout(tmp_path, home).returncode == 0
    assert plant(home / "flowchart-cli/jinja", marker) >= 1
    handout(tmp_path, home)
    assert marker.exists()


def refused(home: Path, monkeypatch) -> str | None:
    """The warning :func:`private_cache_dir` gives for ``home`` (``None`` when it uses the folder)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        folder = private_cache_dir("jinja")
    assert (folder is None) == bool(caught)
    return str(caught[0].message) if caught else None


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722, 0o702])
def test_a_cache_folder_others_can_write_is_refused(tmp_path, monkeypatch, mode):
    (tmp_path / "flowchart-cli/jinja").mkdir(parents=True, mode=0o700)
    (tmp_path / "flowchart-cli/jinja").chmod(mode)
    assert refused(tmp_path, monkeypatch) == (
        f"no cache used: {tmp_path / 'flowchart-cli/jinja'} can be written by other users (mode {mode:04o})"
    )


def test_a_parent_others_can_write_is_refused_unless_sticky(tmp_path, monkeypatch):
    tmp_path.chmod(0o777)
    assert "who could swap the cache folder inside it" in refused(tmp_path, monkeypatch)
    tmp_path.chmod(0o1777)  # like /tmp: others cannot rename our folder away
    assert refused(tmp_path, monkeypatch) is None
    assert (tmp_path / "flowchart-cli/jinja").stat().st_mode & 0o777 == 0o700


def test_a_cache_folder_that_is_a_link_is_refused(tmp_path, monkeypatch):
    elsewhere = tmp_path / "shared"
    elsewhere.mkdir(mode=0o700)
    (tmp_path / "flowchart-cli").mkdir(mode=0o700)
    (tmp_path / "flowchart-cli/jinja").symlink_to(elsewhere)
    assert "jinja is a symbolic link" in refused(tmp_path, monkeypatch)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a folder away")
def test_a_cache_folder_of_another_user_is_refused(tmp_path, monkeypatch):
    (tmp_path / "flowchart-cli/jinja").mkdir(parents=True, mode=0o700)
    os.chown(tmp_path / "flowchart-cli/jinja", 4321, 4321)
    assert "belongs to another user (uid 4321)" in refused(tmp_path, monkeypatch)
