"""The map's files that do not depend on the data: the map script folium writes from ``elements``,
the basemap, and Leaflet and Leaflet.markercluster copied from their PyPI packages (the site
loads nothing from a CDN), with their licence notice."""

from __future__ import annotations

import functools
from pathlib import Path

import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster

from ..model.page import Page
from ..schema import england
from .elements import LEAFLET, MARKERCLUSTER, PlaceMap, full_map, map_script, small_map
from .geojson import BASEMAP, GEOJSON, basemap

SCRIPT = "map/place-maps.js"
"""The script folium writes; it follows ``elements.required_assets()`` in site.js's list."""

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


@functools.cache
def fixed_files() -> tuple[Page, ...]:
    """The files that do not depend on the data: made once per run."""
    return (Page(BASEMAP, basemap()), Page(SCRIPT, map_script(maps())), *vendored_files())


def maps() -> dict[str, PlaceMap]:
    """Each kind of map, as folium elements; a container's ``data-place-map`` names its kind."""
    (south, west), (north, east) = england.bounds()
    view = [[south, west], [north, east]]
    return {
        "all": full_map(bounds=view, data=GEOJSON, basemap=BASEMAP),
        "small": small_map(bounds=view, data=GEOJSON, basemap=BASEMAP),
    }


def vendored_files() -> list[Page]:
    """Leaflet's files from the installed packages, as pages of bytes, with a licence notice."""
    pages = [Page(f"{folder}{name}", (source / name).read_bytes()) for folder, source, names in VENDORED
             for name in names]
    return [*pages, Page("map/NOTICE.txt", NOTICE)]
