"""The map page, with the map's files: places.geojson, England's outline, the map script and Leaflet.

Imported only when the map is drawn (``commands/build.render_site``): folium takes a second to
import, and validate, schema and new (the commands a contributor runs most) never draw the map.
"""

from __future__ import annotations

import jinja2

from ..map.filters import map_page_values
from ..map.geojson import GEOJSON, places_geojson
from ..map.leaflet import fixed_files
from ..model.page import Page
from ..model.site import Site
from .environment import render_page, template_source


def map_pages(site: Site, env: jinja2.Environment, *, site_url: str = "") -> list[Page]:
    """The map page, places.geojson, the map script and the vendored Leaflet files. ``site_url`` is the
    published address, when known: places.geojson then gives full page addresses."""
    return [
        render_page(env, "map.md.j2", "map/index.md", source=template_source("map.md.j2"), site=site,
                    **map_page_values(site)),
        Page(GEOJSON, places_geojson(site, site_url)),
        *fixed_files(),
    ]
