"""Turn the paths given to `check` (and `analyze`) into flow files: a folder means every flow below it.

Folders are searched the way `flowchart build` searches them (``batch.discover``),
so `flowchart check flows/` checks exactly the files `flowchart build flows/` renders.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import typer

__all__ = ["flow_files"]


def flow_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given (in order, each time it is given), each folder replaced by its flow files in
    path order, leaving out those already listed.

    A folder holding no flow file is a usage error (exit 2): the user named the wrong folder.
    """
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        from ..batch.discover import YAML_SUFFIXES, find_flows  # only with a folder: pathspec is slow to load

        if path.name.lower().endswith(YAML_SUFFIXES):
            found.append(path)  # a folder named like a flow file is reported as one that cannot be read (FC100)
            continue
        sources = find_flows(path)
        if not sources:
            raise typer.BadParameter(
                f"{path} holds no flow files (NAME.flow.yaml, or a .yaml with `title:` and `steps:`)",
            )
        listed = set(found)
        found.extend(source.path for source in sources if source.path not in listed)
    return found
