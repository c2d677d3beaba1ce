"""A value checked against a model of the schema, with each error pydantic finds reported where it
is in the file: the line of the value, or for a missing field the line where it belongs."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from yaml.nodes import ScalarNode

from .messages import message_for, missing_position
from .report import Reporter
from .schema_walk import explained_missing, field_name, model_and_key, walk, within
from .yaml_file import locate, node_at


def validate_model(
    reporter: Reporter, path: Path, node: Any, model: type[BaseModel], data: Any, prefix: tuple = (), *,
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
            loc = prefix + tuple(error["loc"])
            if error["type"] == "missing" and model_and_key(model, loc[len(prefix):]) in explained:
                continue  # the unknown key's "did you mean" or "belongs inside" already says it
            reporter.offer(path, lambda error=error, loc=loc: _where(error, node, loc, model, prefix, vocab or {}))
        return None


def _where(error: dict, node: Any, loc: tuple, model: type[BaseModel], prefix: tuple,
           vocab: dict[str, dict[str, Any]]) -> tuple[int, int, str, str]:
    if error["type"] == "missing":  # where the field belongs, not where its set starts
        line, column, _ = missing_position(node, loc, walk(model, loc[len(prefix):])[1])
    else:
        line, column = locate(node, loc, key=error["type"] == "extra_forbidden")
    message = message_for(error, node, loc, model, prefix, vocab)
    tab = _tab_in(node, loc, error)
    if tab is not None:  # point at the tab itself, and say what to do
        line, column = tab
        message += ": replace the tab with a space"
    return line, column, field_name(loc), message


def _tab_in(node: Any, loc: tuple, error: dict) -> tuple[int, int] | None:
    """Where the first tab of a text refused for its tab is, when the file shows it as typed (a plain
    text on one line: its tab's column is the text's column plus the tab's place in it); for other
    texts, the start of the text. None if the error is not about a tab."""
    value = error.get("input")
    if error["type"] != "value_error" or not isinstance(value, str) or "\t" not in value:
        return None
    found = node_at(node, loc)
    if not isinstance(found, ScalarNode):
        return None
    line, column = found.start_mark.line + 1, found.start_mark.column + 1
    if not found.style and found.start_mark.line == found.end_mark.line:
        column += found.value.index("\t")
    return line, column
