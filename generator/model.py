"""The site model: every place and vocabulary, plus the indexes that pages need, built once.

Tags induce a graph, not a tree: a theme page needs every place with that theme, so all of the
indexes are collected here, sorted once with named keys, before anything is rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import PrivateAttr

from .schema import (
    DEFAULT_PUBLICATION,
    Enabler,
    Lesson,
    Link,
    Outcome,
    Place,
    Programme,
    Publication,
    Quote,
    Region,
    Section,
    SteeringGroupMember,
    Story,
    Theme,
    Update,
)
from .yamlfile import locate


class SitePlace(Place):
    """A checked place, with the slug and file it came from."""

    slug: str
    source_path: str
    _node: Any = PrivateAttr(default=None)

    @classmethod
    def from_place(cls, place: Place, *, slug: str, source_path: str, node: Any = None) -> SitePlace:
        site_place = cls.model_construct(**dict(place), slug=slug, source_path=source_path)
        site_place._node = node
        return site_place

    def line_of(self, loc: tuple) -> tuple[int, int]:
        """Line and column of a field in the place's file (for error messages)."""
        return locate(self._node, loc)

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
        return found

    @property
    def ordered_updates(self) -> list[Update]:
        """Updates in date order (a year sorts before the months in it), stable for equal dates."""
        return sorted(self.updates, key=lambda update: update.date)

    @property
    def from_report_only(self) -> bool:
        """Whether every fact and quote on the page comes from the 2015 report."""
        return all(citation.publication == DEFAULT_PUBLICATION for citation in self.citations)


def publication_of(item: Story | Outcome | Quote, story: Story | None = None) -> str:
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
    """`story`, `quote`, `outcome`, `update`, or `lesson quote` (a quote of the report's that belongs to no place)."""
    item: Any
    publication: str | None
    """The publication's id; None for an update whose source is a link."""
    section: str | None
    story: Story | None = None
    """For a quote, the story it belongs to."""
    lesson: Lesson | None = None
    """For a lesson quote, its lesson."""

    @property
    def link(self) -> Link | None:
        return getattr(self.item, "link", None)


@dataclass(frozen=True)
class SourceGroup:
    """A place page's sources: one publication (or outside link) and what on the page comes from it."""

    publication: Publication | None
    link: Link | None
    sections: list[Section]
    kinds: list[str]


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
