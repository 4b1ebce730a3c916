"""`check --format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path, PurePath

from .. import __version__
from ..check import CheckResult
from ..rules.catalog import CATALOG

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def artifact_uri(path: str) -> str:
    """A relative path as a POSIX relative reference; an absolute one as a file:// URI."""
    pure = Path(path)
    return pure.as_uri() if pure.is_absolute() else PurePath(path).as_posix()


def format_sarif(results: Sequence[CheckResult]) -> str:
    rules = [
        {
            "id": info.code,
            "shortDescription": {"text": info.summary},
            "fullDescription": {"text": f"{info.summary} {info.why}"},
            "defaultConfiguration": {"level": info.severity.value},
            "help": {"text": f"{info.summary} Why: {info.why} (`flowchart rules` lists every rule.)"},
        }
        for info in CATALOG.values()
    ]
    index = {code: i for i, code in enumerate(CATALOG)}
    findings = [
        {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": d.severity.value,
            "message": {"text": d.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": artifact_uri(d.path)},
                        "region": {"startLine": d.line, "startColumn": d.column},
                    },
                    **({"logicalLocations": [{"name": d.step, "kind": "member"}]} if d.step else {}),
                }
            ],
        }
        for r in results
        for d in r.diagnostics
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "flowchart",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": findings,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
