"""Open data: places.csv, places.json, a Frictionless datapackage.json, the published JSON Schema
of a place file, and the Data page that links them.

``places.geojson`` (the map's own data file) is made by ``map/geojson.py`` and ``place.schema.json``
by ``schema/json_schema.py``; the datapackage describes them alongside these files.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import jinja2

from ..model.citations import place_publications
from ..model.page import Page
from ..model.site import Site, SitePlace, place_url, publication_of
from ..schema.files import SCHEMA_FILE
from ..schema.json_schema import schema_text
from ..schema.place import DEFAULT_PUBLICATION
from ..schema.vocabularies import Publication
from ..text.escape import Md
from .environment import human_date, render_page, template_source

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


def report(site: Site) -> dict[str, str]:
    """The 2015 report's title, publisher and date, for citing it."""
    publication = site.publications[DEFAULT_PUBLICATION]
    return {"title": publication.title, "publisher": publication.author, "date": human_date(publication.date)}


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


def data_pages(site: Site, env: jinja2.Environment, *, site_url: str = "") -> list[Page]:
    return [
        Page("data/places.csv", places_csv(site, site_url)),
        Page("data/places.json", places_json(site, site_url)),
        Page("data/datapackage.json", datapackage(site)),
        Page(f"data/{SCHEMA_FILE}", schema_text(site.vocabularies())),
        render_page(env, "data.md.j2", "data/index.md", source=template_source("data.md.j2"), site=site, report=report(site),
                    licence_link=Md(f"[{LICENCE['title']}]({LICENCE['path']})")),
    ]
