"""places.geojson's page addresses: relative to the site's root, or absolute under SITE_URL when the
site is built for one, as in places.csv and places.json (the map resolves either: tests/js)."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest
from conftest import REPO

from generator.checks.validate import load_site
from generator.map.geojson import GEOJSON, places_geojson
from generator.pages.environment import make_environment
from generator.pages.map import map_pages
from generator.pages.opendata import places_json

SITE_URL = "https://example.org/revolution/"


@pytest.fixture(scope="module")
def site():
    return load_site(REPO / "site-data", display_root=REPO)


def _urls(text: str) -> dict[str, str]:
    return {f["properties"]["slug"]: f["properties"]["url"] for f in json.loads(text)["features"]}


def test_addresses_are_absolute_under_the_site_url_and_lead_to_the_same_pages(site) -> None:
    relative, absolute = _urls(places_geojson(site)), _urls(places_geojson(site, SITE_URL))
    assert relative.keys() == absolute.keys() == {place.slug for place in site.places}
    for slug, url in relative.items():
        assert not url.startswith(("https:", "/")), url
        assert absolute[slug] == urljoin(SITE_URL, url)
    # The same addresses as the open data's JSON.
    records = {record["slug"]: record["url"] for record in json.loads(places_json(site, SITE_URL))["places"]}
    assert records == absolute


def test_the_map_pages_pass_the_site_url_on(site) -> None:
    (geojson,) = [page for page in map_pages(site, make_environment(), site_url=SITE_URL) if page.path == GEOJSON]
    assert all(url.startswith(SITE_URL) for url in _urls(geojson.text).values())
