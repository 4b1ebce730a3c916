"""Byte-for-byte reference outputs for refactoring: render a fixed set of flows, then compare.

A refactoring that is meant to change no output is checked by rendering the
samples and a generated set (SVG, draw.io, Mermaid, DOT, HTML handout, with a
few option variants) before the change, and again after it:

    python benchmarks/reference_outputs.py make /tmp/ref      # before
    python benchmarks/reference_outputs.py check /tmp/ref     # after: lists every file that differs

``check`` exits 1 when any output differs, is missing or is new.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from flowgen import generated_flow

ROOT = Path(__file__).resolve().parent.parent
FLOWCHART = [sys.executable, "-m", "flowchart_cli"]

#: (name, steps, options of generated_flow)
GENERATED = (
    ("gen-08", 8, {}),
    ("gen-12-notes", 12, {"notes": True, "varied_symbols": True}),
    ("gen-25", 25, {"varied_symbols": True}),
    ("gen-40-2lanes", 40, {"lanes": 2, "notes": True, "decision_every": 5}),
    ("gen-50", 50, {}),
    ("gen-120", 120, {"varied_symbols": True, "notes": True}),
)

EVERY_SYMBOL = """\
title: Todos los símbolos{title}
lang: es
{direction}lanes: [Cliente, Agente]
steps:
  - id: ini
    start: Llega el pedido
    lane: Cliente
  - id: p1
    process: Registrar el pedido en el sistema
    lane: Agente
  - id: d1
    decision: ¿Datos completos?
    branches:
      Sí: io1
      No: p1
  - id: io1
    io: Leer el formulario
    lane: Cliente
  - id: doc1
    document: Emitir la factura
  - id: d2
    decision: ¿Factura correcta?
    lane: Agente
    branches:
      Sí: docs1
      No: doc1
  - id: docs1
    documents: Archivar las copias
  - id: sub1
    subprocess: Cobrar
    lane: Cliente
  - id: mi1
    manual_input: Teclear la referencia
  - id: d3
    decision: ¿Referencia válida?
    lane: Agente
    branches:
      Sí: man1
      No: mi1
  - id: man1
    manual: Revisar a mano
  - id: prep1
    preparation: Preparar el envío
    lane: Cliente
  - id: del1
    delay: Esperar 24 horas
  - id: d4
    decision: ¿Llegó el pago?
    lane: Agente
    branches:
      Sí: db1
      No: del1
      Parcial: c1
  - id: c1
    connector: A
  - id: c2
    connector: A
    next: db1
  - id: db1
    database: Guardar en la base
  - id: d5
    decision: ¿Envío internacional?
    branches:
      Sí: op1
      No: fin
  - id: op1
    offpage: Continúa en aduanas
    ref: aduanas.flow.yaml
  - id: fin
    end: Pedido cerrado
    lane: Cliente
"""
"""Every symbol of the table, entered from above and (through the loops back) from the side, in two lanes."""

#: (folder, extra render options)
RENDER_VARIANTS = (
    ("plain", []),
    ("spline-mono", ["--edges", "spline", "--theme", "mono"]),
    ("numbers-header", ["--numbers", "--header", "--mermaid", "10"]),
)

#: (folder, extra handout options)
HANDOUT_VARIANTS = (
    ("handout", []),
    ("handout-en-noquiz", ["--lang", "en", "--no-quiz", "--paper", "letter"]),
    ("handout-pt-mono", ["--lang", "pt", "--theme", "mono"]),
)


def _inputs(folder: Path) -> list[Path]:
    """The samples, the benchmark flows and the generated flows, written into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for sample in sorted(
        [*(ROOT / "samples").glob("*.flow.yaml"), *(ROOT / "benchmarks" / "flows").glob("*.flow.yaml")]
    ):
        shutil.copy(sample, folder / sample.name)
    (folder / "every-symbol.flow.yaml").write_text(EVERY_SYMBOL.format(title="", direction=""), encoding="utf-8")
    lr = EVERY_SYMBOL.format(title=" LR", direction="direction: LR\n")
    (folder / "every-symbol-lr.flow.yaml").write_text(lr, encoding="utf-8")
    (folder / "aduanas.flow.yaml").write_text(
        "title: Aduanas\nsteps:\n  - start: Llega\n  - end: Fin\n", encoding="utf-8"
    )
    for name, steps, options in GENERATED:
        (folder / f"{name}.flow.yaml").write_text(generated_flow(steps, **options), encoding="utf-8")
    return sorted(folder.glob("*.flow.yaml"))


def _run(args: list[str]) -> None:
    result = subprocess.run([*FLOWCHART, *args], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"flowchart {' '.join(args)} failed:\n{result.stderr}")


def make(out: Path) -> None:
    """Render every input with every variant into ``out`` (replacing what was there)."""
    if out.exists():
        shutil.rmtree(out)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = [str(p) for p in _inputs(Path(tmp))]
        for folder, extra in RENDER_VARIANTS:
            _run(["render", *inputs, "-q", "-f", "svg,drawio,mermaid,dot", "-o", str(out / folder), *extra])
        for folder, extra in HANDOUT_VARIANTS:
            _run(["handout", *inputs, "-q", "-f", "html", "-o", str(out / folder), *extra])


def check(reference: Path) -> int:
    """Render afresh and compare with ``reference`` byte for byte; the number of differing files."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh"
        make(fresh)
        old = {p.relative_to(reference) for p in reference.rglob("*") if p.is_file()}
        new = {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()}
        problems = [f"missing {p}" for p in sorted(old - new)] + [f"new {p}" for p in sorted(new - old)]
        problems += [
            f"differs {p}" for p in sorted(old & new) if not filecmp.cmp(reference / p, fresh / p, shallow=False)
        ]
    for line in problems:
        print(line)
    print(f"{len(old & new)} files compared: {len(problems) or 'no'} differences")
    return len(problems)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("make", "check"))
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    if args.action == "make":
        make(args.folder)
        print(f"reference outputs in {args.folder}")
    else:
        sys.exit(1 if check(args.folder) else 0)


if __name__ == "__main__":
    main()
