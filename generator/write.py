"""Writing generated pages into the docs folder, and swapping a finished site into place.

Generated pages live in their own folders of the docs folder (git-ignored). Each generate writes
them afresh into a hidden folder and swaps it in, so a page whose place was removed disappears and
a failed generate leaves the previous pages whole.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from .render import Page

GENERATED_FOLDERS = ("places", "themes", "lessons", "enablers", "programmes", "regions", "map", "data", "generated",
                     "contribute")
"""Top-level folders of the docs folder that belong to the generator; everything in them is rewritten."""


def write_pages(pages: Iterable[Page], docs_dir: Path) -> int:
    """Replace the generated folders of ``docs_dir`` with ``pages``. Returns the number written."""
    staging = docs_dir / ".generated-staging"
    remove_path(staging)
    count = 0
    for page in pages:
        top = page.path.split("/", 1)[0]
        if top not in GENERATED_FOLDERS or ".." in page.path.split("/"):
            raise ValueError(f"generated page outside the generated folders: {page.path}")
        target = staging / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(page.text, bytes):
            target.write_bytes(page.text)
        else:
            target.write_text(page.text, encoding="utf-8", newline="\n")
        count += 1
    for folder in GENERATED_FOLDERS:
        replace_dir(staging / folder, docs_dir / folder)
    remove_path(staging)
    return count


def replace_dir(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is, removing the old one; if ``new`` is missing, just remove it."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    if new.exists():
        new.rename(target)
    remove_path(old)


def remove_path(path: Path) -> None:
    """Remove a file or folder if it exists."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
