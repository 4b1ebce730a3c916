"""Helpers for the build tests (no tests here): a tree of flow files and a fake renderer that counts calls.

The fake renderer stands in for layout and the writers so that the caching,
manifest, locking and signal handling are tested fast and without Graphviz;
`tests/test_build_render.py` runs the real renderers.
"""

from __future__ import annotations

import os
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

FLOW = """\
title: {title}
lanes: [Cliente, Agente]
steps:
  - start: Llega la solicitud {n}
    lane: Cliente
  - process: Registrar la solicitud
    lane: Agente
  - id: ok
    decision: ¿Está completa?
    branches:
      Sí: fin
      No: pedir
  - id: pedir
    io: Pedir los datos que faltan
    next: fin
  - id: fin
    end: Solicitud atendida
"""

REFERRING = """\
title: Proceso principal
steps:
  - start: Inicio
    lane: Equipo
  - subprocess: Ver el detalle
    ref: {ref}
  - end: Fin
"""

BROKEN = "title: roto\nsteps:\n  - start: Inicio\n    next: nowhere\n  - end: Fin\n"


def flow_text(title: str, n: int = 0) -> str:
    return FLOW.format(title=title, n=n)


def make_tree(root: Path, count: int = 4) -> list[Path]:
    """``count`` flows spread over nested folders below ``root``."""
    folders = ["", "ventas", "ventas/online", "soporte"]
    paths = []
    for i in range(count):
        path = root / folders[i % len(folders)] / f"flujo-{i}.flow.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(flow_text(f"Flujo {i}", i), encoding="utf-8")
        paths.append(path)
    return paths


def payload(fmt: str, flow_path: Path, theme: str = "default") -> bytes:
    """What the fake renderer writes for ``fmt``: checkable against the input it came from."""
    return f"{fmt}|{theme}|".encode() + flow_path.read_bytes() * 40


@dataclass(frozen=True)
class FakeRenderer:
    """Records each call as a line in ``log`` (works across processes); ``delay`` slows each render."""

    log: Path
    delay: float = 0.0

    def __call__(self, flow, formats, options):
        time.sleep(self.delay)
        with open(self.log, "a", encoding="utf-8") as handle:
            handle.write(f"{flow.path}\n")
        return {fmt: payload(fmt, flow.path, options.theme) for fmt in formats}

    def calls(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file below ``folder``: relative path → (mtime_ns, content)."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.tmp")]


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def env_without_ci() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CI", None)
    return env
