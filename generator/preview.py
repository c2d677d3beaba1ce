"""``mkdocs serve`` for the live preview, keeping compiled templates between rebuilds.

MkDocs makes a new Jinja environment for every rebuild, so a preview rebuild spends most of its
time compiling Material's templates again (about 0.2 s of 0.3 s for one changed page here). Jinja's
own bytecode cache, kept in memory for the life of the preview, skips that: a template is compiled
again only when its source changes (the cache is keyed by the source's checksum). Builds for
publishing never use this; ``serve.py`` starts it as ``python -m generator.preview serve ...``.
"""

from __future__ import annotations

import sys
from typing import Any

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates by name and source checksum, for as long as the process runs."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._store:
            bucket.bytecode_from_string(self._store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


def keep_compiled_templates(cache: jinja2.BytecodeCache | None = None) -> bool:
    """Give every theme environment MkDocs makes from now on ``cache``. False if MkDocs changed shape."""
    from mkdocs import theme

    original = getattr(theme.Theme, "get_env", None)
    if original is None:
        return False
    shared = cache or MemoryBytecodeCache()

    def get_env(self: Any) -> jinja2.Environment:
        env = original(self)
        env.bytecode_cache = shared
        return env

    theme.Theme.get_env = get_env  # type: ignore[method-assign]
    return True


def main(argv: list[str]) -> None:
    keep_compiled_templates()
    from mkdocs.__main__ import cli

    cli.main(args=argv, prog_name="mkdocs")


if __name__ == "__main__":
    main(sys.argv[1:])
