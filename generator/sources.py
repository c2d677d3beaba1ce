"""The Sources section: an index of the publications and a page for each, listing every place,
story, quote, outcome and update that cites it (collected once in ``model.build_site``)."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from .model import Citation, Site, SitePlace
from .places import attribution
from .render import Page, render_page
from .schema import DEFAULT_PUBLICATION, Link


@dataclass(frozen=True)
class PlaceCitations:
    """What one place takes from one publication."""

    place: SitePlace
    citations: list[Citation]


def source_pages(site: Site, env: jinja2.Environment) -> list[Page]:
    """``sources/index.md`` and ``sources/<id>.md`` for every publication, in the vocabulary's order."""
    by_place = {key: citations_by_place(site, key) for key in site.publications}
    counts = {key: (place_count(site, key, by_place[key]), len(site.citations_by_publication[key]))
              for key in site.publications}
    pages = [render_page(env, "sources.md.j2", "sources/index.md", site=site, counts=counts,
                         links=linked_sources(site))]
    for key, publication in site.publications.items():
        citations = site.citations_by_publication[key]
        pages.append(render_page(
            env, "publication.md.j2", f"sources/{key}.md", site=site, publication=publication,
            groups=by_place[key], details_only=details_only(site, key, by_place[key]),
            lesson_quotes=[c for c in citations if c.place is None], attribution=attribution,
            default_publication=DEFAULT_PUBLICATION,
        ))
    return pages


def citations_by_place(site: Site, publication: str) -> list[PlaceCitations]:
    """The places that cite ``publication`` in their stories, quotes, outcomes or updates, in the site's order."""
    groups: dict[str, PlaceCitations] = {}
    for citation in site.citations_by_publication[publication]:
        if citation.place is not None:
            groups.setdefault(citation.place.slug, PlaceCitations(citation.place, [])).citations.append(citation)
    return list(groups.values())


def details_only(site: Site, publication: str, groups: list[PlaceCitations]) -> list[SitePlace]:
    """For the 2015 report, which every place's details come from: the places with nothing else from it."""
    if publication != DEFAULT_PUBLICATION:
        return []
    cited = {group.place.slug for group in groups}
    return [place for place in site.places if place.slug not in cited]


def linked_sources(site: Site) -> list[tuple[Link, list[SitePlace]]]:
    """Web pages that updates cite without a listed publication, each with the places citing it."""
    found: dict[str, tuple[Link, list[SitePlace]]] = {}
    for place in site.places:
        for update in place.ordered_updates:
            if update.link is not None:
                _, places = found.setdefault(update.link.url, (update.link, []))
                if place not in places:
                    places.append(place)
    return sorted(found.values(), key=lambda entry: (entry[0].title.casefold(), entry[0].url))


def place_count(site: Site, publication: str, groups: list[PlaceCitations]) -> int:
    """How many places draw on the publication: for the 2015 report, every place."""
    return len(site.places) if publication == DEFAULT_PUBLICATION else len(groups)
