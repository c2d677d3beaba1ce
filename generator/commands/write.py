"""Writing generated pages into the docs folder, and swapping a finished site into place.

Generated pages live in their own folders of the docs folder (git-ignored). Each generate writes
them afresh into a hidden folder and swaps it in, so a page whose place was removed disappears and
a failed generate leaves the previous pages whole.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model.page import Page
from .project import GENERATED_FOLDERS


def write_pages(pages: Iterable[Page], docs_dir: Path) -> int:
    """Replace the generated folders of ``docs_dir`` with ``pages``. Returns the number written."""
    with staging_area(docs_dir) as staging:
        return write_files(pages, staging)


@contextlib.contextmanager
def staging_area(docs_dir: Path) -> Iterator[Path]:
    """A fresh hidden folder of ``docs_dir`` to write the generated pages into. When the block ends
    without an error, its folders replace the generated folders of ``docs_dir``; after an error the
    previous pages stay, and the next run clears what was written."""
    staging = docs_dir / STAGING_NAME
    for folder in GENERATED_FOLDERS:
        heal(docs_dir / folder)
    remove_path(staging)
    yield staging
    for folder in GENERATED_FOLDERS:
        replace_dir(staging / folder, docs_dir / folder)
    remove_path(staging)


STAGING_NAME = ".generated-staging"
"""The hidden folder of the docs folder that a generate writes into before the swap."""


def is_leftover(path: Path, docs_dir: Path) -> bool:
    """True for what an interrupted swap of a generated folder leaves in ``docs_dir``
    (``.<folder>.old-<pid>``, see :func:`replace_dir`), named exactly."""
    name = path.name
    return path.parent == docs_dir and any(
        name.startswith(f".{folder}.old-") and name.removeprefix(f".{folder}.old-").isascii()
        and name.removeprefix(f".{folder}.old-").isdigit() for folder in GENERATED_FOLDERS)


def write_files(pages: Iterable[Page], folder: Path) -> int:
    """Write ``pages`` into ``folder`` (a staging area). Returns the number written."""
    count = 0
    for page in pages:
        check_generated_path(page.path)
        target = folder / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(page.text, bytes):
            target.write_bytes(page.text)
        else:
            target.write_text(page.text, encoding="utf-8", newline="\n")
        count += 1
    return count


def check_generated_path(path: str) -> None:
    """A generated page's path must lie inside one of the generated folders."""
    if path.split("/", 1)[0] not in GENERATED_FOLDERS or ".." in path.split("/"):
        raise ValueError(f"generated page outside the generated folders: {path}")


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
