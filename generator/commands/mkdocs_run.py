"""``python -m generator.commands.mkdocs_run <mkdocs arguments>``: MkDocs, with Material's templates kept compiled.

MkDocs compiles the theme's Jinja templates again in every process and on every rebuild: about a fifth
of a build's processor time here, and most of a preview's rebuild. Jinja's own on-disk bytecode cache
(``pages/bytecode.py``, which our own templates use too) keeps them compiled between
builds and between rebuilds.

``publish.py`` publishes with ``mkdocs build`` and ``serve.py`` previews with ``mkdocs serve``
through this module; what they write is the same as plain ``mkdocs`` writes.
"""

from __future__ import annotations

import sys
from typing import Any

import jinja2

from ..pages.bytecode import template_cache


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
