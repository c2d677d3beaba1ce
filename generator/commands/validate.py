"""``python -m generator validate``: check every file in site-data/ and report every problem."""

from __future__ import annotations

import argparse
import time

from ..checks.problems import DataError
from ..checks.validate import load_site
from .github_summary import report_to_github
from .project import Project


def run(project: Project, args: argparse.Namespace) -> int:
    start = time.perf_counter()
    try:
        site = load_site(project.data_dir, display_root=project.root)
    except DataError as error:
        report_to_github(error.problems)
        raise
    report_to_github([], places=len(site.places))
    print(f"OK: {len(site.places)} places, {site.quote_count} quotes, no problems "
          f"({time.perf_counter() - start:.2f} s)")
    return 0
