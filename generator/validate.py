"""Load and check every data file in site-data/, collecting every problem before giving up."""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .messages import allowed_ids, describe, message_for, missing_position, noun, unknown_id
from .model import Site, SitePlace, build_site
from .place_rules import check_place, check_unique
from .problems import MAX_PROBLEMS_PER_FILE, DataError, Problem
from .schema import DEFAULT_PUBLICATION, SLUG_PATTERN, VOCABULARIES, Place, slugify, vocabulary_of
from .schema_walk import describe_field, explained_missing, field_name, field_plan, leaves, model_and_key, walk, within
from .values import is_id
from .yamlfile import YamlFileError, locate, read_yaml, special_file_kind

PLACES_DIR = "places"
SCHEMA_FILE_NAME = "place.schema.json"
PLACEHOLDER = "FILL IN"
"""What ``new`` writes where only the contributor knows the value; validation names each one left."""


def load_site(data_dir: Path, *, display_root: Path | None = None) -> Site:
    """Read site-data/, check it and return the site model. Raises DataError listing every problem."""
    checker = _Checker(display_root or Path.cwd())
    checker.data_folder(data_dir)
    vocab = checker.vocabularies(data_dir)
    places = checker.places(data_dir / PLACES_DIR, vocab)
    if checker.problems:
        raise DataError(checker.problems)
    return build_site(places, vocab)


def load_vocabularies(data_dir: Path, *, display_root: Path | None = None) -> dict[str, dict[str, Any]]:
    """Read and check only the vocabularies, by name and then id. Raises DataError listing every problem."""
    checker = _Checker(display_root or Path.cwd())
    vocab = checker.vocabularies(data_dir)
    if checker.problems:
        raise DataError(checker.problems)
    return vocab


class _Checker:
    def __init__(self, display_root: Path) -> None:
        self.display_root = display_root
        self.problems: list[Problem] = []
        self._counts: dict[Path, int] = {}

    # -- reporting ---------------------------------------------------------------------------
    def _display(self, path: Path) -> str:
        """The path relative to the project, without following a link in its last part (a link is
        reported as itself, never as the file it points at)."""
        real = path.parent.resolve() / path.name
        try:
            return real.relative_to(self.display_root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def report(self, path: Path | str, line: int, column: int, field: str, message: str) -> None:
        """Record a problem in ``path`` (a file, or a path already shown relative to the project)."""
        shown = path if isinstance(path, str) else self._display(path)
        self.problems.append(Problem(shown, line, column, field, message))
        self._counts[path] = self._counts.get(path, 0) + 1

    def full(self, path: Path | str) -> bool:
        """True once a file has more problems than are listed: the rest are only counted, so that
        a file with thousands of mistakes costs no more than one with fifty."""
        if self._counts.get(path, 0) <= MAX_PROBLEMS_PER_FILE:
            return False
        # Sorts after every real problem of the file, so only the count of these is ever shown.
        self.problems.append(Problem(self._display(path), sys.maxsize, 0, "", ""))
        return True

    def _read(self, path: Path, kind: type) -> tuple[Any, Any] | None:
        try:
            data, node = read_yaml(path)
        except YamlFileError as exc:
            where = exc.located
            self.report(path, where.line, where.column, field_name(where.loc) if where.loc else "(file)", where.message)
            return None
        except OSError as exc:
            self.report(path, 1, 1, "(file)", f"cannot be read: {exc.strerror}")
            return None
        if data is None:
            self.report(path, 1, 1, "(file)", "the file is empty")
            return None
        if not isinstance(data, kind):
            expected = "a list of entries (`- id: ...`)" if kind is list else "a set of fields (`name: ...`)"
            self.report(path, 1, 1, "(file)", f"expected {expected}, found {describe(data)}")
            return None
        return data, node

    def _validate(
        self, path: Path, node: Any, model: type[BaseModel], data: Any, prefix: tuple = (), *,
        skip: Iterable[tuple] = (), vocab: dict[str, dict[str, Any]] | None = None,
    ) -> Any:
        """The model, or None after reporting every error (except those under a ``skip`` location)."""
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            skip = tuple(skip)
            errors = [e for e in exc.errors() if not any(within(prefix + tuple(e["loc"]), s) for s in skip)]
            explained = explained_missing(errors, model)
            for error in errors:
                if self.full(path):
                    continue
                loc = prefix + tuple(error["loc"])
                if error["type"] == "missing" and model_and_key(model, loc[len(prefix):]) in explained:
                    continue  # the unknown key's "did you mean" or "belongs inside" already says it
                if error["type"] == "missing":  # where the field belongs, not where its set starts
                    line, column, _ = missing_position(node, loc, walk(model, loc[len(prefix):])[1])
                else:
                    line, column = locate(node, loc, key=error["type"] == "extra_forbidden")
                self.report(path, line, column, field_name(loc), message_for(error, node, loc, model, prefix, vocab or {}))
            return None

    # -- vocabularies ------------------------------------------------------------------------
    def vocabularies(self, data_dir: Path) -> dict[str, dict[str, Any]]:
        """Every vocabulary file by name, plus ``sections``: every publication's sections by id
        (for the JSON Schema's list; a section is checked against its own publication's)."""
        vocab = {name: self.vocabulary(data_dir / f"{name}.yaml", model) for name, model in VOCABULARIES.items()}
        path = data_dir / "publications.yaml"
        sections: dict[str, Any] = {}
        for publication in vocab["publications"].values():
            for section in publication.sections:
                sections.setdefault(section.id, section)
        if vocab["publications"] and DEFAULT_PUBLICATION not in vocab["publications"]:
            self.report(path, 1, 1, "(file)", f"the 2015 report, `{DEFAULT_PUBLICATION}`, must be listed: "
                        "stories, quotes and outcomes that name no publication come from it")
        vocab["sections"] = sections
        return vocab

    def vocabulary(self, path: Path, model: type[BaseModel]) -> dict[str, Any]:
        read = self._read(path, list)
        if read is None:
            return {}
        entries, node = read
        result: dict[str, Any] = {}
        for index, entry in enumerate(entries):
            item = self._validate(path, node, model, entry, prefix=(index,))
            if item is None:
                continue
            if item.id in result:
                line, column = locate(node, (index, "id"))
                self.report(path, line, column, f"[{index}].id", f"the id `{item.id}` is used twice")
                continue
            seen: set[str] = set()
            for position, section in enumerate(getattr(item, "sections", [])):  # a publication's
                if section.id in seen:
                    line, column = locate(node, (index, "sections", position, "id"))
                    self.report(path, line, column, f"[{index}].sections[{position}].id",
                                f"the section id `{section.id}` is used twice in `{item.id}`")
                seen.add(section.id)
            result[item.id] = item
        return result

    # -- the data folder -----------------------------------------------------------------------
    def data_folder(self, data_dir: Path) -> None:
        """Every entry of site-data/ is one the site reads: nothing a contributor adds is skipped unsaid."""
        known = {f"{name}.yaml" for name in VOCABULARIES} | {PLACES_DIR, SCHEMA_FILE_NAME}
        try:
            entries = sorted(os.scandir(data_dir), key=lambda entry: entry.name)
        except OSError as exc:
            self.report(data_dir, 1, 1, "(folder)", f"cannot be read: {exc.strerror}")
            return
        for entry in entries:
            if entry.name not in known:
                where = "place files go in `site-data/places/`; " if entry.name.endswith((".yaml", ".yml")) else ""
                self.report(Path(entry.path), 1, 1, "(file name)",
                            f"the site does not read this file: {where}site-data/ holds only "
                            + ", ".join(f"`{name}`" for name in sorted(known)))

    # -- places ------------------------------------------------------------------------------
    def places(self, folder: Path, vocab: dict[str, dict[str, Any]]) -> list[SitePlace]:
        mode = folder.lstat().st_mode if os.path.lexists(folder) else None
        if mode is None or not stat.S_ISDIR(mode):
            kind = "missing" if mode is None else special_file_kind(mode)
            self.report(folder, 1, 1, "(folder)", f"the places folder is {kind}: it must be a real folder")
            return []
        loaded: list[SitePlace] = []
        for path in sorted(folder.iterdir()):
            if not self._check_file_name(path):
                continue
            read = self._read(path, dict)
            if read is None:
                continue
            data, node = read
            before = len(self.problems)
            placeholders = self._placeholders(path, node, data, vocab)
            place = self._validate(path, node, Place, data, skip=placeholders, vocab=vocab)
            self._cross_check(path, node, data, vocab)
            if place is not None and len(self.problems) == before:
                loaded.append(SitePlace.from_place(place, slug=path.stem, source_path=self._display(path), node=node))
        self.problems += check_unique(loaded)
        return loaded

    def _check_file_name(self, path: Path) -> bool:
        if path.name.startswith("."):
            self.report(path, 1, 1, "(file name)",
                        "a file name starting with `.` is hidden and is not read: name it `<slug>.yaml`, "
                        "such as `my-place.yaml`, or remove it")
            return False
        if (path.is_dir() and not path.is_symlink()) or path.suffix != ".yaml":
            hint = " (rename it to end in `.yaml`)" if path.suffix == ".yml" else ""
            self.report(path, 1, 1, "(file name)", f"only `<slug>.yaml` files belong in the places folder{hint}")
            return False
        if not re.match(SLUG_PATTERN, path.stem):
            suggestion = slugify(path.stem)
            self.report(
                path, 1, 1, "(file name)",
                f"the file name must be lower-case letters, digits and hyphens, such as `{suggestion or 'my-place'}.yaml`",
            )
            return False
        return True

    def _placeholders(self, path: Path, node: Any, data: Any, vocab: dict[str, dict[str, Any]]) -> list[tuple]:
        """Report each `FILL IN` that ``new`` left for the contributor, and return where they are."""
        found = [loc for loc, value in leaves(data) if isinstance(value, str) and value.strip().startswith(PLACEHOLDER)]
        for loc in found:
            if self.full(path):
                continue
            field, _ = walk(Place, loc)
            description = describe_field(field)
            vocabulary = vocabulary_of(field) if field is not None else None
            allowed = f" Allowed: {allowed_ids(vocab[vocabulary], vocabulary)}" if vocab.get(vocabulary or "") else ""
            line, column = locate(node, loc)
            self.report(path, line, column, field_name(loc),
                        f"replace `{PLACEHOLDER}` with your value: {description}{allowed}".rstrip(": "))
        return found

    def _cross_check(self, path: Path, node: Any, data: dict[str, Any], vocab: dict[str, dict[str, Any]]) -> None:
        """Checks beyond one field's type: the vocabulary ids here, the other rules in place_rules.py."""
        self._check_ids(path, node, Place, data, (), vocab)
        for problem in check_place(self._display(path), data, node, vocab):
            if not self.full(path):
                self.report(path, problem.line, problem.column, problem.field, problem.message)

    def _check_ids(self, path: Path, node: Any, model: type[BaseModel], data: Any, loc: tuple,
                   vocab: dict[str, dict[str, Any]]) -> None:
        """Every vocabulary id in ``data`` is known and listed once. Ids that are not even well-formed
        (not text, capitals, spaces) were reported by the schema already, with the same suggestion.

        Kept here, not in place_rules.py, because it stops working out messages (each with a fuzzy
        search for a suggestion) once the file has more problems than are listed: a file of
        thousands of unknown ids costs no more than one with fifty."""
        if not isinstance(data, dict):
            return
        for name, vocabulary, inner in field_plan(model):
            value = data.get(name)
            here = loc + (name,)
            if vocabulary == "sections":
                continue  # a section belongs to its publication: see _check_sources
            if vocabulary is not None:
                allowed = vocab.get(vocabulary, {})
                items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
                seen: set[str] = set()
                for i, item in items:
                    at = here if i is None else here + (i,)
                    if not is_id(item) or self.full(path):
                        continue
                    if allowed and item not in allowed:
                        line, column = locate(node, at)
                        self.report(path, line, column, field_name(at),
                                    unknown_id(noun(vocabulary), item, allowed, vocabulary))
                    elif item in seen:
                        line, column = locate(node, at)
                        self.report(path, line, column, field_name(at), f"`{item}` is listed twice: keep one")
                    seen.add(item)
            elif inner is not None and isinstance(value, list):
                for i, item in enumerate(value):
                    self._check_ids(path, node, inner, item, here + (i,), vocab)
            elif inner is not None:
                self._check_ids(path, node, inner, value, here, vocab)
