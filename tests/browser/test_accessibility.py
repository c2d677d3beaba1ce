"""Accessibility: axe-core in Chromium on the main kinds of page, in both palettes; titles and landmarks."""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

import pytest
from browser_map import ALL_MAP, wait_for_map
from conftest import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "map/", "places/calderdale/", "themes/dementia/", "lessons/relationships/", "places/", "sources/",
         "sources/revolution-2015/", "sources/corrections/", "contribute/", "places/plymouth/", "places/york/", "quotes/", "lessons/", "404.html"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.is_file(), "axe-core is missing: scripts/test.sh installs it with npm ci"
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_axe_violations(new_page, site_url: str, axe_source: str, path: str, scheme: str) -> None:
    page = new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site_url)
               else route.abort())
    page.goto(site_url + path)
    for selector in (ALL_MAP, ".place-map--small"):  # a map loads its files after the page: wait for it
        if page.locator(selector).count():
            wait_for_map(page, selector)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    page.add_script_tag(content=axe_source)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in results["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert bad == []


def test_every_page_has_a_language_a_unique_title_and_named_landmarks(built_site: Path) -> None:
    titles: Counter[str] = Counter()
    for page in built_site.rglob("*.html"):
        if page.name == "404.html":
            continue
        source = page.read_text(encoding="utf-8")
        assert re.search(r'<html lang="en"', source), page
        (title,) = re.findall(r"<title>(.*?)</title>", source, flags=re.S)
        titles[html.unescape(title.strip())] += 1
        assert "<main" in source and 'aria-label="Header"' in source, page
        for nav in re.findall(r"<nav\b[^>]*>", source):
            assert "aria-label=" in nav or "aria-labelledby=" in nav, (page, nav)
    assert [title for title, count in titles.items() if count > 1] == []
