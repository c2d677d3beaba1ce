"""The types of the fields of every data file, each with the rule it keeps and the message it gives.

Text (one line, prose, names), ids, coordinates, colours, ISO dates that are not in the future, and
public ``https:`` addresses. The models in ``place.py`` and ``vocabularies.py`` are built from these;
a field that holds the ids of a vocabulary says so with :func:`vocabulary_of`.
"""

from __future__ import annotations

import datetime
import math
import re
import types
import typing
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict
from pydantic.fields import FieldInfo

from ..text.hidden import find_hidden, hidden_message
from ..text.lookalikes import has_visible_letter
from .ids import SLUG_MAX_LENGTH, SLUG_PATTERN, is_id


def _refuse_hidden(value: str) -> None:
    """Characters that hide or disguise text (see ``characters.py``) have no place in any value,
    even when a YAML escape such as ``"\\u200b"`` writes them with visible ones."""
    found = find_hidden(value)
    if found:
        raise ValueError(hidden_message(value[found[0]]))


def _clean_line(value: str) -> str:
    value = value.strip()
    if "\n" in value or "\r" in value or "\t" in value:
        raise ValueError("must be a single line (no line breaks or tabs)")
    _refuse_hidden(value)
    if not value:
        raise ValueError("must not be empty")
    return value


def _clean_text(value: str) -> str:
    value = value.strip().replace("\r\n", "\n")
    if "\t" in value or "\r" in value:
        raise ValueError("contains a tab or a carriage return")
    _refuse_hidden(value)
    if not value:
        raise ValueError("must not be empty")
    return value


def _check_name(value: str) -> str:
    if not has_visible_letter(value):
        raise ValueError("a name needs at least one visible letter or digit")
    return value


def _check_slug(value: str) -> str:
    if not is_id(value):
        raise ValueError(
            "must be an id of lower-case letters, digits and single hyphens, such as `older-people`"
        )
    return value


def _check_finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("must be a real number, not .nan or .inf")
    return value


# For the JSON Schema only (the validators are what count): patterns that editors can check.
_ONE_LINE = {"pattern": r"^\s*[^\n\r\t]*\S[^\n\r\t]*\s*$"}
_NOT_BLANK = {"pattern": r"\S"}

Line = Annotated[str, Strict(), Field(max_length=300, json_schema_extra=_ONE_LINE), AfterValidator(_clean_line)]
"""One line of text: no line breaks. Used for names, headings, attributions."""
Name = Annotated[str, Strict(), Field(max_length=300, json_schema_extra=_ONE_LINE), AfterValidator(_clean_line),
                 AfterValidator(_check_name)]
"""The name of a place or of a vocabulary entry: one line with at least one visible letter or digit."""
LongLine = Annotated[str, Strict(), Field(max_length=1500, json_schema_extra=_ONE_LINE), AfterValidator(_clean_line)]
"""One line of text that may be long: a focus, a quote."""
Text = Annotated[str, Strict(), Field(max_length=4000, json_schema_extra=_NOT_BLANK), AfterValidator(_clean_text)]
"""Prose in our own words; a blank line starts a new paragraph."""
Id = Annotated[str, Strict(), Field(max_length=SLUG_MAX_LENGTH, json_schema_extra={"pattern": SLUG_PATTERN}), AfterValidator(_check_slug)]
"""An id from one of the vocabularies in site-data/."""
Coordinate = Annotated[float, Strict(), AfterValidator(_check_finite)]


def contrast_with_white(colour: str) -> float:
    """The WCAG contrast ratio of white text on ``colour`` (``#rrggbb``)."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def _check_colour(value: str) -> str:
    if contrast_with_white(value) < 4.5:
        raise ValueError(f"white text on {value} is {contrast_with_white(value):.1f}:1; choose a darker colour "
                         "(at least 4.5:1, such as `#2c5fb8`)")
    return value


Colour = Annotated[str, Strict(), Field(pattern=r"^#[0-9a-f]{6}$"), AfterValidator(_check_colour)]
"""A colour as ``#rrggbb`` (lower case) that white text can be read on."""


_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
"""The grammar, for editors (the JSON Schema) and the contribute form; :func:`_check_date` then checks
the calendar (no month 00 or 13, no 30 February) and today."""


def _check_date(value: str) -> str:
    """An ISO date of a year, a month or a day (`2015`, `2015-11`, `2015-11-02`), not in the future."""
    value = value.strip()
    match = _DATE_RE.fullmatch(value)  # ASCII digits only, and nothing after them, not even a line break
    if not match:
        raise ValueError("must be an ISO date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in the digits 0-9, such as `2015-11`")
    year, month, day = (int(part) if part is not None else None for part in match.groups())
    try:  # month 00 and day 00 are no month and no day: datetime refuses them, as it does 30 February
        first = datetime.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        raise ValueError("is not a date in the calendar (months run 01-12, days from 01)") from None
    if first > datetime.date.today():
        raise ValueError("is in the future: only what has already happened, or been published, has a date here")
    return value


_PORT = r"(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])"
"""A port: 1 to 65535 in ASCII digits, with no leading zero."""
_URL_REST = r"(?:[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*)?"
URL_PATTERN = rf"^https://[A-Za-z0-9.-]+(?::{_PORT})?{_URL_REST}$"
"""The whole rule for a plain ``https:`` address, in syntax Python and JavaScript read alike: the
contribute form checks addresses with it (``pages/contribute.form_rules``), :func:`_check_url` too."""
_URL_SAFE_RE = re.compile(URL_PATTERN.removeprefix("^").removesuffix("$"))
_ANY_PORT_RE = re.compile(rf"https://[A-Za-z0-9.-]+:(?P<port>[0-9]+){_URL_REST}")


def _check_url(value: str) -> str:
    """A public web address: `https:` only, so that no `javascript:` or `data:` address reaches a page."""
    value = value.strip()
    scheme = value.split(":", 1)[0].casefold() if ":" in value else ""
    if scheme != "https":
        found = f"a `{scheme}:` address" if scheme else "no `https://` at its start"
        raise ValueError(f"must be a public `https://` address, found {found}")
    if _URL_SAFE_RE.fullmatch(value):
        return value
    port = _ANY_PORT_RE.fullmatch(value)
    if port:
        raise ValueError(f"has the port {port['port']}: a port is a number from 1 to 65535 with no leading zero "
                         "(most addresses have none)")
    raise ValueError("must be a plain web address: no spaces, quotes, `<`, `>`, backslashes or letters "
                     "outside ASCII (percent-encode them)")


IsoDate = Annotated[str, Strict(), Field(max_length=10, json_schema_extra={"pattern": DATE_PATTERN}), AfterValidator(_check_date)]
"""`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, in quotes (YAML reads an unquoted date as something else)."""
HttpsUrl = Annotated[str, Strict(), Field(max_length=500, json_schema_extra={"pattern": r"^https://\S+$"}), AfterValidator(_check_url)]
"""A public `https://` address."""


# The base of every model: unknown fields are refused, values are frozen and kept as written. (No
# docstring: pydantic would give it to the JSON Schema of models that have none of their own.)
class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


def vocabulary_of(field: FieldInfo) -> str | None:
    """The vocabulary (a key of VOCABULARIES) whose ids a field holds, or None.

    A field declares it with ``json_schema_extra={"vocabulary": ...}``; validation, the JSON Schema
    and the ``new`` scaffold all read it from there.
    """
    extra = field.json_schema_extra
    return extra.get("vocabulary") if isinstance(extra, dict) else None  # type: ignore[return-value]


def free_text(field: FieldInfo) -> str | None:
    """What free text a field holds, in the words of its type: ``"name"`` (:data:`Name`), ``"line"``
    (:data:`Line`, :data:`LongLine`) or ``"text"`` (:data:`Text`, in paragraphs); None for anything
    else (ids, dates, addresses, numbers, lists, sets of fields). Optional fields count as their type."""
    checks = {item.func for item in [*field.metadata, *_metadata(field.annotation)] if isinstance(item, AfterValidator)}
    for kind, check in (("name", _check_name), ("text", _clean_text), ("line", _clean_line)):
        if check in checks:
            return kind
    return None


def _metadata(annotation: Any) -> list[Any]:
    """The metadata of ``annotation`` if it is an ``Annotated`` type or one of a union (``X | None``)."""
    if typing.get_origin(annotation) is Annotated:
        return list(annotation.__metadata__)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [item for arg in typing.get_args(annotation) for item in _metadata(arg)]
    return []
