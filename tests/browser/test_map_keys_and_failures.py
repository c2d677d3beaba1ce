"""What the map does with keys and when things fail, in Chromium: Space and Escape on a marker and
its popup, Enter and Space on a group, the full-window fallback where fullscreen is refused, and the
message when the places cannot be loaded. (The decisions themselves are unit-tested in tests/js/.)"""

from __future__ import annotations

import re

import pytest
from browser_map import ALL_MAP, BLANK_TILE, NAME_OF, PLACES, TILES_GLOB, open_map

pytestmark = pytest.mark.browser

SMALL = ".place-map--small"
MAP = f"PlaceMaps.get(document.querySelector({ALL_MAP!r})).map"


def _tiles(tab):
    tab.route(TILES_GLOB, lambda route: route.fulfill(status=200, content_type="image/png", body=BLANK_TILE))
    return tab


def test_space_opens_a_popup_and_escape_closes_it_back_to_its_marker(page, site_url: str) -> None:
    open_map(_tiles(page), site_url + "themes/dementia/", SMALL)
    marker = page.locator(f"{SMALL} .leaflet-marker-icon.place-marker").first
    popup = page.locator(f"{SMALL} .place-popup")
    marker.focus()
    page.keyboard.press(" ")
    popup.wait_for()
    name = marker.evaluate(NAME_OF)
    assert popup.locator(".place-popup__name").inner_text() == name
    assert page.evaluate("() => document.activeElement.matches('.place-popup')")  # Tab reaches its link next
    page.keyboard.press("Escape")
    popup.wait_for(state="detached")
    assert page.evaluate("() => document.activeElement.matches('.leaflet-marker-icon.place-marker')")
    assert page.evaluate(f"() => ({NAME_OF})(document.activeElement)") == name
    # Space toggles: with the focus on the marker again, it closes the popup it opened.
    page.keyboard.press(" ")
    popup.wait_for()
    marker.focus()  # focusing scrolls the marker into view, where the map lies below the page's top
    before = page.evaluate("() => window.scrollY")
    page.keyboard.press(" ")
    popup.wait_for(state="detached")
    assert page.evaluate("() => window.scrollY") == before  # Space did not scroll the page


@pytest.mark.parametrize("key", ["Enter", " "], ids=["Enter", "Space"])
def test_enter_and_space_on_a_group_zoom_into_it(new_page, site_url: str, key: str) -> None:
    page = new_page(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)  # groups: a phone's
    open_map(_tiles(page), site_url + "map/")
    group = page.locator(f"{ALL_MAP} .marker-cluster").first
    count = int(group.inner_text())
    zoom = page.evaluate(f"() => {MAP}.getZoom()")
    group.focus()
    page.keyboard.press(key)
    page.wait_for_function(f"() => {MAP}.getZoom() > {zoom}")  # fails by timing out
    assert page.evaluate(f"() => {MAP}.getZoom()") > zoom, count


def test_where_fullscreen_is_refused_the_map_fills_the_window_and_escape_leaves(new_page, site_url: str) -> None:
    refused = "Element.prototype.requestFullscreen = function () { return Promise.reject(new TypeError('refused')); };"
    tab = _tiles(new_page(viewport={"width": 1280, "height": 900}, init_script=refused))
    open_map(tab, site_url + "map/")
    tab.get_by_role("button", name="Show the map full screen").click()
    button = tab.get_by_role("button", name="Leave full screen")
    assert button.get_attribute("aria-pressed") == "true"
    # The map and its filters (the map page's finder) fill the window; the filters behind a button.
    assert tab.locator(".place-finder.place-map--fullwindow").count() == 1
    assert "place-map-fullwindow" in tab.evaluate("() => document.documentElement.className")
    box = tab.locator(".place-finder").bounding_box()
    assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 1280, 900)
    mbox = tab.locator(ALL_MAP).bounding_box()
    assert mbox["y"] + mbox["height"] <= 900 and mbox["height"] > 900 - 80
    assert tab.get_by_role("button", name="Filter", exact=True).is_visible()
    tab.keyboard.press("Escape")
    button = tab.get_by_role("button", name="Show the map full screen")
    assert button.get_attribute("aria-pressed") == "false"
    assert tab.locator(".place-map--fullwindow").count() == 0
    assert "place-map-fullwindow" not in tab.evaluate("() => document.documentElement.className")


def test_the_map_says_when_its_places_cannot_be_loaded(page, site_url: str) -> None:
    _tiles(page).route("**/data/places.geojson", lambda route: route.fulfill(status=503, body="down"))
    page.goto(site_url + "map/")
    message = page.locator(f"{ALL_MAP} .place-map__message")
    message.wait_for()
    assert re.fullmatch(r"The places could not be loaded \(503 [^)]*\)\. The list of places on this site has them all\.",
                        message.inner_text()), message.inner_text()
    assert message.get_attribute("role") == "status"
    assert page.locator("#place-list > li:visible").count() == len(PLACES)  # the list still has them all
    # The refused file is the one error the browser may report here; any other fails the test.
    refused = [error for error in page.console_errors if "places.geojson" in error and "503" in error]
    assert len(refused) == 1, page.console_errors
    page.console_errors.remove(refused[0])
