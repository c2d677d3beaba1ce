"""Place pages and the all-places page."""

from __future__ import annotations

import jinja2

from .model import Site, SitePlace
from .opendata import json_ld
from .render import Page, render_page, template_source
from .schema import Lesson, Quote, Section, Story

PLACES_DIR = "site-data/places"
"""Where the place files are, relative to the repository root (for the pages' edit links)."""


def place_pages(site: Site, env: jinja2.Environment) -> list[Page]:
    pages = []
    for index, place in enumerate(site.places):
        previous = site.places[index - 1] if index > 0 else None
        following = site.places[index + 1] if index + 1 < len(site.places) else None
        pages.append(
            render_page(
                env, "place.md.j2", f"places/{place.slug}.md", source=f"{PLACES_DIR}/{place.slug}.yaml",
                site=site, place=place, previous=previous, next=following,
                groups=stories_by_lesson(site, place), sources=sources(site, place), attribution=attribution,
                json_ld=json_ld(site, place),
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


def sources(site: Site, place: SitePlace) -> list[Section]:
    """The report sections the page draws on, in the report's order."""
    used = {story.source for story in place.stories} | {outcome.source for outcome in place.outcomes}
    if place.local_vision_number:
        used.add("appendix-a")
    if place.enablers:
        used.add("appendix-b")
    return [section for key, section in site.sections.items() if key in used]


def attribution(quote: Quote) -> str:
    """`Speaker, role, organisation`, leaving out the parts the report does not give."""
    return ", ".join(part for part in (quote.speaker, quote.role, quote.organisation) if part)
