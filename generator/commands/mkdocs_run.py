"""``python -m generator.commands.mkdocs_run <mkdocs arguments>``: MkDocs, with Material's templates kept compiled.

MkDocs compiles the theme's Jinja templates again in every process and on every rebuild: about a fifth
of a build's processor time here, and most of a preview's rebuild. Jinja's own on-disk bytecode cache
keeps them compiled between builds and between rebuilds. A template is compiled again when its source
changes (each cached file records its source's checksum), and the file names carry Jinja's version, so
an upgraded Jinja never reads code an older one compiled; Jinja's magic header already covers Python's
version. The cache folder is Jinja's default: one per user in the temporary folder, which Jinja makes
private to that user and refuses if anyone else owns it.

``publish.py`` publishes with ``mkdocs build`` and ``serve.py`` previews with ``mkdocs serve``
through this module; what they write is the same as plain ``mkdocs`` writes.
"""

from __future__ import annotations

import sys
from typing import Any

import jinja2


def template_cache() -> jinja2.BytecodeCache:
    """Jinja's bytecode cache in its default per-user folder, one set of files per Jinja version."""
    return jinja2.FileSystemBytecodeCache(pattern=f"__revolution_places_jinja{jinja2.__version__}_%s.cache")


def keep_compiled_templates(cache: jinja2.BytecodeCache) -> bool:
    """Give every theme environment MkDocs makes from now on ``cache``. False if MkDocs changed shape."""
    from mkdocs import theme

    original = getattr(theme.Theme, "get_env", None)
    if original is None:
        return False

    def get_env(self: Any) -> jinja2.Environment:
        env = original(self)
        env.bytecode_cache = cache
        return env

    theme.Theme.get_env = get_env  # type: ignore[method-assign]
    return True


def main(argv: list[str]) -> None:
    keep_compiled_templates(template_cache())
    from mkdocs.__main__ import cli

    cli.main(args=argv, prog_name="mkdocs")


if __name__ == "__main__":
    main(sys.argv[1:])
