"""The home page's generated parts (``content/index.md`` includes them as snippets): the counts of
places, the map preview, a featured quote and the themes as cards."""

from __future__ import annotations

from typing import Any

import jinja2

from ..map.svg import preview
from ..model.page import Page
from ..model.site import Site, SitePlace, attribution
from ..schema.place import Quote
from .environment import render_snippet


def home_snippets(site: Site, env: jinja2.Environment) -> list[Page]:
    """The two snippets ``content/index.md`` includes: the counts, and the map preview, quote and themes."""
    return [
        render_snippet(env, "home-counts.md.j2", "home-counts", included_in="index.md", site=site,
                       attribution=attribution, **home_counts(site)),
        render_snippet(env, "home.md.j2", "home", included_in="index.md", site=site, attribution=attribution,
                       **home_values(site)),
    ]


def home_counts(site: Site) -> dict[str, Any]:
    lv = {place.slug for place in site.places_by_programme.get("local-vision", [])}
    lfc = {place.slug for place in site.places_by_programme.get("leadership-for-change", [])}
    unplaced_quotes = sum(len(lesson.quotes) for lesson in site.lessons.values())
    return {"lv": len(lv), "lfc": len(lfc), "both": len(lv & lfc), "unplaced_quotes": unplaced_quotes}


def featured_quote(site: Site) -> tuple[SitePlace, Quote] | None:
    """The quote the home page shows: in the report's order of lessons, then of places, the first
    place quote of 12 to 40 words that starts a sentence, so that it reads well on its own."""
    for lesson in site.lessons:
        for place, story in site.stories_by_lesson[lesson]:
            for quote in story.quotes:
                if 12 <= len(quote.text.split()) <= 40 and quote.text[:1].isupper():
                    return place, quote
    return None


def home_values(site: Site) -> dict[str, Any]:
    featured = featured_quote(site)
    return {
        "map": preview(site),
        "featured": featured,
        "themes": sorted(((site.themes[key], places) for key, places in site.places_by_theme.items() if places),
                         key=lambda item: (-len(item[1]), item[0].name.casefold())),
    }
