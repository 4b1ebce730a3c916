"""`build --index` speaks the flows' language: the most common `lang` in the folder."""

from __future__ import annotations

from flowchart_cli.batch.index import IndexRow, index_lang, index_markdown


def write(path, lang: str | None) -> None:
    head = f"lang: {lang}\n" if lang else ""
    path.write_text(f"title: T\n{head}steps:\n  - start: A\n  - end: B\n", encoding="utf-8")


def test_the_most_common_language_wins(tmp_path):
    for name, lang in (("a", "es"), ("b", "es"), ("c", "pt"), ("d", None)):
        write(tmp_path / f"{name}.flow.yaml", lang)
    assert index_lang(sorted(tmp_path.glob("*.flow.yaml"))) == "es"
    assert index_lang([tmp_path / "d.flow.yaml"]) == "en"
    assert index_lang([]) == "en"


def test_spanish_and_portuguese_pages_have_no_english_words():
    rows = [
        IndexRow("a.flow.yaml", "Quejas", (("svg", "a.svg"), ("html", "a.handout.html"))),
        IndexRow("x/b.flow.yaml", "Rota"),
    ]
    es = index_markdown(rows, lang="es")
    assert es.startswith("# Flujos de proceso\n") and "## Carpeta principal" in es
    assert "[manual](a.handout.html)" in es and "sin generar: el flujo tiene errores" in es
    pt = index_markdown(rows, lang="pt")
    assert pt.startswith("# Fluxos de processo\n") and "## Pasta principal" in pt and "não gerado" in pt
    assert "Top level" not in es + pt and "handout" not in (es + pt).replace(".handout.html", "")
    assert index_markdown([], lang="es").endswith("No se encontraron archivos de flujo.\n")


def test_build_passes_the_paper_to_the_handouts_and_keys_outputs_by_it(tmp_path):
    from flowchart_cli.batch.config import BuildConfig

    default = BuildConfig(source_dir=tmp_path, out_dir=tmp_path / "out")
    letter = BuildConfig(source_dir=tmp_path, out_dir=tmp_path / "out", paper="letter")
    assert default.render_options.paper == "a4" and letter.render_options.paper == "letter"
    assert "paper" not in default.options  # builds made before --paper existed stay fresh
    assert letter.options["paper"] == "letter"
