"""Ids: the one rule for the id of a vocabulary entry and the file name of a place.

An id is lower-case ASCII letters and digits in words joined by single hyphens (`older-people`). It
names a vocabulary entry, a place's file (`site-data/places/<id>.yaml`) and the page made from it,
so it is also a safe path, class name and anchor.
"""

from __future__ import annotations

import re
import unicodedata

from ..text.escape import Md

SLUG_WORD = "[a-z0-9]+"
"""One word of a slug; hyphens join the words."""
SLUG_PATTERN = rf"^{SLUG_WORD}(?:-{SLUG_WORD})*$"
"""The id rule as a pattern, for the JSON Schema and the pages' scripts (whose ``$`` is the very end).
Python code asks :func:`is_id`: Python's ``$`` also matches before a final line break."""
SLUG_MAX_LENGTH = 80
"""An id or a file name's stem is at most this long: :func:`slugify` cuts a name's there."""
_SLUG_RE = re.compile(rf"{SLUG_WORD}(?:-{SLUG_WORD})*", re.ASCII)


def is_id(value: object) -> bool:
    """True if ``value`` is an id: a string of lower-case ASCII letters and digits in words joined by
    single hyphens, at most ``SLUG_MAX_LENGTH`` long, and nothing else (no line break after it). The
    one test of an id or a place file's name, used by every check."""
    return isinstance(value, str) and len(value) <= SLUG_MAX_LENGTH and _SLUG_RE.fullmatch(value) is not None


def slugify(name: str) -> str:
    """A safe file name stem for a place name: `Adur & Worthing` -> `adur-and-worthing`."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("&", " and ")
    return "-".join(re.findall(SLUG_WORD, text))[:SLUG_MAX_LENGTH].strip("-")


def identifier(value: str) -> Md:
    """A vocabulary id or slug (already validated) for a class name or path."""
    if not is_id(value):
        raise ValueError(f"not an id: {value!r}")
    return Md(value)
