"""``python -m generator schema [--check]``: write (or check) site-data/place.schema.json, the JSON
Schema editors read, made from the schema and the vocabularies (``schema/json_schema.py``)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ..checks.validate import load_vocabularies
from ..checks.yaml_file import special_file_kind
from ..schema.files import SCHEMA_FILE
from ..schema.json_schema import schema_text
from .project import Project


def run(project: Project, args: argparse.Namespace) -> int:
    target = project.data_dir / SCHEMA_FILE
    text = schema_text(load_vocabularies(project.data_dir, display_root=project.root))
    kind = special_file_kind(target.lstat().st_mode) if os.path.lexists(target) else None
    if kind is not None:  # never read or write through a link a pull request may have put here
        print(f"Stopped: site-data/{SCHEMA_FILE} is {kind}: delete it, then run `python -m generator schema`",
              file=sys.stderr)
        return 1
    current = _read_bounded(target, limit=MAX_SCHEMA_BYTES) if target.exists() else None
    up_to_date = _same_json(current, text)
    if args.check:
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


MAX_SCHEMA_BYTES = 4 * 1024 * 1024
"""The schema is about 30 kB; a file larger than this is not it, and is not read whole."""


def _read_bounded(path: Path, *, limit: int) -> str | None:
    """The file's text, or None if it is larger than ``limit`` bytes or not UTF-8 (either way, not
    the schema the data makes: ``--check`` says it is out of date, ``schema`` rewrites it)."""
    with path.open("rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _same_json(current: str | None, wanted: str) -> bool:
    """Whether the committed schema says the same as ``wanted``: compared as parsed JSON, so that the
    key order or number spelling of another pydantic release (2.7 writes ``180.0`` for ``180`` and
    orders some keys differently) is not a difference."""
    if current is None:
        return False
    try:
        return json.loads(current) == json.loads(wanted)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than Python's parser goes
        return False
