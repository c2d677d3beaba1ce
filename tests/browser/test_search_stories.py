"""Search that finds stories, in Chromium: results are places, quotes, themes and lessons, and a
quote's result opens the quotes page at that story's quotes."""

from __future__ import annotations

import pytest
from site_pages import load_places

pytestmark = pytest.mark.browser

PLACES = load_places()


def _result_links(tab, query: str) -> list[str]:
    search = tab.locator("input.md-search__input")
    search.fill("")
    search.type(query, delay=10)
    tab.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    return [link.get_attribute("href") for link in tab.locator(".md-search-result__link").all()]


def test_a_theme_search_on_a_phone_leads_with_stories_not_tables(new_page, site_url: str) -> None:
    phone = new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    phone.goto(site_url, wait_until="networkidle")
    phone.locator("label.md-header__button[for='__search']").tap()
    links = _result_links(phone, "dementia")
    pages = [link.replace(site_url, "").split("#")[0].split("?")[0] for link in links]
    assert pages, "no results"
    assert not {"places/", "map/", "data/", "contribute/"} & set(pages)
    assert all(page.startswith(("places/", "quotes/", "themes/", "lessons/")) for page in pages[:3]), pages[:5]
    # Material slides the search panel in from the right on a phone; once it has come to rest, the
    # page is no wider than the screen (while it slides, the page is briefly as wide as its path).
    phone.wait_for_function("""() => { const inner = document.querySelector('.md-search__inner').getBoundingClientRect();
        return inner.left === 0 && inner.right <= 375; }""", timeout=5_000)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375


def test_a_quotes_words_find_it_and_open_it(page, site_url: str) -> None:
    slug, quote = next((slug, story["quotes"][0]) for slug, place in PLACES.items()
                       for story in place["stories"] if story.get("quotes"))
    others = " ".join(str(other) for key, other in PLACES.items() if key != slug).casefold()
    words = [word.strip(".,;:'’“”") for word in quote["text"].split()]
    rare = [word for word in dict.fromkeys(words) if len(word) >= 5 and word.casefold() not in others]
    query = " ".join(rare[:3])  # words of this quote that no other place's file has, as a reader recalls them
    assert query
    page.goto(site_url + "places/", wait_until="networkidle")
    page.keyboard.press("/")
    links = _result_links(page, query)[:5]
    target = next(link for link in links if "/quotes/" in link and "#" in link or f"/places/{slug}/" in link)
    page.goto(target)
    assert " ".join(quote["text"].split()[:8]) in " ".join(page.locator("article").inner_text().split())
