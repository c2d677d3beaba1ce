"""A value checked against a model of the schema, with each error pydantic finds reported where it
is in the file: the line of the value, or for a missing field the line where it belongs."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .messages import message_for, missing_position
from .report import Reporter
from .schema_walk import explained_missing, field_name, model_and_key, walk, within
from .yaml_file import locate


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
    return line, column, field_name(loc), message_for(error, node, loc, model, prefix, vocab)
