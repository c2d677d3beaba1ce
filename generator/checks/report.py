"""The reporter: every problem found in the data folder, each with its file shown relative to the
project, and no more than are listed per file worked out in full."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from .problems import MAX_PROBLEMS_PER_FILE, Problem

Where = tuple[int, int, str, str]
"""A problem's line, column, field and message."""


class Reporter:
    """Collects problems in file and discovery order; :class:`~.problems.DataError` sorts and caps them."""

    def __init__(self, display_root: Path) -> None:
        self.display_root = display_root
        self.problems: list[Problem] = []
        self._counts: dict[Path | str, int] = {}
        self._resolved: dict[Path, Path] = {}

    def display(self, path: Path) -> str:
        """The path relative to the project, without following a link in its last part (a link is
        reported as itself, never as the file it points at)."""
        real = self._resolve(path.parent) / path.name
        try:
            return real.relative_to(self._resolve(self.display_root)).as_posix()
        except ValueError:
            return path.as_posix()

    def _resolve(self, folder: Path) -> Path:
        """``folder.resolve()``, worked out once per reporter: it asks the system about every part."""
        if folder not in self._resolved:
            self._resolved[folder] = folder.resolve()
        return self._resolved[folder]

    def report(self, path: Path | str, line: int, column: int, field: str, message: str) -> None:
        """Record a problem in ``path`` (a file, or a path already shown relative to the project)."""
        shown = path if isinstance(path, str) else self.display(path)
        self.problems.append(Problem(shown, line, column, field, message))
        self._counts[path] = self._counts.get(path, 0) + 1

    def offer(self, path: Path, problem: Callable[[], Where]) -> None:
        """Report the problem that ``problem()`` describes, unless the file already has more problems
        than are listed: then it is only counted, and ``problem`` is never called. So a file with
        thousands of mistakes (each message may cost a search for a suggestion) costs no more than
        one with fifty."""
        if self._counts.get(path, 0) <= MAX_PROBLEMS_PER_FILE:
            self.report(path, *problem())
        else:  # sorts after every real problem of the file, so only the count of these is ever shown
            self.problems.append(Problem(self.display(path), sys.maxsize, 0, "", ""))
