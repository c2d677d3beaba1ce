"""Open data: places.csv, places.json, a Frictionless datapackage.json, the Data page, and the
schema.org JSON-LD that each place page carries.

``places.geojson`` (the map's own data file) and ``place.schema.json`` (for editors) are made by
their own modules; the datapackage describes them alongside these files.
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from typing import Any

import jinja2

from .escape import Md
from .model import Site, SitePlace, publication_of
from .render import Page, human_date, render_page, template_source
from .schema import DEFAULT_PUBLICATION, Link, Publication
LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
CSV_FIELDS = (
    ("slug", "string", "The place's id; its page is places/<slug>/"),
    ("name", "string", "The place's name as the report gives it"),
    ("programmes", "string", "Programme ids, separated by semicolons"),
    ("local_vision_number", "integer", "Number in the report's Appendix A (Local Vision places only)"),
    ("focus", "string", "The focus of the work (Appendix A's words for Local Vision places)"),
    ("region", "string", "Region id"),
    ("location_label", "string", "The town or centre the coordinates mark"),
    ("latitude", "number", "WGS84 latitude"),
    ("longitude", "number", "WGS84 longitude"),
    ("themes", "string", "Theme ids, separated by semicolons"),
    ("enablers", "string", "Ids of the Enablers the report names for the place, separated by semicolons"),
    ("stories", "integer", "Number of stories"),
    ("quotes", "integer", "Number of quotes"),
    ("updates", "integer", "Number of dated updates on what happened after the report"),
    ("publications", "string", "Ids of the publications the place's page cites (see places.json), separated by semicolons"),
    ("url", "string", "The place's page: its full address when the site's address is known, else relative to the site's root"),
)


def place_url(place: SitePlace, site_url: str = "") -> str:
    """The place page's address (MkDocs' directory URLs): absolute under ``site_url`` when it is
    known (the ``SITE_URL`` the site is built for), else relative to the site's root."""
    path = f"places/{place.slug}/"
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


def report(site: Site) -> dict[str, str]:
    """The 2015 report's title, publisher and date, for citing it."""
    publication = site.publications[DEFAULT_PUBLICATION]
    return {"title": publication.title, "publisher": publication.author, "date": human_date(publication.date)}


def place_publications(site: Site, place: SitePlace) -> list[str]:
    """The ids of the publications the place's page cites: the 2015 report first (every place's
    details come from it), then the others in the order of publications.yaml."""
    used = {DEFAULT_PUBLICATION} | {c.publication for c in place.citations if c.publication}
    return [key for key in site.publications if key in used]


def _row(place: SitePlace, site: Site, site_url: str) -> dict[str, Any]:
    return {
        "slug": place.slug,
        "name": place.name,
        "programmes": ";".join(place.programmes),
        "local_vision_number": place.local_vision_number,
        "focus": place.focus,
        "region": place.region,
        "location_label": place.location.label,
        "latitude": place.location.latitude,
        "longitude": place.location.longitude,
        "themes": ";".join(place.themes),
        "enablers": ";".join(place.enablers),
        "stories": len(place.stories),
        "quotes": len(place.quotes),
        "updates": len(place.updates),
        "publications": ";".join(place_publications(site, place)),
        "url": place_url(place, site_url),
    }


def _csv_cell(value: Any) -> Any:
    # Spreadsheet programs run a cell that starts with = + - @ as a formula; a leading apostrophe
    # keeps it text. places.json has the values unaltered.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def places_csv(site: Site, site_url: str = "") -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[name for name, _, _ in CSV_FIELDS], lineterminator="\r\n")
    writer.writeheader()
    for place in site.places:
        writer.writerow({key: _csv_cell(value) for key, value in _row(place, site, site_url).items()})
    return buffer.getvalue()


def _record(place: SitePlace, site_url: str) -> dict[str, Any]:
    """A place in full, with the publication of every story, quote and outcome filled in (the
    2015 report where the file names none), and its updates in date order."""
    record = place.model_dump(mode="json", exclude={"slug", "source_path"})
    for story, data in zip(place.stories, record["stories"]):
        data["publication"] = publication_of(story)
        for quote, quote_data in zip(story.quotes, data["quotes"]):
            quote_data["publication"] = publication_of(quote, story)
    for outcome, data in zip(place.outcomes, record["outcomes"]):
        data["publication"] = publication_of(outcome)
    record["updates"] = [update.model_dump(mode="json") for update in place.ordered_updates]
    return {"slug": place.slug, "url": place_url(place, site_url), **record}


def places_json(site: Site, site_url: str = "") -> str:
    publications = [publication.model_dump(mode="json", exclude_none=True) for publication in site.publications.values()]
    document = {"report": report(site), "licence": LICENCE["name"], "publications": publications,
                "places": [_record(place, site_url) for place in site.places]}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def datapackage(site: Site) -> str:
    descriptor = {
        "name": "revolution-will-be-improvised-places",
        "title": "Places of 'The Revolution will be Improvised Part II' (2015)",
        "description": (
            "The Local Vision and Leadership for Change places of the report, with their focus, region, "
            "location, themes and Enablers. In places.csv, a text cell that begins with =, +, - or @ "
            "has an apostrophe added so that spreadsheets do not run it; places.json has every value as is."
        ),
        "licenses": [LICENCE],
        "sources": [_package_source(publication) for publication in site.publications.values()],
        "resources": [
            {
                "name": "places", "path": "places.csv", "format": "csv", "mediatype": "text/csv",
                "encoding": "utf-8", "profile": "tabular-data-resource",
                "schema": {
                    "fields": [{"name": n, "type": t, "description": d} for n, t, d in CSV_FIELDS],
                    "primaryKey": ["slug"],
                },
            },
            {"name": "places-json", "path": "places.json", "type": "json", "format": "json",
             "mediatype": "application/json"},
            {"name": "places-geojson", "path": "places.geojson", "type": "json", "format": "geojson",
             "mediatype": "application/geo+json"},
            {"name": "place-schema", "path": "place.schema.json", "type": "json", "format": "json",
             "mediatype": "application/schema+json",
             "description": "JSON Schema of a place file in site-data/places/"},
        ],
    }
    return json.dumps(descriptor, ensure_ascii=False, indent=1) + "\n"


def _package_source(publication: Publication) -> dict[str, str]:
    source = {"title": f"{publication.title}, {publication.author}, {human_date(publication.date)}"}
    if publication.url:
        source["path"] = publication.url
    return source


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


def json_ld(site: Site, place: SitePlace, *, site_url: str = "") -> Md:
    """A schema.org WebPage about a Place, with the works it cites, as front matter:
    ``overrides/main.html`` puts it in the page's <head>.

    Not in the page body, because Material's instant navigation re-runs scripts found in the content
    without their ``type``, which would run the JSON as code. JSON is YAML; every non-ASCII
    character is written as a YAML escape.
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
    return Md("json_ld: " + _NON_ASCII.sub(_yaml_escape, _json_plain_numbers(data)))


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


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _yaml_escape(match: re.Match[str]) -> str:
    # JSON's own \uXXXX pairs for characters beyond the Basic Multilingual Plane are not valid YAML
    # (lone surrogates), so every non-ASCII character gets YAML's escape instead.
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def data_pages(site: Site, env: jinja2.Environment, *, site_url: str = "") -> list[Page]:
    return [
        Page("data/places.csv", places_csv(site, site_url)),
        Page("data/places.json", places_json(site, site_url)),
        Page("data/datapackage.json", datapackage(site)),
        render_page(env, "data.md.j2", "data/index.md", source=template_source("data.md.j2"), site=site, report=report(site),
                    licence_link=Md(f"[{LICENCE['title']}]({LICENCE['path']})")),
    ]
