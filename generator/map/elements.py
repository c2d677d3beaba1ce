"""folium elements for the place maps, and the map script that folium writes from them.

folium composes each kind of map (Leaflet options, tile layer, clusters, layers, controls) and renders
its JavaScript. Three of its defaults are wrong for a page of this site, so :class:`PlaceMap` replaces
the Map template: folium's writes ``html, body {height: 100%}``, Bootstrap and a ``user-scalable=no``
viewport into the page head, and ties the map to a random element id. Here only the script part of the
figure is kept, wrapped in a function of the container element, so one script serves every page.

No place text reaches any element here: folium renders popup and tooltip text as a Jinja template,
and puts it in a JavaScript template literal without escaping. The markers come from places.geojson
in the browser (``content/assets/place-map/``), which puts names and foci in the page as text.
"""

from __future__ import annotations

from dataclasses import dataclass

import folium
from branca.element import CssLink, Figure, JavascriptLink, MacroElement
from folium.plugins import MarkerCluster
from folium.template import Template


@dataclass(frozen=True)
class TileSource:
    """A slippy-map tile server: the only host outside the site that a page with a map contacts."""

    url: str
    attribution: str
    max_zoom: int


TILES = TileSource(
    url="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    max_zoom=19,
)
"""The tile server of the "Street map" button, configured here and nowhere else: no tile is asked for
until the reader presses it. OpenStreetMap's policy asks for the visible attribution above and a
Referer header (see ``overrides/main.html``)."""
BASEMAP_ATTRIBUTION = "Regions: Natural Earth (public domain)"
"""The attribution of the map's own basemap (``map/geojson.BASEMAP``)."""

RUNTIME_JS = tuple(
    f"assets/place-map/{name}.js"
    for name in ("data", "state", "list", "markers", "spread", "keyboard", "layer", "scrolling", "controls", "map")
)
"""The map runtime, one file per concern, in the order they run (a file uses only those before it):
data (places.geojson, bounds, this site's addresses), filter state and the address, the list beside
the map, markers and popups, close neighbours set apart and names shown, the keyboard, the places layer (markers, list, status line and address
in step), the wheel and one finger scrolling the page until the map is engaged, the map's buttons,
and each map's set-up (``map.js``, last). They are classic scripts that add to
one object (``window.PlaceMapParts``, which ``map.js`` publishes whole as ``window.PlaceMaps``), or
to ``module.exports`` where there is a ``module``: the browser runs them in site.js's ordered queue
with Leaflet (a classic script that folium's output expects as a global), and Node's test runner
loads the same files (tests/js/) with ``require``, with no bundler and no build step. ES modules
would not join that queue in order."""
RUNTIME_CSS = "assets/place-map.css"
LEAFLET = "map/leaflet/"
MARKERCLUSTER = "map/leaflet.markercluster/"

class PlaceMap(folium.Map):
    """A Leaflet map in ``container`` (a variable of the function the script is wrapped in).

    It first fits ``data-bounds`` of the container (``south,west,north,east``) if there is one, else
    ``bounds``; the reset-view control goes back to the same view. Its script yields the map as soon
    as it is made (see :func:`map_script`), and so can only run inside the generator written there.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.map(container, {{ this.options|tojavascript }});
            yield {{ this.get_name() }};
            {{ this.get_name() }}.placeHome = {
                bounds: PlaceMaps.bounds(container, {{ this.bounds|tojson }}),
                options: {{ this.fit_options|tojavascript }}
            };
            {{ this.get_name() }}.fitBounds({{ this.get_name() }}.placeHome.bounds, {{ this.get_name() }}.placeHome.options);
        {% endmacro %}
        """
    )
    default_js = [("leaflet", LEAFLET + "leaflet.js")]
    default_css = [("leaflet_css", LEAFLET + "leaflet.css")]

    def __init__(self, name: str, *, bounds: list[list[float]], fit_options: dict, min_zoom: int | None = None,
                 **options: object) -> None:
        super().__init__(tiles=None, **options)
        self._id = name
        if min_zoom is not None:
            self.options["min_zoom"] = min_zoom  # folium gives min_zoom to the tile layer only
        self.options["max_zoom"] = TILES.max_zoom  # with no tile layer, the map needs its own
        self.bounds = bounds
        self.fit_options = fit_options
        self.options.pop("zoom", None)  # the view comes from fitBounds


class PlaceCluster(MarkerCluster):
    """Leaflet.markercluster, served from the site."""

    default_js = [("markerclusterjs", MARKERCLUSTER + "leaflet.markercluster.js")]
    default_css = [
        ("markerclustercss", MARKERCLUSTER + "MarkerCluster.css"),
        ("markerclusterdefaultcss", MARKERCLUSTER + "MarkerCluster.Default.css"),
    ]


class ResetView(MacroElement):
    """A button that goes back to the map's first view."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            PlaceMaps.resetViewControl({{ this.options|tojavascript }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, *, position: str = "topleft") -> None:
        super().__init__()
        self._name = "ResetView"
        self.options = {"position": position}


class Fullscreen(MacroElement):
    """A button that shows the map on the whole screen (or the whole window, where the browser
    cannot make an element fullscreen) and back."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            PlaceMaps.fullscreenControl({{ this.options|tojavascript }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, *, position: str = "topleft") -> None:
        super().__init__()
        self._name = "Fullscreen"
        self.options = {"position": position}


class Gestures(MacroElement):
    """The wheel and one-finger drags scroll the page until the reader engages the map (a click, a
    tap or the keyboard focus); Ctrl/⌘ + wheel and two fingers work at any time. Needs the map's
    ``scroll_wheel_zoom`` off at first; ``PlaceMaps.gestures`` turns it on while engaged."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.placeGestures = PlaceMaps.gestures({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "Gestures"


class Basemap(MacroElement):
    """The map's own basemap under the markers: England's regions with their names, Wales and Scotland
    faded, in the page's palette. It comes from the site: no tile server is asked."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            PlaceMaps.basemapLayer(container, {{ this.options|tojavascript }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, *, data: str) -> None:
        super().__init__()
        self._name = "Basemap"
        self.options = {"data": data, "attribution": BASEMAP_ATTRIBUTION}


class StreetMap(MacroElement):
    """A "Street map" button: OpenStreetMap's tiles (``TILES``), loaded only once the reader asks."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            PlaceMaps.streetMapControl({{ this.options|tojavascript }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, *, position: str = "topright") -> None:
        super().__init__()
        self._name = "StreetMap"
        self.options = {"position": position, "url": TILES.url, "attribution": TILES.attribution,
                        "max_zoom": TILES.max_zoom}


class PlaceMarkers(folium.elements.JSCSSMixin, MacroElement):
    """The places, read from places.geojson in the browser: one marker each, with popups, filters,
    deep links and the list beside the map kept in step (see ``content/assets/place-map/``)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            PlaceMaps.placesLayer(container, {
                cluster: {{ this.cluster.get_name() if this.cluster else "null" }},
                ...{{ this.options|tojavascript }}
            }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )
    default_js = [(f"place_map_{i}", path) for i, path in enumerate(RUNTIME_JS)]
    default_css = [("place_map_css", RUNTIME_CSS)]

    def __init__(self, *, data: str, cluster: PlaceCluster | None = None) -> None:
        super().__init__()
        self._name = "PlaceMarkers"
        self.cluster = cluster
        self.options = {"data": data}


def _stable(element: MacroElement, name: str) -> MacroElement:
    """folium names elements with random hex; a fixed name keeps two builds byte-identical."""
    element._id = name
    return element


def full_map(*, bounds: list[list[float]], data: str, basemap: str) -> PlaceMap:
    """The map page's map: every place. Where the map is wide enough, close neighbours are set apart
    so that every place has a marker of its own; on a narrow screen they are grouped (the cluster).
    The filters beside it (theme, and the key of programmes) are the page's form, read by the places
    layer."""
    m = PlaceMap(
        "all", bounds=bounds, fit_options={"padding": [8, 8]},
        zoom_snap=0.25, min_zoom=4, scroll_wheel_zoom=False,
    )
    _stable(Basemap(data=basemap), "all").add_to(m)
    cluster = _stable(PlaceCluster(control=False, show_coverage_on_hover=False, max_cluster_radius=40), "all")
    cluster.add_to(m)
    _stable(ResetView(), "all").add_to(m)
    _stable(Fullscreen(), "all").add_to(m)
    _stable(StreetMap(), "all").add_to(m)
    _stable(Gestures(), "all").add_to(m)
    _stable(PlaceMarkers(data=data, cluster=cluster), "all").add_to(m)
    return m


def small_map(*, bounds: list[list[float]], data: str, basemap: str) -> PlaceMap:
    """A small map of a few places (a theme's, a region's), fitted to them."""
    # At most zoom 9: close enough to set London's boroughs apart, far enough that a lone place still
    # shows its county. The padding leaves room for the markers' names.
    fit = {"paddingTopLeft": [30, 30], "paddingBottomRight": [30, 30], "maxZoom": 9}
    m = PlaceMap(
        "small", bounds=bounds, fit_options=fit,
        zoom_snap=0.5, scroll_wheel_zoom=False,
    )
    _stable(Gestures(), "small").add_to(m)
    _stable(Basemap(data=basemap), "small").add_to(m)
    _stable(ResetView(), "small").add_to(m)
    _stable(StreetMap(), "small").add_to(m)
    _stable(PlaceMarkers(data=data), "small").add_to(m)
    return m


def map_script(maps: dict[str, PlaceMap]) -> str:
    """The JavaScript that sets up each kind of map: ``PlaceMaps.setups[kind](container)``.

    Each setup is a generator that yields between folium's elements (the map, its tiles, the outline,
    the clusters, the controls, the places), and the map's own script yields the map once it is made.
    The runtime (``content/assets/place-map/map.js``) runs each step as a task of its own: making a
    whole map in one task would hold up a phone's page for a quarter of a second.
    """
    parts = ["/* Written by generator/map/elements.py with folium; do not edit. */\n"]
    for kind, m in maps.items():
        figure = m.get_root()
        assert isinstance(figure, Figure)
        figure.render()
        steps = ["\n".join("    " + line.strip() for line in element.render().splitlines() if line.strip())
                 for element in figure.script._children.values()]
        body = "\n    yield;\n".join(step for step in steps if step)
        parts.append(f"PlaceMaps.setups[{kind!r}] = function* (container) {{\n{body}\n"
                     f"    return {m.get_name()};\n}};\n")
    parts.append("PlaceMaps.ready();\n")
    return "\n".join(parts)


def required_assets(maps: dict[str, PlaceMap]) -> tuple[list[str], list[str]]:
    """The scripts and style sheets the maps need, in the order folium lists them (paths in the site)."""
    scripts: list[str] = []
    styles: list[str] = []
    for m in maps.values():
        figure = m.get_root()
        figure.render()
        for child in figure.header._children.values():
            if isinstance(child, JavascriptLink) and child.url not in scripts:
                scripts.append(child.url)
            elif isinstance(child, CssLink) and child.url not in styles:
                styles.append(child.url)
    return scripts, styles
