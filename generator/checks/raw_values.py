"""Checks on raw values read from YAML, before or apart from the schema: a well-formed id, a whole
number, a finite number (a YAML boolean is neither)."""

from __future__ import annotations

import math
from typing import Any

from ..schema.ids import is_id


def ids(value: Any) -> list[str]:
    return [item for item in value if is_id(item)] if isinstance(value, list) else []


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
