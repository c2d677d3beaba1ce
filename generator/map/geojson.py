"""The map's data files: every place as GeoJSON (``data/places.geojson``, also open data), and
England's outline (``map/england.geojson``), which shows where the places are even without tiles.

The browser builds every marker from places.geojson, so the map script is the same for any data, and
no place text is ever part of a template or of JavaScript source.
"""

from __future__ import annotations

import json
from typing import Any

from ..model.site import Site, SitePlace, place_url
from ..schema import england

GEOJSON = "data/places.geojson"
OUTLINE = "map/england.geojson"


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
        },
    }


def places_geojson(site: Site, site_url: str = "") -> str:
    """Every place as a GeoJSON FeatureCollection, in the site's order of places."""
    collection = {"type": "FeatureCollection", "features": [place_feature(site, p, site_url) for p in site.places]}
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def england_outline() -> str:
    """England's outline (Natural Earth, public domain; see ``schema/england.py``) as GeoJSON."""
    geometry = {"type": "MultiPolygon", "coordinates": [[[list(point) for point in ring]] for ring in england.rings()]}
    feature = {"type": "Feature", "properties": {"name": "England"}, "geometry": geometry}
    return json.dumps({"type": "FeatureCollection", "features": [feature]}, separators=(",", ":")) + "\n"
