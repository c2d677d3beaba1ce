"""Load and check every data file in site-data/, collecting every problem before giving up."""

from __future__ import annotations

import re
import unicodedata
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
from .problems import DataError, Problem
from .schema import SLUG_PATTERN, VOCABULARIES, Place, vocabulary_of
from .yamlfile import YamlFileError, locate, read_yaml

PLACES_DIR = "places"
PLACEHOLDER = "FILL IN"
"""What ``new`` writes where only the contributor knows the value; validation names each one left."""


def load_site(data_dir: Path, *, display_root: Path | None = None) -> Site:
    """Read site-data/, check it and return the site model. Raises DataError listing every problem."""
    checker = _Checker(display_root or Path.cwd())
    vocab = {name: checker.vocabulary(data_dir / f"{name}.yaml", model) for name, model in VOCABULARIES.items()}
    places = checker.places(data_dir / PLACES_DIR, vocab)
    if checker.problems:
        raise DataError(checker.problems)
    return build_site(places, vocab)


def load_vocabularies(data_dir: Path, *, display_root: Path | None = None) -> dict[str, dict[str, Any]]:
    """Read and check only the vocabularies, by name and then id. Raises DataError listing every problem."""
    checker = _Checker(display_root or Path.cwd())
    vocab = {name: checker.vocabulary(data_dir / f"{name}.yaml", model) for name, model in VOCABULARIES.items()}
    if checker.problems:
        raise DataError(checker.problems)
    return vocab


class _Checker:
    def __init__(self, display_root: Path) -> None:
        self.display_root = display_root
        self.problems: list[Problem] = []

    # -- reporting ---------------------------------------------------------------------------
    def _display(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.display_root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def report(self, path: Path, line: int, column: int, field: str, message: str) -> None:
        self.problems.append(Problem(self._display(path), line, column, field, message))

    def _read(self, path: Path, kind: type) -> tuple[Any, Any] | None:
        try:
            data, node = read_yaml(path)
        except YamlFileError as exc:
            self.report(path, exc.located.line, exc.located.column, "(file)", exc.located.message)
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
            result[item.id] = item
        return result

    # -- places ------------------------------------------------------------------------------
    def places(self, folder: Path, vocab: dict[str, dict[str, Any]]) -> list[SitePlace]:
        if not folder.is_dir():
            self.report(folder, 1, 1, "(folder)", "the places folder is missing")
            return []
        loaded: list[SitePlace] = []
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".") and path.name != ".yaml":
                continue
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
        if path.is_dir() or path.suffix != ".yaml":
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

    def _check_ids(self, path: Path, node: Any, model: type[BaseModel], data: Any, loc: tuple,
                   vocab: dict[str, dict[str, Any]]) -> None:
        """Every vocabulary id in ``data`` is known and listed once. Ids that are not even well-formed
        (not text, capitals, spaces) were reported by the schema already, with the same suggestion."""
        if not isinstance(data, dict):
            return
        for name, vocabulary, inner in _field_plan(model):
            value = data.get(name)
            here = loc + (name,)
            if vocabulary is not None:
                allowed = vocab.get(vocabulary, {})
                items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
                seen: set[str] = set()
                for i, item in items:
                    at = here if i is None else here + (i,)
                    if not _is_id(item):
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
        def key_name(place: SitePlace) -> str:
            return " ".join(unicodedata.normalize("NFKC", place.name).casefold().split())

        for what, key, field in (
            ("name", key_name, "name"),
            ("Local Vision number", lambda p: p.local_vision_number, "local_vision_number"),
        ):
            first: dict[Any, SitePlace] = {}
            for place in places:
                value = key(place)
                if value is None:
                    continue
                if value in first:
                    line, column = place.line_of((field,))
                    self.report(
                        Path(place.source_path), line, column, field,
                        f"the same {what} as {first[value].source_path}: each place needs its own",
                    )
                else:
                    first[value] = place

