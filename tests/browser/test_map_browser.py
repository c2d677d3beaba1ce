"""The map in Chromium: what a reader sees, clicks and types, with the tile server kept off the network."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_map import (
    ALL_MAP,
    BLANK_TILE,
    COUNTED,
    NAME_OF,
    PLACES,
    PROGRAMMES,
    THEMES,
    TILE_HOST,
    TILES_GLOB,
    VISIBLE,
    open_map,
    wait_for_map,
    wait_until_still,
)
from hostile_map import HOSTILE_NAME, HOSTILE_QUOTE, HOSTILE_THEME
from site_pages import load_vocabulary

from generator.schema import england

pytestmark = pytest.mark.browser


@pytest.fixture
def map_page(page, site_url: str):
    """The browser page, with tile requests answered locally and every request recorded."""
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))
    page.route(TILES_GLOB, lambda route: route.fulfill(status=200, content_type="image/png", body=BLANK_TILE))
    return page


def _heading(page) -> str:
    """The page's h1 without its permalink sign."""
    return page.locator("h1").inner_text().removesuffix("¶").strip()


def _theme_places(theme: str) -> list[str]:
    return sorted(slug for slug, data in PLACES.items() if theme in data["themes"])


def test_every_place_has_one_marker_named_for_it(map_page, site_url: str) -> None:
    open_map(map_page, site_url + "map/")
    assert map_page.evaluate(VISIBLE, ALL_MAP) == sorted(PLACES)
    assert map_page.evaluate(COUNTED, ALL_MAP) == len(PLACES)
    names = sorted(marker.evaluate(NAME_OF) for marker in map_page.locator(f"{ALL_MAP} .leaflet-marker-icon.place-marker").all())
    assert names == sorted(data["name"] for data in PLACES.values())  # one each, at a desktop's width
    for marker in map_page.locator(f"{ALL_MAP} .leaflet-marker-icon.place-marker").all():
        assert marker.get_attribute("role") == "button"
    # The map's own basemap is credited; the street map's tiles are not there until asked for.
    attribution = map_page.locator(f"{ALL_MAP} .leaflet-control-attribution").inner_text()
    assert "Natural Earth" in attribution and "OpenStreetMap" not in attribution
    assert map_page.console_errors == []


def test_groups_are_named_for_their_places_on_a_phone(new_page, site_url: str) -> None:
    phone = new_page(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    open_map(phone, site_url + "map/")
    assert phone.evaluate(COUNTED, ALL_MAP) == len(PLACES)
    clusters = phone.locator(f"{ALL_MAP} .marker-cluster").all()
    assert clusters  # England's places do not fit a phone's map one by one
    for cluster in clusters:
        count = int(cluster.inner_text())
        assert re.fullmatch(rf"{count} places: .+\. Select to zoom in\.", cluster.get_attribute("aria-label"))


def test_click_calderdale_read_its_popup_and_follow_the_link(map_page, site_url: str) -> None:
    open_map(map_page, site_url + "map/")
    marker = map_page.locator(f'{ALL_MAP} .leaflet-marker-icon.place-marker[aria-label^="Calderdale ("]')
    marker.click()
    popup = map_page.locator(f"{ALL_MAP} .place-popup")
    popup.wait_for()
    text = " ".join(popup.inner_text().split())
    assert text.startswith("Calderdale Local Vision (Local Vision place no. 7) "
                           "Increasing the percentage of school age")
    quote = map_page.evaluate("() => fetch('../data/places.geojson').then(r => r.json())"
                              ".then(c => c.features.find(f => f.id === 'calderdale').properties.quote)")
    assert popup.locator(".place-popup__quote").inner_text().split("\n")[0] == f"\u201c{quote['text']}\u201d"
    assert "place=calderdale" in map_page.url
    # Leaflet pans the map to fit the popup: a click while it moves lands where the link was (seen once
    # on a busy machine, where the click closed the popup instead). A reader clicks what stands still.
    wait_until_still(map_page)
    popup.get_by_role("link", name="Read the story of Calderdale").click()
    map_page.wait_for_url(re.compile(r"/places/calderdale/$"))
    assert _heading(map_page) == "Calderdale"
    assert map_page.console_errors == []


def test_theme_filter_shows_only_that_themes_places_and_is_in_the_url(map_page, site_url: str) -> None:
    open_map(map_page, site_url + "map/")
    map_page.select_option("#place-filter-theme", "dementia")
    dementia = _theme_places("dementia")
    assert len(dementia) < len(PLACES)
    assert map_page.evaluate(VISIBLE, ALL_MAP) == dementia
    wait_until_still(map_page)
    assert map_page.evaluate(COUNTED, ALL_MAP) == len(dementia)
    assert map_page.url.endswith("map/?theme=dementia")
    shown = map_page.locator("#place-list > li:visible")
    assert sorted(item.get_attribute("data-slug") for item in shown.all()) == dementia
    assert map_page.locator("#place-map-status").inner_text() == (
        f"Showing {len(dementia)} of {len(PLACES)} places: theme {THEMES['dementia']}.")

    # The URL brings the same view back, with both filters.
    open_map(map_page, site_url + "map/?theme=integrated-care&programme=leadership-for-change")
    both = sorted(s for s in _theme_places("integrated-care") if "leadership-for-change" in PLACES[s]["programmes"])
    assert both and map_page.evaluate(VISIBLE, ALL_MAP) == both
    assert map_page.locator("#place-filter-programme-leadership-for-change").is_checked()
    assert not map_page.locator("#place-filter-programme-local-vision").is_checked()

    map_page.get_by_role("button", name="Show all").click()
    map_page.wait_for_function(f"() => ({VISIBLE})({ALL_MAP!r}).length === {len(PLACES)}")
    assert map_page.url.endswith("map/")
    assert map_page.console_errors == []


def _agreement(page, site_url: str) -> tuple[list[str], list[str], str, str]:
    """What the map shows, what the list shows, the status line, and the address's query, once the map
    has placed the markers the filter leaves and stands still."""
    wait_until_still(page)
    listed = sorted(item.get_attribute("data-slug") for item in page.locator("#place-list > li:visible").all())
    return page.evaluate(VISIBLE, ALL_MAP), listed, page.locator("#place-map-status").inner_text(), page.url


def test_filters_key_list_status_line_and_address_agree(map_page, site_url: str) -> None:
    """The key (one checkbox per programme, in the marker colours) and the theme select are one
    filter: the map, the list, the status line and the address follow every change, and the address
    brings the same state back."""
    open_map(map_page, site_url + "map/")
    total = len(PLACES)
    programmes = sorted({id for data in PLACES.values() for id in data["programmes"]})
    assert len(programmes) >= 2
    boxes = {id: map_page.get_by_role("checkbox", name=re.compile(rf"^{re.escape(PROGRAMMES[id])} \(")) for id in programmes}
    theme = max(THEMES, key=lambda t: len(_theme_places(t)) if len(_theme_places(t)) < total else -1)

    def expect(theme_id: str, ticked: set[str]) -> None:
        wanted = sorted(slug for slug, data in PLACES.items()
                        if (not theme_id or theme_id in data["themes"]) and ticked & set(data["programmes"]))
        shown, listed, status, url = _agreement(map_page, site_url)
        assert shown == wanted and listed == wanted, (theme_id, ticked)
        query = dict(re.findall(r"[?&]([a-z]+)=([^&]*)", url))
        if not theme_id and ticked == set(programmes):
            assert status == f"Showing all {total} places." and "?" not in url
            return
        if wanted:
            assert status.startswith(f"Showing {len(wanted)} of {total} places: "), status
        else:
            assert status.startswith("No place matches: "), status
        if theme_id:
            assert query["theme"] == theme_id and f"theme {THEMES[theme_id]}" in status
        else:
            assert "theme" not in query
        if ticked != set(programmes):
            assert sorted(re.findall(r"[?&]programme=([^&]*)", url)) == (sorted(ticked) or [""])
            for id in ticked:
                assert PROGRAMMES[id] in status
        # The address brings the same view back.
        map_page.goto(url)
        wait_for_map(map_page)
        assert _agreement(map_page, site_url)[:3] == (shown, listed, status)
        for id, box in boxes.items():
            assert box.is_checked() == (id in ticked)
        assert map_page.locator("#place-filter-theme").input_value() == theme_id

    expect("", set(programmes))
    boxes["leadership-for-change"].uncheck()
    expect("", set(programmes) - {"leadership-for-change"})
    map_page.select_option("#place-filter-theme", theme)
    expect(theme, set(programmes) - {"leadership-for-change"})
    for box in boxes.values():
        box.uncheck()
    expect(theme, set())
    boxes["leadership-for-change"].check()
    expect(theme, {"leadership-for-change"})
    map_page.get_by_role("button", name="Show all").click()
    expect("", set(programmes))
    assert map_page.console_errors == []


def test_a_place_in_two_programmes_shows_as_both_and_the_list_names_every_programme(map_page, site_url: str) -> None:
    open_map(map_page, site_url + "map/")
    both = [slug for slug, data in PLACES.items() if len(data["programmes"]) > 1]
    assert both
    map_page.evaluate("s => PlaceMaps.get(document.querySelector(s)).map.setZoom(12, {animate: false})", ALL_MAP)
    for slug, data in PLACES.items():
        item = map_page.locator(f'#place-list > li[data-slug="{slug}"] .place-list__programmes')
        named = item.inner_text()
        for id in data["programmes"]:
            assert PROGRAMMES[id] in named, (slug, id)
        icon = map_page.evaluate(
            """([s, slug]) => { const m = PlaceMaps.get(document.querySelector(s)).places._bySlug[slug];
                 const d = m.options.icon.createIcon().querySelector('.place-marker__dot');
                 return [d.classList.contains('place-marker__dot--split'), m.options.icon.options.label]; }""",
            [ALL_MAP, slug])
        assert icon[0] == (len(data["programmes"]) > 1), slug
        assert all(PROGRAMMES[id] in icon[1] for id in data["programmes"]), icon
    # The dots use the colours of the key.
    colours = map_page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.place-filters .place-key__swatch')]
        .map(e => [e.className, getComputedStyle(e).backgroundColor]))""")
    assert len(set(colours.values())) == len(colours)


def test_place_deep_link_opens_its_popup(map_page, site_url: str) -> None:
    open_map(map_page, site_url + "map/?place=york")
    popup = map_page.locator(f"{ALL_MAP} .place-popup")
    popup.wait_for()
    assert popup.locator(".place-popup__name").inner_text() == "York"
    map_page.locator(f"{ALL_MAP} .leaflet-popup-close-button").dispatch_event("click")
    assert "place=" not in map_page.url


def test_no_other_host_is_asked_until_the_reader_chooses_the_street_map(map_page, site_url: str) -> None:
    for path in ("map/", "themes/dementia/", "regions/london/", "map/?place=calderdale"):
        selector = ALL_MAP if path.startswith("map/") else ".place-map--small"
        open_map(map_page, site_url + path, selector)
        map_page.wait_for_load_state("networkidle")
        outside = [url for url in map_page.requests if not url.startswith(site_url)]
        assert outside == [], (path, outside)
    # The Street map button loads OpenStreetMap's tiles, with their attribution, and takes them away.
    street = map_page.locator(f"{ALL_MAP} button", has_text="Street map")
    assert street.get_attribute("aria-pressed") == "false"
    street.click()
    map_page.wait_for_function(f"() => document.querySelectorAll({ALL_MAP!r} + ' .leaflet-tile-loaded').length > 0")
    outside = [url for url in map_page.requests if not url.startswith(site_url)]
    assert outside and all(urlsplit(url).netloc == TILE_HOST for url in outside), outside
    assert street.get_attribute("aria-pressed") == "true"
    assert "OpenStreetMap" in map_page.locator(f"{ALL_MAP} .leaflet-control-attribution").inner_text()
    street.click()
    assert map_page.locator(f"{ALL_MAP} .leaflet-tile").count() == 0
    assert "OpenStreetMap" not in map_page.locator(f"{ALL_MAP} .leaflet-control-attribution").inner_text()
    assert map_page.console_errors == []


def test_with_tiles_refused_markers_popups_filters_and_list_still_work(page, site_url: str) -> None:
    page.route(TILES_GLOB, lambda route: route.abort())
    open_map(page, site_url + "map/?place=calderdale&theme=physical-activity")
    assert page.evaluate(VISIBLE, ALL_MAP) == _theme_places("physical-activity")
    assert page.locator(f"{ALL_MAP} .place-popup__name").inner_text() == "Calderdale"
    assert page.locator("#place-list > li:visible").count() == len(_theme_places("physical-activity"))
    regions = len(load_vocabulary("regions"))
    assert page.locator(f"{ALL_MAP} path.place-map__region").count() == regions  # England's regions show
    assert page.locator(f"{ALL_MAP} path.place-map__neighbour").count() == 2  # Wales and Scotland
    # Chromium reports each refused tile (the page fixture's one allowance); nothing else may fail.
    assert page.console_errors == []


def test_keyboard_only_tab_to_a_marker_open_it_and_follow_its_link(map_page, site_url: str) -> None:
    open_map(map_page, site_url + "map/")
    for _ in range(80):
        map_page.keyboard.press("Tab")
        if map_page.evaluate("() => document.activeElement.matches('.leaflet-marker-icon.place-marker')"):
            break
    else:
        pytest.fail("Tab never reached a marker")
    name = map_page.evaluate(f"() => ({NAME_OF})(document.activeElement)")
    # Its name shows beside it while it has the focus.
    assert map_page.locator(f"{ALL_MAP} .leaflet-tooltip.place-map__name").inner_text() == name
    map_page.keyboard.press("Enter")
    map_page.locator(f"{ALL_MAP} .place-popup").wait_for()
    for _ in range(3):
        map_page.keyboard.press("Tab")
        if map_page.evaluate("() => document.activeElement.matches('.place-popup a')"):
            break
    else:
        pytest.fail("Tab never reached the popup's link")
    link = map_page.evaluate("() => document.activeElement.textContent")
    assert link in (f"Read the story of {name}", f"About {name}")
    map_page.keyboard.press("Enter")
    map_page.wait_for_url(re.compile(r"/places/[a-z0-9-]+/$"))
    assert _heading(map_page) == name


def test_keyboard_enter_on_a_group_zooms_in(new_page, site_url: str) -> None:
    map_page = new_page(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    open_map(map_page, site_url + "map/")
    zoom = map_page.evaluate(f"() => PlaceMaps.get(document.querySelector({ALL_MAP!r})).map.getZoom()")
    map_page.locator(f"{ALL_MAP} .marker-cluster").first.focus()
    map_page.keyboard.press("Enter")
    wait_until_still(map_page)
    assert map_page.evaluate(f"() => PlaceMaps.get(document.querySelector({ALL_MAP!r})).map.getZoom()") > zoom


def test_fullscreen_and_reset_view_controls(map_page, site_url: str) -> None:
    open_map(map_page, site_url + "map/")
    get_map = f"PlaceMaps.get(document.querySelector({ALL_MAP!r})).map"
    start = map_page.evaluate(f"() => {get_map}.getZoom()")
    map_page.locator(f"{ALL_MAP} .leaflet-control-zoom-in").click()
    wait_until_still(map_page)
    assert map_page.evaluate(f"() => {get_map}.getZoom()") > start
    map_page.get_by_role("button", name="Reset the view").click()
    wait_until_still(map_page)
    assert map_page.evaluate(f"() => {get_map}.getZoom()") == start

    map_page.get_by_role("button", name="Show the map full screen").click()
    leave = map_page.get_by_role("button", name="Leave full screen")
    leave.wait_for()
    # The map fills the screen but for a line with the Filter button and the status line.
    box = map_page.locator(".place-finder").bounding_box()
    assert box["width"] == 1280 and box["height"] == 900
    assert map_page.locator(ALL_MAP).bounding_box()["height"] > 900 - 80
    filters = map_page.get_by_role("button", name="Filter", exact=True)
    assert filters.is_visible() and not map_page.locator("#place-filters").is_visible()
    filters.click()
    map_page.select_option("#place-filter-theme", "dementia")
    assert map_page.evaluate(VISIBLE, ALL_MAP) == _theme_places("dementia")
    map_page.get_by_role("button", name="Show the map", exact=True).click()
    assert not map_page.locator("#place-filters").is_visible()
    leave.click()
    map_page.get_by_role("button", name="Show the map full screen").wait_for()
    assert map_page.locator(ALL_MAP).bounding_box()["height"] < 900


@pytest.mark.parametrize("width, height", [(1280, 900), (375, 740)])
def test_england_fits_the_first_view(new_page, site_url: str, width: int, height: int) -> None:
    page = new_page(viewport={"width": width, "height": height})
    page.route(TILES_GLOB, lambda route: route.fulfill(status=200, content_type="image/png", body=BLANK_TILE))
    open_map(page, site_url + "map/")
    (south, west), (north, east) = england.bounds()
    inside = page.evaluate(
        f"() => PlaceMaps.get(document.querySelector({ALL_MAP!r})).map.getBounds()"
        f".contains([[{south}, {west}], [{north}, {east}]])")
    assert inside
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    assert page.locator(ALL_MAP).bounding_box()["width"] <= width


def test_maps_start_after_instant_navigation(map_page, instant_url: str) -> None:
    map_page.goto(instant_url)
    map_page.wait_for_function("() => window.document$")
    assert map_page.evaluate("() => window.PlaceMaps") is None  # no map here: its files are not loaded
    map_page.evaluate("() => { window.notReloaded = true; }")
    map_page.get_by_role("link", name="Map", exact=True).first.click()
    map_page.wait_for_function(f"() => document.querySelector({ALL_MAP!r}) && window.PlaceMaps && "
                               f"PlaceMaps.get(document.querySelector({ALL_MAP!r})) && "
                               f"({VISIBLE})({ALL_MAP!r}).length === {len(PLACES)}")
    assert map_page.evaluate("() => window.notReloaded") is True  # Material swapped the page in
    map_page.select_option("#place-filter-theme", "dementia")
    assert map_page.evaluate(VISIBLE, ALL_MAP) == _theme_places("dementia")

    map_page.locator("#place-list a", has_text="Brent").click()
    map_page.wait_for_function("() => document.querySelector('.place-locator a[href$=\"?place=brent\"]')")
    assert map_page.evaluate("() => window.notReloaded") is True
    # A place's page has a locator, not a map: on to a theme's map, still without a reload.
    map_page.locator("article a", has_text=re.compile(r"^" + re.escape(THEMES[PLACES["brent"]["themes"][0]]) + "$")).first.click()
    map_page.wait_for_function("() => document.querySelector('.place-map--small') && window.PlaceMaps && "
                               "PlaceMaps.get(document.querySelector('.place-map--small')) && "
                               f"({VISIBLE})('.place-map--small').length > 0")
    assert map_page.evaluate("() => window.notReloaded") is True
    assert "brent" in map_page.evaluate(VISIBLE, ".place-map--small")
    map_page.go_back()

    map_page.go_back()  # back to the filtered map, still without a reload
    map_page.wait_for_function(f"() => document.querySelector({ALL_MAP!r}) && window.PlaceMaps && "
                               f"PlaceMaps.get(document.querySelector({ALL_MAP!r})) && "
                               f"({VISIBLE})({ALL_MAP!r}).length === {len(_theme_places('dementia'))}")
    assert map_page.evaluate("() => window.notReloaded") is True
    assert map_page.console_errors == []


def test_dark_palette_popup_is_dark(new_page, site_url: str) -> None:
    page = new_page(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page.route(TILES_GLOB, lambda route: route.fulfill(status=200, content_type="image/png", body=BLANK_TILE))
    open_map(page, site_url + "map/?place=calderdale")
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate"
    popup = page.locator(f"{ALL_MAP} .leaflet-popup-content-wrapper")
    popup.wait_for()
    rgb = [int(n) for n in re.findall(r"\d+", popup.evaluate("e => getComputedStyle(e).backgroundColor"))[:3]]
    assert sum(rgb) < 3 * 80, rgb


def test_list_filters_without_javascript(new_page, site_url: str) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(site_url + "map/")
    assert page.locator("#place-list > li:visible").count() == len(PLACES)
    page.select_option("#place-filter-theme", "dementia")
    visible = page.locator("#place-list > li:visible")
    assert sorted(item.get_attribute("data-slug") for item in visible.all()) == _theme_places("dementia")
    # The key's checkboxes too: a place shows while any of its programmes is ticked.
    page.select_option("#place-filter-theme", "")
    ticked = {id for data in PLACES.values() for id in data["programmes"]}
    for unticked in ("leadership-for-change", "local-vision"):
        page.locator(f"#place-filter-programme-{unticked}").uncheck()
        ticked.discard(unticked)
        shown = sorted(item.get_attribute("data-slug") for item in page.locator("#place-list > li:visible").all())
        assert shown == sorted(slug for slug, data in PLACES.items() if ticked & set(data["programmes"])), unticked


@pytest.fixture(scope="module")
def hostile_url(map_hostile_site: Path, serve) -> str:
    return serve(map_hostile_site)


def test_hostile_place_runs_no_script(map_page, hostile_url: str) -> None:
    dialogs: list[str] = []
    map_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_map(map_page, hostile_url + "map/?place=hostile-place")
    popup = map_page.locator(f"{ALL_MAP} .place-popup")
    popup.wait_for()
    assert popup.locator(".place-popup__name").inner_text() == HOSTILE_NAME
    assert popup.locator(".place-popup__quote p").first.inner_text() == f"\u201c{HOSTILE_QUOTE}\u201d"
    map_page.select_option("#place-filter-theme", "hostile-theme")
    assert map_page.evaluate(VISIBLE, ALL_MAP) == ["hostile-place"]
    assert HOSTILE_THEME in map_page.locator("#place-map-status").inner_text()  # the status line: text
    # Few places in view: the names show beside their markers, as text.
    wait_until_still(map_page)
    assert HOSTILE_NAME in map_page.locator(f"{ALL_MAP} .leaflet-tooltip.place-map__name").all_inner_texts()
    map_page.goto(hostile_url + "places/hostile-place/")
    assert HOSTILE_NAME in " ".join(map_page.locator(".place-locator").inner_text().split())
    open_map(map_page, hostile_url + "themes/hostile-theme/", ".place-map--small")
    map_page.locator(".place-map--small .leaflet-marker-icon.place-marker").click()
    assert map_page.locator(".place-map--small .place-popup__name").inner_text() == HOSTILE_NAME
    # A wait for something that must not happen: a payload that ran later (a timer, an image's error)
    # would have run by now. There is no event to wait for instead.
    map_page.wait_for_timeout(300)
    assert dialogs == []
    assert map_page.evaluate("() => window.pwned") is None
    assert map_page.console_errors == []


# Wraps the map page's set-up (map/place-maps.js) so that the reader "leaves" while the map is half
# made: after its first step (the Leaflet map, made and yielded) the map's box is taken off the page.
HALF_MADE = """(function () {
  var made = PlaceMaps.setups.all;
  PlaceMaps.setups.all = function* (container) {
    var steps = made(container), first = steps.next();
    window.__halfMade = { map: first.value, container: container };
    yield first.value;
    container.remove();
    yield;
    throw new Error("a step ran after the map's page had gone");
  };
})();
"""


def test_a_map_whose_page_goes_while_it_is_set_up_is_removed_half_made(map_page, site_url: str) -> None:
    """The map is set up a step at a time (one task each): when its box leaves the page between two
    steps, as on an instant navigation, the half-made map is removed and no further step runs."""
    def wrapped(route) -> None:
        response = route.fetch()
        script = response.text()
        assert script.count("PlaceMaps.ready();") == 1
        route.fulfill(response=response, body=script.replace("PlaceMaps.ready();", HALF_MADE + "PlaceMaps.ready();"))

    map_page.route("**/map/place-maps.js", wrapped)
    map_page.goto(site_url + "map/")
    map_page.wait_for_function("() => window.__halfMade && !window.__halfMade.container.isConnected")
    # The runtime's next step finds the page gone and removes the half-made map.
    map_page.wait_for_function("() => window.__halfMade.map._mapPane === undefined")
    state = map_page.evaluate("""() => {
      const { map, container } = window.__halfMade;
      return { isMap: map instanceof L.Map, removed: !('_leaflet_id' in container) && map._mapPane === undefined,
               registered: PlaceMaps.get(container) !== undefined };
    }""")
    assert state == {"isMap": True, "removed": True, "registered": False}
