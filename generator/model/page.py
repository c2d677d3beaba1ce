"""The unit of output: a file the generator writes into the docs folder."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """A file to write into the docs folder: its path there (posix, relative) and its text (or bytes,
    for a file copied as it is, such as Leaflet's images)."""

    path: str
    text: str | bytes
