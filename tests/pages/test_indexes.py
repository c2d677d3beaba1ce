"""The index pages of a real build: themes, lessons, Enablers, programmes and regions.

Expected values are read straight from the YAML in site-data/, not through the generator.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import build_copy
from site_pages import (
    article,
    collapse,
    linked_places,
    links,
    load_places,
    load_vocabulary,
    other_participants,
    page_file,
    quotes_of,
    text,
)

PLACES = load_places()


def _with(field: str, key: str) -> set[str]:
    """The slugs of the places whose ``field`` (a list, or the region) holds ``key``."""
    return {slug for slug, place in PLACES.items()
            if key in (place[field] if isinstance(place[field], list) else [place[field]])}


def _quote_count(slugs: set[str]) -> int:
    return sum(len(quotes_of(PLACES[slug])) for slug in slugs)


def _rows(site: Path, location: str) -> dict[str, list[int]]:
    """An index page's table rows: the id the first cell links to, and the numbers in the other cells."""
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", article(site, location), flags=re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        if not cells:
            continue
        href = re.search(r'href="([^"]+)"', cells[0]).group(1)
        numbers = [int(html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()) for cell in cells[1:]]
        rows[href.rstrip("/").split("/")[-1]] = numbers
    return rows


# -- entry pages -------------------------------------------------------------------------------

def test_dementia_theme_lists_its_places_with_focus_and_their_quotes(built_site: Path) -> None:
    assert {"brent", "torbay"} <= linked_places(built_site, "themes/dementia")
    assert linked_places(built_site, "themes/dementia") == _with("themes", "dementia")
    page = text(built_site, "themes/dementia")
    for slug in ("brent", "torbay"):
        assert collapse(PLACES[slug]["focus"]) in page
    for quote in quotes_of(PLACES["torbay"]):
        assert f"“{collapse(quote['text'])}”" in page


def test_every_theme_and_region_page_lists_exactly_its_places(built_site: Path) -> None:
    for field, folder, vocabulary in (("themes", "themes", "themes"), ("region", "regions", "regions")):
        for entry in load_vocabulary(vocabulary):
            assert linked_places(built_site, f"{folder}/{entry['id']}") == _with(field, entry["id"]), entry["id"]


def test_paul_tarplett_lists_both_places_and_the_stories_that_name_him(built_site: Path) -> None:
    named = {slug for slug, place in PLACES.items() if "paul-tarplett" in place.get("enablers", [])}
    assert {"calderdale", "wiltshire"} <= named
    assert linked_places(built_site, "enablers/paul-tarplett") == named
    page = text(built_site, "enablers/paul-tarplett")
    for slug in sorted(named):
        for story in PLACES[slug]["stories"]:
            if "paul-tarplett" in story.get("enablers", []):
                assert f"{PLACES[slug]['name']}: {story['title']}" in page
                assert collapse(story["text"])[:80] in page


def _tied_enablers() -> set[str]:
    """The Enablers the report names for a place or in a story."""
    return {enabler for place in PLACES.values() for enabler in place.get("enablers", [])} | {
        enabler for place in PLACES.values() for story in place["stories"] for enabler in story.get("enablers", [])}


def test_an_enabler_the_report_ties_to_no_place_is_listed_without_a_page(built_site: Path) -> None:
    """No dead ends: an Enabler with no place and no story has no page that says there is nothing to
    show; the index lists them by name, without a link, apart from those with pages."""
    unnamed = [entry for entry in load_vocabulary("enablers") if entry["id"] not in _tied_enablers()]
    assert unnamed
    source = article(built_site, "enablers")
    index = text(built_site, "enablers")
    listed = re.findall(r"<li>(.*?)</li>", source.split('id="thanked-without-a-place')[1], flags=re.S)
    assert [html.unescape(item) for item in listed] == sorted(
        (entry["name"] for entry in unnamed), key=lambda name: (name.split()[-1].casefold(), name.casefold()))
    assert f"Thanked without a place ({len(unnamed)})" in index
    for entry in unnamed:
        assert not page_file(built_site, f"enablers/{entry['id']}").exists(), entry["id"]
        assert f'href="{entry["id"]}/"' not in source
    assert f"{len(load_vocabulary('enablers'))} Enablers and Leadership for Change coaches" in index


def test_every_index_page_says_how_many_entries_it_has(built_site: Path) -> None:
    counts = {"themes": len(load_vocabulary("themes")), "regions": len(load_vocabulary("regions")),
              "programmes": len(load_vocabulary("programmes")), "lessons": len(load_vocabulary("lessons")),
              "places": len(PLACES)}
    for location, count in counts.items():
        first = re.search(r"</h1>\s*<p>(.*?)</p>", article(built_site, location), flags=re.S).group(1)
        assert html.unescape(re.sub(r"<[^>]+>", "", first)).startswith(f"{count} {location}"), location
    first = re.search(r"</h1>\s*<p>(.*?)</p>", article(built_site, "enablers"), flags=re.S).group(1)
    assert first.startswith(f"{len(load_vocabulary('enablers'))} Enablers")


def test_each_lesson_page_holds_its_quotes_with_speaker_and_a_link_to_the_place(built_site: Path) -> None:
    for lesson in load_vocabulary("lessons"):
        location = f"lessons/{lesson['id']}"
        source = article(built_site, location)
        page = text(built_site, location)
        expected_places = set()
        for slug, place in PLACES.items():
            for story in place["stories"]:
                if story["lesson"] != lesson["id"]:
                    continue
                expected_places.add(slug)
                assert f"{place['name']}: {story['title']}" in page
                for quote in story["quotes"]:
                    # the quote, then its speaker, then a link to the place, in one quote figure
                    block = next((b for b in re.findall(r'<figure class="quote"[^>]*>(.*?)</figure>', source, flags=re.S)
                                  if collapse(quote["text"]) in collapse(html.unescape(re.sub(r"<[^>]+>", " ", b)))),
                                 None)
                    assert block is not None, (lesson["id"], quote["text"][:40])
                    assert quote["speaker"] in html.unescape(block)
                    name = re.escape(html.escape(place["name"], quote=False))
                    assert re.search(rf'href="\.\./\.\./places/{slug}/">{name}</a>', block), (lesson["id"], slug)
        for quote in lesson.get("quotes", []):
            assert f"“{collapse(quote['text'])}”" in page
            assert quote["speaker"] in page
        assert linked_places(built_site, location) == expected_places


def test_leadership_for_change_page_lists_its_places_and_its_other_participants(built_site: Path) -> None:
    programme = next(p for p in load_vocabulary("programmes") if p["id"] == "leadership-for-change")
    listed = {participant["name"]: participant["kind"] for participant in programme["other_participants"]}
    assert {"NHS England", "Public Health England", "Imperial College Healthcare", "Wales"} <= set(listed)
    others = other_participants(programme, PLACES)  # those that have gained a place file drop out
    page = text(built_site, "programmes/leadership-for-change")
    participants = article(built_site, "programmes/leadership-for-change").split("Other participants (", 1)[1]
    items = re.findall(r"<li>(.*?)</li>", participants)
    assert sorted(html.unescape(item) for item in items) == sorted(others)
    assert f"Other participants ({len(others)})" in page
    assert linked_places(built_site, "programmes/leadership-for-change") == _with("programmes", "leadership-for-change")


def test_every_entry_page_links_to_its_places_and_each_place_links_back(built_site: Path) -> None:
    for slug, place in PLACES.items():
        place_targets = {target for _, target in links(built_site, f"places/{slug}") if target is not None}
        entries = [*(f"themes/{t}" for t in place["themes"]), f"regions/{place['region']}",
                   *(f"programmes/{p}" for p in place["programmes"]),
                   *(f"enablers/{e}" for e in place.get("enablers", [])),
                   *(f"lessons/{s['lesson']}" for s in place["stories"])]
        for entry in entries:
            assert slug in linked_places(built_site, entry), (entry, slug)
            assert page_file(built_site, entry).resolve() in place_targets, (slug, entry)


# -- index pages and their counts --------------------------------------------------------------

def test_theme_region_programme_and_enabler_indexes_count_places_and_quotes(built_site: Path) -> None:
    for field, folder in (("themes", "themes"), ("region", "regions")):
        rows = _rows(built_site, folder)
        assert len(rows) == len(load_vocabulary(folder))
        for key, numbers in rows.items():
            places = _with(field, key)
            assert numbers == [len(places), _quote_count(places)], (folder, key)

    rows = _rows(built_site, "programmes")
    for programme in load_vocabulary("programmes"):
        places = _with("programmes", programme["id"])
        others = len(other_participants(programme, PLACES))
        assert rows[programme["id"]] == [len(places), others, _quote_count(places)], programme["id"]

    rows = _rows(built_site, "enablers")
    assert set(rows) == _tied_enablers()
    for key, numbers in rows.items():
        stories = sum(key in story.get("enablers", []) for place in PLACES.values() for story in place["stories"])
        assert numbers == [len(_with("enablers", key)), stories], key
    assert rows["paul-tarplett"][0] == len(_with("enablers", "paul-tarplett")) >= 2


def test_lesson_index_counts_places_stories_and_quotes(built_site: Path) -> None:
    rows = _rows(built_site, "lessons")
    lessons = load_vocabulary("lessons")
    assert list(rows) == [lesson["id"] for lesson in lessons]
    for lesson in lessons:
        stories = [(slug, story) for slug, place in PLACES.items() for story in place["stories"]
                   if story["lesson"] == lesson["id"]]
        quotes = sum(len(story["quotes"]) for _, story in stories) + len(lesson.get("quotes", []))
        assert rows[lesson["id"]] == [len({slug for slug, _ in stories}), len(stories), quotes], lesson["id"]


def test_every_page_is_reachable_from_the_home_page(built_site: Path) -> None:
    pages = {path.resolve() for path in built_site.rglob("index.html")}
    seen: set[Path] = set()
    todo = [(built_site / "index.html").resolve()]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        source = current.read_text(encoding="utf-8")
        for href in re.findall(r'<a [^>]*href="([^"#?]+)', source):
            if href.startswith(("http:", "https:", "mailto:")):
                continue
            target = (current.parent / href).resolve()
            target = target / "index.html" if target.is_dir() else target
            if target in pages:
                todo.append(target)
    assert pages - seen == set()


# -- a new place file, and nothing else ------------------------------------------------------------

NEW_PLACE = """\
name: Darlington
programmes: [leadership-for-change]
focus: A focus written for this test.
summary: A summary written for this test.
region: north-east
location: {label: Darlington, latitude: 54.5236, longitude: -1.5595}
themes: [dementia]
enablers: [ruth-kennedy]
stories:
  - lesson: relationships
    title: A story written for this test
    text: The text of a story written for this test.
    quotes:
      - text: Words the test puts in a speaker's mouth.
        speaker: A speaker made up for this test
    source: light-bulb-moments
    enablers: [ruth-kennedy]
"""


@pytest.mark.edits_a_copy
def test_a_new_place_file_updates_every_index_with_no_code_change(tmp_path: Path, built_site: Path) -> None:
    site = build_copy(tmp_path / "p", places={"darlington.yaml": NEW_PLACE})
    for location in ("themes/dementia", "regions/north-east", "programmes/leadership-for-change",
                     "lessons/relationships", "enablers/ruth-kennedy", "report/light-bulb-moments"):
        assert "darlington" in linked_places(site, location), location
        if page_file(built_site, location).exists():  # Ruth Kennedy has a page only once tied to a place
            assert "darlington" not in linked_places(built_site, location), location
    quote = "“Words the test puts in a speaker's mouth.”"
    for location in ("themes/dementia", "regions/north-east", "lessons/relationships", "enablers/ruth-kennedy"):
        assert quote in text(site, location), location

    def count(location: str, key: str) -> list[int]:
        return _rows(site, location)[key]

    before = {loc: _rows(built_site, loc) for loc in ("themes", "regions", "programmes",
                                                      "lessons", "enablers")}
    assert count("themes", "dementia") == [before["themes"]["dementia"][0] + 1,
                                                 before["themes"]["dementia"][1] + 1]
    assert count("regions", "north-east")[0] == before["regions"]["north-east"][0] + 1
    # Darlington was one of the programme's other participants: now it is a place instead.
    old = before["programmes"]["leadership-for-change"]
    assert count("programmes", "leadership-for-change") == [old[0] + 1, old[1] - 1, old[2] + 1]
    assert "Darlington" not in re.findall(r"<li>(.*?)</li>", article(site, "programmes/leadership-for-change"))
    old = before["lessons"]["relationships"]
    assert count("lessons", "relationships") == [old[0] + 1, old[1] + 1, old[2] + 1]
    assert count("enablers", "ruth-kennedy") == [1, 1]
    assert "Ruth Kennedy" not in re.findall(r"<li>(.*?)</li>", article(site, "enablers"))
