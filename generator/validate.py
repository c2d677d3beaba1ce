"""Load and check every data file in site-data/, collecting every problem before giving up."""

from __future__ import annotations

import difflib
import functools
import math
import re
import typing
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .england import in_england
from .model import Site, SitePlace, build_site
from .problems import DataError, Problem
from .schema import SLUG_PATTERN, VOCABULARIES, Place, vocabulary_of
from .yamlfile import YamlFileError, locate, node_at, read_yaml

PLACES_DIR = "places"
_YAML_1_1_HINT = "YAML reads `{raw}` as {what}; put it in quotes if you mean the text: \"{raw}\""
PLACEHOLDER = "FILL IN"
"""What ``new`` writes where only the contributor knows the value; validation names each one left."""
_NOUNS = {"programmes": "programme", "regions": "region", "themes": "theme", "enablers": "Enabler",
          "lessons": "lesson", "sections": "report section"}


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


def _noun(vocabulary: str) -> str:
    return _NOUNS.get(vocabulary, vocabulary.rstrip("s"))


def _allowed(allowed: dict[str, Any], vocabulary: str) -> str:
    return ", ".join(f"`{key}`" for key in allowed) if len(allowed) <= 30 else f"see site-data/{vocabulary}.yaml"


def _unknown(noun: str, value: str, allowed: dict[str, Any], vocabulary: str) -> str:
    message = f"unknown {noun} `{value}`"
    close = _suggest(value, allowed)
    message += f"; did you mean `{close}`?" if close else "."
    return f"{message} Allowed: {_allowed(allowed, vocabulary)}"


def _suggest(value: str, allowed: dict[str, Any]) -> str | None:
    """The id someone most likely meant: the id of what they wrote as a name (`Older people`), a near
    spelling (`obesty`), or the one entry whose name or description uses their word (`loneliness`)."""
    if slugify(value) in allowed:
        return slugify(value)
    close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6)
    if close:
        return close[0]
    names = {str(getattr(entry, "name", "")).casefold(): key for key, entry in allowed.items()}
    close = difflib.get_close_matches(value.casefold(), [name for name in names if name], n=1, cutoff=0.6)
    if close:
        return names[close[0]]
    words = set(re.findall(r"[a-z]{4,}", value.casefold()))
    mentions = [key for key, entry in allowed.items()
                if words and words <= set(re.findall(r"[a-z]+", " ".join(
                    str(getattr(entry, attr, "")) for attr in ("name", "description")).casefold()))]
    return mentions[0] if len(mentions) == 1 else None


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"`{str(value).lower()}` (true/false)"
    if isinstance(value, (int, float)):
        return f"the number `{value}`"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        shown = "".join(_visible(char) for char in shown)
        return f"the text `{shown}`"
    if isinstance(value, list):
        return "an empty list" if not value else "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if hasattr(value, "hour"):
        return "a date and time"
    if hasattr(value, "isoformat"):
        return "a date"
    return f"a {type(value).__name__}"


def _visible(char: str) -> str:
    """A character as it can be shown on one line of a terminal: control and format characters escaped."""
    if char in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char]
    return f"\\u{ord(char):04x}" if unicodedata.category(char).startswith("C") else char


def _describe_field(field: Any) -> str:
    """A field's description, or for a set of fields with none, the docstring of its model."""
    if field is None:
        return ""
    inner = _inner_model(field.annotation)
    return field.description or (inner.__doc__ or "" if inner is not None else "")


@functools.lru_cache(maxsize=None)
def _field_plan(model: type[BaseModel]) -> tuple[tuple[str, str | None, Any], ...]:
    """Each field of ``model`` with its vocabulary (if it holds ids) and its nested model (if any)."""
    return tuple((name, vocabulary_of(field), _inner_model(field.annotation))
                 for name, field in model.model_fields.items())


def _leaves(data: Any, loc: tuple = ()) -> Iterable[tuple[tuple, Any]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, loc + (index,))
    else:
        yield loc, data


def _within(loc: tuple, outer: tuple) -> bool:
    return loc[: len(outer)] == outer


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= 80 and re.fullmatch(SLUG_PATTERN, value) is not None


def _ids(value: Any) -> list[str]:
    return [item for item in value if _is_id(item)] if isinstance(value, list) else []


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _model_and_key(model: type[BaseModel], loc: tuple) -> tuple[Any, Any]:
    """The model that holds the field at ``loc``, and the field's name."""
    _, holder = _walk(model, loc)
    return holder, (loc[-1] if loc else None)


def _homes(model: type[BaseModel], key: str) -> list[tuple[type[BaseModel], tuple[str, ...]]]:
    """Every model in the schema that has a field ``key``, with the path of fields leading to it."""
    found, queue, seen = [], [(model, ())], set()
    while queue:
        current, path = queue.pop(0)
        if current in seen:
            continue
        seen.add(current)
        if key in current.model_fields:
            found.append((current, path))
        for name, field in current.model_fields.items():
            inner = _inner_model(field.annotation)
            if inner is not None:
                queue.append((inner, path + (name,)))
    return found


def _home_elsewhere(model: type[BaseModel], holder: Any, key: str) -> tuple[type[BaseModel], tuple[str, ...]] | None:
    """Where a key that is unknown in ``holder`` belongs, if it belongs in exactly one other place."""
    homes = [home for home in _homes(model, key) if home[0] is not holder]
    return homes[0] if len(homes) == 1 else None


def _explained_missing(errors: list[dict], model: type[BaseModel]) -> set[tuple[Any, Any]]:
    """The (model, field) pairs whose "missing" error an unknown key's hint already explains."""
    explained: set[tuple[Any, Any]] = set()
    for error in errors:
        if error["type"] != "extra_forbidden":
            continue
        loc = tuple(error["loc"])
        _, holder = _walk(model, loc)
        key = str(loc[-1])
        close = difflib.get_close_matches(key, list(holder.model_fields), n=1, cutoff=0.6) if holder else []
        if close:
            explained.add((holder, close[0]))
        elif (home := _home_elsewhere(model, holder, key)) is not None:
            explained.add((home[0], key))
    return explained


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
_NUMBER_RE = re.compile(r"\s*[-+]?\d+(?:\.\d*)?\s*")


def _message(error: dict, node: Any, loc: tuple, model: type[BaseModel], prefix: tuple,
             vocab: dict[str, dict[str, Any]]) -> str:
    kind = error["type"]
    found = error.get("input")
    field, holder = _walk(model, loc[len(prefix):])
    key = next((part for part in reversed(loc) if isinstance(part, str)), "")
    if kind == "missing":
        description = _describe_field(field)
        return "this required field is missing" + (f": {description}" if description else "")
    if kind == "extra_forbidden":
        allowed = list(holder.model_fields) if holder is not None else []
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        home = _home_elsewhere(model, holder, str(key)) if not close else None
        if close:
            hint = f"; did you mean `{close[0]}`?"
        elif home is not None:
            where = f"inside `{'.'.join(home[1])}`" if home[1] else "at the top level, with no spaces before it"
            hint = f"; `{key}` belongs {where}: check this line's indentation."
        else:
            hint = "."
        listed = ", ".join(f"`{a}`" for a in allowed)
        return f"unknown field `{key}`{hint} Allowed here: {listed}"
    vocabulary = vocabulary_of(field) if field is not None and kind != "list_type" else None
    if vocabulary and isinstance(found, str) and vocab.get(vocabulary):
        return _unknown(_noun(vocabulary), found, vocab[vocabulary], vocabulary)
    if kind in _EXPECTED:
        message = f"expected {_EXPECTED[kind]}, found {_describe(found)}"
        value_node = node_at(node, loc)
        raw = getattr(value_node, "value", None)
        plain = getattr(value_node, "style", "x") in (None, "")
        if found is None:
            optional = field is not None and not field.is_required() and not isinstance(loc[-1], int)
            return message + f": write the value after `{key}:`" + (", or remove the line" if optional else "")
        if kind == "string_type" and isinstance(found, list):
            return message + ": write it as text (lines starting with `- ` make a list)"
        if kind == "string_type" and isinstance(raw, str) and plain and not isinstance(found, dict):
            return message + ". " + _YAML_1_1_HINT.format(raw=raw, what=_describe(found))
        if kind in {"int_type", "float_type"} and isinstance(found, str):
            if _NUMBER_RE.fullmatch(found):
                return message + ": remove the quotes around it"
            if _NUMBER_RE.fullmatch(found.replace(",", ".", 1)):
                return message + f": use a decimal point, not a comma: `{found.strip().replace(',', '.', 1)}`"
        if kind == "list_type" and isinstance(found, str):
            if found.lstrip().startswith("-"):
                return message + ": put a space after each `-`"
            return message + f": write `{key}: [{found}]`"
        if kind in {"model_type", "dict_type"}:
            inner = _inner_model(field.annotation) if field is not None else None
            if inner is not None:
                fields = ", ".join(f"`{name}`" for name in inner.model_fields)
                return message + f": write its fields ({fields}) on the lines below, indented by two spaces"
        return message
    ctx = error.get("ctx") or {}
    if kind == "too_short":
        count = ctx.get("min_length", 1)
        return f"expected at least {count} {'entry' if count == 1 else 'entries'}, found {_describe(found)}"
    if kind == "string_too_long":
        return f"expected at most {ctx.get('max_length')} characters, found {len(found)}: shorten it"
    if kind in {"greater_than_equal", "less_than_equal"}:
        bound = "at least" if kind == "greater_than_equal" else "at most"
        return f"expected {bound} {ctx.get('ge', ctx.get('le'))}, found {_describe(found)}"
    text = error["msg"]
    if text.startswith("Value error, "):
        text = text[len("Value error, "):]
    return f"{text} (found {_describe(found)})" if not (isinstance(found, str) and not found.strip()) else text
