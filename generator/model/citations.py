"""Where each fact comes from, gathered for the pages: a place page's sources, and for each
publication the places, stories, quotes, outcomes and updates that cite it (``Site`` collects the
citations themselves once, in ``build_site``)."""

from __future__ import annotations

from dataclasses import dataclass

from ..schema.place import DEFAULT_PUBLICATION, Link
from ..schema.vocabularies import Publication, Section
from .site import Citation, Site, SitePlace


@dataclass(frozen=True)
class SourceGroup:
    """A place page's sources: one publication (or outside link) and what on the page comes from it."""

    publication: Publication | None
    link: Link | None
    sections: list[Section]
    kinds: list[str]


_KIND_NAMES = {"story": "stories", "quote": "quotes", "outcome": "outcomes", "update": "updates",
               "correction": "evidence for a correction"}


def place_sources(site: Site, place: SitePlace) -> list[SourceGroup]:
    """The publications the page draws on, in the order of ``publications.yaml``, each with the
    sections it draws on (in the order the page first cites them) and what comes from it; then the outside
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
    # Sections in the order the page first cites them: the details (appendices), then the citations.
    first = ["appendix-a", "appendix-b"] + [citation.section for citation in place.citations if citation.section]
    order = {section: index for index, section in reversed(list(enumerate(first)))}

    def page_order(sections: list[Section]) -> list[Section]:
        return sorted(sections, key=lambda section: order.get(section.id, len(order)))

    groups = [
        SourceGroup(publication, None, page_order([s for s in publication.sections if s.id in used[key][0]]),
                    used[key][1])
        for key, publication in site.publications.items() if key in used
    ]
    return groups + [SourceGroup(None, link, [], ["updates"]) for link in links]


def place_publications(site: Site, place: SitePlace) -> list[str]:
    """The ids of the publications the place's page cites: the 2015 report first (every place's
    details come from it), then the others in the order of publications.yaml."""
    used = {DEFAULT_PUBLICATION} | {c.publication for c in place.citations if c.publication}
    return [key for key in site.publications if key in used]


@dataclass(frozen=True)
class PlaceCitations:
    """What one place takes from one publication."""

    place: SitePlace
    citations: list[Citation]


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


def note_numbers(groups: list[SourceGroup]) -> dict[tuple[str, str], int]:
    """A number for each section a place page draws on, counting through its sources in the order
    the page lists them: the page's notes (``(publication id, section id)`` → number)."""
    numbers: dict[tuple[str, str], int] = {}
    for group in groups:
        if group.publication is not None:
            for section in group.sections:
                numbers[(group.publication.id, section.id)] = len(numbers) + 1
    return numbers
