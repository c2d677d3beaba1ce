"""A place page on paper: no navigation, the map replaced by the place's name and location, and
every link showing where it goes."""

from __future__ import annotations

import pytest
from site_pages import load_places

pytestmark = pytest.mark.browser

PLACES = load_places()


@pytest.mark.parametrize("slug", ["calderdale", sorted(PLACES)[-1]])
def test_a_place_page_prints_cleanly(page, site_url: str, slug: str) -> None:
    place = PLACES[slug]
    page.goto(site_url + f"places/{slug}/")
    assert page.locator(".place-locator").is_visible()
    assert not page.locator(".place-print-location").is_visible()  # on screen the locator shows
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".breadcrumb",
                     ".place-pager", ".place-locator", ".quote__link"):
        for element in page.locator(selector).all():
            assert not element.is_visible(), selector
    location = page.locator(".place-print-location")
    assert location.is_visible()
    words = location.inner_text()
    assert place["name"] in words and place["location"]["label"] in words
    assert f"{abs(place['location']['latitude']):.4f}° N" in words
    # Every link in the article shows its full address after it.
    shown = page.evaluate("""() => [...document.querySelectorAll('article a[href]:not([href^="#"]):not(.headerlink)')]
        .filter(a => a.offsetParent !== null)
        .map(a => [a.href, getComputedStyle(a, '::after').content])""")
    assert shown
    for href, content in shown:
        assert content == f'" ({href})"', href
