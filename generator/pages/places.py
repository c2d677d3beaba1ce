"""Place pages and the all-places page. Each place page carries its schema.org description (JSON-LD)
in its front matter, which ``overrides/main.html`` puts in the page's <head>."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import jinja2

from ..map.svg import preview
from ..model.cards import next_in_theme, stories_on_themes
from ..model.citations import note_numbers, place_publications, place_sources
from ..model.cite import bibtex, csl_json, highwire, place_citation, ris
from ..model.counts import places_told_for
from ..model.page import Page
from ..model.related import related_places
from ..model.site import Site, SitePlace, attribution, place_url
from ..schema.files import PLACES_PATH
from ..schema.place import DEFAULT_PUBLICATION, LEADERSHIP_FOR_CHANGE, LOCAL_VISION, Link
from ..schema.vocabularies import Publication
from ..text.escape import Md, yaml_escaped
from .card_image import place_card, site_card
from .environment import render_page, template_source


def place_pages(site: Site, env: jinja2.Environment, *, site_url: str = "", places: range | None = None) -> list[Page]:
    """The page of each place (of those at ``places`` in the site's order; all by default)."""
    positions = range(len(site.places)) if places is None else places
    outline = preview(site)
    related = related_places(site, only=[site.places[index] for index in positions])
    pages = []
    for index in positions:
        place = site.places[index]
        previous = site.places[index - 1] if index > 0 else None
        following = site.places[index + 1] if index + 1 < len(site.places) else None
        sources = place_sources(site, place)
        pages.append(
            render_page(
                env, "place.md.j2", f"places/{place.slug}.md", source=f"{PLACES_PATH}/{place.slug}.yaml",
                site=site, place=place, previous=previous, next=following, next_in_theme=next_in_theme(site, place),
                sources=sources, notes=note_numbers(sources), attribution=attribution,
                related=related[place.slug],
                on_themes=stories_on_themes(site, place), outline=outline,
                json_ld=json_ld(site, place, site_url=site_url), citation=place_citation(site, place, site_url),
                highwire=Md("highwire: " + yaml_escaped(json.dumps(highwire(site, place, site_url), ensure_ascii=False))),
            )
        )
        pages += cite_files(site, place, site_url)
        if site_url:  # share cards need a full address (Open Graph): drawn only for a published site
            pages.append(Page(f"places/{place.slug}.png", place_card(site, place, outline)))
    return pages


def cite_files(site: Site, place: SitePlace, site_url: str = "") -> list[Page]:
    """The place page's citation as files to download: BibTeX, RIS and CSL-JSON, beside its page."""
    citation = place_citation(site, place, site_url)
    return [Page(f"places/{place.slug}.{ext}", make(citation))
            for ext, make in (("bib", bibtex), ("ris", ris), ("json", csl_json))]


def places_index(site: Site, env: jinja2.Environment, *, site_url: str = "") -> list[Page]:
    """The all-places page, and the page of every quote (by place, then the lessons' own); with the
    site's share card when ``site_url`` says where it is published (Open Graph wants full addresses,
    so without one no page names a card, and drawing them, a fifth of a build, is skipped)."""
    quoted = [place for place in site.places if place.quotes]
    themes = {key: theme for key, theme in site.themes.items()
              if any(key in place.themes for place in quoted)}
    return [
        render_page(
            env, "places.md.j2", "places/index.md", site=site, source=template_source("places.md.j2"),
            lv_count=len(site.places_by_programme.get(LOCAL_VISION, [])),
            lfc_count=len(site.places_by_programme.get(LEADERSHIP_FOR_CHANGE, [])),
            lfc_told=len(places_told_for(site, LEADERSHIP_FOR_CHANGE)),
        ),
        *([Page("places/index.png", site_card(site, preview(site)))] if site_url else []),
        render_page(env, "quotes.md.j2", "quotes/index.md", site=site, source=template_source("quotes.md.j2"),
                    places=quoted, themes=themes, attribution=attribution,
                    lessons=[lesson for lesson in site.lessons.values() if lesson.quotes]),
    ]


# -- JSON-LD ------------------------------------------------------------------------------------------

def json_ld(site: Site, place: SitePlace, *, site_url: str = "") -> Md:
    """A schema.org WebPage about a Place, with the works it cites, as front matter:
    ``overrides/main.html`` puts it in the page's <head>.

    Not in the page body, because Material's instant navigation re-runs scripts found in the content
    without their ``type``, which would run the JSON as code. JSON is YAML; every character outside
    printable ASCII is written as a YAML escape.
    """
    citations = [_work(publication=site.publications[key]) for key in place_publications(site, place)]
    seen: set[str] = set()
    for update in place.ordered_updates:
        if update.link is not None and update.link.url not in seen:
            seen.add(update.link.url)
            citations.append(_work(link=update.link))
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": place.name,
        "mainEntity": {
            "@type": "Place",
            "name": place.name,
            "description": place.summary,
            "geo": {"@type": "GeoCoordinates", "latitude": place.location.latitude,
                    "longitude": place.location.longitude},
            "containedInPlace": {"@type": "AdministrativeArea", "name": site.regions[place.region].name,
                                 "containedInPlace": {"@type": "Country", "name": "England"}},
            "subjectOf": _work(publication=site.publications[DEFAULT_PUBLICATION]),
        },
        "citation": citations,
    }
    if site_url:
        data["url"] = place_url(place, site_url)
    return Md("json_ld: " + yaml_escaped(_json_plain_numbers(data)))


def _work(publication: Publication | None = None, link: Link | None = None) -> dict[str, Any]:
    """A schema.org CreativeWork for a listed publication or a linked web page."""
    if publication is not None:
        work = {"@type": "Report", "name": publication.title, "datePublished": publication.date,
                "author": {"@type": "Organization", "name": publication.author}}
        if publication.url:
            work["url"] = publication.url
        return work
    assert link is not None
    return {"@type": "WebPage", "name": link.title, "url": link.url, "datePublished": link.date,
            "publisher": {"@type": "Organization", "name": link.publisher}}


def plain_decimal(number: float) -> str:
    """A number in plain decimal notation (``0.00005``, never ``5e-05``): a JSON number that YAML
    1.1, which reads a page's front matter, also takes as a number."""
    text = format(Decimal(repr(number)), "f")
    return text if "." in text else text + ".0"


def _json_plain_numbers(data: dict) -> str:
    """``data`` as JSON, with every float written by :func:`plain_decimal`."""
    floats: list[float] = []

    def swap(value: object) -> object:
        if isinstance(value, float):
            floats.append(value)
            return f"\x00{len(floats) - 1}\x00"  # no text value can hold NUL: the schema refuses it
        if isinstance(value, dict):
            return {key: swap(item) for key, item in value.items()}
        if isinstance(value, list):
            return [swap(item) for item in value]
        return value

    text = json.dumps(swap(data), ensure_ascii=False, separators=(", ", ": "))
    return re.sub(r'"\\u0000(\d+)\\u0000"', lambda match: plain_decimal(floats[int(match.group(1))]), text)
