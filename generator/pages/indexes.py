"""Index pages: themes, lessons, Enablers, programmes and regions, each with a page per entry.

Every grouping comes from the site model (``model.site.build_site`` collects them once), so a new
place file shows up on each index it belongs to without any change here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jinja2

from ..model.counts import lesson_counts, other_participants, places_of
from ..model.page import Page
from ..model.site import Site, SitePlace, attribution
from .environment import render_page, vocabulary_source

PARTICIPANT_KINDS = (
    # kind, heading, why it has no place page (our words)
    ("national-body", "National bodies",
     "National organisations that took part alongside local teams; they are not places."),
    ("organisation", "Single organisations",
     "An NHS trust or health body rather than a whole area."),
    ("outside-england", "Outside England",
     "This site's map and regions cover England only."),
    ("area", "Areas named without a story",
     "Areas in England whose teams the report lists by name and says nothing more about: with no focus "
     "or story to retell, they have no page of their own."),
)


@dataclass(frozen=True)
class _Kind:
    folder: str
    title: str
    noun: str
    intro: str
    """What the entries are, in our words; ``{count}`` is replaced by how many there are."""


_THEMES = _Kind("themes", "Themes", "Theme",
                "{count} themes: the issue areas that run through the places' work, those with most places "
                "first. Each theme page lists its places, with their focus, and the quotes from them.")
_ENABLERS = _Kind("enablers", "Enablers", "Enabler",
                  "{count} Enablers and Leadership for Change coaches, as the report's Appendix B lists them.")
_PROGRAMMES = _Kind("programmes", "Programmes", "Programme",
                    "{count} programmes: the national Systems Leadership programmes that the places took part "
                    "in. Other participants are those the report lists for a programme that have no place "
                    "page here.")
_REGIONS = _Kind("regions", "Regions", "Region", "{count} regions: England's regions, with the places in each.")


def index_pages(site: Site, env: jinja2.Environment) -> list[Page]:
    """The index page and entry pages of every kind, in a stable order."""
    return [page for kind in INDEX_KINDS for page in kind(site, env)]


def _term_pages(site: Site, env: jinja2.Environment, kind: _Kind, entries: dict[str, Any],
                groups: dict[str, list[SitePlace]], *, empty: str) -> list[Page]:
    """Themes and regions: an index with place and quote counts, and a page per entry."""
    folder = kind.folder
    # Themes are listed as the home page lists them: most places first, then by name.
    listed = (dict(sorted(entries.items(), key=lambda item: (-len(groups[item[0]]), item[1].name.casefold())))
              if folder == "themes" else entries)
    return [
        _index(env, kind, listed, [("Places", _sizes(groups)), ("Quotes", _quote_counts(groups))]),
        *(render_page(env, "term.md.j2", f"{folder}/{key}.md", source=vocabulary_source(folder), site=site,
                     entry=entry, places=groups[key],
                      quotes=_quotes(groups[key]), empty=empty, folder=folder, plural=folder,
                      attribution=attribution)
          for key, entry in entries.items()),
    ]


def theme_pages(site: Site, env: jinja2.Environment) -> list[Page]:
    return _term_pages(site, env, _THEMES, site.themes, site.places_by_theme,
                       empty="No place in the data has this theme yet.")


def enablers_with_pages(site: Site) -> list[str]:
    """The Enablers the report ties to a place or a story: only they have a page of their own."""
    return [key for key in site.enablers if site.places_by_enabler[key] or site.stories_by_enabler[key]]


def _surname_order(name: str) -> tuple[str, str]:
    return (name.split()[-1].casefold(), name.casefold())


def enabler_pages(site: Site, env: jinja2.Environment) -> list[Page]:
    """The Enablers index (those tied to places, with counts; the others by name only, with no page
    to lead nowhere) and a page per Enabler tied to a place or story."""
    places, stories = site.places_by_enabler, site.stories_by_enabler
    with_pages = enablers_with_pages(site)
    linked = sorted(with_pages, key=lambda key: _surname_order(site.enablers[key].name))
    unlinked = sorted((key for key in site.enablers if key not in with_pages),
                      key=lambda key: _surname_order(site.enablers[key].name))
    index = render_page(env, "enabler-index.md.j2", "enablers/index.md", source=vocabulary_source("enablers"),
                        site=site, kind=_ENABLERS,
                        linked={key: site.enablers[key] for key in linked},
                        unlinked=[site.enablers[key] for key in unlinked],
                        columns=[("Places", _sizes(places)), ("Stories", _sizes(stories))])
    return [
        index,
        *(render_page(env, "enabler.md.j2", f"enablers/{key}.md", source=vocabulary_source("enablers"), site=site, entry=site.enablers[key],
                      places=places[key], stories=stories[key], attribution=attribution)
          for key in with_pages),
    ]


def programme_pages(site: Site, env: jinja2.Environment) -> list[Page]:
    places = site.places_by_programme
    others = {key: other_participants(programme, places[key]) for key, programme in site.programmes.items()}
    columns = [("Places", _sizes(places)), ("Other participants", _sizes(others)), ("Quotes", _quote_counts(places))]
    return [
        _index(env, _PROGRAMMES, site.programmes, columns),
        *(render_page(env, "programme.md.j2", f"programmes/{key}.md", source=vocabulary_source("programmes"), site=site, entry=programme, places=places[key],
                      others=others[key], participant_kinds=PARTICIPANT_KINDS)
          for key, programme in site.programmes.items()),
    ]


def region_pages(site: Site, env: jinja2.Environment) -> list[Page]:
    return _term_pages(site, env, _REGIONS, site.regions, site.places_by_region,
                       empty="No place in the data is in this region.")


def _index(env: jinja2.Environment, kind: _Kind, entries: dict[str, Any],
           columns: list[tuple[str, dict[str, int]]]) -> Page:
    """A kind's index page: a table of its entries with one column of counts per (heading, counts)."""
    return render_page(env, "term-index.md.j2", f"{kind.folder}/index.md", source=vocabulary_source(kind.folder),
                       title=kind.title, intro=kind.intro.format(count=len(entries)), noun=kind.noun,
                       entries=entries, folder=kind.folder, columns=columns)


def lesson_pages(site: Site, env: jinja2.Environment) -> list[Page]:
    """The lessons index (places, stories and quotes per lesson) and a page per lesson."""
    counts = lesson_counts(site)
    pages = [render_page(env, "lesson-index.md.j2", "lessons/index.md", source=vocabulary_source("lessons"), site=site, counts=counts)]
    lessons = list(site.lessons.values())
    for index, lesson in enumerate(lessons):
        stories = site.stories_by_lesson[lesson.id]
        pages.append(render_page(
            env, "lesson.md.j2", f"lessons/{lesson.id}.md", source=vocabulary_source("lessons"), site=site, lesson=lesson, stories=stories,
            places=places_of(stories), attribution=attribution,
            previous=lessons[index - 1] if index > 0 else None,
            next=lessons[index + 1] if index + 1 < len(lessons) else None,
        ))
    return pages


def _sizes(groups: dict[str, list[Any]]) -> dict[str, int]:
    return {key: len(items) for key, items in groups.items()}


def _quote_counts(places_by: dict[str, list[SitePlace]]) -> dict[str, int]:
    return {key: sum(len(place.quotes) for place in places) for key, places in places_by.items()}


def _quotes(places: list[SitePlace]) -> list[tuple[SitePlace, Any, Any]]:
    return [(place, story, quote) for place in places for story, quote in place.quotes]


INDEX_KINDS = (theme_pages, enabler_pages, programme_pages, region_pages, lesson_pages)
"""Each kind's index and entry pages: the build renders each kind on its own."""
