"""Reading in Chromium: a quote's link goes to the quote and copies its address, and the tab of the
section a page belongs to stands out."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_a_quote_link_goes_to_the_quote_and_copies_its_address(new_page, site_url: str) -> None:
    page = new_page(viewport={"width": 375, "height": 740})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + "places/calderdale/")
    figure = page.locator("figure.quote").first
    anchor = figure.get_attribute("id")
    figure.get_by_role("link", name="Link to this quote").click()
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.endsWith(location.hash))")
    assert page.url.endswith(f"places/calderdale/#{anchor}")
    assert page.evaluate("() => navigator.clipboard.readText()") == page.url
    assert figure.get_by_role("link").first.inner_text() in {"Link copied", "Link to this quote"}
    # The words are full size and full contrast, not the theme's dimmed block quote.
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('figure.quote blockquote')).fontSize)")
    body = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    assert size > body


def test_the_active_tab_stands_out(page, site_url: str) -> None:
    page.goto(site_url + "themes/")
    active = page.locator(".md-tabs__item--active .md-tabs__link")
    other = page.locator(".md-tabs__item:not(.md-tabs__item--active) .md-tabs__link").first
    assert active.inner_text() == "Themes"
    style = "e => [getComputedStyle(e).fontWeight, getComputedStyle(e).textDecorationLine]"
    assert active.evaluate(style) != other.evaluate(style)


@pytest.mark.parametrize(("location", "tab"), [
    ("places/calderdale/", "Places"), ("themes/dementia/", "Themes"), ("lessons/relationships/", "Lessons"),
    ("regions/london/", "Enablers and more"), ("programmes/local-vision/", "Enablers and more"),
])
def test_a_generated_page_highlights_its_section_tab(page, site_url: str, location: str, tab: str) -> None:
    page.goto(site_url + location)
    active = page.locator(".md-tabs__item--active .md-tabs__link")
    active.wait_for()
    assert active.count() == 1 and active.inner_text() == tab
