"""Reading a flow file's YAML nodes into the model, in the order a reader meets them.

``nodes`` turns nodes into values (text, flags, choices, known keys), ``parties``
reads the declared lanes and stages, ``steps`` reads one step, ``resolve`` ties
steps to lanes, stages and each other, and ``document`` puts the flow together.
:mod:`flowchart_cli.loader` is the façade the rest of the program calls.
"""
