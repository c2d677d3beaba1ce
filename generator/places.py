"""Place pages and the all-places page."""

from __future__ import annotations

import jinja2

from .model import Site, SitePlace, SourceGroup
from .opendata import json_ld
from .render import Page, render_page, template_source
from .schema import DEFAULT_PUBLICATION, Lesson, Quote, Story

PLACES_DIR = "site-data/places"
"""Where the place files are, relative to the repository root (for the pages' edit links)."""


def place_pages(site: Site, env: jinja2.Environment, *, site_url: str = "") -> list[Page]:
    pages = []
    for index, place in enumerate(site.places):
        previous = site.places[index - 1] if index > 0 else None
        following = site.places[index + 1] if index + 1 < len(site.places) else None
        pages.append(
            render_page(
                env, "place.md.j2", f"places/{place.slug}.md", source=f"{PLACES_DIR}/{place.slug}.yaml",
                site=site, place=place, previous=previous, next=following,
                groups=stories_by_lesson(site, place), sources=sources(site, place), attribution=attribution,
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
