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
from typing import Any

import jinja2

from .escape import Md
from .model import Site, SitePlace
from .render import Page, render_page, template_source

REPORT = {
    "title": "The Revolution will be Improvised Part II — Insights from places on transforming systems",
    "publisher": "The Leadership Centre for the Systems Leadership Steering Group",
    "date": "November 2015",
}
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
    ("quotes", "integer", "Number of quotes from the report"),
    ("url", "string", "The place's page, relative to the site's root"),
)


def place_url(place: SitePlace) -> str:
    """The place page's address relative to the site root (MkDocs' directory URLs)."""
    return f"places/{place.slug}/"


def _row(place: SitePlace) -> dict[str, Any]:
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
        "url": place_url(place),
    }


def _csv_cell(value: Any) -> Any:
    # Spreadsheet programs run a cell that starts with = + - @ as a formula; a leading apostrophe
    # keeps it text. places.json has the values unaltered.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def places_csv(site: Site) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[name for name, _, _ in CSV_FIELDS], lineterminator="\r\n")
    writer.writeheader()
    for place in site.places:
        writer.writerow({key: _csv_cell(value) for key, value in _row(place).items()})
    return buffer.getvalue()


def places_json(site: Site) -> str:
    records = [
        {"slug": place.slug, "url": place_url(place), **place.model_dump(mode="json", exclude={"slug", "source_path"})}
        for place in site.places
    ]
    return json.dumps({"report": REPORT, "licence": LICENCE["name"], "places": records},
                      ensure_ascii=False, indent=1) + "\n"


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
        "sources": [{"title": f"{REPORT['title']}, {REPORT['publisher']}, {REPORT['date']}"}],
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


def json_ld(site: Site, place: SitePlace) -> Md:
    """A schema.org Place as front matter: ``overrides/main.html`` puts it in the page's <head>.

    Not in the page body, because Material's instant navigation re-runs scripts found in the content
    without their ``type``, which would run the JSON as code. JSON is YAML; every non-ASCII
    character is written as a YAML escape.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "Place",
        "name": place.name,
        "description": place.summary,
        "geo": {"@type": "GeoCoordinates", "latitude": place.location.latitude,
                "longitude": place.location.longitude},
        "containedInPlace": {"@type": "AdministrativeArea", "name": site.regions[place.region].name,
                             "containedInPlace": {"@type": "Country", "name": "England"}},
        "subjectOf": {"@type": "Report", "name": REPORT["title"], "datePublished": "2015-11",
                      "publisher": {"@type": "Organization", "name": "The Leadership Centre"}},
    }
    text = json.dumps(data, ensure_ascii=False, separators=(", ", ": "))
    return Md("json_ld: " + _NON_ASCII.sub(_yaml_escape, text))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _yaml_escape(match: re.Match[str]) -> str:
    # JSON's own \uXXXX pairs for characters beyond the Basic Multilingual Plane are not valid YAML
    # (lone surrogates), so every non-ASCII character gets YAML's escape instead.
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def data_pages(site: Site, env: jinja2.Environment) -> list[Page]:
    return [
        Page("data/places.csv", places_csv(site)),
        Page("data/places.json", places_json(site)),
        Page("data/datapackage.json", datapackage(site)),
        render_page(env, "data.md.j2", "data/index.md", source=template_source("data.md.j2"), site=site, report=REPORT,
                    licence_link=Md(f"[{LICENCE['title']}]({LICENCE['path']})")),
    ]
