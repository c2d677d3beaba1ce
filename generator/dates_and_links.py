"""Field types for sources: ISO dates that are not in the future, and public ``https:`` addresses.

Kept apart from ``schema.py`` (which uses them) because both rules are about where a fact comes
from and when, not about text.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated

from pydantic import AfterValidator, Field, Strict

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _check_date(value: str) -> str:
    """An ISO date of a year, a month or a day (`2015`, `2015-11`, `2015-11-02`), not in the future."""
    value = value.strip()
    match = _DATE_RE.match(value)
    if not match:
        raise ValueError("must be an ISO date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, such as `2015-11`")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        first = datetime.date(year, month or 1, day or 1)
    except ValueError:
        raise ValueError("is not a date in the calendar") from None
    if first > datetime.date.today():
        raise ValueError("is in the future: only what has already happened, or been published, has a date here")
    return value


_URL_SAFE_RE = re.compile(r"^https://[A-Za-z0-9.-]+(?::\d+)?(?:[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*)?$")


def _check_url(value: str) -> str:
    """A public web address: `https:` only, so that no `javascript:` or `data:` address reaches a page."""
    value = value.strip()
    scheme = value.split(":", 1)[0].casefold() if ":" in value else ""
    if scheme != "https":
        found = f"a `{scheme}:` address" if scheme else "no `https://` at its start"
        raise ValueError(f"must be a public `https://` address, found {found}")
    if not _URL_SAFE_RE.match(value):
        raise ValueError("must be a plain web address: no spaces, quotes, `<`, `>`, backslashes or letters "
                         "outside ASCII (percent-encode them)")
    return value



IsoDate = Annotated[str, Strict(), Field(max_length=10, json_schema_extra={"pattern": DATE_PATTERN}), AfterValidator(_check_date)]
"""`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, in quotes (YAML reads an unquoted date as something else)."""
HttpsUrl = Annotated[str, Strict(), Field(max_length=500, json_schema_extra={"pattern": r"^https://\S+$"}), AfterValidator(_check_url)]
"""A public `https://` address."""
