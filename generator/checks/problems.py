"""One error format for every data file: ``path:line:col: field: message``.

Paths, field names and messages carry a contributor's text (file names, keys, values), so every
part is shown through :func:`text.hidden.visible`: a line break or an escape sequence in a place file
shows as ``\\n`` or ``\\x1b`` and can never start a line of output, forge a GitHub workflow command
(``::error``) or rewrite a terminal.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TextIO

from ..text.hidden import visible


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong in a data file that the contributor can fix."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{visible(self.path)}:{self.line}:{self.column}: {visible(self.field)}: {visible(self.message)}"

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions annotation, shown on the pull request's diff."""
        message = _escape(visible(self.message))
        return (f"::error file={_escape(visible(self.path), True)},line={self.line},col={self.column},"
                f"title={_escape(visible(self.field), True)}::{message}")


def _escape(text: str, property: bool = False) -> str:  # noqa: A002
    """Escape a workflow command's data (or a property value, which also escapes `:` and `,`)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


MAX_PROBLEMS_PER_FILE = 50
"""After this many problems in one file, the rest are counted, not listed."""


def cap_per_file(problems: list[Problem], limit: int = MAX_PROBLEMS_PER_FILE) -> list[Problem]:
    """The first ``limit`` problems of each file (in line order), and for a file with more, one
    problem that says how many more there are."""
    by_file: dict[str, list[Problem]] = {}
    for problem in sorted(problems):
        by_file.setdefault(problem.path, []).append(problem)
    kept: list[Problem] = []
    for path, found in by_file.items():
        kept.extend(found[:limit])
        if len(found) > limit:
            last = found[limit - 1]
            kept.append(Problem(path, last.line, last.column, "(file)",
                                f"{len(found) - limit:,} more problem(s) in this file are not listed: "
                                "fix the ones above and run again"))
    return kept


class DataError(Exception):
    """Raised when the data has problems; carries every problem found, in file and line order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = cap_per_file(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the data")


def print_problems(problems: list[Problem], *, github: bool | None = None,
                   stderr: TextIO | None = None, stdout: TextIO | None = None) -> None:
    """Print every problem to stderr; inside GitHub Actions, each also as an annotation on stdout,
    where the runner reads workflow commands."""
    if github is None:
        github = os.environ.get("GITHUB_ACTIONS") == "true"
    if problems:
        print("\n".join(str(p) for p in problems), file=stderr or sys.stderr, flush=True)
    if github and problems:
        print("\n".join(p.github_annotation() for p in problems), file=stdout or sys.stdout, flush=True)

