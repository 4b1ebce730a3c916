"""axe-core in headless Chromium: no serious or critical accessibility violation in any sample's HTML handout.

Needs `chromium` (Debian: `apt-get install chromium`) and axe-core's `axe.min.js`:
`npm install --no-save axe-core` at the repository's root, or AXE_CORE_JS=/path/to/axe.min.js.
Skipped, with the reason, when either is missing.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flowchart_cli.cli import app

pytestmark = [pytest.mark.slow, pytest.mark.integration]

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.flow.yaml"))
RUNNER = """
<script>{axe}</script>
<script>
axe.run(document, {{resultTypes: ["violations"]}}).then(function (result) {{
  var out = document.createElement("pre");
  out.id = "axe-results";
  out.textContent = JSON.stringify(result.violations.map(function (v) {{
    var where = v.nodes.slice(0, 3).map(function (n) {{ return n.target.join(" "); }});
    return {{id: v.id, impact: v.impact, where: where}};
  }}));
  document.body.appendChild(out);
}});
</script>
"""


def _axe_script() -> Path | None:
    cached = Path.home() / ".cache" / "axe-core" / "node_modules" / "axe-core" / "axe.min.js"  # `make tools`
    for candidate in (os.environ.get("AXE_CORE_JS"), ROOT / "node_modules" / "axe-core" / "axe.min.js", cached):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def _chromium() -> str | None:
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)


@pytest.fixture(scope="module")
def axe(tmp_path_factory):
    browser, script = _chromium(), _axe_script()
    if browser is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    if script is None:
        pytest.skip("axe-core is not installed (npm install --no-save axe-core, or set AXE_CORE_JS)")
    folder = tmp_path_factory.mktemp("axe")
    runner = RUNNER.format(axe=script.read_text(encoding="utf-8"))

    def violations(page: Path) -> list[dict]:
        probe = folder / f"{page.stem}.axe.html"
        probe.write_text(page.read_text(encoding="utf-8").replace("</body>", runner + "</body>"), encoding="utf-8")
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=30000"]
        dom = subprocess.run([*command, "--dump-dom", probe.as_uri()], capture_output=True, text=True, timeout=180)
        found = re.search(r'<pre id="axe-results">(.*?)</pre>', dom.stdout, re.S)
        assert found, f"axe-core did not report on {page.name}: {dom.stderr[-500:]}"
        return json.loads(html.unescape(found.group(1)))

    return violations


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_no_serious_or_critical_violations(axe, sample, tmp_path):
    result = CliRunner().invoke(app, ["handout", str(sample), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    page = tmp_path / sample.name.replace(".flow.yaml", ".handout.html")
    found = axe(page)
    assert [v for v in found if v["impact"] in ("serious", "critical")] == []
    assert not any(v["id"] in ("landmark-one-main", "nested-interactive", "link-in-text-block") for v in found)


@pytest.mark.parametrize("sample", SAMPLES[:2], ids=lambda p: p.name)
def test_the_dark_handout_passes_too(axe, sample, tmp_path):
    """`--theme dark` turns the page dark on screen: its colours must keep the contrast axe asks for."""
    result = CliRunner().invoke(app, ["handout", str(sample), "--theme", "dark", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    page = tmp_path / sample.name.replace(".flow.yaml", ".handout.html")
    assert "color-scheme: dark;" in page.read_text(encoding="utf-8")
    found = axe(page)
    assert [v for v in found if v["impact"] in ("serious", "critical")] == []
