"""Stories first: wherever places are listed, those whose story is told come first as cards that say
so (with their number of quotes), and the places the report only lists are gathered in one plain
list; a place page reads as a story, with its sources gathered as numbered notes."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from site_pages import article, collapse, load_places, load_vocabulary, page_file, quotes_of, text

PLACES = load_places()
TOLD = {slug for slug, place in PLACES.items() if place["stories"]}
LISTED = set(PLACES) - TOLD


_PLACE_HREF = r'href="(?:\.\./)*(?:places/)?([a-z0-9-]+)/"'
"""A link to a place page from the places index, a place page or an entry page (slug in group 1)."""


def _cards(source: str) -> list[tuple[str, str]]:
    """(slug, the card's text) for each place card on a page, in order."""
    found = []
    for block in re.findall(r'<div class="place-cards">(.*?)</div>', source, flags=re.S):
        for item in re.findall(r"<li>(.*?)</li>", block, flags=re.S):
            slug = re.search(_PLACE_HREF, item).group(1)
            found.append((slug, collapse(html.unescape(re.sub(r"<[^>]+>", " ", item)))))
    return found


def _listed(source: str) -> list[str]:
    found = []
    for block in re.findall(r'<div class="place-listed">(.*?)</div>', source, flags=re.S):
        found += re.findall(_PLACE_HREF, block)
    return found


def _status(slug: str) -> str:
    count = len(quotes_of(PLACES[slug]))
    if not PLACES[slug]["stories"]:
        return "Listed in the report"
    return "Story" + (f" · {count} {'quote' if count == 1 else 'quotes'}" if count else "")


def _check_groups(site: Path, location: str, members: set[str]) -> None:
    source = article(site, location)
    cards, listed = _cards(source), _listed(source)
    assert [slug for slug, _ in cards] == sorted(members & TOLD, key=lambda s: PLACES[s]["name"].casefold()), location
    assert sorted(listed) == sorted(members & LISTED), location
    for slug, card in cards:
        assert _status(slug) in card, (location, slug)
    if cards and listed:  # the told places come first
        assert source.index('class="place-cards"') < source.index('class="place-listed"')


def test_the_places_index_puts_stories_first_and_lists_the_others_once(built_site: Path) -> None:
    _check_groups(built_site, "places", set(PLACES))
    page = text(built_site, "places")
    assert f"With a story ({len(TOLD)})" in page and f"Listed in the report only ({len(LISTED)})" in page
    assert "<table" not in article(built_site, "places")


@pytest.mark.parametrize("field, folder", [("themes", "themes"), ("region", "regions"), ("programmes", "programmes")])
def test_entry_pages_show_their_places_as_cards_stories_first(built_site: Path, field: str, folder: str) -> None:
    for entry in load_vocabulary(folder):
        members = {slug for slug, place in PLACES.items()
                   if entry["id"] in (place[field] if isinstance(place[field], list) else [place[field]])}
        if members:
            _check_groups(built_site, f"{folder}/{entry['id']}", members)


def test_a_card_shows_a_lead_quote_from_its_place(built_site: Path) -> None:
    for slug, card in _cards(article(built_site, "places")):
        quotes = [collapse(quote["text"]) for quote in quotes_of(PLACES[slug])]
        if quotes:
            assert any(f"“{quote}”" in card for quote in quotes), slug


@pytest.mark.parametrize("slug", sorted(TOLD))
def test_a_place_with_a_story_reads_in_order_with_notes_not_repeated_citations(built_site: Path, slug: str) -> None:
    place = PLACES[slug]
    source = article(built_site, f"places/{slug}")
    page = text(built_site, f"places/{slug}")
    assert "From the report's section" not in page
    assert "Listed in the report" not in page.split("Related places")[0]
    assert _status(slug) in page
    # The stories in the file's order, each with a label that links to its lesson.
    positions = [page.index(collapse(story["title"]), page.index("The story")) for story in place["stories"]]
    assert positions == sorted(positions)
    labels = re.findall(r'<a class="lesson-label" href="\.\./\.\./lessons/([^/"]+)/"', source)
    assert labels == [story["lesson"] for story in place["stories"]]
    # Every note marker leads to a numbered source, and every numbered source is cited.
    refs = set(re.findall(r'<sup class="note-ref"[^>]*><a href="#(note-\d+)"', source))
    targets = set(re.findall(r'id="(note-\d+)"', source))
    assert refs and refs == targets, slug
    # Long stories get jump links to each part.
    if len(place["stories"]) >= 4:
        jumps = re.findall(r'<nav [^>]*class="jump-links".*?</nav>', source, flags=re.S)[0]
        for number in range(1, len(place["stories"]) + 1):
            assert f'href="#story-{number}"' in jumps and f'id="story-{number}"' in source


@pytest.mark.parametrize("slug", sorted(LISTED))
def test_a_listed_place_says_so_once_and_points_to_stories_on_its_themes(built_site: Path, slug: str) -> None:
    page = text(built_site, f"places/{slug}")
    source = article(built_site, f"places/{slug}")
    assert page.count("Listed in the report") == 1
    assert "The story" not in page and "Enablers: none" not in page and "none" not in page.split("Sources")[0]
    assert page.lower().count("no further story") + page.lower().count("tells no story") <= 1
    for theme in PLACES[slug]["themes"]:
        if any(theme in PLACES[other]["themes"] for other in TOLD):
            assert f'href="../../themes/{theme}/"' in source.split('id="stories-on-its-themes"')[1]


def test_next_in_theme_leads_to_a_place_with_a_story_on_a_shared_theme(built_site: Path) -> None:
    seen = 0
    for slug in PLACES:
        pager = re.findall(r'<nav [^>]*class="place-pager".*?</nav>', article(built_site, f"places/{slug}"), flags=re.S)[0]
        found = re.findall(r'<a class="place-pager__theme" href="\.\./([^/"]+)/">Next in (.*?): ', pager)
        for other, theme_name in found:
            seen += 1
            theme = next(t["id"] for t in load_vocabulary("themes") if html.unescape(theme_name) == t["name"])
            assert other in TOLD and other != slug
            assert theme in PLACES[slug]["themes"] and theme in PLACES[other]["themes"]
    assert seen >= len(TOLD) // 2


def test_no_page_shows_a_repository_path_to_readers(built_site: Path) -> None:
    for page in built_site.rglob("index.html"):
        location = page.parent.relative_to(built_site).as_posix()
        if location in ("", "."):
            location = ""
        if location.startswith(("contribute", "data", "search", "assets")):
            continue  # the form and the open data page are for contributors and reusers
        shown = text(built_site, location)
        assert "site-data/" not in shown and ".yaml" not in shown, location
        improve = re.findall(r'<aside class="page-improve".*?</aside>', article(built_site, location), flags=re.S)
        assert len(improve) == 1 and "<code>" not in improve[0]
        assert collapse(re.sub(r"<[^>]+>", " ", improve[0])) == "Suggest a correction · Edit on GitHub"


def test_the_page_not_found_offers_search_the_places_and_the_map(built_site: Path) -> None:
    source = (built_site / "404.html").read_text(encoding="utf-8")
    main = source[source.index("<article"): source.index("</article>")]
    assert re.search(r'<form[^>]*action="/"[^>]*>.*?<input[^>]*name="q"', main, flags=re.S)
    assert 'href="/places/"' in main and 'href="/map/"' in main
    assert "404 - Not found" not in source
    assert page_file(built_site, "places").exists() and page_file(built_site, "map").exists()


def test_the_themes_index_lists_the_themes_with_most_places_first(built_site: Path) -> None:
    source = article(built_site, "themes")
    linked = re.findall(r'<td><a href="([a-z0-9-]+)/">', source)
    counts = {theme["id"]: sum(theme["id"] in place["themes"] for place in PLACES.values())
              for theme in load_vocabulary("themes")}
    assert sorted(linked) == sorted(counts)
    assert [counts[key] for key in linked] == sorted(counts.values(), reverse=True)
