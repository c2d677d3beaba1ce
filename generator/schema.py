"""The schema of a place file, declared once.

Validation, the JSON Schema for editors (``python -m generator schema``), the ``new`` scaffold's
comments and the contributor guide all come from these models: change a field here and every one of
them follows.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict
from pydantic.fields import FieldInfo

from .characters import find_hidden, hidden_message
from .dates_and_links import HttpsUrl, IsoDate
from .names import has_visible_letter

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG_RE = re.compile(SLUG_PATTERN)


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
    if not _SLUG_RE.match(value):
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
Id = Annotated[str, Strict(), Field(max_length=80, json_schema_extra={"pattern": SLUG_PATTERN}), AfterValidator(_check_slug)]
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

DEFAULT_PUBLICATION = "revolution-2015"
"""The publication a story, quote or outcome comes from when it names none: the 2015 report."""


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
    publication: Id | None = Field(
        default=None,
        description="Only if the quote comes from another publication than its story: an id from "
        "`site-data/publications.yaml`. Leave out otherwise.",
        json_schema_extra={"vocabulary": "publications"},
    )


# Where a story or an outcome comes from: declared once, used by both.
_PUBLICATION = Field(
    default=None,
    description=f"The publication it comes from: an id from `site-data/publications.yaml`. "
    f"Leave out for the 2015 report (`{DEFAULT_PUBLICATION}`).",
    json_schema_extra={"vocabulary": "publications"},
)
_SECTION = Field(
    default=None,
    description="The section of the publication it comes from: an id from that publication's `sections` "
    "in `site-data/publications.yaml`, e.g. `hurdles`. Required when the publication lists sections.",
    json_schema_extra={"vocabulary": "sections"},
)


class Story(_Model):
    """One part of the place's story, tied to one of the report's lessons."""

    lesson: Id = Field(
        description="The lesson this story illustrates: an id from `site-data/lessons.yaml`.",
        json_schema_extra={"vocabulary": "lessons"},
    )
    title: Line = Field(description="A short heading in our own words.")
    text: Text = Field(description="The story in our own words. A blank line starts a new paragraph.")
    quotes: list[Quote] = Field(default_factory=list, description="The report's quotes for this story.")
    publication: Id | None = _PUBLICATION
    source: Id | None = _SECTION
    enablers: list[Id] = Field(
        default_factory=list,
        description="The Enablers the report names in this part of the story (by name or in a quote): "
        "ids that are also in the place's `enablers`. Leave out if none.",
        json_schema_extra={"vocabulary": "enablers"},
    )


class Outcome(_Model):
    """A result the report lists for the place."""

    text: Text = Field(description="The outcome in our own words.")
    publication: Id | None = _PUBLICATION
    source: Id | None = _SECTION


class Link(_Model):
    """A public web page or document that is not in `site-data/publications.yaml`."""

    url: HttpsUrl = Field(description="Its public address, starting with `https://`.")
    title: Line = Field(description="Its title as it gives it.")
    publisher: Line = Field(description="Who published it, e.g. the council.")
    date: IsoDate = Field(description="When it was published, in quotes: `\"2016\"`, `\"2016-05\"` or `\"2016-05-20\"`.")


class Update(_Model):
    """What happened next: a dated development after the report, with its source. Not from the report."""

    date: IsoDate = Field(
        description="When it happened, in quotes: `\"2016\"`, `\"2016-05\"` or `\"2016-05-20\"`. Not in the future."
    )
    title: Line = Field(description="A short heading in our own words.")
    text: Text = Field(description="What happened, in our own words.")
    publication: Id | None = Field(
        default=None,
        description="Its source, if listed: an id from `site-data/publications.yaml`. Otherwise give `link`.",
        json_schema_extra={"vocabulary": "publications"},
    )
    source: Id | None = Field(
        default=None,
        description="The section of that publication, if it lists sections: an id from its `sections`.",
        json_schema_extra={"vocabulary": "sections"},
    )
    link: Link | None = Field(
        default=None, description="Its source, if it is not a listed publication: a public web page."
    )


class Correction(_Model):
    """A slip in the report that this file corrects."""

    field: Line = Field(description="Which field holds the corrected text, e.g. `focus`.")
    report_says: LongLine = Field(description="The words as the report prints them.")
    corrected: LongLine = Field(description="The words as this file gives them.")
    note: Text = Field(description="Why, in our own words.")


class Place(_Model):
    """One place of the report: a Local Vision project, a Leadership for Change team, or both."""

    name: Name = Field(description="The place's name as the report gives it, e.g. `Calderdale`.")
    programmes: Annotated[list[Id], Field(min_length=1)] = Field(
        description="The programmes the place took part in: ids from `site-data/programmes.yaml`.",
        json_schema_extra={"vocabulary": "programmes"},
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
    region: Id = Field(
        description="One of England's nine regions: an id from `site-data/regions.yaml`.",
        json_schema_extra={"vocabulary": "regions"},
    )
    location: Location
    themes: Annotated[list[Id], Field(min_length=1)] = Field(
        description="The issue areas of the work: ids from `site-data/themes.yaml`.",
        json_schema_extra={"vocabulary": "themes"},
    )
    enablers: list[Id] = Field(
        default_factory=list,
        description="The Enablers the report names for this place: ids from `site-data/enablers.yaml`.",
        json_schema_extra={"vocabulary": "enablers"},
    )
    stories: list[Story] = Field(default_factory=list, description="The place's stories, each tied to a lesson.")
    outcomes: list[Outcome] = Field(default_factory=list, description="Outcomes the report lists for the place.")
    corrections: list[Correction] = Field(
        default_factory=list, description="Slips in the report that this file corrects, each explained."
    )
    updates: list[Update] = Field(
        default_factory=list,
        description="What happened after the report, each dated and with its source. Shown after the "
        "report's story, marked as not from the report.",
    )


class LessonQuote(Quote):
    """A quote the report uses for a lesson without tying it to any place."""

    context: Text = Field(description="In our own words: who is speaking and why the report quotes them here.")
    work: Line | None = Field(
        default=None, description="The published work the report cites for the quote, if it cites one."
    )


class Lesson(_Model):
    """One of the report's lessons: a hurdle or a light bulb moment."""

    id: Id
    kind: Literal["hurdle", "light-bulb"]
    title: LongLine = Field(description="The report's own heading for the lesson.")
    short: Line = Field(description="A short name in our own words.")
    description: Text = Field(description="A short framing of the lesson in our own words.")
    quotes: list[LessonQuote] = Field(
        default_factory=list,
        description="Quotes the report uses for this lesson that belong to no place (place quotes go in place files).",
    )


class Theme(_Model):
    id: Id
    name: Name
    description: Text


class Participant(_Model):
    """A programme participant that the report names but that has no place page here."""

    name: Line = Field(description="The name exactly as the report lists it.")
    kind: Literal["national-body", "organisation", "outside-england", "area"] = Field(
        description="Why it is not a place on this site: a national body, a single organisation, "
        "outside England, or an area the report names without telling its story."
    )


class Programme(_Model):
    """One of the national programmes the places took part in."""

    id: Id
    name: Name
    full_name: Line
    colour: Colour = Field(description="Its colour on the maps, the key and its badges (`#rrggbb`): the site's "
                           "only record of it. White text on it must reach 4.5:1.")
    description: Text = Field(description="What the report says about the programme, in our own words.")
    other_participants: list[Participant] = Field(
        default_factory=list,
        description="Participants the report lists for the programme that are not places on this site.",
    )


class Enabler(_Model):
    id: Id
    name: Name


class Region(_Model):
    id: Id
    name: Name


class Section(_Model):
    """A section of a publication."""

    id: Id
    title: LongLine = Field(description="The section's heading as the publication prints it.")
    page: Annotated[int, Strict(), Field(ge=1)] | None = Field(
        default=None, description="Its first page, where the publication's contents give it."
    )


class Publication(_Model):
    """A publication that facts, quotes and updates on the site come from."""

    id: Id
    title: LongLine = Field(description="The title as the publication gives it.")
    short: Line = Field(description="A short name in our own words, for lists.")
    author: Line = Field(description="Its author or publisher, as the publication names them.")
    date: IsoDate = Field(description="When it was published: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, in quotes.")
    url: HttpsUrl | None = Field(default=None, description="A public `https://` address for it, where there is one.")
    note: Text = Field(description="In our own words: what it is, and where its details come from.")
    sections: list[Section] = Field(
        default_factory=list, description="Its sections, in order, with page numbers where known."
    )

    def section(self, section_id: str) -> Section:
        return next(section for section in self.sections if section.id == section_id)


class SteeringGroupMember(_Model):
    """A member or chair of the Systems Leadership Steering Group (the report's Appendix C)."""

    id: Id
    name: Line = Field(description="The organisation or person as Appendix C lists them (slips corrected).")
    chair: Annotated[bool, Strict()] = Field(
        default=False, description="`true` for the people Appendix C names as chairs."
    )
    role: Line | None = Field(default=None, description="A chair's role as Appendix C gives it.")
    corrections: list[Correction] = Field(
        default_factory=list, description="Slips in Appendix C that this entry corrects, each explained."
    )


VOCABULARIES: dict[str, type[_Model]] = {
    "themes": Theme,
    "lessons": Lesson,
    "programmes": Programme,
    "enablers": Enabler,
    "regions": Region,
    "publications": Publication,
    "steering-group": SteeringGroupMember,
}
"""Each vocabulary file in site-data/ (``<name>.yaml``, a list) and the model of its entries."""


def vocabulary_of(field: FieldInfo) -> str | None:
    """The vocabulary (a key of VOCABULARIES) whose ids a field holds, or None.

    A field declares it with ``json_schema_extra={"vocabulary": ...}``; validation, the JSON Schema
    and the ``new`` scaffold all read it from there.
    """
    extra = field.json_schema_extra
    return extra.get("vocabulary") if isinstance(extra, dict) else None  # type: ignore[return-value]


def slugify(name: str) -> str:
    """A safe file name stem for a place name: `Adur & Worthing` -> `adur-and-worthing`."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("&", " and ")
    return "-".join(re.findall(r"[a-z0-9]+", text))[:80].strip("-")
