"""`flowchart build` and `flowchart watch`: render a tree of flow files, only what changed.

One module per job: ``discover`` finds the flow files, ``formats`` names the
outputs, ``manifest`` remembers what each output was built from, ``plan``
compares the two, ``worker`` renders one flow (in a child process),
``runner`` spreads the work over cores, ``lock`` keeps two builds apart,
``housekeeping`` removes leftovers, ``index`` writes OUT/index.md,
``verify`` is `--check`, ``engine`` wires a build and ``watcher`` is the
live-editing loop.  Nothing here imports a renderer until a flow is stale,
so a build with nothing to do only hashes and compares.
"""
