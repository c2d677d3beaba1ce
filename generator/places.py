"""Place pages and the all-places page."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from .light_maps import preview
from .model import Site, SitePlace, SourceGroup, place_order
from .opendata import json_ld
from .render import Page, render_page, template_source
from .schema import DEFAULT_PUBLICATION, Lesson, Quote, Story, Theme

PLACES_DIR = "site-data/places"
"""Where the place files are, relative to the repository root (for the pages' edit links)."""

RELATED_LIMIT = 5
"""How many related places a place page lists."""


@dataclass(frozen=True)
class Related:
    """Another place that shares themes or lessons with a place: the reason it is listed."""

    place: SitePlace
    themes: list[Theme]
    lessons: list[Lesson]

    @property
    def shared(self) -> int:
        return len(self.themes) + len(self.lessons)


def place_pages(site: Site, env: jinja2.Environment, *, site_url: str = "") -> list[Page]:
    pages = []
    outline = preview(site)
    for index, place in enumerate(site.places):
        previous = site.places[index - 1] if index > 0 else None
        following = site.places[index + 1] if index + 1 < len(site.places) else None
        pages.append(
            render_page(
                env, "place.md.j2", f"places/{place.slug}.md", source=f"{PLACES_DIR}/{place.slug}.yaml",
                site=site, place=place, previous=previous, next=following,
                groups=stories_by_lesson(site, place), sources=sources(site, place), attribution=attribution,
                related=related_places(site, place), outline=outline,
                json_ld=json_ld(site, place, site_url=site_url),
            )
        )
    pages.append(
        render_page(
            env, "places.md.j2", "places/index.md", site=site, source=template_source("places.md.j2"),
            lv_count=len(site.places_by_programme.get("local-vision", [])),
            lfc_count=len(site.places_by_programme.get("leadership-for-change", [])),
        )
    )
    return pages


def stories_by_lesson(site: Site, place: SitePlace) -> list[tuple[Lesson, list[Story]]]:
    """The place's stories grouped by lesson, in the report's order of lessons."""
    return [
        (lesson, stories)
        for lesson in site.lessons.values()
        if (stories := [story for story in place.stories if story.lesson == lesson.id])
    ]


def related_places(site: Site, place: SitePlace, *, limit: int = RELATED_LIMIT) -> list[Related]:
    """The places sharing most themes and lessons with ``place``, most first, then alphabetically;
    each with the themes and lessons it shares (in the vocabularies' order)."""
    lessons = {story.lesson for story in place.stories}
    found = []
    for other in site.places:
        if other.slug == place.slug:
            continue
        themes = [theme for key, theme in site.themes.items() if key in place.themes and key in other.themes]
        shared_lessons = [lesson for key, lesson in site.lessons.items()
                          if key in lessons and any(story.lesson == key for story in other.stories)]
        if themes or shared_lessons:
            found.append(Related(other, themes, shared_lessons))
    found.sort(key=lambda related: (-related.shared, place_order(related.place)))
    return found[:limit]


_KIND_NAMES = {"story": "stories", "quote": "quotes", "outcome": "outcomes", "update": "updates"}


def sources(site: Site, place: SitePlace) -> list[SourceGroup]:
    """The publications the page draws on, in the order of ``publications.yaml``, each with the
    sections it draws on (in the publication's order) and what comes from it; then the outside
    links that updates cite, in date order. The place's focus, region and Enablers come from the
    2015 report's appendices."""
    used: dict[str, tuple[set[str], list[str]]] = {DEFAULT_PUBLICATION: (set(), ["the place's details"])}
    if place.local_vision_number:
        used[DEFAULT_PUBLICATION][0].add("appendix-a")
    if place.enablers:
        used[DEFAULT_PUBLICATION][0].add("appendix-b")
    links = []
    for citation in place.citations:
        if citation.publication is None:
            links.append(citation.link)
            continue
        sections, kinds = used.setdefault(citation.publication, (set(), []))
        if citation.section:
            sections.add(citation.section)
        if _KIND_NAMES[citation.kind] not in kinds:
            kinds.append(_KIND_NAMES[citation.kind])
    groups = [
        SourceGroup(publication, None, [s for s in publication.sections if s.id in used[key][0]], used[key][1])
        for key, publication in site.publications.items() if key in used
    ]
    return groups + [SourceGroup(None, link, [], ["updates"]) for link in links]


def attribution(quote: Quote) -> str:
    """`Speaker, role, organisation`, leaving out the parts the report does not give."""
    return ", ".join(part for part in (quote.speaker, quote.role, quote.organisation) if part)
