"""One error format for every data file: ``path:line:col: field: message``."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TextIO


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong in a data file that the contributor can fix."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {self.message}"

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions annotation, shown on the pull request's diff."""
        message = _escape(self.message)
        return (f"::error file={_escape(self.path, True)},line={self.line},col={self.column},"
                f"title={_escape(self.field, True)}::{message}")


def _escape(text: str, property: bool = False) -> str:  # noqa: A002
    """Escape a workflow command's data (or a property value, which also escapes `:` and `,`)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


class DataError(Exception):
    """Raised when the data has problems; carries every problem found, in file and line order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
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

