"""The command line: ``python -m generator <command>``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .build import Project, PublishError, build, generate
from .problems import DataError, format_problems
from .validate import load_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")
    commands.add_parser("validate", help="check every file in site-data/ and report all problems")
    commands.add_parser("generate", help="validate, then write the generated Markdown into content/")
    build_parser = commands.add_parser("build", help="validate, generate, then mkdocs build --strict into site/")
    build_parser.add_argument("--site-dir", type=Path, default=None, help="where to build (default: site/)")
    args = parser.parse_args(argv)
    project = Project(args.root.resolve())

    start = time.perf_counter()
    try:
        if args.command == "validate":
            site = load_site(project.data_dir, display_root=project.root)
            print(f"OK: {len(site.places)} places, {site.quote_count} quotes, no problems "
                  f"({time.perf_counter() - start:.2f} s)")
        elif args.command == "generate":
            site, count = generate(project)
            print(f"Generated {count} pages for {len(site.places)} places into content/ "
                  f"({time.perf_counter() - start:.2f} s)")
        elif args.command == "build":
            site_dir = args.site_dir or project.root / "site"
            site, count, seconds = build(project, site_dir)
            print(f"Built {len(site.places)} places ({count} generated pages) into {site_dir} ({seconds:.1f} s)")
    except DataError as error:
        print(format_problems(error.problems), file=sys.stderr)
        print(f"Stopped: {len(error.problems)} problem(s) in site-data/; nothing was changed.", file=sys.stderr)
        return 1
    except PublishError as error:
        print(str(error), file=sys.stderr)
        print("Stopped: mkdocs build failed; the previous site was left as it was.", file=sys.stderr)
        return 1
    return 0
