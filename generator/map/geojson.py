"""The map's data files: every place as GeoJSON (``data/places.geojson``, also open data), and the
map's own basemap (``map/basemap.geojson``: England's nine regions, Wales and Scotland, made once by
``scripts/basemap.py`` from Natural Earth and committed beside this module), so that a map asks no
other host for anything until the reader chooses the street map.

The browser builds every marker from places.geojson, so the map script is the same for any data, and
no place text is ever part of a template or of JavaScript source.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model.site import Site, SitePlace, attribution, place_url

GEOJSON = "data/places.geojson"
BASEMAP = "map/basemap.geojson"
QUOTE_LENGTH = (40, 320)
"""A popup's quote is the shortest of the place's quotes in this range of characters (a few words
lifted from a sentence say little out of context; a paragraph does not fit a popup)."""


def popup_quote(place: SitePlace) -> dict[str, str] | None:
    """The place's shortest quote of a popup's length, verbatim, with its attribution; or None."""
    fitting = [(len(quote.text), index, quote) for index, (_, quote) in enumerate(place.quotes)
               if QUOTE_LENGTH[0] <= len(quote.text) <= QUOTE_LENGTH[1]]
    if not fitting:
        return None
    quote = min(fitting)[2]
    return {"text": quote.text, "by": attribution(quote)}


def place_feature(site: Site, place: SitePlace, site_url: str = "") -> dict[str, Any]:
    """A GeoJSON Feature for one place (RFC 7946: coordinates are longitude, latitude). Its page's
    address is absolute under ``site_url`` when that is known, as in places.csv and places.json;
    the map resolves either against the site's root."""
    return {
        "type": "Feature",
        "id": place.slug,
        "geometry": {"type": "Point", "coordinates": [place.location.longitude, place.location.latitude]},
        "properties": {
            "slug": place.slug,
            "name": place.name,
            "number": place.local_vision_number,
            "focus": place.focus,
            "programmes": list(place.programmes),
            "programme_names": [site.programmes[id].name for id in place.programmes],
            "themes": list(place.themes),
            "theme_names": [site.themes[id].name for id in place.themes],
            "region": place.region,
            "region_name": site.regions[place.region].name,
            "location": place.location.label,
            "url": place_url(place, site_url),
            "story": bool(place.stories),
            "quote": popup_quote(place),
        },
    }


def places_geojson(site: Site, site_url: str = "") -> str:
    """Every place as a GeoJSON FeatureCollection, in the site's order of places."""
    collection = {"type": "FeatureCollection", "features": [place_feature(site, p, site_url) for p in site.places]}
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def basemap() -> str:
    """The basemap as committed (``basemap.geojson`` beside this module; its ``source``, ``licence`` and
    ``simplified`` fields say how it was made)."""
    return Path(__file__).with_name("basemap.geojson").read_text(encoding="utf-8")
