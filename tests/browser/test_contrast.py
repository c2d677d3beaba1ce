"""Contrast of every visible text in both palettes, map controls and an open popup included.

axe marks text over overlapping boxes (the map's controls, popups and attribution) as "incomplete"
and so misses them; this walks every text on the page itself (see contrast.js).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_map import ALL_MAP, BLANK_TILE, TILES_GLOB, wait_for_map, wait_until_still

pytestmark = pytest.mark.browser

CHECK = (Path(__file__).with_name("contrast.js")).read_text(encoding="utf-8")
PAGES = ["", "map/?place=york", "places/calderdale/", "lessons/relationships/", "themes/dementia/", "enablers/",
         "places/plymouth/", "places/york/", "quotes/", "404.html",
         "places/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 375])
def test_every_text_has_enough_contrast(new_page, site_url: str, scheme: str, width: int) -> None:
    page = new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)  # console errors fail it too
    page.route(TILES_GLOB, lambda route: route.fulfill(status=200, content_type="image/png", body=BLANK_TILE))
    failures = []
    for path in PAGES:
        page.goto(site_url + path)
        if path.startswith("map/"):
            wait_for_map(page, ALL_MAP)
            page.locator(f"{ALL_MAP} .place-popup").wait_for()
            wait_until_still(page, ALL_MAP)  # the pan that fits the popup has ended
        elif page.locator("[data-place-map]").count():
            wait_for_map(page, ".place-map--small")
        texts = page.evaluate(CHECK)
        assert texts
        if path.startswith("map/"):
            on_map = [t for t in texts if "leaflet" in t["where"] or "place-popup" in t["where"]
                      or "marker-cluster" in t["where"]]
            assert any("place-popup" in t["where"] for t in on_map)  # the popup was checked
            assert any("attribution" in t["where"] for t in on_map)
        failures += [(path, t) for t in texts if t["ratio"] is None or t["ratio"] < t["needed"]]
    assert failures == []
