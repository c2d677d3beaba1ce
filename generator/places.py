"""Place pages and the all-places page."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from .model import Site, SitePlace, place_order
from .opendata import json_ld
from .preview import preview
from .render import Page, render_page
from .schema import Lesson, Quote, Section, Story, Theme

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


def place_pages(site: Site, env: jinja2.Environment) -> list[Page]:
    pages = []
    outline = preview(site)
    for index, place in enumerate(site.places):
        previous = site.places[index - 1] if index > 0 else None
        following = site.places[index + 1] if index + 1 < len(site.places) else None
        pages.append(
            render_page(
                env, "place.md.j2", f"places/{place.slug}.md",
                site=site, place=place, previous=previous, next=following,
                groups=stories_by_lesson(site, place), sources=sources(site, place), attribution=attribution,
                related=related_places(site, place), outline=outline,
                json_ld=json_ld(site, place),
            )
        )
    pages.append(
        render_page(
            env, "places.md.j2", "places/index.md", site=site,
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
