"""One error format for every data file: ``path:line:col: field: message``."""

from __future__ import annotations

import os
from dataclasses import dataclass


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
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        field = self.field.replace("%", "%25").replace(",", "%2C").replace("::", "%3A%3A")
        return f"::error file={self.path},line={self.line},col={self.column},title={field}::{message}"


class DataError(Exception):
    """Raised when the data has problems; carries every problem found, in file and line order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the data")


def format_problems(problems: list[Problem], *, github: bool | None = None) -> str:
    """Every problem on its own line; inside GitHub Actions, each one also as an annotation."""
    if github is None:
        github = os.environ.get("GITHUB_ACTIONS") == "true"
    lines = [str(p) for p in problems]
    if github:
        lines += [p.github_annotation() for p in problems]
    return "\n".join(lines)
