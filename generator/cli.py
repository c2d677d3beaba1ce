"""The command line: ``python -m generator <command>``."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from pathlib import Path

from .build import Project, PublishError, SiteDirError, build, generate
from .characters import visible
from .place_schema import SCHEMA_FILE, schema_text
from .problems import DataError, print_problems
from .scaffold import ScaffoldError, new_place
from .serve import serve
from .summary import report_to_github
from .validate import load_site, load_vocabularies
from .yamlfile import special_file_kind


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")
    commands.add_parser("validate", help="check every file in site-data/ and report all problems")
    commands.add_parser("generate", help="validate, then write the generated Markdown into content/")
    build_parser = commands.add_parser("build", help="validate, generate, then mkdocs build --strict into site/")
    build_parser.add_argument("--site-dir", type=Path, default=None, help="where to build (default: site/)")
    new_parser = commands.add_parser("new", help="start a new place file from the schema: new \"Place name\"")
    new_parser.add_argument("name", help="the place's name as the report gives it")
    schema_parser = commands.add_parser("schema", help=f"write the JSON Schema for editors to site-data/{SCHEMA_FILE}")
    schema_parser.add_argument("--check", action="store_true", help="only check that the file is up to date")
    serve_parser = commands.add_parser("serve", help="preview the site locally; it regenerates as you edit")
    serve_parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve_parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    project = Project(args.root.resolve())

    start = time.perf_counter()
    try:
        if args.command == "validate":
            try:
                site = load_site(project.data_dir, display_root=project.root)
            except DataError as error:
                report_to_github(error.problems)
                raise
            report_to_github([], places=len(site.places))
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
        elif args.command == "new":
            path = new_place(project.data_dir, args.name, load_vocabularies(project.data_dir, display_root=project.root))
            shown = path.relative_to(project.root).as_posix()
            print(f"Wrote {shown}. Next: replace each FILL IN in it; `python -m generator validate` lists the "
                  "ones left, and `python -m generator serve` previews the site.")
        elif args.command == "schema":
            return _schema(project, check=args.check)
        elif args.command == "serve":
            signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
            return serve(project, host=args.host, port=args.port)
    except DataError as error:
        print_problems(error.problems)
        where = "site-data/" if all(p.path.startswith("site-data/") for p in error.problems) else "the project's files"
        print(f"Stopped: {len(error.problems)} problem(s) in {where}; nothing was changed.", file=sys.stderr)
        return 1
    except PublishError as error:
        print(str(error), file=sys.stderr)
        print("Stopped: mkdocs build failed; the previous site was left as it was.", file=sys.stderr)
        return 1
    except ScaffoldError as error:
        print(f"Stopped: {visible(str(error))}", file=sys.stderr)
        return 1
    except SiteDirError as error:
        print(f"Stopped: {visible(str(error))}; nothing was changed.", file=sys.stderr)
        return 1
    except OSError as error:  # a full disk, a folder we may not write: one line, never a traceback
        where = f" {visible(str(error.filename))}" if error.filename else ""
        print(f"Stopped: could not read or write{where}: {error.strerror or error}; "
              "the previous site was left as it was.", file=sys.stderr)
        return 1
    return 0


def _schema(project: Project, *, check: bool) -> int:
    target = project.data_dir / SCHEMA_FILE
    text = schema_text(load_vocabularies(project.data_dir, display_root=project.root))
    kind = special_file_kind(target.lstat().st_mode) if os.path.lexists(target) else None
    if kind is not None:  # never read or write through a link a pull request may have put here
        print(f"Stopped: site-data/{SCHEMA_FILE} is {kind}: delete it, then run `python -m generator schema`",
              file=sys.stderr)
        return 1
    current = target.read_text(encoding="utf-8") if target.exists() else None
    up_to_date = _same_json(current, text)
    if check:
        if not up_to_date:
            print(f"site-data/{SCHEMA_FILE} is out of date: run `python -m generator schema` and commit it",
                  file=sys.stderr)
            return 1
        print(f"site-data/{SCHEMA_FILE} is up to date")
        return 0
    if not up_to_date:
        staging = target.with_name(f".{target.name}.{os.getpid()}")
        staging.write_text(text, encoding="utf-8", newline="\n")
        os.replace(staging, target)
    print(f"site-data/{SCHEMA_FILE} was already up to date" if up_to_date else f"Wrote site-data/{SCHEMA_FILE}")
    return 0


def _same_json(current: str | None, wanted: str) -> bool:
    """Whether the committed schema says the same as ``wanted``: compared as parsed JSON, so that the
    key order or number spelling of another pydantic release (2.7 writes ``180.0`` for ``180`` and
    orders some keys differently) is not a difference."""
    if current is None:
        return False
    try:
        return json.loads(current) == json.loads(wanted)
    except json.JSONDecodeError:
        return False
