"""`check --format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path, PurePath
from urllib.parse import quote

from .. import __version__
from ..check import CheckResult
from ..rules.catalog import CATALOG

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def artifact_uri(path: str) -> str:
    """A valid URI reference (RFC 3986) for ``path``: relative stays relative, absolute becomes file://.

    Everything but unreserved characters and `/` is percent-encoded (UTF-8), so a
    space, `#` (a fragment), `%`, `?`, a `:` in the first segment (a scheme) or
    `café` never changes what the reference points to.
    """
    pure = Path(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(PurePath(path).as_posix(), safe="/")


def format_sarif(results: Sequence[CheckResult]) -> str:
    """The log: always exactly one run (with no results when no file was given), never an empty ``runs``."""
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
