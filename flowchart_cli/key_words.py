"""The Spanish and Portuguese words people write for the format's English keys.

A flow written in Spanish invites `inicio:`, `paso:` and `siguiente:`.  These
words are not keys of the format (files stay portable and the schema stays
one list), but the loader recognises them: it reports the key meant
(FC102, "did you mean 'start'?") and then reads the value as that key, so one
slip gives one error and no follow-on "no start step".  Matching ignores case
and accents (`duracion` is `duración`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache

__all__ = ["KEY_WORDS", "meant_key", "normal_form"]

KEY_WORDS: dict[str, tuple[str, ...]] = {
    # top level
    "title": ("título", "titulo_del_proceso", "nombre", "nome"),
    "lang": ("idioma", "lengua", "língua", "lenguaje", "linguagem"),
    "version": ("versión", "versão"),
    "owner": ("dueño", "propietario", "dono", "proprietário"),
    "updated": ("actualizado", "atualizado", "actualización", "atualização", "fecha", "data"),
    "description": ("descripción", "descrição"),
    "direction": ("dirección", "direção", "orientación", "orientação"),
    "lanes": ("carriles", "raias", "responsables", "responsáveis", "roles", "papéis"),
    "stages": ("etapas", "fases"),
    "steps": ("pasos", "passos", "actividades", "atividades"),
    # lanes and stages
    "name": ("nombre", "nome"),
    "external": ("externo", "externa"),
    # steps
    "id": ("identificador", "código", "clave", "chave"),
    "lane": ("responsable", "responsável", "carril", "raia", "rol", "papel"),
    "stage": ("etapa", "fase"),
    "next": ("siguiente", "sigue", "próximo", "próxima", "seguinte", "luego", "depois"),
    "branches": ("ramas", "opciones", "salidas", "ramos", "opções", "saídas", "ramificaciones", "ramificações"),
    "shares": ("porcentajes", "porcentagens", "probabilidades", "proporciones", "proporções"),
    "notes": ("notas", "nota", "observaciones", "observações", "comentarios", "comentários"),
    "duration": ("duración", "duração", "tiempo", "tempo", "plazo", "prazo"),
    "link": ("enlace", "vínculo", "liga", "url"),
    "ref": ("referencia", "referência"),
    "start": ("inicio", "início", "comienzo", "começo", "empieza", "começa"),
    "end": ("fin", "fim", "final", "término"),
    "process": ("paso", "passo", "proceso", "processo", "actividad", "atividade", "tarea", "tarefa", "acción", "ação"),
    "decision": ("decisión", "decisão", "pregunta", "pergunta"),
    "io": ("entrada_salida", "entrada_saída", "entrada", "salida", "saída"),
    "document": ("documento",),
    "documents": ("documentos",),
    "subprocess": ("subproceso", "subprocesso", "sub_proceso", "sub_processo"),
    "manual_input": ("entrada_manual",),
    "manual": ("operación_manual", "operação_manual", "manual_operation"),
    "preparation": ("preparación", "preparação"),
    "delay": ("espera", "demora", "retraso", "atraso"),
    "database": ("base_de_datos", "base_de_dados", "bd"),
    "connector": ("conector",),
    "offpage": ("conector_de_página", "conector_de_pagina", "otra_página", "outra_página"),
}
"""English key → the words written for it in Spanish and Portuguese (accents as usually written)."""


def normal_form(word: str) -> str:
    """``word`` without case, accents, spaces or hyphens: `Duración` → `duracion`, `base de datos` → `base_de_datos`."""
    decomposed = unicodedata.normalize("NFKD", word.strip().casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "_".join(bare.replace("-", " ").split())


@cache
def _keys_by_word() -> dict[str, tuple[str, ...]]:
    """Normal form of every word (and of every key) → the keys it may stand for (`nombre`: title, name)."""
    found: dict[str, list[str]] = {}
    for key, words in KEY_WORDS.items():
        for word in (*words, key):
            found.setdefault(normal_form(word), []).append(key)
    return {word: tuple(keys) for word, keys in found.items()}


def meant_key(word: str, known: Iterable[str]) -> str | None:
    """The key among ``known`` that ``word`` is a Spanish or Portuguese word (or a re-cased form) for."""
    known = set(known)
    candidates = _keys_by_word().get(normal_form(word), ())
    return next((key for key in candidates if key in known and key != word), None)
