"""The map as a reader meets it: the page scrolls past it, groups can be clicked, popups stay clear
of the controls, the key is on phones, nothing shifts, and pages without a map load none of it."""

from __future__ import annotations

import pytest
from browser_map import ALL_MAP, BLANK_TILE, PLACES, TILES_GLOB, open_map, wait_until_still

from generator.schema import england

pytestmark = pytest.mark.browser

MAP = f"PlaceMaps.get(document.querySelector({ALL_MAP!r})).map"


def _zoomed_in(page, zoom: float) -> None:
    """Wait until the map has zoomed in past ``zoom`` and stands still (a zoom the test expects)."""
    page.wait_for_function(f"() => {MAP}.getZoom() > {zoom}")
    wait_until_still(page)


MAP_FILES = ("/map/leaflet/", "/map/leaflet.markercluster/", "/assets/place-map", "/map/place-maps.js")


@pytest.fixture(params=[(1280, 900), (375, 740)], ids=["desktop", "phone"])
def sized_page(request, new_page):
    """A tab at a desktop's or a phone's size; like ``page``, a console error fails the test."""
    width, height = request.param
    page = new_page(viewport={"width": width, "height": height}, has_touch=width < 500, is_mobile=width < 500)
    page.route(TILES_GLOB, lambda route: route.fulfill(status=200, content_type="image/png", body=BLANK_TILE))
    page.width = width  # type: ignore[attr-defined]
    return page


def test_the_wheel_scrolls_the_page_until_the_reader_engages_the_map(page, site_url: str) -> None:
    page.route(TILES_GLOB, lambda route: route.fulfill(status=200, content_type="image/png", body=BLANK_TILE))
    open_map(page, site_url + "map/")
    box = page.locator(ALL_MAP).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    zoom = page.evaluate(f"() => {MAP}.getZoom()")
    scrolled = page.evaluate("() => window.scrollY")
    page.mouse.wheel(0, -300)
    page.mouse.wheel(0, 400)
    page.wait_for_function("y => window.scrollY > y", arg=scrolled)  # the page moved instead
    page.wait_for_timeout(500)  # and, a wait for what must not happen, the map did not zoom (Leaflet
    # zooms 40 ms after the wheel stops, in an animation)
    assert page.evaluate(f"() => {MAP}.getZoom()") == zoom
    assert page.evaluate("() => window.scrollY") > scrolled  # the page moved instead
    assert page.locator(f"{ALL_MAP} .place-map__hint").inner_text() == "Use Ctrl + scroll to zoom the map"
    assert page.locator(f"{ALL_MAP}.place-map--hint").count() == 1

    # Ctrl with the wheel zooms at any time, without zooming the page.
    box = page.locator(ALL_MAP).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.keyboard.down("Control")
    page.mouse.wheel(0, -300)
    page.keyboard.up("Control")
    _zoomed_in(page, zoom)
    assert page.evaluate("() => window.visualViewport.scale") == 1

    # Once engaged by a click on the map (not on a marker), the wheel zooms the map...
    zoom = page.evaluate(f"() => {MAP}.getZoom()")
    page.mouse.click(box["x"] + 5, box["y"] + box["height"] - 40)
    scrolled = page.evaluate("() => window.scrollY")
    page.mouse.wheel(0, -300)
    _zoomed_in(page, zoom)
    assert page.evaluate("() => window.scrollY") == scrolled
    # ...until the pointer leaves it.
    page.mouse.move(5, 5)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    zoom = page.evaluate(f"() => {MAP}.getZoom()")
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(500)  # a wait for what must not happen: a zoom
    assert page.evaluate(f"() => {MAP}.getZoom()") == zoom
    assert page.console_errors == []


def test_one_finger_scrolls_the_page_over_a_map_on_a_phone(sized_page, site_url: str) -> None:
    if sized_page.width > 500:
        pytest.skip("a touch screen")
    open_map(sized_page, site_url + "map/")
    container = sized_page.locator(ALL_MAP)
    # The browser pans the page for one finger and leaves two-finger gestures to the map.
    assert container.evaluate("e => getComputedStyle(e).touchAction") == "pan-x pan-y"
    assert sized_page.evaluate(f"() => {MAP}.dragging.enabled()") is False
    assert sized_page.evaluate(f"() => {MAP}.touchZoom.enabled()") is True
    # A tap engages it: then one finger moves the map.
    container.scroll_into_view_if_needed()
    box = container.bounding_box()
    sized_page.touchscreen.tap(box["x"] + 8, box["y"] + box["height"] - 40)
    assert sized_page.evaluate(f"() => {MAP}.dragging.enabled()") is True
    assert container.evaluate("e => getComputedStyle(e).touchAction") == "none"
    small = sized_page.sibling()
    small.route(TILES_GLOB, lambda route: route.fulfill(status=200, content_type="image/png", body=BLANK_TILE))
    open_map(small, site_url + "themes/dementia/", ".place-map--small")
    assert small.locator(".place-map--small").evaluate("e => getComputedStyle(e).touchAction") == "pan-x pan-y"


def test_each_group_is_the_element_under_its_own_centre(sized_page, site_url: str) -> None:
    open_map(sized_page, site_url + "map/")
    clusters = sized_page.locator(f"{ALL_MAP} .marker-cluster")
    if sized_page.width >= 1000:
        assert clusters.count() == 0  # a desktop's map shows every place on its own (test_map_in_sight)
        return
    assert clusters.count() > 0
    for index in range(clusters.count()):
        cluster = clusters.nth(index)
        cluster.scroll_into_view_if_needed()
        box = cluster.bounding_box()
        on_top = sized_page.evaluate(
            """([x, y]) => { const e = document.elementFromPoint(x, y); const c = e && e.closest('.marker-cluster');
                 return c ? c.getAttribute('aria-label') : (e ? e.className : null); }""",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert on_top == cluster.get_attribute("aria-label")
    # and a click on the largest group zooms into it rather than opening a place
    biggest = max(clusters.all(), key=lambda c: int(c.inner_text()))
    zoom = sized_page.evaluate(f"() => {MAP}.getZoom()")
    biggest.click()
    _zoomed_in(sized_page, zoom)
    assert sized_page.locator(f"{ALL_MAP} .place-popup").count() == 0


def _extremes() -> list[str]:
    """The places nearest each edge of England (north, south, east, west), and York."""
    by = lambda key: sorted(PLACES, key=lambda slug: PLACES[slug]["location"][key])  # noqa: E731
    return sorted({by("latitude")[0], by("latitude")[-1], by("longitude")[0], by("longitude")[-1], "york"} & set(PLACES))


def test_a_popup_is_clear_of_every_control(sized_page, site_url: str) -> None:
    for slug in _extremes():
        open_map(sized_page, site_url + f"map/?place={slug}")
        popup = sized_page.locator(f"{ALL_MAP} .leaflet-popup")
        popup.wait_for()
        wait_until_still(sized_page)  # Leaflet pans the map to fit the popup in: until that ends
        sized_page.locator(ALL_MAP).scroll_into_view_if_needed()
        close = sized_page.locator(f"{ALL_MAP} .leaflet-popup-close-button")
        link = sized_page.locator(f"{ALL_MAP} .place-popup__link")
        for target in (close, link):
            box = target.bounding_box()
            hit = sized_page.evaluate(
                "([x, y, s]) => { const e = document.elementFromPoint(x, y); return !!e && !!e.closest(s); }",
                [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2,
                 ".leaflet-popup-close-button" if target is close else ".place-popup__link"])
            assert hit, (slug, sized_page.width)
        pbox = popup.locator(".leaflet-popup-content-wrapper").bounding_box()
        for control in sized_page.locator(f"{ALL_MAP} .leaflet-control").all():
            c = control.bounding_box()
            overlap = (min(pbox["x"] + pbox["width"], c["x"] + c["width"]) > max(pbox["x"], c["x"]) and
                       min(pbox["y"] + pbox["height"], c["y"] + c["height"]) > max(pbox["y"], c["y"]))
            assert not overlap, (slug, sized_page.width, control.get_attribute("class"))
        mbox = sized_page.locator(ALL_MAP).bounding_box()
        assert pbox["x"] >= mbox["x"] and pbox["x"] + pbox["width"] <= mbox["x"] + mbox["width"] + 1
        assert pbox["y"] >= mbox["y"], (slug, sized_page.width)


def test_the_key_and_filters_are_visible_on_a_phone(sized_page, site_url: str) -> None:
    open_map(sized_page, site_url + "map/")
    if sized_page.width < 500:  # on a phone, in the sheet the Filter button opens
        sized_page.get_by_role("button", name="Filter", exact=True).click()
    boxes = sized_page.locator(".place-filters input[type=checkbox]")
    assert boxes.count() >= 2
    for index in range(boxes.count()):
        label = sized_page.locator(".place-filters label.place-key").nth(index)
        assert label.is_visible()
        box = label.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= sized_page.width
    assert sized_page.locator(f"{ALL_MAP} .leaflet-control-layers").count() == 0  # no second, hidden key


def test_england_fills_the_map_at_desktop_width(sized_page, site_url: str) -> None:
    if sized_page.width < 1000:
        pytest.skip("desktop")
    open_map(sized_page, site_url + "map/")
    (south, west), (north, east) = england.bounds()
    corners = sized_page.evaluate(
        f"() => [{MAP}.latLngToContainerPoint([{north}, {west}]), {MAP}.latLngToContainerPoint([{south}, {east}])]")
    size = sized_page.evaluate(f"() => {MAP}.getSize()")
    width = corners[1]["x"] - corners[0]["x"]
    height = corners[1]["y"] - corners[0]["y"]
    assert width <= size["x"] + 1 and height <= size["y"] + 1  # all of it shows
    assert max(width / size["x"], height / size["y"]) > 0.85  # and it fills one side (zoom steps of 1/4)
    assert width * height > 0.5 * size["x"] * size["y"]  # and most of the box
    # the whole box is in the first view
    box = sized_page.locator(ALL_MAP).bounding_box()
    assert box["y"] + box["height"] <= 900


def test_the_map_page_does_not_shift_as_it_loads(sized_page, site_url: str) -> None:
    sized_page.add_init_script("""
        window.__shift = 0;
        new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
          .observe({type: 'layout-shift', buffered: true});""")
    for path in ("map/", "themes/dementia/"):
        open_map(sized_page, site_url + path, ALL_MAP if path == "map/" else ".place-map--small")
        sized_page.wait_for_timeout(500)  # a wait for what must not happen: a late shift
        assert sized_page.evaluate("() => window.__shift") <= 0.1, path


def test_map_files_load_only_on_pages_with_a_map(page, site_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.route(TILES_GLOB, lambda route: route.fulfill(status=200, content_type="image/png", body=BLANK_TILE))
    for path in ("", "places/", "places/calderdale/", "lessons/", "lessons/relationships/", "report/hurdles/",
                 "enablers/", "data/"):
        requests.clear()
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("[data-place-map]").count() == 0, path
        assert not [url for url in requests if any(part in url for part in MAP_FILES)], path
    for path, selector in (("map/", ALL_MAP), ("themes/dementia/", ".place-map--small"), ("regions/london/", ".place-map--small")):
        requests.clear()
        open_map(page, site_url + path, selector)
        for part in MAP_FILES:
            assert any(part in url for url in requests), (path, part)
    assert page.console_errors == []


def test_the_map_files_are_fetched_only_after_the_page_text_is_painted(new_page, site_url: str) -> None:
    """The page's own words come first: the map's files start after the first contentful paint, so
    they never hold it up. The first paint can come after the load event (a busy phone; one
    Lighthouse run in five here): the page is kept unpainted for 1.5 s after it loads to make it so."""
    page = new_page(viewport={"width": 1280, "height": 900}, init_script="""
      const hidden = new CSSStyleSheet();
      hidden.replaceSync('html { visibility: hidden }');
      document.adoptedStyleSheets = [hidden];
      addEventListener('load', () => setTimeout(() => { document.adoptedStyleSheets = []; }, 1500));""")
    page.route(TILES_GLOB, lambda route: route.fulfill(status=200, content_type="image/png", body=BLANK_TILE))
    for path in ("map/", "themes/dementia/"):
        open_map(page, site_url + path, ALL_MAP if path == "map/" else ".place-map--small")
        loaded, painted, leaflet = page.evaluate("""() => [
          performance.getEntriesByType('navigation')[0].loadEventEnd,
          performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
          performance.getEntriesByType('resource').find((e) => e.name.includes('/map/leaflet/leaflet.js')).startTime]""")
        assert painted is not None, f"{path}: the map was set up before the page's text was painted"
        assert painted > loaded + 1000, "the page was painted before it was shown: the test proves nothing"
        assert leaflet >= painted, (path, painted, leaflet)
