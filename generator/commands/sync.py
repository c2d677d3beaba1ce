"""For ``serve`` only: write the pages that changed, in place.

A build swaps whole folders (``write.py``), which makes a watching ``mkdocs serve`` rebuild more than
once and rebuild every page. The preview instead rewrites only the files whose bytes changed, each
through a hidden temporary file and a rename (MkDocs never reads half a page and ignores dotfiles),
and removes what is no longer generated, including the leftovers of an interrupted run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..model.page import Page
from .project import GENERATED_FOLDERS
from .write import check_generated_path, remove_path


def sync_pages(pages: Iterable[Page], docs_dir: Path) -> tuple[list[str], list[str]]:
    """Make the generated folders of ``docs_dir`` hold exactly ``pages``, touching only what differs.

    Returns the paths written and the paths removed (posix, relative to ``docs_dir``).
    """
    wanted: dict[str, bytes] = {}
    for page in pages:
        check_generated_path(page.path)
        wanted[page.path] = page.text if isinstance(page.text, bytes) else page.text.encode("utf-8")
    for leftover in [*docs_dir.glob(".generated-staging"), *docs_dir.glob(".*.old-*")]:
        remove_path(leftover)
    changed = [path for path, data in wanted.items() if _differs(docs_dir / path, data)]
    written = []
    for path in changed:  # all comparisons first: the writes come in one quick burst, one rebuild
        target, data = docs_dir / path, wanted[path]
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp-{os.getpid()}")
        temporary.write_bytes(data)
        os.replace(temporary, target)
        written.append(path)
    removed = []
    for folder in GENERATED_FOLDERS:
        root = docs_dir / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*"), reverse=True):  # files before their folders
            relative = path.relative_to(docs_dir).as_posix()
            if path.is_dir() and not path.is_symlink():
                if not any(path.iterdir()):
                    path.rmdir()
            elif relative not in wanted:
                path.unlink()
                removed.append(relative)
    return written, removed


def _differs(target: Path, data: bytes) -> bool:
    try:
        return target.read_bytes() != data
    except OSError:
        return True
