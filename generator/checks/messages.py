"""Turning schema and data problems into messages a contributor can act on: what was expected, what
was found, and the likely fix (the schema walking is in schema_walk.py)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any

from pydantic import BaseModel
from yaml.nodes import MappingNode

from ..schema.fields import vocabulary_of
from ..schema.ids import slugify
from .schema_walk import describe_field, home_elsewhere, inner_model, walk
from .yaml_file import node_at

_YAML_1_1_HINT = "YAML reads `{raw}` as {what}; put it in quotes if you mean the text: \"{raw}\""
_NOUNS = {"programmes": "programme", "regions": "region", "themes": "theme", "enablers": "Enabler",
          "lessons": "lesson", "sections": "section", "publications": "publication"}

def noun(vocabulary: str) -> str:
    return _NOUNS.get(vocabulary, vocabulary.rstrip("s"))


def allowed_ids(allowed: dict[str, Any], vocabulary: str) -> str:
    return ", ".join(f"`{key}`" for key in allowed) if len(allowed) <= 30 else f"see site-data/{vocabulary}.yaml"


def unknown_id(noun: str, value: str, allowed: dict[str, Any], vocabulary: str) -> str:
    message = f"unknown {noun} `{value}`"
    close = suggest(value, allowed)
    message += f"; did you mean `{close}`?" if close else "."
    return f"{message} Allowed: {allowed_ids(allowed, vocabulary)}"


def suggest(value: str, allowed: dict[str, Any]) -> str | None:
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


def describe(value: Any) -> str:
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



def message_for(error: dict, node: Any, loc: tuple, model: type[BaseModel], prefix: tuple,
                vocab: dict[str, dict[str, Any]]) -> str:
    """The message for one pydantic error at ``loc`` in a file whose YAML tree is ``node``."""
    kind = error["type"]
    found = error.get("input")
    field, holder = walk(model, loc[len(prefix):])
    key = next((part for part in reversed(loc) if isinstance(part, str)), "")
    if kind == "missing":
        description = describe_field(field)
        _, _, where = missing_position(node, loc, holder)
        vocabulary = vocabulary_of(field) if field is not None else None
        allowed = f" Allowed: {allowed_ids(vocab[vocabulary], vocabulary)}" if vocab.get(vocabulary or "") else ""
        return (f"this required field is missing: add `{key}:` {where}" + (f". {description}" if description else "")
                + allowed).rstrip()
    if kind == "extra_forbidden":
        return _unknown_field(model, holder, str(key))
    vocabulary = vocabulary_of(field) if field is not None and kind != "list_type" else None
    if vocabulary and isinstance(found, str) and vocab.get(vocabulary):
        return unknown_id(noun(vocabulary), found, vocab[vocabulary], vocabulary)
    if kind in _EXPECTED:
        return _wrong_type(kind, found, field, node_at(node, loc), loc, key)
    return _out_of_bounds(kind, error, found)


def _unknown_field(model: type[BaseModel], holder: Any, key: str) -> str:
    allowed = list(holder.model_fields) if holder is not None else []
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    home = home_elsewhere(model, holder, key) if not close else None
    if close:
        hint = f"; did you mean `{close[0]}`?"
    elif home is not None:
        where = f"inside `{'.'.join(home[1])}`" if home[1] else "at the top level, with no spaces before it"
        hint = f"; `{key}` belongs {where}: check this line's indentation."
    else:
        hint = "."
    listed = ", ".join(f"`{a}`" for a in allowed)
    return f"unknown field `{key}`{hint} Allowed here: {listed}"


def _wrong_type(kind: str, found: Any, field: Any, value_node: Any, loc: tuple, key: str) -> str:
    """A value of the wrong type, with the likely fix: what YAML made of it, quotes, commas, lists."""
    message = f"expected {_EXPECTED[kind]}, found {describe(found)}"
    raw = getattr(value_node, "value", None)
    plain = getattr(value_node, "style", "x") in (None, "")
    if found is None:
        optional = field is not None and not field.is_required() and not isinstance(loc[-1], int)
        return message + f": write the value after `{key}:`" + (", or remove the line" if optional else "")
    if kind == "string_type" and isinstance(found, list):
        return message + ": write it as text (lines starting with `- ` make a list)"
    if kind == "string_type" and isinstance(raw, str) and plain and not isinstance(found, dict):
        return message + ". " + _YAML_1_1_HINT.format(raw=raw, what=describe(found))
    if kind in {"int_type", "float_type"} and isinstance(found, str):
        return message + _number_hint(found, plain)
    if kind == "list_type" and isinstance(found, str):
        if found.lstrip().startswith("-"):
            return message + ": put a space after each `-`"
        return message + f": write `{key}: [{found}]`"
    if kind in {"model_type", "dict_type"}:
        inner = inner_model(field.annotation) if field is not None else None
        if inner is not None:
            fields = ", ".join(f"`{name}`" for name in inner.model_fields)
            return message + f": write its fields ({fields}) on the lines below, indented by two spaces"
    return message


def _number_hint(found: str, plain: bool) -> str:
    """Why text is not a number here: an unusual number form, quotes, or a decimal comma."""
    if plain and re.fullmatch(r"[-+0-9._:xXoObBeE]+", found.strip()) and re.search(r"\d", found):
        return (": write a plain decimal number, such as `53.9600` or `-1.0873` (no leading "
                "zeros, underscores, exponents, hexadecimal or colons)")
    if _NUMBER_RE.fullmatch(found):
        return ": remove the quotes around it"
    if _NUMBER_RE.fullmatch(found.replace(",", ".", 1)):
        return f": use a decimal point, not a comma: `{found.strip().replace(',', '.', 1)}`"
    return ""


def _out_of_bounds(kind: str, error: dict, found: Any) -> str:
    """Too few entries, too long, out of range, or a validator's own message."""
    ctx = error.get("ctx") or {}
    if kind == "too_short":
        count = ctx.get("min_length", 1)
        return f"expected at least {count} {'entry' if count == 1 else 'entries'}, found {describe(found)}"
    if kind == "string_too_long":
        return f"expected at most {ctx.get('max_length')} characters, found {len(found)}: shorten it"
    if kind in {"greater_than_equal", "less_than_equal"}:
        bound = "at least" if kind == "greater_than_equal" else "at most"
        return f"expected {bound} {ctx.get('ge', ctx.get('le'))}, found {describe(found)}"
    text = error["msg"]
    if text.startswith("Value error, "):
        text = text[len("Value error, "):]
    return f"{text} (found {describe(found)})" if not (isinstance(found, str) and not found.strip()) else text
