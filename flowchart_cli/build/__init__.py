"""`flowchart build`: render a tree of flow files into a mirrored output folder, only what changed.

One module per job: ``discover`` finds the flow files, ``formats`` names the
outputs, ``manifest`` remembers what was built from which content,
``plan`` compares the two, ``worker`` renders one flow (in a child process),
``runner`` spreads the work over cores, ``index`` writes OUT/index.md and
``engine`` wires them.  Nothing here imports a renderer until a flow is stale,
so a build with nothing to do only hashes and compares.
"""
