"""Search finds stories: the places' cards, the map's list, the open data page and the form are out of
the index; place pages weigh most, index tables least; each story's quotes are a result of their own."""

from __future__ import annotations

import json
from pathlib import Path

from site_pages import collapse, load_places, quotes_of

PLACES = load_places()


def _docs(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_lists_data_and_the_form_are_left_out_of_the_index(built_site: Path) -> None:
    pages = {doc["location"].split("#")[0] for doc in _docs(built_site)}
    assert not pages & {"places/", "map/", "data/", "contribute/"}
    assert {f"places/{slug}/" for slug in PLACES} <= pages and "quotes/" in pages


def test_place_pages_weigh_more_than_index_tables(built_site: Path) -> None:
    boost = {doc["location"]: doc.get("boost", 1) for doc in _docs(built_site)}
    for slug in PLACES:
        assert boost[f"places/{slug}/"] > 1
    for index in ("themes/", "lessons/", "regions/", "programmes/", "enablers/", "sources/"):
        assert boost[index] < 1 < boost.get("quotes/", 1)


def test_each_storys_quotes_are_a_result_that_opens_at_them(built_site: Path) -> None:
    sections = [doc for doc in _docs(built_site) if doc["location"].startswith("quotes/#")]
    for slug, place in PLACES.items():
        for story in place["stories"]:
            for quote in story.get("quotes", []):
                words = collapse(quote["text"])[:60]
                found = [doc for doc in sections if words in collapse(doc["text"])]
                assert len(found) == 1, (slug, words)
                assert found[0]["title"] == collapse(story["title"])
    assert sum(len(quotes_of(place)) for place in PLACES.values()) > 0


def test_note_markers_stay_out_of_result_snippets(built_site: Path) -> None:
    assert not any("Source note" in doc["text"] for doc in _docs(built_site))
