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
SLUG_MAX_LENGTH = 80
"""An id or a file name's stem is at most this long: :func:`slugify` cuts a name's there."""


def slugify(name: str) -> str:
    """A safe file name stem for a place name: `Adur & Worthing` -> `adur-and-worthing`."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("&", " and ")
    return "-".join(re.findall(SLUG_WORD, text))[:SLUG_MAX_LENGTH].strip("-")


def identifier(value: str) -> Md:
    """A vocabulary id or slug (already validated) for a class name or path."""
    if not re.fullmatch(SLUG_PATTERN, value):
        raise ValueError(f"not an id: {value!r}")
    return Md(value)
