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

from .england import in_england
from .messages import (
    _allowed,
    _describe,
    _describe_field,
    _explained_missing,
    _field_name,
    _field_plan,
    _ids,
    _is_id,
    _is_int,
    _is_number,
    _leaves,
    _message,
    _model_and_key,
    _noun,
    _unknown,
    _walk,
    _within,
    missing_position,
    slugify,
)
from .model import Site, SitePlace, build_site
from .names import skeleton
from .problems import MAX_PROBLEMS_PER_FILE, DataError, Problem
from .schema import DEFAULT_PUBLICATION, SLUG_PATTERN, VOCABULARIES, Place, vocabulary_of
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
            self.report(path, where.line, where.column, _field_name(where.loc) if where.loc else "(file)", where.message)
            return None
        except OSError as exc:
            self.report(path, 1, 1, "(file)", f"cannot be read: {exc.strerror}")
            return None
        if data is None:
            self.report(path, 1, 1, "(file)", "the file is empty")
            return None
        if not isinstance(data, kind):
            expected = "a list of entries (`- id: ...`)" if kind is list else "a set of fields (`name: ...`)"
            self.report(path, 1, 1, "(file)", f"expected {expected}, found {_describe(data)}")
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
            errors = [e for e in exc.errors() if not any(_within(prefix + tuple(e["loc"]), s) for s in skip)]
            explained = _explained_missing(errors, model)
            for error in errors:
                if self.full(path):
                    continue
                loc = prefix + tuple(error["loc"])
                if error["type"] == "missing" and _model_and_key(model, loc[len(prefix):]) in explained:
                    continue  # the unknown key's "did you mean" or "belongs inside" already says it
                if error["type"] == "missing":  # where the field belongs, not where its set starts
                    line, column, _ = missing_position(node, loc, _walk(model, loc[len(prefix):])[1])
                else:
                    line, column = locate(node, loc, key=error["type"] == "extra_forbidden")
                self.report(path, line, column, _field_name(loc), _message(error, node, loc, model, prefix, vocab or {}))
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
        self._check_unique(loaded)
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
        found = [loc for loc, value in _leaves(data) if isinstance(value, str) and value.strip().startswith(PLACEHOLDER)]
        for loc in found:
            if self.full(path):
                continue
            field, _ = _walk(Place, loc)
            description = _describe_field(field)
            vocabulary = vocabulary_of(field) if field is not None else None
            allowed = f" Allowed: {_allowed(vocab[vocabulary], vocabulary)}" if vocab.get(vocabulary or "") else ""
            line, column = locate(node, loc)
            self.report(path, line, column, _field_name(loc),
                        f"replace `{PLACEHOLDER}` with your value: {description}{allowed}".rstrip(": "))
        return found

    def _cross_check(self, path: Path, node: Any, data: dict[str, Any], vocab: dict[str, dict[str, Any]]) -> None:
        """Checks beyond one field's type. They run on the raw data, on whatever parts of it are
        well-formed, so that one mistake (a misspelt field) does not hide another (an unknown theme)."""
        self._check_ids(path, node, Place, data, (), vocab)
        place_enablers = _ids(data.get("enablers"))
        for i, story in enumerate(data.get("stories") if isinstance(data.get("stories"), list) else []):
            story_enablers = story.get("enablers") if isinstance(story, dict) else None
            for j, enabler in enumerate(story_enablers if isinstance(story_enablers, list) else []):
                known = enabler in vocab.get("enablers", {}) or not vocab.get("enablers")
                if _is_id(enabler) and known and enabler not in place_enablers:
                    line, column = locate(node, ("stories", i, "enablers", j))
                    self.report(path, line, column, f"stories[{i}].enablers[{j}]",
                                f"`{enabler}` is not in the place's `enablers`: add it there too, or remove it here")
        number = data.get("local_vision_number")
        programmes = data.get("programmes")
        if isinstance(programmes, list) and _ids(programmes) == programmes and (number is None or _is_int(number)):
            is_lv = "local-vision" in data["programmes"]
            if is_lv != (number is not None):
                loc = ("local_vision_number",) if number is not None else ("programmes",)
                line, column = locate(node, loc)
                message = (
                    "a Local Vision place needs its `local_vision_number` from Appendix A"
                    if is_lv
                    else "only Local Vision places have a `local_vision_number`: add `local-vision` to programmes or remove the number"
                )
                self.report(path, line, column, loc[0], message)
        self._check_location(path, node, data.get("location"))
        self._check_sources(path, node, data, vocab)

    def _check_sources(self, path: Path, node: Any, data: dict[str, Any], vocab: dict[str, dict[str, Any]]) -> None:
        """Each story, outcome and update names a section of its own publication (where it lists
        sections), and each update has a source: a listed publication or a link."""
        publications = vocab.get("publications") or {}
        for kind in ("stories", "outcomes", "updates"):
            items = data.get(kind)
            for i, item in enumerate(items if isinstance(items, list) else []):
                if not isinstance(item, dict):
                    continue
                here = (kind, i)
                publication = item.get("publication")
                if kind == "updates":
                    if publication is None and item.get("link") is None:
                        line, column = locate(node, here)
                        self.report(path, line, column, _field_name(here),
                                    "an update needs its source: `publication` (an id from "
                                    "site-data/publications.yaml) or `link` (with url, title, publisher and date)")
                        continue
                    if publication is not None and item.get("link") is not None:
                        line, column = locate(node, here + ("link",), key=True)
                        self.report(path, line, column, _field_name(here + ("link",)),
                                    "give one source: `publication` or `link`, not both")
                        continue
                    if publication is None:
                        if item.get("source") is not None:
                            line, column = locate(node, here + ("source",))
                            self.report(path, line, column, _field_name(here + ("source",)),
                                        "a section belongs to a listed publication: remove it, or give `publication`")
                        continue
                elif publication is None:
                    publication = DEFAULT_PUBLICATION
                if not _is_id(publication) or publication not in publications:
                    continue  # reported with the other ids
                self._check_section(path, node, here, item, publications[publication], required=kind != "updates")

    def _check_section(self, path: Path, node: Any, here: tuple, item: dict[str, Any], publication: Any, *,
                       required: bool) -> None:
        section = item.get("source")
        allowed = {entry.id: entry for entry in publication.sections}
        at = here + ("source",)
        if section is None:
            if allowed and required:
                line, column = locate(node, here)
                self.report(path, line, column, _field_name(at),
                            f"this required field is missing: the section of `{publication.id}` it comes from. "
                            f"Allowed: {_allowed(allowed, 'publications')}")
            return
        if not _is_id(section):
            return  # the schema reports it
        if not allowed:
            line, column = locate(node, at)
            self.report(path, line, column, _field_name(at),
                        f"`{publication.id}` lists no sections: remove `source`")
        elif section not in allowed:
            line, column = locate(node, at)
            self.report(path, line, column, _field_name(at),
                        _unknown(f"section of `{publication.id}`", section, allowed, "publications"))

    def _check_ids(self, path: Path, node: Any, model: type[BaseModel], data: Any, loc: tuple,
                   vocab: dict[str, dict[str, Any]]) -> None:
        """Every vocabulary id in ``data`` is known and listed once. Ids that are not even well-formed
        (not text, capitals, spaces) were reported by the schema already, with the same suggestion."""
        if not isinstance(data, dict):
            return
        for name, vocabulary, inner in _field_plan(model):
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
                    if not _is_id(item) or self.full(path):
                        continue
                    if allowed and item not in allowed:
                        line, column = locate(node, at)
                        self.report(path, line, column, _field_name(at),
                                    _unknown(_noun(vocabulary), item, allowed, vocabulary))
                    elif item in seen:
                        line, column = locate(node, at)
                        self.report(path, line, column, _field_name(at), f"`{item}` is listed twice: keep one")
                    seen.add(item)
            elif inner is not None and isinstance(value, list):
                for i, item in enumerate(value):
                    self._check_ids(path, node, inner, item, here + (i,), vocab)
            elif inner is not None:
                self._check_ids(path, node, inner, value, here, vocab)

    def _check_location(self, path: Path, node: Any, location: Any) -> None:
        if not isinstance(location, dict):
            return
        latitude, longitude = location.get("latitude"), location.get("longitude")
        if not (_is_number(latitude) and _is_number(longitude) and abs(latitude) <= 90 and abs(longitude) <= 180):
            return  # the schema reports it
        if in_england(latitude, longitude):
            return
        if in_england(longitude, latitude):
            hint = f"they look swapped: try `latitude: {longitude}` and `longitude: {latitude}`"
        elif in_england(latitude, -longitude):
            hint = f"the longitude's sign looks wrong: try `longitude: {-longitude}` (west of Greenwich is negative)"
        else:
            hint = "check both numbers on a map (latitude is degrees north; longitude is negative west of Greenwich)"
        line, column = locate(node, ("location", "latitude"))
        self.report(path, line, column, "location",
                    f"expected a point in England, found latitude {latitude}, longitude {longitude}: {hint}")

    def _check_unique(self, places: list[SitePlace]) -> None:
        """No two places share a name (compared by skeleton, so look-alike letters and case do not
        make a new name) or a Local Vision number. Both files are named, each pointing at the other,
        so that the message lands on the file a pull request adds, whichever it is."""
        for what, key, field in (
            ("name", lambda p: skeleton(p.name), "name"),
            ("Local Vision number", lambda p: p.local_vision_number, "local_vision_number"),
        ):
            groups: dict[Any, list[SitePlace]] = {}
            for place in places:
                value = key(place)
                if value is not None:
                    groups.setdefault(value, []).append(place)
            for group in groups.values():
                for place in group if len(group) > 1 else ():
                    others = ", ".join(other.source_path for other in group if other is not place)
                    same = "the same" if what != "name" or len({p.name for p in group}) == 1 else "the same or a look-alike"
                    line, column = place.line_of((field,))
                    self.report(place.source_path, line, column, field,
                                f"{same} {what} as {others}: each place needs its own")
