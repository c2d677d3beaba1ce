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

    def display(self, path: Path) -> str:
        """The path relative to the project, without following a link in its last part (a link is
        reported as itself, never as the file it points at)."""
        real = path.parent.resolve() / path.name
        try:
            return real.relative_to(self.display_root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

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
