"""The schema of a place file, declared once.

Validation, the JSON Schema for editors (``python -m generator schema``), the ``new`` scaffold's
comments and the contributor guide all come from these models: change a field here and every one of
them follows.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG_RE = re.compile(SLUG_PATTERN)
# Characters that have no business in any text we publish: control characters (tab, newline and
# carriage return are handled separately) and Unicode bidi overrides that can disguise text.
_FORBIDDEN_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def _clean_line(value: str) -> str:
    value = value.strip()
    if "\n" in value or "\r" in value or "\t" in value:
        raise ValueError("must be a single line (no line breaks or tabs)")
    if _FORBIDDEN_RE.search(value):
        raise ValueError("contains a control character")
    if not value:
        raise ValueError("must not be empty")
    return value


def _clean_text(value: str) -> str:
    value = value.strip().replace("\r\n", "\n")
    if "\t" in value or "\r" in value or _FORBIDDEN_RE.search(value):
        raise ValueError("contains a tab or control character")
    if not value:
        raise ValueError("must not be empty")
    return value


def _check_slug(value: str) -> str:
    if not _SLUG_RE.match(value):
        raise ValueError(
            "must be an id of lower-case letters, digits and single hyphens, such as `older-people`"
        )
    return value


def _check_finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("must be a real number, not .nan or .inf")
    return value


Line = Annotated[str, Strict(), Field(max_length=300), AfterValidator(_clean_line)]
"""One line of text: no line breaks. Used for names, headings, attributions."""
LongLine = Annotated[str, Strict(), Field(max_length=1500), AfterValidator(_clean_line)]
"""One line of text that may be long: a focus, a quote."""
Text = Annotated[str, Strict(), Field(max_length=4000), AfterValidator(_clean_text)]
"""Prose in our own words; a blank line starts a new paragraph."""
Id = Annotated[str, Strict(), Field(max_length=80), AfterValidator(_check_slug)]
"""An id from one of the vocabularies in site-data/."""
Coordinate = Annotated[float, Strict(), AfterValidator(_check_finite)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Location(_Model):
    """Where the place's marker goes: its main town or centre."""

    label: Line = Field(description="The town or centre the marker stands on, e.g. `Halifax`.")
    latitude: Annotated[Coordinate, Field(ge=-90, le=90)] = Field(
        description="Degrees north, with a decimal point, e.g. `53.7248`. Must lie in England."
    )
    longitude: Annotated[Coordinate, Field(ge=-180, le=180)] = Field(
        description="Degrees east (west is negative), with a decimal point, e.g. `-1.8658`."
    )


class Quote(_Model):
    """Words from the report, copied exactly, with the attribution the report gives them."""

    text: LongLine = Field(
        description="The quote exactly as the report prints it, without the quotation marks around it."
    )
    speaker: Line = Field(
        description="Who said it, as the report names them: a name (`Paul Tarplett`) "
        "or a description (`A participant in the Plymouth Local Vision programme`)."
    )
    role: Line | None = Field(
        default=None, description="Their role as the report gives it, e.g. `Enabler`. Leave out if none."
    )
    organisation: Line | None = Field(
        default=None,
        description="Their organisation or team as the report gives it, e.g. `NSPCC`. Leave out if none.",
    )


class Story(_Model):
    """One part of the place's story, tied to one of the report's lessons."""

    lesson: Id = Field(description="The lesson this story illustrates: an id from `site-data/lessons.yaml`.")
    title: Line = Field(description="A short heading in our own words.")
    text: Text = Field(description="The story in our own words. A blank line starts a new paragraph.")
    quotes: list[Quote] = Field(default_factory=list, description="The report's quotes for this story.")
    source: Id = Field(description="The report section it comes from: an id from `site-data/sections.yaml`.")


class Outcome(_Model):
    """A result the report lists for the place."""

    text: Text = Field(description="The outcome in our own words.")
    source: Id = Field(description="The report section it comes from: an id from `site-data/sections.yaml`.")


class Correction(_Model):
    """A slip in the report that this file corrects."""

    field: Line = Field(description="Which field holds the corrected text, e.g. `focus`.")
    report_says: LongLine = Field(description="The words as the report prints them.")
    corrected: LongLine = Field(description="The words as this file gives them.")
    note: Text = Field(description="Why, in our own words.")


class Place(_Model):
    """One place of the report: a Local Vision project, a Leadership for Change team, or both."""

    name: Line = Field(description="The place's name as the report gives it, e.g. `Calderdale`.")
    programmes: Annotated[list[Id], Field(min_length=1)] = Field(
        description="The programmes the place took part in: ids from `site-data/programmes.yaml`."
    )
    local_vision_number: Annotated[int, Strict(), Field(ge=1, le=39)] | None = Field(
        default=None,
        description="The place's number in the report's Appendix A (1 to 39). Only for Local Vision places.",
    )
    focus: LongLine = Field(
        description="What the work set out to do. For a Local Vision place, copy Appendix A exactly; "
        "otherwise a line in our own words from what the report says."
    )
    summary: Text = Field(description="Two or three sentences in our own words about the place's story.")
    region: Id = Field(description="One of England's nine regions: an id from `site-data/regions.yaml`.")
    location: Location
    themes: Annotated[list[Id], Field(min_length=1)] = Field(
        description="The issue areas of the work: ids from `site-data/themes.yaml`."
    )
    enablers: list[Id] = Field(
        default_factory=list,
        description="The Enablers the report names for this place: ids from `site-data/enablers.yaml`.",
    )
    stories: list[Story] = Field(default_factory=list, description="The place's stories, each tied to a lesson.")
    outcomes: list[Outcome] = Field(default_factory=list, description="Outcomes the report lists for the place.")
    corrections: list[Correction] = Field(
        default_factory=list, description="Slips in the report that this file corrects, each explained."
    )


class Lesson(_Model):
    id: Id
    kind: Literal["hurdle", "light-bulb"]
    title: LongLine
    short: Line
    description: Text


class Theme(_Model):
    id: Id
    name: Line
    description: Text


class Programme(_Model):
    id: Id
    name: Line
    full_name: Line
    description: Text


class Enabler(_Model):
    id: Id
    name: Line


class Region(_Model):
    id: Id
    name: Line


class Section(_Model):
    id: Id
    title: LongLine
    page: Annotated[int, Strict(), Field(ge=1)] | None = None


VOCABULARIES: dict[str, type[_Model]] = {
    "themes": Theme,
    "lessons": Lesson,
    "programmes": Programme,
    "enablers": Enabler,
    "regions": Region,
    "sections": Section,
}
"""Each vocabulary file in site-data/ (``<name>.yaml``, a list) and the model of its entries."""
