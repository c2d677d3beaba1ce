"""Ids: the one rule for the id of a vocabulary entry and the file name of a place.

An id is lower-case ASCII letters and digits in words joined by single hyphens (`older-people`). It
names a vocabulary entry, a place's file (`site-data/places/<id>.yaml`) and the page made from it,
so it is also a safe path, class name and anchor.
"""

from __future__ import annotations

import re
import unicodedata

from ..text.escape import Md

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def slugify(name: str) -> str:
    """A safe file name stem for a place name: `Adur & Worthing` -> `adur-and-worthing`."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("&", " and ")
    return "-".join(re.findall(r"[a-z0-9]+", text))[:80].strip("-")


def identifier(value: str) -> Md:
    """A vocabulary id or slug (already validated) for a class name or path."""
    if not re.fullmatch(SLUG_PATTERN, value):
        raise ValueError(f"not an id: {value!r}")
    return Md(value)
