"""Jinja's compiled templates, kept on disk between processes (ours, and Material's in MkDocs).

Its own module, importing nothing but Jinja, because ``commands/mkdocs_run.py`` uses it in every
MkDocs process and must start quickly.
"""

from __future__ import annotations

import jinja2


def template_cache() -> jinja2.BytecodeCache:
    """Jinja's on-disk bytecode cache, in its default per-user folder, one set of files per Jinja version.

    Compiling our templates takes about a tenth of a second in every new process (a build, or each
    process a build forks), and Material's take more in every MkDocs run (``commands/mkdocs_run.py``).
    A template is compiled again when its source changes (each cached file records its source's
    checksum), and the file names carry Jinja's version, so an upgraded Jinja never reads code an older
    one compiled; Jinja's magic header already covers Python's version. Jinja makes the folder private
    to the user and refuses it if anyone else owns it."""
    return jinja2.FileSystemBytecodeCache(pattern=f"__revolution_places_jinja{jinja2.__version__}_%s.cache")
