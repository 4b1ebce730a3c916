"""The pre-commit hooks of .pre-commit-hooks.yaml, run for real by `pre-commit` in a temporary git repository.

The fast tests turn each published hook into a `repo: local` hook (same id,
files, args; `language: system` with this checkout's `flowchart`) so they run
offline; the slow test runs `pre-commit try-repo` on this checkout, which
installs the package from it exactly as users get it (needs PyPI).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
import yaml
from test_build_support import BROKEN, flow_text

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv/bin"
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"), "NO_COLOR": "1"}
    env.pop("CI", None)
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=check)


def local_config(hook_ids: list[str]) -> str:
    hooks = []
    for hook in HOOKS:
        if hook["id"] not in hook_ids:
            continue
        local = {k: v for k, v in hook.items() if k != "description"}
        local["language"] = "system"
        local["entry"] = hook["entry"].replace("flowchart", str(BIN / "flowchart"), 1)
        hooks.append(local)
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, sort_keys=False)


@pytest.fixture
def repo(tmp_path: Path):
    """make(hook_ids) → a git repository with pre-commit installed for those hooks."""

    def make(hook_ids: list[str]) -> Path:
        path = tmp_path / "repo"
        path.mkdir()
        git(path, "init", "-q", "-b", "main")
        git(path, "config", "user.email", "dev@example.com")
        git(path, "config", "user.name", "Dev")
        (path / ".pre-commit-config.yaml").write_text(local_config(hook_ids), encoding="utf-8")
        result = subprocess.run(
            [str(BIN / "pre-commit"), "install"],
            cwd=path,
            capture_output=True,
            text=True,
            env={**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")},
        )
        assert result.returncode == 0, result.stderr
        git(path, "add", ".pre-commit-config.yaml")
        git(path, "commit", "-q", "-m", "config")
        return path

    return make


def test_published_hooks_match_flow_files_only():
    ids = [hook["id"] for hook in HOOKS]
    assert ids == ["flowchart-check", "flowchart-render"]
    import re

    for hook in HOOKS:
        pattern = re.compile(hook["files"])
        assert pattern.search("docs/quejas.flow.yaml") and pattern.search("a.flow.yml")
        assert not pattern.search("mkdocs.yml") and not pattern.search("quejas.flow.yaml.bak")


@pytest.mark.integration
def test_check_hook_blocks_a_commit_with_a_broken_flow(repo):
    path = repo(["flowchart-check"])
    (path / "docs").mkdir()
    (path / "docs/bueno.flow.yaml").write_text(flow_text("Bueno"), encoding="utf-8")
    (path / "docs/roto.flow.yaml").write_text(BROKEN, encoding="utf-8")
    (path / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")  # not a flow: not checked
    git(path, "add", ".")
    blocked = git(path, "commit", "-m", "flows", check=False)
    assert blocked.returncode != 0
    output = blocked.stdout + blocked.stderr
    assert "flowchart check" in output and "Failed" in output
    assert "docs/roto.flow.yaml:4:11: error FC105" in output
    assert "mkdocs.yml" not in output
    assert git(path, "rev-list", "--count", "HEAD").stdout.strip() == "1"

    (path / "docs/roto.flow.yaml").write_text(flow_text("Arreglado"), encoding="utf-8")
    git(path, "add", ".")
    passed = git(path, "commit", "-m", "flows", check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "flowchart check" in passed.stderr and "Passed" in passed.stderr


@pytest.mark.slow
@pytest.mark.integration
def test_render_hook_stops_a_commit_that_adds_a_flow_without_its_diagram(repo):
    path = repo(["flowchart-check", "flowchart-render"])
    (path / "docs").mkdir()
    (path / "docs/nuevo.flow.yaml").write_text(flow_text("Nuevo"), encoding="utf-8")
    git(path, "add", "docs/nuevo.flow.yaml")
    blocked = git(path, "commit", "-m", "nuevo", check=False)
    assert blocked.returncode != 0, blocked.stdout + blocked.stderr
    output = blocked.stdout + blocked.stderr
    assert "docs/nuevo.svg: written but not staged; run `git add docs/nuevo.svg`" in output
    assert git(path, "rev-list", "--count", "HEAD").stdout.strip() == "1"
    assert "<svg" in (path / "docs/nuevo.svg").read_text(encoding="utf-8")

    again = git(path, "commit", "-m", "nuevo", check=False)  # still not staged: still stopped
    assert again.returncode != 0
    git(path, "add", "docs/nuevo.svg")
    passed = git(path, "commit", "-m", "nuevo", check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert git(path, "ls-files").stdout.split() == [".pre-commit-config.yaml", "docs/nuevo.flow.yaml", "docs/nuevo.svg"]


@pytest.mark.slow
@pytest.mark.integration
def test_render_hook_redraws_the_diagram_and_stops_the_commit_when_it_changed(repo):
    path = repo(["flowchart-check", "flowchart-render"])
    flow = path / "pedido.flow.yaml"
    flow.write_text(flow_text("Pedido"), encoding="utf-8")
    subprocess.run([str(BIN / "flowchart"), "render", str(flow)], check=True, capture_output=True)
    git(path, "add", ".")
    first = git(path, "commit", "-m", "pedido", check=False)
    assert first.returncode == 0, first.stdout + first.stderr  # the committed SVG is already current

    flow.write_text(flow_text("Pedido urgente"), encoding="utf-8")
    git(path, "add", "pedido.flow.yaml")
    stale = git(path, "commit", "-m", "rename", check=False)
    assert stale.returncode != 0
    assert "files were modified by this hook" in stale.stdout + stale.stderr
    assert ">Pedido urgente</title>" in (path / "pedido.svg").read_text(encoding="utf-8")
    git(path, "add", "pedido.svg")
    assert git(path, "commit", "-m", "rename", check=False).returncode == 0


def _pypi_reachable() -> bool:
    try:
        socket.create_connection(("pypi.org", 443), timeout=3).close()
        return True
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not _pypi_reachable(), reason="pre-commit installs the hook's package from PyPI")
def test_try_repo_installs_the_hooks_from_this_checkout(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    path = tmp_path / "repo"
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    (path / "roto.flow.yaml").write_text(BROKEN, encoding="utf-8")
    (path / "bueno.flow.yaml").write_text(flow_text("Bueno"), encoding="utf-8")
    git(path, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1"}
    env.pop("CI", None)
    result = subprocess.run(
        [str(BIN / "pre-commit"), "try-repo", str(ROOT), "flowchart-check", "--all-files"],
        cwd=path,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "roto.flow.yaml:4:11: error FC105" in result.stdout
    assert "bueno.flow.yaml:" not in result.stdout
