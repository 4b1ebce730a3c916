"""The configuration file at work: defaults for every command, and `flowchart config` showing them.

Kept free of heavy imports: :func:`apply_config` runs before every command.
"""

from __future__ import annotations

import sys

import typer

from ..settings import SETTINGS, ConfigFile, SettingsError, default_map, load_config

__all__ = ["apply_config", "run_config"]


def apply_config(ctx: typer.Context) -> None:
    """Load the configuration file that applies here and make it the defaults of the command about to run.

    A file that cannot be used stops the command with exit 2 and one line naming the file, the line and the key.
    """
    if ctx.resilient_parsing or ctx.invoked_subcommand is None:
        return
    try:
        config = load_config()
    except SettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        raise typer.Exit(2) from None
    commands = getattr(ctx.command, "commands", {})
    params = {name: {p.name for p in command.params if p.name} for name, command in commands.items()}
    ctx.default_map = default_map(config, params)


def run_config(fmt: str) -> int:
    """Print each setting's value in effect here and where it comes from."""
    import json  # here, not at the top: apply_config runs before every command

    config = load_config()
    rows = [(key, *_effective(key, config)) for key in SETTINGS]
    if fmt == "json":
        source = str(config.path) if config else None
        settings = {key: {"value": value, "from": origin} for key, value, origin in rows}
        print(json.dumps({"file": source, "settings": settings}, ensure_ascii=False, indent=2))
        return 0
    if config is None:
        print("no flowchart.toml here or above, and no pyproject.toml with [tool.flowchart]: built-in defaults")
    else:
        table = f" [{config.table}]" if config.table else ""
        print(f"settings from {config.path}{table}")
    width = max(len(key) for key in SETTINGS)
    shown = [_toml(value) for _, value, _ in rows]
    value_width = max(len(v) for v in shown)
    for (key, _, origin), value in zip(rows, shown, strict=True):
        print(f"{key:<{width}} = {value:<{value_width}}  # {origin}  ({SETTINGS[key].help})")
    return 0


def _effective(key: str, config: ConfigFile | None) -> tuple[object, str]:
    if config is not None and key in config.values:
        return config.values[key].value, config.where(key)
    return SETTINGS[key].default, "built in"


def _toml(value: object) -> str:
    """``value`` as TOML would write it (``None``: not set)."""
    import json

    if value is None:
        return "(not set)"
    return json.dumps(value, ensure_ascii=False)
