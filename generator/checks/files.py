"""Reading site-data/: which entries belong there, which place files may be read, and each file
read safely (``yaml_file.read_yaml``) into data and its node tree, or a problem."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from yaml.nodes import Node

from ..schema.files import PLACES_FOLDER, SCHEMA_FILE
from ..schema.ids import is_id, slugify
from ..schema.vocabularies import VOCABULARIES
from .messages import describe
from .report import Reporter
from .schema_walk import field_name
from .yaml_file import YamlFileError, read_yaml, special_file_kind


def check_data_folder(reporter: Reporter, data_dir: Path) -> None:
    """Every entry of site-data/ is one the site reads: nothing a contributor adds is skipped unsaid."""
    known = {f"{name}.yaml" for name in VOCABULARIES} | {PLACES_FOLDER, SCHEMA_FILE}
    try:
        entries = sorted(os.scandir(data_dir), key=lambda entry: entry.name)
    except OSError as exc:
        reporter.report(data_dir, 1, 1, "(folder)", f"cannot be read: {exc.strerror}")
        return
    for entry in entries:
        if entry.name not in known:
            where = "place files go in `site-data/places/`; " if entry.name.endswith((".yaml", ".yml")) else ""
            reporter.report(Path(entry.path), 1, 1, "(file name)",
                            f"the site does not read this file: {where}site-data/ holds only "
                            + ", ".join(f"`{name}`" for name in sorted(known)))


def place_files(reporter: Reporter, folder: Path) -> Iterator[Path]:
    """The place files to read, in name order; every other entry of the folder is reported."""
    mode = folder.lstat().st_mode if os.path.lexists(folder) else None
    if mode is None or not stat.S_ISDIR(mode):
        kind = "missing" if mode is None else special_file_kind(mode)
        reporter.report(folder, 1, 1, "(folder)", f"the places folder is {kind}: it must be a real folder")
        return
    for path in sorted(folder.iterdir()):
        if _good_file_name(reporter, path):
            yield path


def _good_file_name(reporter: Reporter, path: Path) -> bool:
    if path.name.startswith("."):
        reporter.report(path, 1, 1, "(file name)",
                        "a file name starting with `.` is hidden and is not read: name it `<slug>.yaml`, "
                        "such as `my-place.yaml`, or remove it")
        return False
    if (path.is_dir() and not path.is_symlink()) or path.suffix != ".yaml":
        hint = " (rename it to end in `.yaml`)" if path.suffix == ".yml" else ""
        reporter.report(path, 1, 1, "(file name)", f"only `<slug>.yaml` files belong in the places folder{hint}")
        return False
    if not is_id(path.stem):
        suggestion = slugify(path.stem)
        reporter.report(
            path, 1, 1, "(file name)",
            f"the file name must be lower-case letters, digits and hyphens, such as `{suggestion or 'my-place'}.yaml`",
        )
        return False
    return True


def read_data_file(reporter: Reporter, path: Path, kind: type) -> tuple[Any, Node] | None:
    """The file's data (a list or a set of fields, as ``kind`` says) and its node tree, or None after
    reporting why it cannot be used."""
    try:
        data, node = read_yaml(path)
    except YamlFileError as exc:
        for where in (exc.located, *exc.further):
            reporter.report(path, where.line, where.column, field_name(where.loc) if where.loc else "(file)", where.message)
        return None
    except OSError as exc:
        reporter.report(path, 1, 1, "(file)", f"cannot be read: {exc.strerror}")
        return None
    if data is None:
        reporter.report(path, 1, 1, "(file)", "the file is empty")
        return None
    if not isinstance(data, kind):
        expected = "a list of entries (`- id: ...`)" if kind is list else "a set of fields (`name: ...`)"
        reporter.report(path, 1, 1, "(file)", f"expected {expected}, found {describe(data)}")
        return None
    return data, node
