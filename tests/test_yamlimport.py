"""PyYAML's reader pattern, taken from the cache (yamlimport.py), finds exactly the characters PyYAML's own finds."""

from __future__ import annotations

import re
import subprocess
import sys

from flowchart_cli.yamlimport import NON_PRINTABLE, NON_PRINTABLE_AS_WRITTEN
from flowchart_cli.yamlsource import SourceError, parse_text


def test_the_pattern_matches_the_same_characters_as_pyyamls_on_every_code_point():
    every = "".join(map(chr, range(0x110000)))
    ours = [m.start() for m in re.compile(NON_PRINTABLE).finditer(every)]
    theirs = [m.start() for m in re.compile(NON_PRINTABLE_AS_WRITTEN).finditer(every)]
    assert ours == theirs
    assert len(ours) == 29 + 32 + 2048 + 2  # C0 but tab/LF/CR, DEL…U+009F but NEL, surrogates, U+FFFE/F


def test_pyyaml_still_writes_the_pattern_the_cache_holds():
    """A fresh process: importing the package's YAML reader hands PyYAML the cheap pattern (else only slower)."""
    code = (
        "import flowchart_cli.yamlsource, yaml.reader;"
        "print(yaml.reader.Reader.NON_PRINTABLE.pattern == flowchart_cli.yamlimport.NON_PRINTABLE)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True", "PyYAML changed its reader pattern: update NON_PRINTABLE_AS_WRITTEN"


def test_pyyamls_reader_still_refuses_a_control_character_where_it_is():
    """The pure-Python reader (used by `import` to check quoting) finds a control character with the pattern."""
    import yaml

    try:
        yaml.safe_load("title: Pedido\nsteps:\n  - start: Llega\x07 el pedido\n")
    except yaml.reader.ReaderError as error:
        assert (error.character, error.position) == (7, 37)
    else:
        raise AssertionError("the control character was accepted")
    try:
        parse_text("title: Pedido\nsteps:\n  - start: Llega\x07 el pedido\n")
    except SourceError as error:
        assert (error.line, error.column) == (3, 17)
        assert "U+0007" in error.message
    else:
        raise AssertionError("the control character was accepted")
