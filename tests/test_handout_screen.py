"""The HTML handout on screen, measured in headless Chromium: a part's diagram is shown at its own size (review 3
#14: set at its printed mm size in the 190 mm column, its text was 6 to 7 px high in a 1300 px window).

Needs `chromium`; skipped, saying so, when it is missing.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flowchart_cli.cli import app

pytestmark = [pytest.mark.slow, pytest.mark.integration]

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
<script>
window.addEventListener("load", function () {
  var out = document.createElement("pre");
  out.id = "sizes";
  out.textContent = JSON.stringify(Array.from(document.querySelectorAll("section svg[aria-labelledby]")).map(
    function (svg) {
      var box = svg.getBoundingClientRect();
      return {section: svg.closest("section").className, natural: parseFloat(svg.getAttribute("width")),
              shown: box.width, left: box.left, right: box.right};
    }));
  document.body.appendChild(out);
});
</script>
"""
WINDOW = 1300


def _chromium() -> str | None:
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)


def shown_sizes(page: Path, tmp_path: Path) -> list[dict]:
    browser = _chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    probe = tmp_path / f"{page.stem}.probe.html"
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    command += [f"--window-size={WINDOW},1000", "--virtual-time-budget=10000", "--dump-dom", probe.as_uri()]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=180)
    found = re.search(r'<pre id="sizes">(.*?)</pre>', dom.stdout, re.S)
    assert found, dom.stderr[-500:]
    return json.loads(html.unescape(found.group(1)))


def test_part_diagrams_are_shown_at_their_own_size_as_wide_as_the_window(tmp_path: Path) -> None:
    flow = ROOT / "tests" / "layout_cases" / "travel-insurance-claim.flow.yaml"
    result = CliRunner().invoke(app, ["handout", str(flow), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    sizes = shown_sizes(tmp_path / "travel-insurance-claim.handout.html", tmp_path)
    parts = [s for s in sizes if "diagram-part" in s["section"]]
    assert len(parts) >= 5
    for part in parts:
        # the drawing's own size (13 px text), or the window's width when it is wider: never the mm column
        assert part["shown"] >= min(part["natural"], WINDOW - 60) - 1, part
        assert part["left"] >= 0 and part["right"] <= WINDOW, part  # inside the window, no sideways scrolling
    assert max(p["shown"] for p in parts) > 190 / 25.4 * 96  # wider than the page's 190 mm column
