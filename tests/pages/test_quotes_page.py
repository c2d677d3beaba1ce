"""The quotes page: every quote on the site, each linking to its anchor on its place's (or lesson's)
page, and carrying its place and themes for the filters."""

from __future__ import annotations

import html
import re
from pathlib import Path

from site_pages import article, collapse, load_places, load_vocabulary, quotes_of

PLACES = load_places()


def _figures(site: Path) -> list[tuple[str, str, str, str]]:
    """(themes, place, the quote's words, the link's target) for each quote on the page."""
    source = article(site, "quotes")
    found = []
    for attrs, body in re.findall(r"<figure ([^>]*)>(.*?)</figure>", source, flags=re.S):
        themes = re.search(r'data-quote-themes="([^"]*)"', attrs).group(1)
        place = re.search(r'data-quote-place="([^"]*)"', attrs).group(1)
        words = collapse(html.unescape(re.sub(r"<[^>]+>", " ", body.split("</blockquote>")[0])))
        target = re.findall(r'<figcaption>.*?<a href="([^"]+)"', body, flags=re.S)[0]
        found.append((themes, place, words, target))
    return found


def test_every_quote_is_on_the_quotes_page_linking_to_its_anchor(built_site: Path) -> None:
    figures = _figures(built_site)
    expected = [(slug, collapse(quote["text"])) for slug, place in PLACES.items() for quote in quotes_of(place)]
    place_figures = [(place, words) for _, place, words, _ in figures if place]
    assert place_figures == [(slug, f"“{words}”") for slug, words in expected]
    lesson_quotes = [quote for lesson in load_vocabulary("lessons") for quote in lesson.get("quotes", [])]
    assert len(figures) == len(expected) + len(lesson_quotes)
    for themes, place, _, target in figures:
        path, anchor = target.split("#")
        page = (built_site / "quotes" / path / "index.html").resolve()
        assert f'id="{anchor}"' in page.read_text(encoding="utf-8"), target
        if place:
            assert path == f"../places/{place}/"
            assert themes.split() == PLACES[place]["themes"]
        else:
            assert path.startswith("../lessons/") and themes == ""


def test_the_quotes_page_is_in_the_menu(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="quotes/"[^>]*>\s*(<[^>]+>\s*)*Quotes\s*<', home)
