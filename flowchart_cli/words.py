"""Every fixed word of the handout in English, Spanish and Portuguese.

Templates print these words and nothing else of their own, so a handout is
in one language from its title page to its page numbers.  Words with
``{placeholders}`` are filled in by the view-model, never by a template.
"paso 4" and "→ paso 4" hold no-break spaces so that a narrow table column
never leaves the number alone on a line.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["LANGS", "LEGEND_MEANINGS", "SYMBOL_NAMES", "WORDS", "count", "plural", "symbol_name", "words"]

LANGS = ("en", "es", "pt")

_EN = {
    "how_to": "How to use this handout",
    "how_to_text": (
        "Look at the diagram for the whole process, then read the step-by-step table. The section of "
        "your role lists only your steps: what starts each one and who you hand over to. Tick the "
        "checklist as you learn."
    ),
    "how_to_quiz": "Then test yourself with the quiz at the end.",
    "quoted": "“{text}”",
    "hop_to": "{outcome}→\u00a0{ref}",
    "check_decisions": "I know what to do for each answer at the {count} decisions.",
    "quiz_more": "{shown} of the {total} possible questions are shown.",
    "document": "Training handout",
    "version": "Version",
    "owner": "Process owner",
    "updated": "Updated",
    "count_steps": "{n} step|{n} steps",
    "count_lanes": "{n} responsible party|{n} responsible parties",
    "count_decisions": "{n} decision|{n} decisions",
    "contents": "Contents",
    "diagram": "Diagram",
    "legend": "Legend",
    "part_of": "Part {n} of {total}",
    "part_word": "Part",
    "to_part": "continues in part {n} · step {step}",
    "from_part": "from part {n} · step {step}",
    "from_part_steps": "from part {n} · steps {steps}",
    "from_parts": "from parts {parts} · steps {steps}",
    "list_and": "and",
    "overview": (
        "The whole process, in {total} parts. Each framed part is printed larger on the pages that follow; "
        "a line that goes on in another part, later or earlier, ends at a lettered connector, and the "
        "connector with the same letter picks it up there."
    ),
    "overview_screen": (
        "The whole process, in {total} parts. Each framed part is shown larger below; a line that goes on in "
        "another part, later or earlier, ends at a lettered connector, and the connector with the same letter "
        "picks it up there."
    ),
    "legend_pages": "The legend is on the next page.",
    "overview_external": "External parties: {names}.",
    "steps": "Step by step",
    "col_number": "No.",
    "col_step": "Step",
    "col_symbol": "Symbol",
    "col_lane": "Responsible",
    "col_duration": "Duration",
    "col_notes": "Notes",
    "col_links": "Links",
    "col_next": "Next",
    "step_ref": "step\u00a0{n}",
    "step_title": "Step {n}",
    "end": "end",
    "none": "—",
    "responsibilities": "Responsibilities",
    "lane_steps": "Step {numbers}|Steps {numbers}",
    "steps_ref": "step {numbers}|steps {numbers}",
    "external": "external",
    "comes_from": "Comes from",
    "hands_over": "Goes to",
    "process_start": "no step: the process starts here",
    "via_connector": "(connector\u00a0{label})",
    "checklist": "Trainee checklist",
    "check_read": "I have read the whole process from start to end.",
    "check_lanes": "I know who is responsible for each step.",
    "check_lane": (
        "I know the step “{lane}” is responsible for ({numbers})."
        "|I know the steps “{lane}” is responsible for ({numbers})."
    ),
    "check_decision": "I know what to do for each answer to “{question}” (step {n}).",
    "check_references": "I have looked at every reference listed in this handout.",
    "check_quiz": "I have answered the self-check quiz and compared my answers.",
    "check_practice": "I have carried out the process with a trainer watching.",
    "signature_trainee": "Trainee",
    "signature_trainer": "Trainer",
    "signature_date": "Date",
    "quiz": "Self-check quiz",
    "quiz_intro": "Answer without looking at the diagram; the answers are on the last page.",
    "quiz_who": "Who is responsible for “{label}”?",
    "quiz_duration": "How long does “{label}” take?",
    "quiz_answer_line": "Answer",
    "quiz_about": "about {step}",  # "(about step 3)": the step a question is on, not its answer (review 11)
    "quiz_from": "first answer at {step}",  # a case: where its answers begin (review 12, 13: not "about", not "from")
    "answers": "Quiz answers",
    "answer": "{step}: {label}",
    "references": "References",
    "links": "Links",
    "flows": "Related flows",
    "ref_subprocess": "Described in",
    "ref_offpage": "Continues in",
    "page": "Page {page} of {pages}",
}

_ES = {
    "how_to": "Cómo usar este manual",
    "how_to_text": (
        "Mira el diagrama para ver el proceso completo y después lee la tabla paso a paso. La sección de"
        " tu rol reúne solo tus pasos: qué inicia cada uno y a quién se lo entregas. Marca la lista de "
        "verificación a medida que aprendes."
    ),
    "how_to_quiz": "Después ponte a prueba con la autoevaluación del final.",
    "quoted": "«{text}»",
    "hop_to": "{outcome}→\u00a0{ref}",
    "check_decisions": "Sé qué hacer con cada respuesta en las {count} decisiones.",
    "quiz_more": "Se muestran {shown} de las {total} preguntas posibles.",
    "document": "Manual de formación",
    "version": "Versión",
    "owner": "Responsable del proceso",
    "updated": "Actualizado",
    "count_steps": "{n} paso|{n} pasos",
    "count_lanes": "{n} responsable|{n} responsables",
    "count_decisions": "{n} decisión|{n} decisiones",
    "contents": "Contenido",
    "diagram": "Diagrama",
    "legend": "Leyenda",
    "part_of": "Parte {n} de {total}",
    "part_word": "Parte",
    "to_part": "continúa en la parte {n} · paso {step}",
    "from_part": "viene de la parte {n} · paso {step}",
    "from_part_steps": "viene de la parte {n} · pasos {steps}",
    "from_parts": "viene de las partes {parts} · pasos {steps}",
    "list_and": "y",
    "overview": (
        "El proceso completo, en {total} partes. Cada parte enmarcada se imprime más grande en las páginas "
        "siguientes; una línea que sigue en otra parte, posterior o anterior, termina en un conector con una "
        "letra, y el conector con la misma letra la retoma allí."
    ),
    "overview_screen": (
        "El proceso completo, en {total} partes. Cada parte enmarcada se muestra más grande más abajo; una línea "
        "que sigue en otra parte, posterior o anterior, termina en un conector con una letra, y el conector con "
        "la misma letra la retoma allí."
    ),
    "legend_pages": "La leyenda está en la página siguiente.",
    "overview_external": "Partes externas: {names}.",
    "steps": "Paso a paso",
    "col_number": "N.º",
    "col_step": "Paso",
    "col_symbol": "Símbolo",
    "col_lane": "Responsable",
    "col_duration": "Duración",
    "col_notes": "Notas",
    "col_links": "Enlaces",
    "col_next": "Siguiente",
    "step_ref": "paso\u00a0{n}",
    "step_title": "Paso {n}",
    "end": "fin",
    "none": "—",
    "responsibilities": "Responsabilidades",
    "lane_steps": "Paso {numbers}|Pasos {numbers}",
    "steps_ref": "paso {numbers}|pasos {numbers}",
    "external": "parte externa",
    "comes_from": "Viene de",
    "hands_over": "Pasa a",
    "process_start": "ningún paso: aquí empieza el proceso",
    "via_connector": "(conector\u00a0{label})",
    "checklist": "Lista de verificación del aprendiz",
    "check_read": "He leído el proceso completo, de principio a fin.",
    "check_lanes": "Sé quién es responsable de cada paso.",
    "check_lane": "Conozco el paso de «{lane}» ({numbers}).|Conozco los pasos de «{lane}» ({numbers}).",
    "check_decision": "Sé qué hacer con cada respuesta a «{question}» (paso {n}).",
    "check_references": "He consultado todas las referencias de este manual.",
    "check_quiz": "He respondido la autoevaluación y he comparado mis respuestas.",
    "check_practice": "He realizado el proceso bajo la supervisión de un formador.",
    "signature_trainee": "Aprendiz",
    "signature_trainer": "Formador",
    "signature_date": "Fecha",
    "quiz": "Autoevaluación",
    "quiz_intro": "Responde sin mirar el diagrama; las respuestas están en la última página.",
    "quiz_who": "¿Quién es responsable de «{label}»?",
    "quiz_duration": "¿Cuánto tiempo lleva «{label}»?",
    "quiz_answer_line": "Respuesta",
    "quiz_about": "sobre el {step}",
    "quiz_from": "primera respuesta en el {step}",
    "answers": "Respuestas de la autoevaluación",
    "answer": "{step}: {label}",
    "references": "Referencias",
    "links": "Enlaces",
    "flows": "Flujos relacionados",
    "ref_subprocess": "Se describe en",
    "ref_offpage": "Continúa en",
    "page": "Página {page} de {pages}",
}

_PT = {
    "how_to": "Como usar este manual",
    "how_to_text": (
        "Veja o diagrama para ter o processo completo e depois leia a tabela passo a passo. A seção da "
        "sua função reúne só os seus passos: o que inicia cada um e para quem você os passa. Marque a "
        "lista de verificação à medida que aprende."
    ),
    "how_to_quiz": "Depois, faça a autoavaliação do final.",
    "quoted": "“{text}”",
    "hop_to": "{outcome}→\u00a0{ref}",
    "check_decisions": "Sei o que fazer com cada resposta nas {count} decisões.",
    "quiz_more": "São mostradas {shown} das {total} perguntas possíveis.",
    "document": "Manual de treinamento",
    "version": "Versão",
    "owner": "Responsável pelo processo",
    "updated": "Atualizado",
    "count_steps": "{n} passo|{n} passos",
    "count_lanes": "{n} responsável|{n} responsáveis",
    "count_decisions": "{n} decisão|{n} decisões",
    "contents": "Conteúdo",
    "diagram": "Diagrama",
    "legend": "Legenda",
    "part_of": "Parte {n} de {total}",
    "part_word": "Parte",
    "to_part": "continua na parte {n} · passo {step}",
    "from_part": "vem da parte {n} · passo {step}",
    "from_part_steps": "vem da parte {n} · passos {steps}",
    "from_parts": "vem das partes {parts} · passos {steps}",
    "list_and": "e",
    "overview": (
        "O processo completo, em {total} partes. Cada parte destacada é impressa maior nas páginas "
        "seguintes; uma linha que continua em outra parte, posterior ou anterior, termina em um conector com "
        "uma letra, e o conector com a mesma letra a retoma lá."
    ),
    "overview_screen": (
        "O processo completo, em {total} partes. Cada parte destacada é mostrada maior mais abaixo; uma linha que "
        "continua em outra parte, posterior ou anterior, termina em um conector com uma letra, e o conector com a "
        "mesma letra a retoma lá."
    ),
    "legend_pages": "A legenda está na página seguinte.",
    "overview_external": "Partes externas: {names}.",
    "steps": "Passo a passo",
    "col_number": "N.º",
    "col_step": "Passo",
    "col_symbol": "Símbolo",
    "col_lane": "Responsável",
    "col_duration": "Duração",
    "col_notes": "Observações",
    "col_links": "Links",
    "col_next": "Próximo",
    "step_ref": "passo\u00a0{n}",
    "step_title": "Passo {n}",
    "end": "fim",
    "none": "—",
    "responsibilities": "Responsabilidades",
    "lane_steps": "Passo {numbers}|Passos {numbers}",
    "steps_ref": "passo {numbers}|passos {numbers}",
    "external": "parte externa",
    "comes_from": "Vem de",
    "hands_over": "Passa para",
    "process_start": "nenhum passo: o processo começa aqui",
    "via_connector": "(conector\u00a0{label})",
    "checklist": "Lista de verificação do aprendiz",
    "check_read": "Li o processo completo, do início ao fim.",
    "check_lanes": "Sei quem é responsável por cada passo.",
    "check_lane": "Conheço o passo de “{lane}” ({numbers}).|Conheço os passos de “{lane}” ({numbers}).",
    "check_decision": "Sei o que fazer com cada resposta a “{question}” (passo {n}).",
    "check_references": "Consultei todas as referências deste manual.",
    "check_quiz": "Respondi à autoavaliação e comparei minhas respostas.",
    "check_practice": "Realizei o processo sob a supervisão de um instrutor.",
    "signature_trainee": "Aprendiz",
    "signature_trainer": "Instrutor",
    "signature_date": "Data",
    "quiz": "Autoavaliação",
    "quiz_intro": "Responda sem olhar o diagrama; as respostas estão na última página.",
    "quiz_who": "Quem é responsável por “{label}”?",
    "quiz_duration": "Quanto tempo leva “{label}”?",
    "quiz_answer_line": "Resposta",
    "quiz_about": "sobre o {step}",
    "quiz_from": "primeira resposta no {step}",
    "answers": "Respostas da autoavaliação",
    "answer": "{step}: {label}",
    "references": "Referências",
    "links": "Links",
    "flows": "Fluxos relacionados",
    "ref_subprocess": "Descrito em",
    "ref_offpage": "Continua em",
    "page": "Página {page} de {pages}",
}

# The words of the stages (cover list, step-table headings, checklist, quiz).
_STAGES = {
    "en": {
        "stages": "Stages",
        "count_stages": "{n} stage|{n} stages",
        "stage": "Stage",
        "stage_heading": "Stage {n} · {name}",
        "check_stage": (
            "I know the step of the “{stage}” stage ({numbers}).|I know the steps of the “{stage}” stage ({numbers})."
        ),
        "quiz_stage": "Which stage does step {n}, “{label}”, belong to?",
    },
    "es": {
        "stages": "Etapas",
        "count_stages": "{n} etapa|{n} etapas",
        "stage": "Etapa",
        "stage_heading": "Etapa {n} · {name}",
        "check_stage": (
            "Conozco el paso de la etapa «{stage}» ({numbers}).|Conozco los pasos de la etapa «{stage}» ({numbers})."
        ),
        "quiz_stage": "¿A qué etapa pertenece el paso {n}, «{label}»?",
    },
    "pt": {
        "stages": "Etapas",
        "count_stages": "{n} etapa|{n} etapas",
        "stage": "Etapa",
        "stage_heading": "Etapa {n} · {name}",
        "check_stage": (
            "Conheço o passo da etapa “{stage}” ({numbers}).|Conheço os passos da etapa “{stage}” ({numbers})."
        ),
        "quiz_stage": "A que etapa pertence o passo {n}, “{label}”?",
    },
}

WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {lang: MappingProxyType({**table, **_STAGES[lang]}) for lang, table in (("en", _EN), ("es", _ES), ("pt", _PT))}
)

# The short name of each symbol, as the step table's "Symbol" column shows it;
# what the symbol means comes from the one symbol table (symbols.py).
SYMBOL_NAMES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "start": {"en": "Start", "es": "Inicio", "pt": "Início"},
        "end": {"en": "End", "es": "Fin", "pt": "Fim"},
        "process": {"en": "Process", "es": "Proceso", "pt": "Processo"},
        "decision": {"en": "Decision", "es": "Decisión", "pt": "Decisão"},
        "io": {"en": "Data", "es": "Datos", "pt": "Dados"},
        "document": {"en": "Document", "es": "Documento", "pt": "Documento"},
        "documents": {"en": "Documents", "es": "Documentos", "pt": "Documentos"},
        "subprocess": {"en": "Subprocess", "es": "Subproceso", "pt": "Subprocesso"},
        "manual_input": {"en": "Manual input", "es": "Entrada manual", "pt": "Entrada manual"},
        "manual": {"en": "Manual operation", "es": "Operación manual", "pt": "Operação manual"},
        "preparation": {"en": "Preparation", "es": "Preparación", "pt": "Preparação"},
        "delay": {"en": "Delay", "es": "Espera", "pt": "Espera"},
        "database": {"en": "Stored data", "es": "Base de datos", "pt": "Banco de dados"},
        "connector": {"en": "Connector", "es": "Conector", "pt": "Conector"},
        "offpage": {"en": "Off-page connector", "es": "Conector de página", "pt": "Conector de página"},
    }
)


def words(lang: str) -> Mapping[str, str]:
    """The fixed words of ``lang`` (English for an unknown language)."""
    return WORDS.get(lang, WORDS["en"])


def symbol_name(kind: str, lang: str) -> str:
    """The short name of the symbol ``kind`` in ``lang`` (the key itself when unknown)."""
    names = SYMBOL_NAMES.get(kind)
    return names.get(lang, names["en"]) if names else kind


def count(t: Mapping[str, str], key: str, n: int) -> str:
    """ "{n} paso|{n} pasos" → "1 paso" or "3 pasos"."""
    return plural(t, key, n, n=n)


def plural(t: Mapping[str, str], key: str, amount: int, /, **values: object) -> str:
    """The singular or plural form of ``t[key]`` ("one|many") for ``amount`` things, filled with ``values``."""
    one, many = t[key].split("|")
    return (one if amount == 1 else many).format(**values)


# What each symbol means, as the handout's legend says it beside the symbol's name: worded
# so that no word of the name comes back ("Espera — Espera", "Inicio — Inicio del proceso").
LEGEND_MEANINGS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "start": {"en": "Where the process begins", "es": "Donde comienza el proceso", "pt": "Onde o processo começa"},
        "end": {"en": "Where the process finishes", "es": "Donde termina el proceso", "pt": "Onde o processo termina"},
        "process": {"en": "An action or task", "es": "Una acción o tarea", "pt": "Uma ação ou tarefa"},
        "decision": {
            "en": "A question: each answer leads its own way",
            "es": "Una pregunta: cada respuesta lleva por su camino",
            "pt": "Uma pergunta: cada resposta leva por seu caminho",
        },
        "io": {
            "en": "Information received or sent",
            "es": "Información que se recibe o se envía",
            "pt": "Informação recebida ou enviada",
        },
        "document": {
            "en": "A printed or written paper",
            "es": "Un papel impreso o escrito",
            "pt": "Um papel impresso ou escrito",
        },
        "documents": {
            "en": "Several papers or copies",
            "es": "Varios papeles o copias",
            "pt": "Vários papéis ou cópias",
        },
        "subprocess": {
            "en": "A procedure described elsewhere",
            "es": "Un procedimiento descrito aparte",
            "pt": "Um procedimento descrito à parte",
        },
        "manual_input": {"en": "Typed in by a person", "es": "Lo teclea una persona", "pt": "Digitado por uma pessoa"},
        "manual": {"en": "Work done by hand", "es": "Trabajo hecho a mano", "pt": "Trabalho feito à mão"},
        "preparation": {
            "en": "Setting things up before a step",
            "es": "Ajustes previos a un paso",
            "pt": "Ajustes feitos antes de um passo",
        },
        "delay": {
            "en": "Time to wait before going on",
            "es": "Un tiempo que hay que aguardar antes de seguir",
            "pt": "Um tempo a aguardar antes de seguir",
        },
        "database": {
            "en": "A record system",
            "es": "Un sistema donde se guardan registros",
            "pt": "Um sistema onde se guardam registros",
        },
        "connector": {
            "en": "Joins the circle with the same label",
            "es": "Une con el círculo de igual etiqueta",
            "pt": "Liga ao círculo com o mesmo rótulo",
        },
        "offpage": {
            "en": "Goes on in another part, sheet or flow",
            "es": "Sigue en otra parte, hoja o flujo",
            "pt": "Segue em outra parte, folha ou fluxo",
        },
    }
)
