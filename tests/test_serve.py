"""`flowchart serve` as a real process (spec §7): the pages, live redraws in Chromium, safety, clean stops."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration  # every test runs the server in a subprocess

HERE = Path(__file__).resolve().parent
FLOW = (HERE / "flows" / "soporte-nivel2.flow.yaml").read_text(encoding="utf-8")
DRIVER = HERE / "browser" / "serve_drive.js"


class Served:
    """A `flowchart serve` subprocess on a free port, with its first line read."""

    def __init__(self, root: Path, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flowchart_cli", "serve", str(root), "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=root if root.is_dir() else root.parent,
        )
        self.first = self.process.stdout.readline().strip()
        assert self.first.startswith("serving http://"), self.first + self.process.stderr.read()
        self.url = self.first.split(" ", 1)[1]
        host_port = self.url.removeprefix("http://").rstrip("/")
        self.host, port = host_port.rsplit(":", 1)
        self.port = int(port)

    def get(self, raw_path: str) -> tuple[int, bytes, dict[str, str]]:
        """GET a path exactly as written (no normalising of `..` or `%2e`)."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        try:
            connection.putrequest("GET", raw_path, skip_accept_encoding=True)
            connection.endheaders()
            response = connection.getresponse()
            return response.status, response.read(), dict(response.getheaders())
        finally:
            connection.close()

    def stop(self, signum: int = signal.SIGINT) -> tuple[int, str, str]:
        self.process.send_signal(signum)
        out, err = self.process.communicate(timeout=30)
        return self.process.returncode, out, err


@pytest.fixture
def flows(tmp_path: Path) -> Path:
    root = tmp_path / "procesos"
    (root / "soporte").mkdir(parents=True)
    (root / "soporte" / "nivel2.flow.yaml").write_text(FLOW, encoding="utf-8")
    shutil.copy(HERE / "flows" / "devolucao.flow.yaml", root / "devolução.flow.yaml")
    (root / "notas.txt").write_text("no es un flujo", encoding="utf-8")
    (tmp_path / "secreto.flow.yaml").write_text(FLOW.replace("Soporte", "Secreto"), encoding="utf-8")
    (root / "fuera.flow.yaml").symlink_to(tmp_path / "secreto.flow.yaml")
    return root


@pytest.fixture
def served(flows):
    server = Served(flows)
    yield server
    if server.process.poll() is None:
        server.stop()


def test_the_index_lists_every_flow_by_relative_path(served):
    status, body, headers = served.get("/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    page = body.decode("utf-8")
    assert '<a href="/view/soporte/nivel2.flow.yaml">soporte/nivel2.flow.yaml</a>' in page
    assert '<a href="/view/devolu%C3%A7%C3%A3o.flow.yaml">devolução.flow.yaml</a>' in page
    assert "notas.txt" not in page and "fuera.flow.yaml" not in page  # not a flow; a link out of the tree
    assert "script-src 'self'" in headers["Content-Security-Policy"]


def test_a_flow_page_has_the_diagram_switches_handout_and_scenarios(served):
    status, body, _ = served.get("/view/soporte/nivel2.flow.yaml?numbers=1&header=1&theme=dark")
    page = body.decode("utf-8")
    assert status == 200
    assert page.count('class="fc-step ') == 11 and 'class="fc-number"' in page and 'class="fc-header"' in page
    assert '<option value="dark" selected>' in page
    assert 'href="/handout/soporte/nivel2.flow.yaml?theme=dark&amp;numbers=1&amp;header=1"' in page
    assert '<section class="fc-diagnostics"' in page
    assert page.count("<tr>") >= 4  # the scenarios: a header row and one row per path
    assert '<script src="/static/serve.js"></script>' in page and "http" not in page.split("<script")[1]
    status, body, _ = served.get("/handout/soporte/nivel2.flow.yaml?theme=auto")
    assert status == 200 and b"prefers-color-scheme: dark" in body and b"Soporte t" in body
    status, body, _ = served.get("/static/serve.js")
    assert status == 200 and b"EventSource" in body and b"eval(" not in body


@pytest.mark.parametrize(
    "path",
    [
        "/view/../secreto.flow.yaml",
        "/view/%2e%2e/secreto.flow.yaml",
        "/view/%2E%2E%2Fsecreto.flow.yaml",
        "/view/soporte/..%2f..%2fsecreto.flow.yaml",
        "/view/%252e%252e/secreto.flow.yaml",
        "/view/..%5csecreto.flow.yaml",
        "/view//etc/passwd",
        "/view/%2Fetc%2Fpasswd",
        "/view/fuera.flow.yaml",
        "/api/diagram/fuera.flow.yaml",
        "/handout/../secreto.flow.yaml",
        "/view/notas.txt",
        "/view/soporte/%00nivel2.flow.yaml",
        "/static/../cli.py",
        "/etc/passwd",
        "/../../etc/passwd",
    ],
)
def test_nothing_outside_the_flows_below_path_is_served(served, path):
    status, body, _ = served.get(path)
    assert status == 404, (path, body[:200])
    assert b"Secreto" not in body and b"root:" not in body


def test_it_writes_nothing_into_path_and_stops_on_sigint_with_the_port_freed(flows):
    before = sorted((p.relative_to(flows), p.stat().st_mtime_ns) for p in flows.rglob("*"))
    server = Served(flows)
    for path in (
        "/",
        "/view/soporte/nivel2.flow.yaml",
        "/api/diagram/soporte/nivel2.flow.yaml",
        "/handout/devolu%C3%A7%C3%A3o.flow.yaml",
    ):
        assert server.get(path)[0] == 200
    code, out, err = server.stop(signal.SIGINT)
    assert code == 0 and "Traceback" not in err and out.splitlines()[-1] == "stopped serving"
    assert sorted((p.relative_to(flows), p.stat().st_mtime_ns) for p in flows.rglob("*")) == before
    with socket.socket() as again:  # the port is free at once
        again.bind((server.host, server.port))


def test_sigterm_stops_it_with_exit_0_even_with_a_page_listening(flows):
    server = Served(flows)
    connection = http.client.HTTPConnection(server.host, server.port, timeout=10)
    connection.request("GET", "/events?v=0")
    events = connection.getresponse()
    assert events.getheader("Content-Type").startswith("text/event-stream")
    code, _, err = server.stop(signal.SIGTERM)
    connection.close()
    assert code == 0 and err == ""


def test_a_save_reaches_the_event_stream(flows):
    server = Served(flows)
    try:
        connection = http.client.HTTPConnection(server.host, server.port, timeout=20)
        connection.request("GET", "/events?v=0")
        stream = connection.getresponse()
        flow = flows / "soporte" / "nivel2.flow.yaml"
        time.sleep(0.5)  # the watcher's first look at the folder
        flow.write_text(FLOW.replace("Asistencia remota", "Asistencia guiada"), encoding="utf-8")
        deadline = time.monotonic() + 20
        line = stream.fp.readline()
        while not line.startswith(b"event:") and time.monotonic() < deadline:
            line = stream.fp.readline()
        assert line == b"event: change\n" and stream.fp.readline().startswith(b"data: ")
        body = json.loads(server.get("/api/diagram/soporte/nivel2.flow.yaml")[1])
        assert body["ok"] and "Asistencia guiada" in body["svg"].replace("</tspan><tspan", "")
        connection.close()
    finally:
        server.stop()


def test_a_save_with_errors_keeps_the_last_good_drawing_in_the_json(flows):
    server = Served(flows)
    try:
        flow = flows / "soporte" / "nivel2.flow.yaml"
        good = json.loads(server.get("/api/diagram/soporte/nivel2.flow.yaml")[1])
        flow.write_text(FLOW.replace("next: resuelto\n", "next: resuelta\n", 1), encoding="utf-8")
        bad = json.loads(server.get("/api/diagram/soporte/nivel2.flow.yaml")[1])
        assert not bad["ok"] and bad["svg"] == good["svg"]
        (problem,) = bad["problems"]
        line = FLOW.splitlines().index("    next: resuelto") + 1
        assert (problem["code"], problem["line"], problem["column"]) == ("FC105", line, 11)
        assert problem["source"] == "    next: resuelta" and "did you mean 'resuelto'" in problem["message"]
    finally:
        server.stop()


def test_a_save_that_is_not_utf8_is_fc100_on_the_page_and_keeps_the_last_good_drawing(flows):
    """Latin-1 (a Windows editor's default for es/pt) is refused as `check` refuses it, never drawn with U+FFFD."""
    latin = flows / "latin.flow.yaml"
    latin.write_bytes("title: Lat\u00e9\nsteps:\n  - start: a\n  - end: b\n".encode("latin-1"))
    flow = flows / "soporte" / "nivel2.flow.yaml"
    server = Served(flows)
    try:
        fresh = json.loads(server.get("/api/diagram/latin.flow.yaml")[1])
        assert not fresh["ok"] and fresh["svg"] == ""
        assert "\ufffd" not in fresh["title"]
        (problem,) = fresh["problems"]
        assert (problem["code"], problem["line"], problem["column"]) == ("FC100", 1, 11)
        assert "not UTF-8 (byte 0xe9)" in problem["message"]
        page = server.get("/view/latin.flow.yaml")[1].decode("utf-8")
        diagnostics = page[page.index('<section class="fc-diagnostics"') :]
        diagnostics = diagnostics[: diagnostics.index("</section>")]
        assert "FC100" in diagnostics and "not UTF-8" in diagnostics

        good = json.loads(server.get("/api/diagram/soporte/nivel2.flow.yaml")[1])
        flow.write_bytes(FLOW.replace("Soporte", "Soporte t\u00e9cnico", 1).encode("latin-1"))
        bad = json.loads(server.get("/api/diagram/soporte/nivel2.flow.yaml")[1])
        assert not bad["ok"] and bad["svg"] == good["svg"]
        assert [p["code"] for p in bad["problems"]] == ["FC100"]
    finally:
        server.stop()


def test_host_other_than_localhost_is_announced(flows):
    server = Served(flows, "--host", "0.0.0.0")
    code, _, err = server.stop()
    assert server.first.startswith("serving http://0.0.0.0:")
    assert code == 0 and "warning: listening on 0.0.0.0" in err


def test_a_single_file_serves_only_that_file(flows):
    server = Served(flows / "soporte" / "nivel2.flow.yaml")
    try:
        page = server.get("/")[1].decode("utf-8")
        assert '<a href="/view/nivel2.flow.yaml">nivel2.flow.yaml</a>' in page and "devolu" not in page
        assert server.get("/view/nivel2.flow.yaml")[0] == 200
        assert server.get("/view/../devolu%C3%A7%C3%A3o.flow.yaml")[0] == 404
    finally:
        server.stop()


def _saves(flow: str) -> tuple[dict, dict]:
    def label(word: str) -> str:
        return flow.replace("process: Asistencia remota", f"process: Asistencia {word}")

    rapid = [f"ráfaga-{n:02d}" for n in range(1, 11)]
    saves = {
        "edited": label("guiada"),
        "broken": label("guiada").replace("next: resuelto\n", "next: resuelta\n", 1),
        "fixed": label("telefónica"),
        "rapid": [label(mark) for mark in rapid],
    }
    marks = {"edited": "guiada", "fixed": "telefónica", "rapid_last": rapid[-1], "rapid_all": rapid}
    return saves, marks


@pytest.mark.slow
def test_the_page_redraws_on_save_in_chromium(served, flows, tmp_path):
    """Edit, break, fix and hammer the file while Chromium has the page open (no reload, zoom and scroll kept)."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    flow = flows / "soporte" / "nivel2.flow.yaml"
    saves, marks = _saves(FLOW)
    shots = Path(os.environ.get("FC_SHOTS", tmp_path))
    scenario = {"url": served.url, "rel": "soporte/nivel2.flow.yaml", "file": str(flow), "shots": str(shots),
                "saves": saves, "marks": marks, "step": "remoto"}  # fmt: skip
    (tmp_path / "scenario.json").write_text(json.dumps(scenario), encoding="utf-8")
    result = subprocess.run(
        ["node", str(DRIVER), str(tmp_path / "scenario.json")], capture_output=True, text=True, timeout=300
    )
    if result.returncode == 3:
        pytest.skip(result.stderr.strip())
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert ["soporte/nivel2.flow.yaml", "/view/soporte/nivel2.flow.yaml"] in seen["index"]
    assert seen["same_page"] == seen["same_page_after_fix"] == seen["same_page_at_end"] == "same page"
    assert seen["zoom_before"]["level"] == "156%"
    assert seen["after_edit"] == seen["zoom_before"] == seen["after_fix"]  # zoom, width and scroll kept
    assert seen["zoom_before"]["top"] > 0 and seen["zoom_before"]["left"] > 0
    (problem,) = seen["problems"]
    line = FLOW.splitlines().index("    next: resuelto") + 1
    assert problem["code"] == "FC105" and problem["pos"] == f"soporte/nivel2.flow.yaml:{line}:11"
    assert "resuelta" in problem["message"] and problem["source"] == f"{line} |     next: resuelta"
    assert seen["kept_while_broken"] is True
    remoto = saves["fixed"].splitlines().index("  - id: remoto") + 1
    assert seen["where"] == f"soporte/nivel2.flow.yaml:{remoto}"
    assert seen["rapid_final"] == ["ráfaga-10"]
    assert "numbers=1" in seen["search"] and "theme=dark" in seen["search"]
    assert seen["handout_href"] == "/handout/soporte/nivel2.flow.yaml?theme=dark&numbers=1&header=0"
    assert seen["handout_status"] == 200 and seen["handout_h1"].startswith("Soporte técnico")
    assert seen["outside_requests"] == [] and seen["errors"] == []


def test_the_index_of_500_flows_links_each_one(tmp_path):
    root = tmp_path / "muchos"
    for n in range(500):
        folder = root / f"area{n % 20:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"proceso{n:03d}.flow.yaml").write_text(FLOW.replace("Soporte técnico", f"Proceso {n}"), "utf-8")
    server = Served(root)
    try:
        page = server.get("/")[1].decode("utf-8")
        assert page.count("<li><a href=") == 500
        assert '<a href="/view/area07/proceso027.flow.yaml">area07/proceso027.flow.yaml</a>' in page
    finally:
        server.stop()


@pytest.mark.slow
def test_a_1000_step_flow_is_drawn_for_the_page(tmp_path):
    sys.path.insert(0, str(HERE.parent / "benchmarks"))
    from flowgen import generated_flow

    root = tmp_path / "grande"
    root.mkdir()
    (root / "grande.flow.yaml").write_text(generated_flow(1000, notes=True, varied_symbols=True), "utf-8")
    server = Served(root)
    try:
        body = json.loads(server.get("/api/diagram/grande.flow.yaml?numbers=1")[1])
        assert body["ok"] and len(body["steps"]) == 1000
        assert body["svg"].count('class="fc-step ') == 1000 and body["svg"].count('class="fc-number') == 1000
        assert "<tr>" in body["scenarios"]
    finally:
        server.stop()
