"""Phones first: at 375 px no page is wider than the screen and no box in it scrolls sideways
(tables stack into rows instead). One page of every kind, in both palettes' layout (they share it)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

WIDTH = 375

# Every element inside the page's content that is wider than its box and lets the reader scroll it.
SIDEWAYS = """() => Array.from(document.querySelectorAll('.md-content *')).filter(el => {
  const style = getComputedStyle(el);
  return ['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1
    && el.getClientRects().length && !el.closest('.place-map');
}).map(el => el.tagName + '.' + el.className + ' ' + el.scrollWidth + '>' + el.clientWidth)"""


def _kinds(site: Path) -> list[str]:
    """The home page, each section's index, its first entry page, the places with and without a
    story, every page of the report, the page not found."""
    pages = ["", "places/plymouth/", "places/york/", "404.html"]
    for folder in sorted(path for path in site.iterdir() if path.is_dir() and (path / "index.html").exists()):
        if folder.name in ("assets", "search"):
            continue
        pages.append(f"{folder.name}/")
        entries = sorted(path.name for path in folder.iterdir() if (path / "index.html").exists())
        chosen = entries if folder.name == "report" else entries[:1]
        pages += [f"{folder.name}/{entry}/" for entry in chosen]
    return pages


def test_no_page_is_wider_than_a_phone(new_page, site_url: str, built_site: Path) -> None:
    page = new_page(viewport={"width": WIDTH, "height": 800})
    kinds = _kinds(built_site)
    assert {"places/", "themes/", "lessons/", "regions/", "report/"} <= set(kinds)
    problems = []
    for path in kinds:
        page.goto(site_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            problems.append((path, "page width", width))
        boxes = page.evaluate(SIDEWAYS)
        if boxes:
            problems.append((path, "scrolls sideways", boxes))
    assert problems == []


def test_tables_stack_into_labelled_rows_on_a_phone(new_page, site_url: str) -> None:
    page = new_page(viewport={"width": WIDTH, "height": 800})
    page.goto(site_url + "lessons/")
    cell = page.locator(".md-typeset table td:nth-child(2)").first
    assert cell.evaluate("el => getComputedStyle(el).display") == "block"
    heading = page.locator(".md-typeset table thead th:nth-child(2)").first.text_content().strip()
    assert cell.get_attribute("data-label") == heading
    label = cell.evaluate("el => getComputedStyle(el, '::before').content")
    assert heading in label
    page.set_viewport_size({"width": 1280, "height": 800})
    assert cell.evaluate("el => getComputedStyle(el).display") == "table-cell"


def test_the_quotes_page_filters_by_theme_and_place(new_page, site_url: str) -> None:
    page = new_page(viewport={"width": WIDTH, "height": 800})
    page.goto(site_url + "quotes/")
    figures = page.locator("figure[data-quote-themes]")
    total = figures.count()
    theme = page.locator("select[name=theme] option").nth(1).get_attribute("value")
    page.select_option("select[name=theme]", theme)
    shown = page.locator("figure[data-quote-themes]:visible")
    assert 0 < shown.count() < total
    for index in range(shown.count()):
        assert theme in shown.nth(index).get_attribute("data-quote-themes").split()
    assert page.locator(".quote-filters__status").text_content() == f"{shown.count()} quotes shown" or shown.count() == 1
    page.select_option("select[name=theme]", "")
    place = page.locator("select[name=place] option").nth(1).get_attribute("value")
    page.select_option("select[name=place]", place)
    places = {shown.nth(i).get_attribute("data-quote-place") for i in range(shown.count())}
    assert places == {place}
    page.click(".quote-filters button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('figure[data-quote-themes]:not([hidden])').length === {total}")
