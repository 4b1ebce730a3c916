"""`watch` with its outputs in the watched folder, with links to huge folders, with folders made later."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_build_support import flow_text, payload
from test_watch import edit, start_watch, wait_until

pytestmark = pytest.mark.integration


def inotify_watches(pid: int) -> int:
    """How many inotify watches the process holds (Linux: one `inotify wd:` line per watch in fdinfo)."""
    total = 0
    for info in Path(f"/proc/{pid}/fdinfo").iterdir():
        try:
            total += info.read_text().count("inotify wd:")
        except OSError:
            continue
    return total


def stop(process) -> str:
    process.terminate()
    _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    return err


def test_outputs_in_the_watched_folder_do_not_hide_the_saves(tmp_path):
    src = tmp_path / "docs"
    src.mkdir()
    flow = src / "alta.flow.yaml"
    flow.write_text(flow_text("Alta"), encoding="utf-8")
    process, lines = start_watch(tmp_path, src, src)
    try:
        lines.wait_for("watching")
        for version in ("Alta 2", "Alta 3", "Alta 4"):
            edit(flow, flow_text(version))
            wait_until(lambda: (src / "alta.svg").read_bytes() == payload("svg", flow))
    finally:
        stop(process)


@pytest.mark.parametrize("target", ["/usr", "/"])
def test_a_link_to_a_folder_outside_the_tree_is_not_followed(tmp_path, target):
    src, out = tmp_path / "docs", tmp_path / "out"
    (src / "ventas").mkdir(parents=True)
    (src / "sistema").symlink_to(target)
    flow = src / "ventas/alta.flow.yaml"
    flow.write_text(flow_text("Alta"), encoding="utf-8")
    process, lines = start_watch(tmp_path, src, out)
    try:
        lines.wait_for("watching")
        edit(flow, flow_text("Alta revisada"))
        wait_until(lambda: (out / "ventas/alta.svg").read_bytes() == payload("svg", flow))
        assert inotify_watches(process.pid) <= 5  # docs and docs/ventas (not the thousands of folders of /usr)
    finally:
        stop(process)


def test_a_folder_made_after_the_start_is_watched(tmp_path):
    src, out = tmp_path / "docs", tmp_path / "out"
    src.mkdir()
    (src / "alta.flow.yaml").write_text(flow_text("Alta"), encoding="utf-8")
    process, lines = start_watch(tmp_path, src, out)
    try:
        lines.wait_for("watching")
        (src / "nuevo/mas").mkdir(parents=True)
        late = src / "nuevo/mas/baja.flow.yaml"
        edit(late, flow_text("Baja"))
        wait_until(lambda: (out / "nuevo/mas/baja.svg").is_file())
        edit(late, flow_text("Baja revisada"))
        wait_until(lambda: (out / "nuevo/mas/baja.svg").read_bytes() == payload("svg", late))
    finally:
        stop(process)
