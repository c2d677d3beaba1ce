"""The commands (``python -m generator <command>``), each a ``run(project, args)``: ``validate``,
``build`` (generate and build: the pipeline end to end), ``serve``, ``new`` and ``schema``; and
what they share: where things are (``project``), writing pages (``write``, and ``sync`` for the
preview), publishing with MkDocs (``publish``, ``mkdocs_run``), the GitHub job summary and the
repository the pages link to."""
