"""Load and check every data file in site-data/, collecting every problem before giving up."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .england import in_england
from .model import Site, SitePlace, build_site
from .problems import DataError, Problem
from .schema import SLUG_PATTERN, VOCABULARIES, Place
from .yamlfile import YamlFileError, locate, node_at, read_yaml

PLACES_DIR = "places"
_YAML_1_1_HINT = "YAML reads `{raw}` as {what}; put it in quotes if you mean the text: \"{raw}\""


def load_site(data_dir: Path, *, display_root: Path | None = None) -> Site:
    """Read site-data/, check it and return the site model. Raises DataError listing every problem."""
    checker = _Checker(display_root or Path.cwd())
    vocab = {name: checker.vocabulary(data_dir / f"{name}.yaml", model) for name, model in VOCABULARIES.items()}
    places = checker.places(data_dir / PLACES_DIR, vocab)
    if checker.problems:
        raise DataError(checker.problems)
    return build_site(places, vocab)


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

    def _validate(self, path: Path, node: Any, model: type[BaseModel], data: Any, prefix: tuple = ()) -> Any:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors():
                loc = prefix + tuple(error["loc"])
                line, column = locate(node, loc, key=error["type"] == "extra_forbidden")
                self.report(path, line, column, _field_name(loc), _message(error, node, loc, model, prefix))
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
            place = self._validate(path, node, Place, data)
            if place is None:
                continue
            before = len(self.problems)
            self._cross_check(path, node, place, vocab)
            if len(self.problems) == before:
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

    def _cross_check(self, path: Path, node: Any, place: Place, vocab: dict[str, dict[str, Any]]) -> None:
        def check(loc: tuple, value: str, vocabulary: str, noun: str) -> None:
            allowed = vocab.get(vocabulary, {})
            if allowed and value not in allowed:
                line, column = locate(node, loc)
                self.report(path, line, column, _field_name(loc), _unknown(noun, value, allowed, vocabulary))

        for i, programme in enumerate(place.programmes):
            check(("programmes", i), programme, "programmes", "programme")
        check(("region",), place.region, "regions", "region")
        for i, theme in enumerate(place.themes):
            check(("themes", i), theme, "themes", "theme")
        for i, enabler in enumerate(place.enablers):
            check(("enablers", i), enabler, "enablers", "Enabler")
        for i, story in enumerate(place.stories):
            check(("stories", i, "lesson"), story.lesson, "lessons", "lesson")
            check(("stories", i, "source"), story.source, "sections", "report section")
        for i, outcome in enumerate(place.outcomes):
            check(("outcomes", i, "source"), outcome.source, "sections", "report section")
        for field in ("programmes", "themes", "enablers"):
            values = getattr(place, field)
            for i, value in enumerate(values):
                if value in values[:i]:
                    line, column = locate(node, (field, i))
                    self.report(path, line, column, f"{field}[{i}]", f"`{value}` is listed twice: keep one")
        is_lv = "local-vision" in place.programmes
        if is_lv != (place.local_vision_number is not None):
            loc = ("local_vision_number",) if place.local_vision_number is not None else ("programmes",)
            line, column = locate(node, loc)
            message = (
                "a Local Vision place needs its `local_vision_number` from Appendix A"
                if is_lv
                else "only Local Vision places have a `local_vision_number`: add `local-vision` to programmes or remove the number"
            )
            self.report(path, line, column, loc[0], message)
        if not in_england(place.location.latitude, place.location.longitude):
            line, column = locate(node, ("location", "latitude"))
            self.report(
                path, line, column, "location",
                f"({place.location.latitude}, {place.location.longitude}) is not in England: check the numbers "
                "and that longitude is negative west of Greenwich",
            )

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


def slugify(name: str) -> str:
    """A safe file name stem for a place name: `Adur & Worthing` -> `adur-and-worthing`."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("&", " and ")
    return "-".join(re.findall(r"[a-z0-9]+", text))[:80].strip("-")


def _field_name(loc: Iterable[str | int]) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "(file)"


def _unknown(noun: str, value: str, allowed: dict[str, Any], vocabulary: str) -> str:
    message = f"unknown {noun} `{value}`"
    close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6)
    if close:
        message += f"; did you mean `{close[0]}`?"
    shown = ", ".join(f"`{key}`" for key in allowed) if len(allowed) <= 30 else f"see site-data/{vocabulary}.yaml"
    return f"{message} Allowed: {shown}"


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"`{str(value).lower()}` (true/false)"
    if isinstance(value, (int, float)):
        return f"the number `{value}`"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text `{shown}`"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return f"a {type(value).__name__}"


def _walk(model: type[BaseModel], loc: tuple) -> tuple[Any, Any]:
    """The field that ``loc`` names and the model that holds it (int parts are list positions)."""
    current: Any = model
    field: Any = None
    holder: Any = None
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None, None
        holder = current
        field = current.model_fields.get(part)
        if field is None:
            break
        current = _inner_model(field.annotation)
    return field, holder


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number with a decimal point",
    "list_type": "a list (`[a, b]` or lines starting with `- `)",
    "model_type": "a set of fields",
    "dict_type": "a set of fields",
    "bool_type": "true or false",
}


def _message(error: dict, node: Any, loc: tuple, model: type[BaseModel], prefix: tuple) -> str:
    kind = error["type"]
    found = error.get("input")
    if kind == "missing":
        field, _ = _walk(model, loc[len(prefix):])
        description = field.description if field is not None else None
        return "this required field is missing" + (f": {description}" if description else "")
    if kind == "extra_forbidden":
        key = loc[-1]
        _, holder = _walk(model, loc[len(prefix):])
        allowed = list(holder.model_fields) if holder is not None else []
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint = f"; did you mean `{close[0]}`?" if close else ""
        listed = ", ".join(f"`{a}`" for a in allowed)
        return f"unknown field `{key}`{hint} Allowed here: {listed}"
    if kind in _EXPECTED:
        message = f"expected {_EXPECTED[kind]}, found {_describe(found)}"
        value_node = node_at(node, loc)
        raw = getattr(value_node, "value", None)
        if kind == "string_type" and isinstance(raw, str) and getattr(value_node, "style", "") is None:
            what = _describe(found) if not hasattr(found, "isoformat") else "a date"
            message += ". " + _YAML_1_1_HINT.format(raw=raw, what=what)
        return message
    text = error["msg"]
    if text.startswith("Value error, "):
        text = text[len("Value error, "):]
    return f"{text} (found {_describe(found)})" if kind in {"greater_than_equal", "less_than_equal", "too_short", "string_too_long", "too_long", "literal_error"} else text
