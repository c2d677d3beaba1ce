"""The schema of a place file, declared once.

Validation, the JSON Schema for editors (``python -m generator schema``), the ``new`` scaffold's
comments and the contribute form all come from these models: change a field here and every one of
them follows. The field types are in ``fields.py``; the vocabularies' models in ``vocabularies.py``.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, Strict, ValidationInfo, field_validator

from .fields import Coordinate, HttpsUrl, Id, IsoDate, Line, LongLine, Name, StrictModel, Text

DEFAULT_PUBLICATION = "revolution-2015"
"""The publication a story, quote or outcome comes from when it names none: the 2015 report."""
LOCAL_VISION = "local-vision"
LEADERSHIP_FOR_CHANGE = "leadership-for-change"
"""The two programmes of the report's Appendix A whose places and teams it names."""


def _publication(description: str) -> Any:
    """An optional field naming a publication by its id in `site-data/publications.yaml`."""
    return Field(default=None, description=description, json_schema_extra={"vocabulary": "publications"})


def _section(description: str) -> Any:
    """An optional field naming a section of that publication by its id."""
    return Field(default=None, description=description, json_schema_extra={"vocabulary": "sections"})


class Location(StrictModel):
    """Where the place's marker goes: its main town or centre."""

    label: Line = Field(description="The town or centre the marker stands on, e.g. `Halifax`.")
    latitude: Annotated[Coordinate, Field(ge=-90, le=90)] = Field(
        description="Degrees north, with a decimal point, e.g. `53.7248`. Must lie in England."
    )
    longitude: Annotated[Coordinate, Field(ge=-180, le=180)] = Field(
        description="Degrees east (west is negative), with a decimal point, e.g. `-1.8658`."
    )


class Quote(StrictModel):
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
    publication: Id | None = _publication(
        "Only if the quote comes from another publication than its story: an id from "
        "`site-data/publications.yaml`. Leave out otherwise."
    )


# Where a story or an outcome comes from: declared once, used by both.
_PUBLICATION = _publication(
    f"The publication it comes from: an id from `site-data/publications.yaml`. "
    f"Leave out for the 2015 report (`{DEFAULT_PUBLICATION}`)."
)
_SECTION = _section(
    "The section of the publication it comes from: an id from that publication's `sections` "
    "in `site-data/publications.yaml`, e.g. `hurdles`. Required when the publication lists sections."
)


class Story(StrictModel):
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
    programme: Id | None = Field(
        default=None,
        description="Only for a place in more than one programme, and then required: the programme whose "
        "work the story tells, as the report says: an id from the place's `programmes`.",
        json_schema_extra={"vocabulary": "programmes"},
    )


class Outcome(StrictModel):
    """A result the report lists for the place."""

    text: Text = Field(description="The outcome in our own words.")
    publication: Id | None = _PUBLICATION
    source: Id | None = _SECTION


class Link(StrictModel):
    """A public web page or document that is not in `site-data/publications.yaml`."""

    url: HttpsUrl = Field(description="Its public address, starting with `https://`.")
    title: Line = Field(description="Its title as it gives it.")
    publisher: Line = Field(description="Who published it, e.g. the council.")
    date: IsoDate = Field(description="When it was published, in quotes: `\"2016\"`, `\"2016-05\"` or `\"2016-05-20\"`.")


class Update(StrictModel):
    """What happened next: a dated development after the report, with its source. Not from the report."""

    date: IsoDate = Field(
        description="When it happened, in quotes: `\"2016\"`, `\"2016-05\"` or `\"2016-05-20\"`. Not in the future."
    )
    title: Line = Field(description="A short heading in our own words.")
    text: Text = Field(description="What happened, in our own words.")
    publication: Id | None = _publication(
        "Its source, if listed: an id from `site-data/publications.yaml`. Otherwise give `link`."
    )
    source: Id | None = _section("The section of that publication, if it lists sections: an id from its `sections`.")
    link: Link | None = Field(
        default=None, description="Its source, if it is not a listed publication: a public web page."
    )


class Correction(StrictModel):
    """A slip in the report that this file corrects, with the evidence for the correction."""

    field: Line = Field(description="Which field holds the corrected text, e.g. `focus`.")
    report_says: LongLine = Field(description="The words as the report prints them.")
    corrected: LongLine = Field(description="The words as this file gives them.")
    note: Text = Field(description="Why, in our own words: what the evidence shows.")
    publication: Id | None = _publication(
        f"The publication that is the evidence: an id from `site-data/publications.yaml`. Leave out when "
        f"the report's own text is the evidence (`{DEFAULT_PUBLICATION}`)."
    )
    source: Id | None = _section(
        "The section of that publication that is the evidence: an id from its `sections` in "
        "`site-data/publications.yaml`, e.g. `appendix-b`. Required when the publication lists sections."
    )


class Place(StrictModel):
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
    leadership_for_change_focus: LongLine | None = Field(
        default=None,
        description="Only for a place in both Local Vision and Leadership for Change: what its Leadership for "
        "Change team worked on, in our own words from the report. Leave out where the report does not say.",
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

    @field_validator("leadership_for_change_focus")
    @classmethod
    def _team_focus_of_both(cls, value: str | None, info: ValidationInfo) -> str | None:
        """A second focus only where `focus` is Appendix A's and the place also had a Leadership for Change team."""
        programmes = info.data.get("programmes")
        if value is not None and programmes is not None and not {LOCAL_VISION, LEADERSHIP_FOR_CHANGE} <= set(programmes):
            raise ValueError("only a place in both `local-vision` and `leadership-for-change` has a second focus: "
                             "for any other place, `focus` says it; remove this field")
        return value

    @field_validator("stories")
    @classmethod
    def _story_programmes(cls, stories: list[Story], info: ValidationInfo) -> list[Story]:
        """In a place of several programmes each story names its programme, one of the place's."""
        programmes = info.data.get("programmes")
        if programmes is None:
            return stories  # the programmes' own error is reported
        for index, story in enumerate(stories):
            if story.programme is None and len(programmes) > 1:
                raise ValueError(f"stories[{index}] needs `programme`: this place took part in more than one "
                                 f"programme, so say whose work the story tells ({', '.join(programmes)})")
            if story.programme is not None and story.programme not in programmes:
                raise ValueError(f"stories[{index}].programme is `{story.programme}`, which is not in the place's "
                                 f"`programmes` ({', '.join(programmes)})")
        return stories
