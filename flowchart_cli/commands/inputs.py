"""Turn the paths given to `check` (and `analyze`) into flow files: a folder means every flow below it.

Folders are searched the way `flowchart build` searches them (``build.discover``),
so `flowchart check flows/` checks exactly the files `flowchart build flows/` renders.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

__all__ = ["flow_files"]


def flow_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given, each folder replaced by its flow files in path order; each file once.

    A folder holding no flow file is a usage error (exit 2): the user named the wrong folder.
    """
    import typer

    from ..build.discover import find_flows

    found: dict[Path, None] = {}
    for path in paths:
        if not path.is_dir():
            found.setdefault(path, None)
            continue
        sources = find_flows(path)
        if not sources:
            raise typer.BadParameter(
                f"{path} holds no flow files (NAME.flow.yaml, or a .yaml with `title:` and `steps:`)",
                param_hint="'FILE...'",
            )
        for source in sources:
            found.setdefault(source.path, None)
    return list(found)
