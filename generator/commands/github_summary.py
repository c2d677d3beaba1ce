"""The job summary of a check on GitHub: every problem as ``file:line``, where nothing is cut off.

GitHub shows at most 10 error annotations per step (and 50 per job), and a fresh scaffold alone has
more FILL INs than that. A step summary (the Markdown file named by ``GITHUB_STEP_SUMMARY``) has no
such limit, so ``validate`` writes the whole list there. Problem messages quote the contributor's
text, so the list is the terminal's own lines (hidden characters shown as escapes) inside a code
block: GitHub makes no Markdown, HTML or link of anything in it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from ..checks.problems import Problem

ANNOTATION_LIMIT = 10
"""The number of error annotations GitHub shows for one step."""


def summary_markdown(problems: Sequence[Problem], *, places: int | None = None) -> str:
    """The summary's Markdown: every problem exactly as the terminal shows it, in a fenced code block
    (where GitHub makes no Markdown, HTML, mention or link of anything), or one line saying there
    are none. The fence is longer than any run of backticks in the problems, so none can close it."""
    if not problems:
        checked = f" {places} place files checked." if places is not None else ""
        return f"## Place files: no problems\n\n{checked.strip()}\n"
    lines = [str(problem) for problem in problems]  # visible(): no line breaks, bidi or zero-width characters
    fence = "`" * max(3, 1 + max((len(run) for line in lines for run in re.findall("`+", line)), default=0))
    return "\n".join([
        f"## Place files: {len(problems)} problem(s)",
        "",
        "Every problem, in file and line order, as `python -m generator validate` prints it on your own "
        "machine (file:line:column: field: problem). Fix them and push again.",
        "",
        fence + "text",
        *lines,
        fence,
    ]) + "\n"


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
