"""Writing generated pages into the docs folder, and swapping a finished site into place.

Generated pages live in their own folders of the docs folder (git-ignored). Each generate writes
them afresh into a hidden folder and swaps it in, so a page whose place was removed disappears and
a failed generate leaves the previous pages whole.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

from .render import Page

GENERATED_FOLDERS = ("places", "themes", "lessons", "enablers", "programmes", "regions", "sources", "map", "data",
                     "generated", "contribute")
"""Top-level folders of the docs folder that belong to the generator; everything in them is rewritten."""


def write_pages(pages: Iterable[Page], docs_dir: Path) -> int:
    """Replace the generated folders of ``docs_dir`` with ``pages``. Returns the number written."""
    staging = docs_dir / ".generated-staging"
    for folder in GENERATED_FOLDERS:
        heal(docs_dir / folder)
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
    """Put ``new`` where ``target`` is, removing the old one; if ``new`` is missing, just remove it.

    On Linux the two folders are exchanged in one step (``renameat2`` with ``RENAME_EXCHANGE``), so
    at every instant ``target`` is either the whole old folder or the whole new one. Elsewhere it
    takes two renames; a process killed between them leaves ``.<name>.old-<pid>``, which
    :func:`heal` puts back at the next start.
    """
    if new.exists() and target.exists() and _exchange(new, target):
        remove_leftover(new)  # it now holds the old folder
        return
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    if new.exists():
        new.rename(target)
    remove_leftover(old)


def heal(target: Path) -> None:
    """Finish or undo a swap of ``target`` that was interrupted: if ``target`` is missing, the old
    folder left beside it comes back; any other leftover of an earlier swap is removed."""
    for old in sorted(target.parent.glob(f".{target.name}.old-*")):
        if not target.exists():
            old.rename(target)
        else:
            remove_leftover(old)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
_renameat2 = getattr(_libc, "renameat2", None)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where the system cannot (then the caller renames twice)."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def remove_leftover(path: Path) -> None:
    """Remove what a swap left behind. The swap itself is done, so failing here is only a warning;
    the next run tries again."""
    try:
        remove_path(path)
    except OSError as exc:
        print(f"Warning: could not remove {path.name} ({exc.strerror}); the next build will try again.",
              file=sys.stderr)


def remove_path(path: Path) -> None:
    """Remove a file or folder if it exists."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


# -- for `serve` only: write the pages that changed, in place ---------------------------------------
# A build swaps whole folders (above), which makes a watching `mkdocs serve` rebuild more than once
# and rebuild every page. The preview instead rewrites only the files whose bytes changed, each
# through a hidden temporary file and a rename (MkDocs never reads half a page and ignores dotfiles),
# and removes what is no longer generated, including the leftovers of an interrupted run.


def sync_pages(pages: Iterable[Page], docs_dir: Path) -> tuple[list[str], list[str]]:
    """Make the generated folders of ``docs_dir`` hold exactly ``pages``, touching only what differs.

    Returns the paths written and the paths removed (posix, relative to ``docs_dir``).
    """
    wanted: dict[str, bytes] = {}
    for page in pages:
        top = page.path.split("/", 1)[0]
        if top not in GENERATED_FOLDERS or ".." in page.path.split("/"):
            raise ValueError(f"generated page outside the generated folders: {page.path}")
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
