"""The command line: ``python -m generator <command>``.

It only reads the arguments and calls the command's ``run(project, args)`` in ``commands/``; what
can go wrong in any command is turned into a message here, once, and never into a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .checks.problems import DataError, print_problems
from .commands import build, new, schema, serve, validate
from .commands.new import ScaffoldError
from .commands.project import Project
from .commands.publish import PublishError, SiteDirError
from .commands.repository import RepositoryError
from .schema.files import SCHEMA_FILE
from .text.hidden import visible


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")
    commands.add_parser("validate", help="check every file in site-data/ and report all problems").set_defaults(
        run=validate.run)
    commands.add_parser("generate", help="validate, then write the generated Markdown into content/").set_defaults(
        run=build.run_generate)
    build_parser = commands.add_parser("build", help="validate, generate, then mkdocs build --strict into site/")
    build_parser.add_argument("--site-dir", type=Path, default=None, help="where to build (default: site/)")
    build_parser.set_defaults(run=build.run_build)
    new_parser = commands.add_parser("new", help="start a new place file from the schema: new \"Place name\"")
    new_parser.add_argument("name", help="the place's name as the report gives it")
    new_parser.set_defaults(run=new.run)
    schema_parser = commands.add_parser("schema", help=f"write the JSON Schema for editors to site-data/{SCHEMA_FILE}")
    schema_parser.add_argument("--check", action="store_true", help="only check that the file is up to date")
    schema_parser.set_defaults(run=schema.run)
    serve_parser = commands.add_parser("serve", help="preview the site locally; it regenerates as you edit")
    serve_parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve_parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    serve_parser.set_defaults(run=serve.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(Project(args.root.resolve()), args)
    except DataError as error:
        print_problems(error.problems)
        where = "site-data/" if all(p.path.startswith("site-data/") for p in error.problems) else "the project's files"
        print(f"Stopped: {len(error.problems)} problem(s) in {where}; nothing was changed.", file=sys.stderr)
    except PublishError as error:
        print(str(error), file=sys.stderr)
        print("Stopped: mkdocs build failed; the previous site was left as it was.", file=sys.stderr)
    except ScaffoldError as error:
        print(f"Stopped: {visible(str(error))}", file=sys.stderr)
    except (SiteDirError, RepositoryError) as error:
        print(f"Stopped: {visible(str(error))}; nothing was changed.", file=sys.stderr)
    except OSError as error:  # a full disk, a folder we may not write: one line, never a traceback
        where = f" {visible(str(error.filename))}" if error.filename else ""
        print(f"Stopped: could not read or write{where}: {error.strerror or error}; "
              "the previous site was left as it was.", file=sys.stderr)
    return 1
