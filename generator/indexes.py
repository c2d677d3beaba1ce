"""Index pages: themes, lessons, Enablers, programmes and regions, each with a page per entry."""

from __future__ import annotations

from typing import Any

import jinja2

from .model import Site, SitePlace
from .places import attribution
from .render import Page, render_page

_KINDS = (
    # folder, title, noun, plural, intro, what an entry page says when it has no places
    ("themes", "Themes", "Theme", "themes",
     "The issue areas that run through the places' work. Each theme lists its places and their quotes.",
     "No place in the data has this theme yet."),
    ("enablers", "Enablers", "Enabler", "Enablers",
     "The Enablers and Leadership for Change coaches listed in the report's Appendix B. The report names "
     "some of them in the stories of particular places; the others it thanks without naming a place.",
     "The report thanks this Enabler in Appendix B but does not name them in any place's story."),
    ("programmes", "Programmes", "Programme", "programmes",
     "The national Systems Leadership programmes that the places took part in.",
     "The report names no place in this programme."),
    ("regions", "Regions", "Region", "regions",
     "England's nine regions and the places in each.",
     "No place in the data is in this region."),
)


def index_pages(site: Site, env: jinja2.Environment) -> list[Page]:
    pages: list[Page] = []
    groups = {
        "themes": (site.themes, site.places_by_theme),
        "enablers": (site.enablers, site.places_by_enabler),
        "programmes": (site.programmes, site.places_by_programme),
        "regions": (site.regions, site.places_by_region),
    }
    for folder, title, noun, plural, intro, empty in _KINDS:
        entries, places_by = groups[folder]
        counts = {key: len(places) for key, places in places_by.items()}
        pages.append(
            render_page(env, "term-index.md.j2", f"{folder}/index.md",
                        title=title, intro=intro, noun=noun, entries=entries, counts=counts, folder=folder)
        )
        for key, entry in entries.items():
            places = places_by[key]
            pages.append(
                render_page(env, "term.md.j2", f"{folder}/{key}.md",
                            entry=entry, places=places, quotes=_quotes(places) if folder == "themes" else [],
                            empty=empty, folder=folder, plural=plural, attribution=attribution)
            )
    pages.extend(_lesson_pages(site, env))
    return pages


def _quotes(places: list[SitePlace]) -> list[tuple[SitePlace, Any, Any]]:
    return [(place, story, quote) for place in places for story, quote in place.quotes]


def _lesson_pages(site: Site, env: jinja2.Environment) -> list[Page]:
    quote_counts = {
        key: sum(len(story.quotes) for _, story in stories) for key, stories in site.stories_by_lesson.items()
    }
    pages = [render_page(env, "lesson-index.md.j2", "lessons/index.md", site=site, quote_counts=quote_counts)]
    for key, lesson in site.lessons.items():
        pages.append(
            render_page(env, "lesson.md.j2", f"lessons/{key}.md",
                        lesson=lesson, stories=site.stories_by_lesson[key], attribution=attribution)
        )
    return pages
