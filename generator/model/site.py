"""The site model: every place and vocabulary, plus the indexes that pages need, built once.

Tags induce a graph, not a tree: a theme page needs every place with that theme, so all of the
indexes are collected here, sorted once with named keys, before anything is rendered. What pages
derive from them (sources, related places, counts) is in the other modules of this package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..schema.place import (
    DEFAULT_PUBLICATION,
    LEADERSHIP_FOR_CHANGE,
    LOCAL_VISION,
    Correction,
    Link,
    Outcome,
    Place,
    Quote,
    Story,
    Update,
)
from ..schema.vocabularies import (
    VOCABULARIES,
    Enabler,
    Lesson,
    Programme,
    Publication,
    Region,
    Section,
    SteeringGroupMember,
    Theme,
    all_sections,
)

LOCAL_VISION_NUMBER = "Local Vision place no."
"""How a place's number in the report's Appendix A is named, on every page and in the map's popups."""


def local_vision_number(number: int) -> str:
    """A place's number in the report's Appendix A, as the pages and popups name it."""
    return f"{LOCAL_VISION_NUMBER} {int(number)}"


class SitePlace(Place):
    """A checked place, with the slug and file it came from."""

    slug: str
    source_path: str

    @classmethod
    def from_place(cls, place: Place, *, slug: str, source_path: str) -> SitePlace:
        return cls.model_construct(**dict(place), slug=slug, source_path=source_path)

    @property
    def quotes(self) -> list[tuple[Story, Quote]]:
        return [(story, quote) for story in self.stories for quote in story.quotes]

    @property
    def citations(self) -> list[Citation]:
        """Everything on the place's page that comes from a source, in page order."""
        found = []
        for story in self.stories:
            found.append(Citation(self, "story", story, publication_of(story), story.source))
            for quote in story.quotes:
                found.append(Citation(self, "quote", quote, publication_of(quote, story), story.source, story))
        found += [Citation(self, "outcome", item, publication_of(item), item.source) for item in self.outcomes]
        found += [Citation(self, "update", item, item.publication, item.source) for item in self.ordered_updates]
        found += [Citation(self, "correction", item, publication_of(item), item.source) for item in self.corrections]
        return found

    @property
    def ordered_updates(self) -> list[Update]:
        """Updates in date order (a year sorts before the months in it), stable for equal dates."""
        return sorted(self.updates, key=lambda update: update.date)

    @property
    def from_report_only(self) -> bool:
        """Whether every fact and quote on the page comes from the 2015 report."""
        return all(citation.publication == DEFAULT_PUBLICATION for citation in self.citations)


def story_programme(place: Place, story: Story) -> str | None:
    """The programme whose work a story tells: its own, or the place's only programme."""
    if story.programme is not None:
        return story.programme
    return place.programmes[0] if len(place.programmes) == 1 else None


def programme_focus(place: Place, programme: str) -> str | None:
    """The focus of the place's work in one of its programmes, or None where the report gives none.

    A Local Vision place's ``focus`` is Appendix A's, the focus of its Local Vision project; a place in
    no other programme has one focus for all its work. A Local Vision place's Leadership for Change
    team has its own, ``leadership_for_change_focus``, where the report tells it."""
    if programme == LOCAL_VISION or LOCAL_VISION not in place.programmes:
        return place.focus
    if programme == LEADERSHIP_FOR_CHANGE:
        return place.leadership_for_change_focus
    return None


def place_url(place: SitePlace, site_url: str = "") -> str:
    """The place page's address (MkDocs' directory URLs): absolute under ``site_url`` when it is
    known (the ``SITE_URL`` the site is built for), else relative to the site's root."""
    path = f"places/{place.slug}/"
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


def attribution(quote: Quote) -> str:
    """`Speaker, role, organisation`, leaving out the parts the report does not give."""
    return ", ".join(part for part in (quote.speaker, quote.role, quote.organisation) if part)


def publication_of(item: Story | Outcome | Quote | Correction, story: Story | None = None) -> str:
    """The id of the publication an item comes from: its own, its story's, or the 2015 report."""
    if item.publication:
        return item.publication
    if story is not None:
        return publication_of(story)
    return DEFAULT_PUBLICATION


@dataclass(frozen=True)
class Citation:
    """One item of a place that cites a source: a story, quote, outcome or update."""

    place: SitePlace | None
    kind: str
    """`story`, `quote`, `outcome`, `update`, `correction` (the evidence for one), or `lesson quote` (a quote
    of the report's that belongs to no place)."""
    item: Any
    publication: str | None
    """The publication's id; None for an update whose source is a link."""
    section: str | None
    story: Story | None = None
    """For a quote, the story it belongs to."""
    lesson: Lesson | None = None
    """For a lesson quote, its lesson."""
    member: SteeringGroupMember | None = None
    """For a correction to Appendix C, the Steering Group entry it corrects."""

    @property
    def link(self) -> Link | None:
        return getattr(self.item, "link", None)


@dataclass(frozen=True)
class Site:
    places: tuple[SitePlace, ...]
    themes: dict[str, Theme]
    lessons: dict[str, Lesson]
    programmes: dict[str, Programme]
    enablers: dict[str, Enabler]
    regions: dict[str, Region]
    sections: dict[str, Section]
    """The 2015 report's sections by id (what the report's narrative pages are built from)."""
    publications: dict[str, Publication]
    citations_by_publication: dict[str, list[Citation]]
    """Every item that cites each publication, by place in the site's order, then the lesson quotes."""
    places_by_theme: dict[str, list[SitePlace]]
    places_by_programme: dict[str, list[SitePlace]]
    places_by_enabler: dict[str, list[SitePlace]]
    places_by_region: dict[str, list[SitePlace]]
    stories_by_lesson: dict[str, list[tuple[SitePlace, Story]]]
    stories_by_enabler: dict[str, list[tuple[SitePlace, Story]]] = field(default_factory=dict)
    steering_group: dict[str, SteeringGroupMember] = field(default_factory=dict)

    @property
    def quote_count(self) -> int:
        return sum(len(place.quotes) for place in self.places)

    def vocabularies(self) -> dict[str, dict[str, Any]]:
        """Every vocabulary by its file's name (as validation loads them), plus ``sections``: every
        publication's sections by id. What the JSON Schema and the contribute form are made from."""
        vocab: dict[str, dict[str, Any]] = {name: getattr(self, name.replace("-", "_"), {}) for name in VOCABULARIES}
        vocab["sections"] = all_sections(self.publications)
        return vocab


def place_order(place: Place) -> tuple[str, str]:
    """Places are listed alphabetically, ignoring case."""
    return (place.name.casefold(), place.name)


def build_site(places: list[SitePlace], vocab: dict[str, dict[str, Any]]) -> Site:
    ordered = tuple(sorted(places, key=place_order))

    def group(keys: dict[str, Any], ids_of: Callable[[SitePlace], list[str]]) -> dict[str, list[SitePlace]]:
        result: dict[str, list[SitePlace]] = {key: [] for key in keys}
        for place in ordered:
            for key in ids_of(place):
                result[key].append(place)
        return result

    stories_by_lesson: dict[str, list[tuple[SitePlace, Story]]] = {key: [] for key in vocab["lessons"]}
    stories_by_enabler: dict[str, list[tuple[SitePlace, Story]]] = {key: [] for key in vocab["enablers"]}
    for place in ordered:
        for story in place.stories:
            stories_by_lesson[story.lesson].append((place, story))
            for enabler in story.enablers:
                stories_by_enabler[enabler].append((place, story))

    citations: dict[str, list[Citation]] = {key: [] for key in vocab["publications"]}
    for place in ordered:
        for citation in place.citations:
            if citation.publication is not None:
                citations[citation.publication].append(citation)
    for lesson in vocab["lessons"].values():
        for quote in lesson.quotes:
            publication = publication_of(quote)
            citations[publication].append(Citation(None, "lesson quote", quote, publication, None, lesson=lesson))
            if quote.work is not None and quote.work != publication:  # the work the report cites for it
                citations[quote.work].append(Citation(None, "lesson quote", quote, quote.work, None, lesson=lesson))
    for member in vocab.get("steering-group", {}).values():
        for correction in member.corrections:
            publication = publication_of(correction)
            citations[publication].append(Citation(None, "correction", correction, publication, correction.source,
                                                   member=member))

    publications: dict[str, Publication] = vocab["publications"]
    return Site(
        places=ordered,
        publications=publications,
        citations_by_publication=citations,
        themes=vocab["themes"],
        lessons=vocab["lessons"],
        programmes=vocab["programmes"],
        enablers=vocab["enablers"],
        regions=vocab["regions"],
        sections={section.id: section for section in publications[DEFAULT_PUBLICATION].sections},
        places_by_theme=group(vocab["themes"], lambda p: p.themes),
        places_by_programme=group(vocab["programmes"], lambda p: p.programmes),
        places_by_enabler=group(vocab["enablers"], lambda p: p.enablers),
        places_by_region=group(vocab["regions"], lambda p: [p.region]),
        stories_by_lesson=stories_by_lesson,
        stories_by_enabler=stories_by_enabler,
        steering_group=vocab.get("steering-group", {}),
    )
