"""The README is a quick start and the manual (docs/, MkDocs) covers every command, option and rule.

Every console example in them is what the tool prints today, and the snippets
people copy (pre-commit, the sharded GitHub Actions matrix) run as written.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
import yaml
from test_build_support import make_tree
from typer.testing import CliRunner

from flowchart_cli.check import check_file
from flowchart_cli.cli import app
from flowchart_cli.rules.catalog import CATALOG

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
README = (ROOT / "README.md").read_text(encoding="utf-8")
PAGES = {p.name: p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.md"))}
BIN = Path(sys.executable).parent
COMMANDS = tuple(sorted(typer.main.get_command(app).commands))  # every command the program has, new ones too


def test_the_readme_is_a_quick_start_with_the_two_commands_on_top() -> None:
    lines = README.splitlines()
    assert len(lines) <= 300
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert README[: first_block.start()].count("\n") < 40
    assert [line.split("#")[0].strip() for line in first_block.group(1).splitlines()] == ["make demo", "make test"]
    for link in re.findall(r"\]\((docs/[^)#]+)", README):
        assert (ROOT / link).is_file(), link


def test_worked_example_is_the_example_file_and_passes_check() -> None:
    example = DOCS / "example" / "quejas.flow.yaml"
    block = re.search(r"```yaml\n(title: Gestión.*?)```", README, re.S).group(1)
    assert block == example.read_text(encoding="utf-8")
    result = check_file(example)
    assert result.ok and not result.diagnostics
    for picture in ("quejas.png", "quejas-handout-1.png", "quejas-handout-2.png"):
        assert (DOCS / "example" / picture).read_bytes().startswith(b"\x89PNG")


def _console_examples() -> list[tuple[str, str, str]]:
    """(page, command, output) of every `$ flowchart check …` / `$ flowchart new …` in the README and the manual."""
    examples = []
    for page, text in [("README.md", README), *PAGES.items()]:
        for block in re.findall(r"```console\n(.*?)```", text, re.S):
            for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
                command, _, output = chunk.partition("\n")
                if command.startswith(("flowchart check docs/", "flowchart new 0")):
                    examples.append((page, command, output))
    return examples


CONSOLE_EXAMPLES = _console_examples()


def test_the_manual_shows_real_error_examples() -> None:
    commands = {command for _, command, _ in CONSOLE_EXAMPLES}
    assert "flowchart check docs/example/errores/quejas-rama.flow.yaml" in commands
    assert "flowchart check docs/example/errores/almohadilla.flow.yaml" in commands
    assert "flowchart new 000-etapas-atencion" in commands
    assert "## YAML traps" in PAGES["format.md"]


@pytest.mark.parametrize(
    ("page", "command", "output"), CONSOLE_EXAMPLES, ids=[f"{p}:{c}" for p, c, _ in CONSOLE_EXAMPLES]
)
def test_console_example_is_what_the_tool_prints(
    page: str, command: str, output: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checks run in the repository (the example files are in docs/); `new` runs in an empty folder."""
    monkeypatch.chdir(ROOT if command.startswith("flowchart check") else tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    result = CliRunner().invoke(app, shlex.split(command)[1:], terminal_width=200)
    assert result.stdout == output


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The manual built as `make docs` builds it, with --strict: a warning or a broken link fails."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def _text(html_file: Path) -> str:
    import html

    return html.unescape(re.sub(r"<[^>]+>", " ", html_file.read_text(encoding="utf-8")))


@pytest.mark.slow
def test_the_site_documents_every_command_and_option(site: Path) -> None:
    reference = _text(site / "commands.html")
    for command in COMMANDS:
        assert f"flowchart {command}" in reference, command
        help_text = CliRunner().invoke(app, [command, "--help"], terminal_width=200).output
        for option in set(re.findall(r"(--[a-z][a-z0-9-]+)", help_text)) - {"--help"}:
            assert option in reference, f"{command} {option} is not in the command reference"


@pytest.mark.slow
def test_the_site_lists_every_rule_from_the_catalog(site: Path) -> None:
    rules = _text(site / "check.html")
    for code, rule in CATALOG.items():
        assert code in rules
        assert "".join(rule.summary.replace("`", "").split())[:40] in "".join(rules.split())


@pytest.mark.slow
def test_the_home_page_shows_a_diagram_drawn_at_build_time(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    image = re.search(r'<img[^>]+src="(example/quejas\.svg)"', home)
    assert image, "the home page's flow image was not turned into its SVG"
    svg = (site / image.group(1)).read_text(encoding="utf-8")
    assert svg.count('class="fc-step') == 6 and "Gestión de quejas y reclamos" in svg


def _yaml_blocks(page: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", PAGES[page], re.S)


@pytest.mark.integration
def test_the_local_pre_commit_snippet_runs_as_written(tmp_path: Path) -> None:
    config = next(b for b in _yaml_blocks("pipelines.md") if "repo: local" in b)
    repo = tmp_path / "repo"
    (repo / "flows").mkdir(parents=True)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "PRE_COMMIT_HOME": str(tmp_path / "pc")}
    env.pop("CI", None)

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True, check=check, timeout=300)

    run("git", "init", "-q", "-b", "main")
    run("git", "config", "user.email", "dev@example.com")
    run("git", "config", "user.name", "Dev")
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    shutil.copy(DOCS / "example" / "quejas.flow.yaml", repo / "flows" / "quejas.flow.yaml")
    run(str(BIN / "pre-commit"), "install")
    run("git", "add", ".")
    first = run("git", "commit", "-qm", "Quejas", check=False)
    assert first.returncode != 0 and "flows/quejas.svg" in first.stdout + first.stderr
    run("git", "add", "flows/quejas.svg")
    assert run("git", "commit", "-qm", "Quejas", check=False).returncode == 0
    (repo / "flows" / "roto.flow.yaml").write_text("title: Roto\nsteps:\n  - start: A\n    next: nada\n")
    run("git", "add", ".")
    broken = run("git", "commit", "-qm", "Roto", check=False)
    assert broken.returncode != 0 and "FC105" in broken.stdout + broken.stderr


def test_the_clone_pre_commit_snippet_names_the_published_hooks() -> None:
    config = yaml.safe_load(next(b for b in _yaml_blocks("pipelines.md") if "rev:" in b))
    published = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    (entry,) = config["repos"]
    assert {hook["id"] for hook in entry["hooks"]} == published
    assert re.fullmatch(r"[0-9a-f]{40}", entry["rev"])


@pytest.mark.integration
def test_the_sharded_matrix_builds_the_tree_exactly_once(tmp_path: Path) -> None:
    workflow = yaml.safe_load((DOCS / "github-actions-shards.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["build"]
    shards = job["strategy"]["matrix"]["shard"]
    run = next(s["run"] for s in job["steps"] if s.get("name") == "Build this job's shard")
    make_tree(tmp_path / workflow["env"]["FLOWS"], 7)
    outputs: list[str] = []
    for shard in shards:
        script = run.replace("${{ matrix.shard }}", str(shard)).replace("${{ strategy.job-total }}", str(len(shards)))
        out = tmp_path / f"job{shard}"
        env = {**os.environ, **workflow["env"], "OUT": str(out), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
        result = subprocess.run(
            ["bash", "-ec", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stderr
        outputs += [p.relative_to(out).as_posix() for p in out.rglob("*.svg")]
    assert len(outputs) == len(set(outputs)) == 7
