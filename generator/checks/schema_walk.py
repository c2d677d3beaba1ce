"""Walking the schema's models: which field a location in a place file names, the model that holds
it, its vocabulary and nested model, and where a misplaced key belongs. Used by the validator and by
the messages it prints."""

from __future__ import annotations

import difflib
import functools
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from ..schema.fields import vocabulary_of


def field_name(loc: Iterable[str | int]) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "(file)"


def describe_field(field: Any) -> str:
    """A field's description, or for a set of fields with none, the docstring of its model."""
    if field is None:
        return ""
    inner = inner_model(field.annotation)
    return field.description or (inner.__doc__ or "" if inner is not None else "")


@functools.lru_cache(maxsize=None)
def field_plan(model: type[BaseModel]) -> tuple[tuple[str, str | None, Any], ...]:
    """Each field of ``model`` with its vocabulary (if it holds ids) and its nested model (if any)."""
    return tuple((name, vocabulary_of(field), inner_model(field.annotation))
                 for name, field in model.model_fields.items())


def leaves(data: Any, loc: tuple = ()) -> Iterable[tuple[tuple, Any]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from leaves(value, loc + (index,))
    else:
        yield loc, data


def within(loc: tuple, outer: tuple) -> bool:
    return loc[: len(outer)] == outer


def model_and_key(model: type[BaseModel], loc: tuple) -> tuple[Any, Any]:
    """The model that holds the field at ``loc``, and the field's name."""
    _, holder = walk(model, loc)
    return holder, (loc[-1] if loc else None)


def homes(model: type[BaseModel], key: str) -> list[tuple[type[BaseModel], tuple[str, ...]]]:
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
            inner = inner_model(field.annotation)
            if inner is not None:
                queue.append((inner, path + (name,)))
    return found


def home_elsewhere(model: type[BaseModel], holder: Any, key: str) -> tuple[type[BaseModel], tuple[str, ...]] | None:
    """Where a key that is unknown in ``holder`` belongs, if it belongs in exactly one other place."""
    found = [home for home in homes(model, key) if home[0] is not holder]
    return found[0] if len(found) == 1 else None


def explained_missing(errors: list[dict], model: type[BaseModel]) -> set[tuple[Any, Any]]:
    """The (model, field) pairs whose "missing" error an unknown key's hint already explains."""
    explained: set[tuple[Any, Any]] = set()
    for error in errors:
        if error["type"] != "extra_forbidden":
            continue
        loc = tuple(error["loc"])
        _, holder = walk(model, loc)
        key = str(loc[-1])
        close = difflib.get_close_matches(key, list(holder.model_fields), n=1, cutoff=0.6) if holder else []
        if close:
            explained.add((holder, close[0]))
        elif (home := home_elsewhere(model, holder, key)) is not None:
            explained.add((home[0], key))
    return explained


def walk(model: type[BaseModel], loc: tuple) -> tuple[Any, Any]:
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
        current = inner_model(field.annotation)
    return field, holder


def inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = inner_model(arg)
        if found is not None:
            return found
    return None
