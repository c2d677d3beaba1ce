"""Checks on raw values read from YAML, before or apart from the schema: a well-formed id, a whole
number, a finite number (a YAML boolean is neither)."""

from __future__ import annotations

import math
import re
from typing import Any

from ..schema.ids import SLUG_PATTERN


def is_id(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= 80 and re.fullmatch(SLUG_PATTERN, value) is not None


def ids(value: Any) -> list[str]:
    return [item for item in value if is_id(item)] if isinstance(value, list) else []


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
