"""The job summary of a check on GitHub: every problem as ``file:line``, where nothing is cut off.

GitHub shows at most 10 error annotations per step (and 50 per job), and a fresh scaffold alone has
more FILL INs than that. A step summary (the Markdown file named by ``GITHUB_STEP_SUMMARY``) has no
such limit, so ``validate`` writes the whole list there. Problem messages quote the contributor's
text, so every cell is escaped for Markdown and HTML.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..checks.problems import Problem
from ..text.escape import markdown_text

ANNOTATION_LIMIT = 10
"""The number of error annotations GitHub shows for one step."""


def summary_markdown(problems: Sequence[Problem], *, places: int | None = None) -> str:
    """The summary's Markdown: a table of every problem, or one line saying there are none."""
    if not problems:
        checked = f" {places} place files checked." if places is not None else ""
        return f"## Place files: no problems\n\n{checked.strip()}\n"
    lines = [
        f"## Place files: {len(problems)} problem(s)",
        "",
        "Every problem, in file and line order. Fix them and push again: `python -m generator validate` "
        "prints the same list on your own machine.",
        "",
        "| File and line | Field | Problem |",
        "| --- | --- | --- |",
    ]
    for problem in problems:
        location = markdown_text(f"{problem.path}:{problem.line}")
        lines.append(f"| {location} | {markdown_text(problem.field)} | {markdown_text(problem.message)} |")
    return "\n".join(lines) + "\n"


def report_to_github(problems: Sequence[Problem], *, places: int | None = None) -> None:
    """Inside GitHub Actions: append the summary, and say where the problems beyond the annotations are."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with Path(target).open("a", encoding="utf-8") as summary:
            summary.write(summary_markdown(problems, places=places))
    if len(problems) > ANNOTATION_LIMIT:
        print(f"::notice title=More problems than annotations::GitHub shows the first {ANNOTATION_LIMIT} of "
              f"{len(problems)} problems on the pull request; the job summary lists every one.",
              file=sys.stdout, flush=True)
