"""Builds as separate processes: killed part-way, and two at once into one folder."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_build_support import make_tree, payload

from flowchart_cli.batch.manifest import MANIFEST_NAME, Manifest, file_sha256

pytestmark = pytest.mark.integration  # builds run as subprocesses

TESTS = Path(__file__).resolve().parent
FORMATS = ("svg", "png", "html")

DRIVER = """
import sys
sys.path.insert(0, {tests!r})
from pathlib import Path
from rich.console import Console
from flowchart_cli.batch.engine import BuildConfig, build
from test_build_support import FakeRenderer

src, out, log, delay, jobs = sys.argv[1:]
config = BuildConfig(Path(src), Path(out), formats={formats!r}, jobs=int(jobs))
sys.exit(build(config, out=Console(), err=Console(stderr=True), renderer=FakeRenderer(Path(log), float(delay))))
"""


def start(tmp_path: Path, src: Path, out: Path, *, delay: float, jobs: int, log: str = "renders.log"):
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER.format(tests=str(TESTS), formats=FORMATS), encoding="utf-8")
    args = [sys.executable, str(driver), str(src), str(out), str(tmp_path / log), str(delay), str(jobs)]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def renders(tmp_path: Path, log: str = "renders.log") -> list[str]:
    path = tmp_path / log
    return path.read_text().splitlines() if path.exists() else []


def assert_consistent(src: Path, out: Path) -> None:
    """Every output present is complete, no temporary file is left, the manifest matches the files."""
    for output in out.rglob("*"):
        if output.is_file() and output.suffix in (".svg", ".png", ".html"):
            fmt = {".svg": "svg", ".png": "png", ".html": "html"}[output.suffix]
            stem = output.name.removesuffix(".handout.html").removesuffix(output.suffix)
            source = src / output.parent.relative_to(out) / f"{stem}.flow.yaml"
            assert output.read_bytes() == payload(fmt, source), f"{output} is truncated or mixed"
    assert not list(out.rglob("*.tmp"))
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    for entry in manifest["flows"].values():
        for record in entry["outputs"].values():
            assert file_sha256(out / record["path"]) == record["sha256"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_killed_build_leaves_whole_files_and_a_manifest_the_next_build_trusts(tmp_path, signum, jobs):
    src, out = tmp_path / "docs", tmp_path / "out"
    make_tree(src, 24)
    build = start(tmp_path, src, out, delay=0.15, jobs=jobs)
    deadline = time.monotonic() + 30
    while len(renders(tmp_path)) < 4 and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.05)
    build.send_signal(signum)
    _, err = build.communicate(timeout=30)
    assert build.returncode == 128 + signum, err
    assert "interrupted" in err
    done = len(renders(tmp_path))
    assert 4 <= done < 24
    assert_consistent(src, out)
    recorded = len(Manifest.load(out).flows)
    assert recorded >= 1

    again = start(tmp_path, src, out, delay=0, jobs=jobs)
    again.communicate(timeout=60)
    assert again.returncode == 0
    assert_consistent(src, out)
    assert len(Manifest.load(out).flows) == 24
    assert len(renders(tmp_path)) - done == 24 - recorded  # recorded flows were trusted, not rendered again


def test_two_builds_into_one_folder_at_once_do_not_corrupt_it(tmp_path):
    src, out = tmp_path / "docs", tmp_path / "out"
    make_tree(src, 12)
    first = start(tmp_path, src, out, delay=0.05, jobs=2)
    second = start(tmp_path, src, out, delay=0.05, jobs=2)
    outputs = [first.communicate(timeout=60), second.communicate(timeout=60)]
    assert first.returncode == 0 and second.returncode == 0, outputs
    assert sorted(renders(tmp_path)) == sorted(str(p) for p in src.rglob("*.flow.yaml"))  # each exactly once
    assert_consistent(src, out)
    assert len(Manifest.load(out).flows) == 12
    assert any("waiting for another build" in err for _, err in outputs)
    summaries = sorted(line for out_text, _ in outputs for line in out_text.splitlines() if "flow(s):" in line)
    assert summaries == ["12 flow(s): 0 rendered, 12 up to date", "12 flow(s): 12 rendered, 0 up to date"]


def test_piped_output_is_one_plain_line_per_flow(tmp_path):
    src, out = tmp_path / "docs", tmp_path / "out"
    make_tree(src, 3)
    build = start(tmp_path, src, out, delay=0, jobs=1)
    text, _ = build.communicate(timeout=60)
    assert text.splitlines() == [
        "built flujo-0.flow.yaml (svg, png, html)",
        "built ventas/flujo-1.flow.yaml (svg, png, html)",
        "built ventas/online/flujo-2.flow.yaml (svg, png, html)",
        "3 flow(s): 3 rendered, 0 up to date",
    ]
