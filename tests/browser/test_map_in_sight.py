"""The map as the way in, in Chromium: every place in sight at a desktop's first view, filters that
follow (the map fits what matches, and says when nothing does), and a phone's first screen that is
mostly map, with a deep-linked popup wholly on it."""

from __future__ import annotations

import re

import pytest
from browser_map import ALL_MAP, NAME_OF, PLACES, PROGRAMMES, THEMES, VISIBLE, open_map, wait_until_still

pytestmark = pytest.mark.browser

MAP = f"PlaceMaps.get(document.querySelector({ALL_MAP!r}))"

# Each marker on the page: its place, whether it lies in the map's box and in the window, and whether
# it is what a click at its centre would reach.
MARKERS = """(s) => {
  const box = document.querySelector(s).getBoundingClientRect();
  return [...document.querySelectorAll(s + ' .leaflet-marker-icon.place-marker')].map((icon) => {
    const r = icon.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    return { label: icon.getAttribute('aria-label'),
             inMap: x >= box.left && x <= box.right && y >= box.top && y <= box.bottom,
             inWindow: x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight,
             onTop: Boolean(hit) && (hit === icon || icon.contains(hit)) };
  });
}"""

# The places the filter leaves, each with whether its place and its marker lie within the map's view.
IN_VIEW = f"""() => {{
  const parts = {MAP}, view = parts.map.getBounds();
  return parts.places._group.getLayers().map((m) => [m.place.slug,
    view.contains([m.place.lat, m.place.lon]) && view.contains(m.getLatLng())]);
}}"""


def _contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two opaque CSS rgb() colours."""
    def luminance(colour: str) -> float:
        channels = [int(n) / 255 for n in re.findall(r"\d+", colour)[:3]]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _places_with(theme: str = "", programmes: set[str] | None = None) -> list[str]:
    return sorted(slug for slug, data in PLACES.items()
                  if (not theme or theme in data["themes"]) and (programmes is None or programmes & set(data["programmes"])))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_place_is_visible_and_clickable_at_first_view_on_a_desktop(new_page, site_url: str, scheme: str) -> None:
    page = new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    open_map(page, site_url + "map/")
    markers = page.evaluate(MARKERS, ALL_MAP)
    assert len(markers) == len(PLACES)
    assert page.locator(f"{ALL_MAP} .marker-cluster").count() == 0
    for marker in markers:
        assert marker["inMap"] and marker["inWindow"] and marker["onTop"], marker
    # A click on one of London's crowd opens that place's popup, not a neighbour's.
    london = sorted(slug for slug, data in PLACES.items() if data["region"] == "london")
    for slug in london[:3]:
        name = PLACES[slug]["name"]
        page.locator(f'{ALL_MAP} .leaflet-marker-icon.place-marker[aria-label^="{name} ("]').click()
        assert page.locator(f"{ALL_MAP} .place-popup__name").inner_text() == name
        page.keyboard.press("Escape")
        page.locator(f"{ALL_MAP} .leaflet-popup").wait_for(state="detached")
        wait_until_still(page)


def test_a_name_shows_on_hover_and_when_few_places_are_in_view(page, site_url: str) -> None:
    open_map(page, site_url + "map/")
    marker = page.locator(f"{ALL_MAP} .leaflet-marker-icon.place-marker").first
    name = marker.evaluate(NAME_OF)
    assert page.locator(f"{ALL_MAP} .leaflet-tooltip").count() == 0  # all of England: names on demand
    marker.hover()
    assert page.locator(f"{ALL_MAP} .leaflet-tooltip.place-map__name").inner_text() == name
    page.mouse.move(0, 0)
    # Zoomed in on one place, the few places in view carry their names.
    york = PLACES["york"]["location"]
    page.evaluate(f"() => {MAP}.map.setView([{york['latitude']}, {york['longitude']}], 10, {{animate: false}})")
    wait_until_still(page)
    names = page.locator(f"{ALL_MAP} .leaflet-tooltip.place-map__name").all_inner_texts()
    assert PLACES["york"]["name"] in names


def test_after_each_filter_the_map_fits_every_matching_place_and_says_how_many(page, site_url: str) -> None:
    open_map(page, site_url + "map/")
    # The reader has zoomed into London first: a filter must still bring every match into view.
    page.evaluate(f"() => {MAP}.map.setView([51.5, -0.12], 10, {{animate: false}})")
    for theme in THEMES:
        wanted = _places_with(theme)
        if not wanted:
            continue
        page.select_option("#place-filter-theme", theme)
        wait_until_still(page)
        in_view = dict(page.evaluate(IN_VIEW))
        assert sorted(in_view) == wanted, theme
        assert all(in_view.values()), (theme, [slug for slug, seen in in_view.items() if not seen])
        assert page.locator("#place-map-status").inner_text().startswith(f"Showing {len(wanted)} of {len(PLACES)} places")
    # A programme and a theme together.
    programme = min(PROGRAMMES, key=lambda id: sum(id in data["programmes"] for data in PLACES.values()) or len(PLACES))
    page.select_option("#place-filter-theme", "")
    for other in PROGRAMMES:
        if other != programme and page.locator(f"#place-filter-programme-{other}").count():
            page.locator(f"#place-filter-programme-{other}").uncheck()
    wait_until_still(page)
    in_view = dict(page.evaluate(IN_VIEW))
    assert sorted(in_view) == _places_with("", {programme}) and all(in_view.values())


def test_when_nothing_matches_the_map_says_so_and_offers_every_place(page, site_url: str) -> None:
    open_map(page, site_url + "map/")
    empty = page.locator(f"{ALL_MAP} .place-map__empty")
    assert not empty.is_visible()
    for box in page.locator('#place-filters input[name="programme"]').all():
        box.uncheck()
    assert empty.is_visible() and "No place matches these filters." in empty.inner_text()
    assert page.evaluate(VISIBLE, ALL_MAP) == []
    assert page.locator("#place-map-status").inner_text().startswith("No place matches: ")
    empty.get_by_role("button", name="Show all places").click()
    page.wait_for_function(f"() => ({VISIBLE})({ALL_MAP!r}).length === {len(PLACES)}")
    assert not empty.is_visible() and page.url.endswith("/map/")
    assert page.locator("#place-map-status").inner_text() == f"Showing all {len(PLACES)} places."


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_map_is_most_of_the_first_screen_and_the_filters_in_a_sheet(new_page, site_url: str, scheme: str) -> None:
    page = new_page(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True, color_scheme=scheme)
    open_map(page, site_url + "map/")
    box = page.locator(ALL_MAP).bounding_box()
    seen = min(box["y"] + box["height"], 812) - max(box["y"], 0)
    assert seen >= 812 / 2, box
    assert not page.locator("#place-filters").is_visible()
    button = page.get_by_role("button", name="Filter", exact=True)
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    # The open button keeps its text readable (Material's hover colours would not, in the dark palette).
    page.wait_for_timeout(300)  # Material's buttons fade their colours in over 125 ms
    fg, bg = button.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
    assert _contrast(fg, bg) >= 4.5, (fg, bg)
    sheet = page.locator("#place-filters")
    assert sheet.is_visible()
    sbox = sheet.bounding_box()
    assert sbox["y"] >= 0 and sbox["y"] + sbox["height"] <= 812 + 1  # wholly on screen
    page.select_option("#place-filter-theme", "dementia")
    page.get_by_role("button", name="Show the map", exact=True).click()
    assert not sheet.is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('place-finder__filter')")
    assert page.evaluate(VISIBLE, ALL_MAP) == _places_with("dementia")


@pytest.mark.parametrize("slug", ["york", "torbay"])
def test_a_deep_link_on_a_phone_scrolls_to_the_map_and_shows_the_whole_popup(new_page, site_url: str, slug: str) -> None:
    if slug not in PLACES:
        pytest.skip(f"no {slug} in the data")
    page = new_page(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    open_map(page, site_url + f"map/?place={slug}")
    popup = page.locator(f"{ALL_MAP} .leaflet-popup")
    popup.wait_for()
    wait_until_still(page)
    header = page.locator(".md-header").bounding_box()
    box = popup.locator(".leaflet-popup-content-wrapper").bounding_box()
    assert box["y"] >= header["y"] + header["height"] and box["y"] + box["height"] <= 812, box
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375, box
    assert popup.locator(".place-popup__name").inner_text() == PLACES[slug]["name"]


@pytest.mark.parametrize("width", [1280, 375])
def test_a_regions_small_map_names_its_places_without_one_name_over_another(new_page, site_url: str, width: int) -> None:
    page = new_page(viewport={"width": width, "height": 900})
    crowded = max({data["region"] for data in PLACES.values()},
                  key=lambda region: sum(data["region"] == region for data in PLACES.values()))
    open_map(page, site_url + f"regions/{crowded}/", ".place-map--small")
    names = page.evaluate("""() => [...document.querySelectorAll('.place-map--small .leaflet-tooltip.place-map__name')]
      .filter((e) => getComputedStyle(e).visibility === 'visible')
      .map((e) => { const r = e.getBoundingClientRect(); return [e.textContent, r.left, r.top, r.right, r.bottom]; })""")
    assert names  # a region's few places are named on its map
    for i, (name, *a) in enumerate(names):
        for other, *b in names[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (name, other)
    slugs = sorted(slug for slug, data in PLACES.items() if data["region"] == crowded)
    assert page.evaluate(VISIBLE, ".place-map--small") == slugs


def test_an_address_with_a_filter_opens_on_its_places(page, site_url: str) -> None:
    def span(theme: str) -> float:
        places = [PLACES[slug]["location"] for slug in _places_with(theme)]
        return max(p["latitude"] for p in places) - min(p["latitude"] for p in places) + \
            max(p["longitude"] for p in places) - min(p["longitude"] for p in places)
    themes = [theme for theme in THEMES if len(_places_with(theme)) >= 2]
    closest = min(themes, key=span)  # the theme whose places lie closest together
    open_map(page, site_url + f"map/?theme={closest}")
    in_view = dict(page.evaluate(IN_VIEW))
    assert sorted(in_view) == _places_with(closest) and all(in_view.values())
    # Zoomed in on them, not left on all of England.
    zoom, england = page.evaluate(f"() => [{MAP}.map.getZoom(), {MAP}.map.getBoundsZoom({MAP}.map.placeHome.bounds)]")
    assert zoom > england, (closest, zoom, england)
