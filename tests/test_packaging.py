"""The package as a user installs it: sub-packages listed, templates carried in the wheel."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _listed_packages() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def test_every_subpackage_is_listed_in_pyproject():
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "flowchart_cli").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    missing = on_disk - _listed_packages()
    assert not missing, f"add to [tool.setuptools] packages: {sorted(missing)}"


def test_console_script_points_at_the_entry_point():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["project"]["scripts"]["flowchart"] == "flowchart_cli.start:run"


@pytest.mark.slow
def test_wheel_carries_templates_and_entry_point(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("flowchart_cli-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {
        Path(n).relative_to("flowchart_cli/templates").as_posix()
        for n in names
        if n.startswith("flowchart_cli/templates/")
    }
    expected = {
        p.relative_to(ROOT / "templates").as_posix()
        for p in (ROOT / "templates").rglob("*")
        if p.is_file() and p.suffix in {".yaml", ".j2", ".css", ".json"}
    }
    assert expected, "templates/ holds no template"
    assert expected <= shipped, f"missing from the wheel: {sorted(expected - shipped)}"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "flowchart = flowchart_cli.start:run" in zipfile.ZipFile(wheel).read(entry_points).decode()


@pytest.mark.slow
def test_plain_install_carries_templates_outside_the_checkout(tmp_path):
    """`pip install .` (not editable): `new` and `handout` find their templates in site-packages."""
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "--target",
            str(target),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "work"
    work.mkdir()
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "flowchart_cli", *args],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    where = subprocess.run(
        [sys.executable, "-c", "import flowchart_cli.resources as r; print(r.templates_dir())"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(target)), where
    listing = run("new", "--list")
    assert listing.returncode == 0 and "quejas" in listing.stdout
    assert run("new", "mi-flujo", "--template", "quejas").returncode == 0
    assert run("check", "mi-flujo.flow.yaml").returncode == 0
    handout = run("handout", "mi-flujo.flow.yaml")
    assert handout.returncode == 0, handout.stderr
    assert "<table" in (work / "mi-flujo.handout.html").read_text(encoding="utf-8")
