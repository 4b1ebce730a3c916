"""`flowchart build` (and the parts `flowchart watch` shares): render a tree of flow files, only what changed.

Named ``batch``, not ``build``: a ``build/`` folder is what Python tooling and
`.gitignore` templates treat as generated output.

One module per job: ``discover`` finds the flow files, ``formats`` names the
outputs, ``manifest`` remembers what each output was built from, ``plan``
compares the two, ``worker`` renders one flow (in a child process),
``runner`` spreads the work over cores, ``lock`` keeps two builds apart,
``housekeeping`` removes leftovers, ``index`` writes OUT/index.md,
``verify`` is `--check` and ``engine`` wires a build (the live-editing loop
of `flowchart watch` is ``commands/watcher.py``).  Nothing here imports a renderer until a flow is stale,
so a build with nothing to do only hashes and compares.
"""
