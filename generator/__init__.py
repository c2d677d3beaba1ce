"""Static site generator for the place stories of *The Revolution will be Improvised Part II*.

A package per stage of the pipeline (ARCHITECTURE.md): ``checks`` reads and checks site-data/ into
the site model (``model``); ``pages`` and ``map`` render it; ``commands`` writes the pages, publishes
them with MkDocs and runs each command. Beneath them all, ``schema`` (what a data file may hold) and
``text`` (hidden characters, look-alike names, escaping).
"""
