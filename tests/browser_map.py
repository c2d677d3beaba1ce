"""The map in Chromium, for the browser tests: the real places and vocabularies, the tile server
answered locally, and waits for the map to be ready and to stand still."""

from __future__ import annotations

import base64
from urllib.parse import urlsplit

from site_pages import load_places, load_vocabulary

from generator.map.elements import TILES

PLACES = load_places()
THEMES = {theme["id"]: theme["name"] for theme in load_vocabulary("themes")}
PROGRAMMES = {programme["id"]: programme["name"] for programme in load_vocabulary("programmes")}
TILE_HOST = urlsplit(TILES.url).netloc
TILES_GLOB = f"https://{TILE_HOST}/**"
# A 1x1 transparent PNG: tiles are answered here, never fetched from the network.
BLANK_TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
ALL_MAP = ".place-map--all"
# A marker's place name, from its accessible name ("York (Local Vision)"): markers.markerLabel.
NAME_OF = r"e => e.getAttribute('aria-label').replace(/ \([^()]*\)$/, '')"

# In the page: the map's places layer, the places on the map, and the places a reader can count:
# single markers plus the numbers on the clusters.
VISIBLE = "s => PlaceMaps.get(document.querySelector(s)).places.visibleSlugs()"
COUNTED = """s => {
  const box = document.querySelector(s);
  const singles = box.querySelectorAll('.leaflet-marker-icon.place-marker').length;
  const grouped = [...box.querySelectorAll('.marker-cluster span')].reduce((n, e) => n + Number(e.textContent), 0);
  return singles + grouped;
}"""


def open_map(page, url: str, selector: str = ALL_MAP) -> None:
    page.goto(url)
    wait_for_map(page, selector)


# True once the map in ``selector`` has made its markers and has stood still for three frames in a row
# (checked every frame): no zoom or pan under way, and no cluster animation (Leaflet.markercluster
# counts its own). The markers are placed on the map in a task of their own, which runs before those
# frames; a zoom that a deep link asks for starts a frame after that, so one still frame is not enough.
STILL = """(selector) => {
  const container = document.querySelector(selector);
  const parts = container && window.PlaceMaps && PlaceMaps.get(container);
  const map = parts && parts.map, places = parts && parts.places, group = places && places._group;
  const busy = !group || !places._markers.length || map._animatingZoom
    || Boolean(map._panAnim && map._panAnim._inProgress) || group._inZoomAnimation > 0;
  window.__stillFrames = busy ? 0 : (window.__stillFrames || 0) + 1;
  return window.__stillFrames >= 3;
}"""


def wait_until_still(page, selector: str = ALL_MAP) -> None:
    """Wait until the map stands still (``STILL``): instead of a guess at how long its animations take."""
    page.evaluate("() => { window.__stillFrames = 0; }")
    page.wait_for_function(STILL, arg=selector, polling="raf")


def wait_for_map(page, selector: str = ALL_MAP) -> None:
    page.wait_for_function(f"() => {{ const e = document.querySelector({selector!r});"
                           " return e && window.PlaceMaps && PlaceMaps.get(e) && PlaceMaps.get(e).places._markers.length > 0; }")
    wait_until_still(page, selector)
