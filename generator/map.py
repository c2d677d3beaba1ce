"""The map: the open data file places.geojson, the map page, the map script, and Leaflet itself.

The browser builds every marker from places.geojson, so the map script (written by folium, see
``map_elements.py``) is the same for any data, and no place text is ever part of a template or of
JavaScript source. Leaflet and Leaflet.markercluster are copied from their PyPI packages into the
generated ``map/`` folder on every build: the site loads nothing from a CDN.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path
from typing import Any

import jinja2
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster

from . import england
from .escape import Md
from .map_elements import (
    LEAFLET,
    MARKERCLUSTER,
    PlaceMap,
    full_map,
    map_script,
    small_map,
)
from .model import Site, SitePlace
from .render import Page, identifier, render_page, template_source

GEOJSON = "data/places.geojson"
OUTLINE = "map/england.geojson"
SCRIPT = "map/place-maps.js"
"""The script folium writes; it follows ``map_elements.required_assets()`` in mkdocs.yml."""

VENDORED = (
    (LEAFLET, Path(xstatic.pkg.leaflet.BASE_DIR), (
        "leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
        "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png",
    )),
    (MARKERCLUSTER, Path(xstatic.pkg.leaflet_markercluster.BASE_DIR), (
        "leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css",
    )),
)
"""Files taken from the XStatic packages: (folder in the site, package data folder, files)."""

NOTICE = """\
Leaflet 1.9.3 (https://leafletjs.com), (c) 2010-2022 Vladimir Agafonkin, (c) 2010-2011 CloudMade,
BSD 2-Clause licence; from the PyPI package XStatic-Leaflet.
Leaflet.markercluster 1.4.1 (https://github.com/Leaflet/Leaflet.markercluster), (c) 2012 David Leaver,
MIT licence; from the PyPI package XStatic-Leaflet-MarkerCluster.
"""


def map_pages(site: Site, env: jinja2.Environment) -> list[Page]:
    """The map page, places.geojson, the map script and the vendored Leaflet files."""
    return [
        render_page(env, "map.md.j2", "map/index.md", source=template_source("map.md.j2"), site=site, **map_page_values(site)),
        Page(GEOJSON, places_geojson(site)),
        *_fixed_files(),
    ]


@functools.cache
def _fixed_files() -> tuple[Page, ...]:
    """The files that do not depend on the data: made once per run."""
    return (Page(OUTLINE, england_outline()), Page(SCRIPT, map_script(maps())), *vendored_files())


def maps() -> dict[str, PlaceMap]:
    """Each kind of map, as folium elements; a container's ``data-place-map`` names its kind."""
    (south, west), (north, east) = england.bounds()
    view = [[south, west], [north, east]]
    return {
        "all": full_map(bounds=view, data=GEOJSON, outline=OUTLINE),
        "small": small_map(bounds=view, data=GEOJSON, outline=OUTLINE),
    }


def place_url(place: SitePlace) -> str:
    """The place page's address, relative to the site's root (MkDocs' directory URLs)."""
    return f"places/{place.slug}/"


def place_feature(site: Site, place: SitePlace) -> dict[str, Any]:
    """A GeoJSON Feature for one place (RFC 7946: coordinates are longitude, latitude)."""
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
            "url": place_url(place),
        },
    }


def places_geojson(site: Site) -> str:
    """Every place as a GeoJSON FeatureCollection, in the site's order of places."""
    collection = {"type": "FeatureCollection", "features": [place_feature(site, p) for p in site.places]}
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def england_outline() -> str:
    """England's outline (Natural Earth, public domain; see ``england.py``) as GeoJSON."""
    geometry = {"type": "MultiPolygon", "coordinates": [[[list(point) for point in ring]] for ring in england.rings()]}
    feature = {"type": "Feature", "properties": {"name": "England"}, "geometry": geometry}
    return json.dumps({"type": "FeatureCollection", "features": [feature]}, separators=(",", ":")) + "\n"


def filter_rules(themes: list[str], programme_sets: list[tuple[str, ...]]) -> Md:
    """The map page's filter, defined here and nowhere else, as the page's CSS: a place shows while it
    has the theme chosen (if any) and any of its programmes is still ticked in the key. The rules
    hide the list's other places, with or without JavaScript; the map script shows the markers of
    the places the list shows (``content/assets/place-map/list.js``).

    ``:has()`` is asked of the small form only, not of an ancestor of the map, whose every change
    would make the browser match these rules again. A place's programmes are matched as the whole
    set it has (``programme_sets``: every set some place has), hidden when all of them are unticked.
    """
    list_item = " ~ .place-finder__list #place-list > li"
    selectors = [f'#place-filters:has(#place-filter-theme option[value="{identifier(theme)}"]:checked)'
                 f'{list_item}:not([data-themes~="{identifier(theme)}"])' for theme in themes]
    selectors += ["#place-filters" + "".join(f":has(#place-filter-programme-{identifier(id)}:not(:checked))" for id in ids)
                  + f'{list_item}[data-programmes="{" ".join(identifier(id) for id in ids)}"]' for ids in programme_sets]
    return Md(",\n".join(selectors) + " { display: none; }" if selectors else "")


def map_page_values(site: Site) -> dict[str, Any]:
    """What the map page's filters and list need: the themes and programmes that have places."""
    programme_sets = sorted({tuple(place.programmes) for place in site.places})
    return {
        "filter_rules": filter_rules([id for id, places in site.places_by_theme.items() if places], programme_sets),
        "themes": [(site.themes[id], len(places)) for id, places in site.places_by_theme.items() if places],
        "programmes": [
            (site.programmes[id], len(places)) for id, places in site.places_by_programme.items() if places
        ],
        "pairs": sorted(Counter(tuple(place.programmes) for place in site.places if len(place.programmes) == 2).items()),
        "place_url": place_url,
    }


def vendored_files() -> list[Page]:
    """Leaflet's files from the installed packages, as pages of bytes, with a licence notice."""
    pages = [Page(f"{folder}{name}", (source / name).read_bytes()) for folder, source, names in VENDORED
             for name in names]
    return [*pages, Page("map/NOTICE.txt", NOTICE)]
