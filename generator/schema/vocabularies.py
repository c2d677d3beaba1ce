"""The vocabularies: the lists in site-data/ that place files name by id (themes, the report's
lessons, programmes, Enablers, regions, publications) and the Steering Group of Appendix C."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, Strict, field_validator

from .fields import Colour, HttpsUrl, Id, IsoDate, Line, LongLine, Name, StrictModel, Text
from .place import Correction, Quote


class LessonQuote(Quote):
    """A quote the report uses for a lesson without tying it to any place."""

    context: Text = Field(description="In our own words: who is speaking and why the report quotes them here.")
    work: Id | None = Field(
        default=None,
        description="The published work the report cites for the quote, if it cites one: an id from "
        "`site-data/publications.yaml`.",
        json_schema_extra={"vocabulary": "publications"},
    )


class Lesson(StrictModel):
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


class Theme(StrictModel):
    id: Id
    name: Name
    description: Text


class Participant(StrictModel):
    """A programme participant that the report names but that has no place page here."""

    name: Line = Field(description="The name exactly as the report lists it.")
    kind: Literal["national-body", "organisation", "outside-england", "area"] = Field(
        description="Why it is not a place on this site: a national body, a single organisation, "
        "outside England, or an area the report names without telling its story."
    )


class Programme(StrictModel):
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


class Enabler(StrictModel):
    id: Id
    name: Name


class Region(StrictModel):
    id: Id
    name: Name


class Section(StrictModel):
    """A section of a publication."""

    id: Id
    title: LongLine = Field(description="The section's heading as the publication prints it.")
    page: Annotated[int, Strict(), Field(ge=1)] | None = Field(
        default=None, description="Its first page, where the publication's contents give it."
    )


RESERVED_PUBLICATION_IDS = ("index", "corrections")
"""Pages of the Sources section that are not a publication's: ``sources/<id>.md`` must not meet them."""


class Publication(StrictModel):
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
    cited_in_report: Annotated[bool, Strict()] = Field(
        default=False, description="`true` for a work that the 2015 report itself cites (in its text or footnotes)."
    )

    @field_validator("id")
    @classmethod
    def _not_a_page_of_the_section(cls, value: str) -> str:
        if value in RESERVED_PUBLICATION_IDS:
            raise ValueError(f"`{value}` is the name of a page of the Sources section (sources/{value}.md): "
                             "choose another id")
        return value

    def section(self, section_id: str) -> Section:
        return next(section for section in self.sections if section.id == section_id)


class SteeringGroupMember(StrictModel):
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


VOCABULARIES: dict[str, type[StrictModel]] = {
    "themes": Theme,
    "lessons": Lesson,
    "programmes": Programme,
    "enablers": Enabler,
    "regions": Region,
    "publications": Publication,
    "steering-group": SteeringGroupMember,
}
"""Each vocabulary file in site-data/ (``<name>.yaml``, a list) and the model of its entries."""


def all_sections(publications: dict[str, Publication]) -> dict[str, Section]:
    """Every publication's sections by id, the first publication's where two share an id: the list the
    JSON Schema offers for a ``source`` (a section is checked against its own publication's)."""
    sections: dict[str, Section] = {}
    for publication in publications.values():
        for section in publication.sections:
            sections.setdefault(section.id, section)
    return sections
