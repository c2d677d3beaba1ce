"""Turning schema and data problems into messages a contributor can act on (what was expected,
what was found, the likely fix), and the helpers that walk the schema's models to find them."""

from __future__ import annotations

import difflib
import functools
import math
import re
import typing
import unicodedata
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel
from yaml.nodes import MappingNode

from .schema import SLUG_PATTERN, vocabulary_of
from .yamlfile import node_at

_YAML_1_1_HINT = "YAML reads `{raw}` as {what}; put it in quotes if you mean the text: \"{raw}\""
_NOUNS = {"programmes": "programme", "regions": "region", "themes": "theme", "enablers": "Enabler",
          "lessons": "lesson", "sections": "section", "publications": "publication"}

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


def missing_position(node: Any, loc: tuple, holder: Any) -> tuple[int, int, str]:
    """Where a missing field belongs: the line of the next field that the schema puts after it, or
    the line after the last field of its set. Returns the 1-based line and column, and the words
    that say so ("above `location:`", "after `enablers:`")."""
    parent = node_at(node, loc[:-1])
    key = loc[-1]
    if not isinstance(parent, MappingNode) or not parent.value:
        return 1, 1, "to the file"
    order = list(holder.model_fields) if holder is not None else []
    present = {getattr(k, "value", None): k for k, _ in parent.value}
    for name in order[order.index(key) + 1:] if key in order else []:
        if name in present:
            mark = present[name].start_mark
            return mark.line + 1, mark.column + 1, f"above `{name}:`"
    last_key, last_value = parent.value[-1]
    end = last_value.end_mark
    line = end.line + 1 if end.column == 0 else end.line + 2
    return line, last_key.start_mark.column + 1, f"after `{last_key.value}:`"


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
        _, _, where = missing_position(node, loc, holder)
        vocabulary = vocabulary_of(field) if field is not None else None
        allowed = f" Allowed: {_allowed(vocab[vocabulary], vocabulary)}" if vocab.get(vocabulary or "") else ""
        return (f"this required field is missing: add `{key}:` {where}" + (f". {description}" if description else "")
                + allowed).rstrip()
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
            if plain and re.fullmatch(r"[-+0-9._:xXoObBeE]+", found.strip()) and re.search(r"\d", found):
                return message + (": write a plain decimal number, such as `53.9600` or `-1.0873` (no leading "
                                  "zeros, underscores, exponents, hexadecimal or colons)")
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
