"""The report's narrative pages (content/report/ and the home page) and the snippets they include.

The pages are hand-written; every story, quote and count on them comes from site-data/ through a
generated snippet, so these tests read the YAML directly and look for it in the built pages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO, build_copy
from site_pages import (
    article,
    collapse,
    linked_places,
    load_places,
    load_vocabulary,
    normalise,
    quotes_of,
    text,
)

from generator.schema.place import DEFAULT_PUBLICATION

PLACES = load_places()
LESSONS = load_vocabulary("lessons")


def _stories_from(section: str) -> list[tuple[str, dict]]:
    """The stories from a section of the 2015 report (a story from another publication names its own)."""
    return [(slug, story) for slug, place in PLACES.items() for story in place["stories"]
            if story.get("source") == section and story.get("publication", DEFAULT_PUBLICATION) == DEFAULT_PUBLICATION]


@pytest.mark.parametrize(("location", "section", "kind"), [
    ("report/hurdles", "hurdles", "hurdle"),
    ("report/light-bulb-moments", "light-bulb-moments", "light-bulb"),
])
def test_chapter_pages_draw_their_stories_and_quotes_from_the_data(built_site: Path, location: str, section: str,
                                                                   kind: str) -> None:
    page = text(built_site, location)
    stories = _stories_from(section)
    assert len(stories) >= 5
    for slug, story in stories:
        assert f"{PLACES[slug]['name']}: {story['title']}" in page, story["title"]
        assert collapse(story["text"])[:100] in page
        for quote in story["quotes"]:
            assert f"“{collapse(quote['text'])}”" in page
    assert linked_places(built_site, location) == {slug for slug, _ in stories}
    for lesson in LESSONS:
        if lesson["kind"] == kind:
            assert lesson["title"] in page and collapse(lesson["description"]) in page
            for quote in lesson.get("quotes", []):
                assert f"“{collapse(quote['text'])}”" in page and collapse(quote["context"]) in page
    # A story the report tells elsewhere stays on its own chapter's page.
    elsewhere = [story for slug, place in PLACES.items() for story in place["stories"] if story.get("source") != section]
    assert not any(f": {story['title']}" in page for story in elsewhere
                   if all(story["title"] != other["title"] for _, other in stories))


def test_quotes_that_belong_to_no_place_are_on_the_hurdles_page_where_the_report_uses_them(built_site: Path) -> None:
    page = text(built_site, "report/hurdles")
    assert "— Heifetz & Linsky, Leadership on the Line" in page
    assert "— Meg Wheatley, masterclass contributor on Leadership for Change" in page
    assert "— One Leadership for Change programme participant" in page
    assert "— One Systems Leadership Enabler" in page
    day_job = text(built_site, "lessons/day-job")
    assert "Without reflection, we go blindly on our way" in day_job


def test_outcomes_page_shows_every_outcome_with_its_place(built_site: Path) -> None:
    page = text(built_site, "report/outcomes")
    with_outcomes = {slug for slug, place in PLACES.items() if place.get("outcomes")}
    assert {"wiltshire", "plymouth", "calderdale", "cornwall", "wirral"} <= with_outcomes
    for slug in with_outcomes:
        for outcome in PLACES[slug]["outcomes"]:
            assert collapse(outcome["text"]) in page, slug
    assert linked_places(built_site, "report/outcomes") == with_outcomes


def test_new_stories_page_introduces_both_stories_and_draws_them_from_the_place_files(built_site: Path) -> None:
    page = text(built_site, "report/new-stories")
    positions = []
    for slug, section in (("nottingham-city-and-nottinghamshire", "new-story-1"), ("plymouth", "new-story-2")):
        stories = [story for story in PLACES[slug]["stories"] if story["source"] == section]
        # Each New Story is told in at least four parts (Plymouth's fifth, on the £460 million
        # budget, became an outcome only: the report ties that passage to no lesson).
        assert len(stories) >= 4
        place_page = text(built_site, f"places/{slug}")
        for story in stories:
            body = collapse(story["text"])
            assert body in page and body in place_page, story["title"]
            positions.append(page.index(body))
            for quote in story["quotes"]:
                assert f"“{collapse(quote['text'])}”" in page
        for outcome in PLACES[slug]["outcomes"]:
            if outcome["source"] == section:
                assert collapse(outcome["text"]) in page
    assert positions == sorted(positions)  # in the order the report tells them, Nottinghamshire first
    assert linked_places(built_site, "report/new-stories") == {"nottingham-city-and-nottinghamshire", "plymouth"}


def test_introduction_shows_each_programme_from_the_data_with_its_counts(built_site: Path) -> None:
    page = text(built_site, "report")
    for programme in load_vocabulary("programmes"):
        assert collapse(programme["description"].split("\n\n")[0])[:120] in page
    lv = sum("local-vision" in place["programmes"] for place in PLACES.values())
    assert f"{lv} places have a page here" in page
    named = {enabler for place in PLACES.values() for enabler in place.get("enablers", [])}
    assert f"the report names {len(named)} in the stories of" in page


def test_home_page_counts_come_from_the_data(built_site: Path) -> None:
    page = text(built_site, "")
    quotes = sum(len(quotes_of(place)) for place in PLACES.values())
    unplaced = sum(len(lesson.get("quotes", [])) for lesson in LESSONS)
    assert f"The site holds {len(PLACES)} places" in page
    assert f"with {quotes} quotes from people in those places and {unplaced} more" in page


def test_appendices_list_the_steering_group_and_credit_the_original_report(built_site: Path) -> None:
    page = text(built_site, "report/appendices")
    members = load_vocabulary("steering-group")
    assert len(members) >= 16
    for member in members:
        assert member["name"] in page
        if member.get("chair"):
            assert re.search(rf"{re.escape(member['name'])} ?, {re.escape(member['role'])}", page)
    assert "The Revolution will be Improvised Part II: Insights from places on transforming systems" in page
    assert "The Leadership Centre for the Systems Leadership Steering Group" in page
    assert "November 2015" in page
    # Appendix B and the numbered places of Appendix A come from the data too
    assert len(linked_places(built_site, "report/appendices")) == len(PLACES)
    # Appendix B names every Enabler; those the report ties to a place or a story link to their page.
    tied = {enabler for place in PLACES.values() for enabler in place.get("enablers", [])} | {
        enabler for place in PLACES.values() for story in place["stories"] for enabler in story.get("enablers", [])}
    appendices = text(built_site, "report/appendices")
    assert all(entry["name"] in appendices for entry in load_vocabulary("enablers"))
    assert article(built_site, "report/appendices").count('href="../../enablers/') == len(tied)


def test_quotes_in_vocabulary_files_are_copied_exactly_from_the_report(report_text: str) -> None:
    report = normalise(report_text)
    quotes = [(lesson["id"], quote["text"]) for lesson in LESSONS for quote in lesson.get("quotes", [])]
    assert len(quotes) >= 5  # Heifetz & Linsky, Meg Wheatley twice, two unnamed participants
    for lesson, quote in quotes:
        assert normalise(quote) in report, (lesson, quote[:60])


@pytest.mark.edits_a_copy
def test_a_correction_in_a_place_file_shows_on_every_page_at_once(tmp_path: Path) -> None:
    # The first story of the first place whose first story has a section of the report and an Enabler,
    # its text's first word corrected: read from the data, so that any valid change to it keeps this test.
    slug, story = next((slug, place["stories"][0]) for slug, place in sorted(load_places().items())
                       if place.get("stories") and place["stories"][0].get("source") and place["stories"][0].get("enablers")
                       and place["stories"][0].get("publication", "revolution-2015") == "revolution-2015")
    original = (REPO / "site-data" / "places" / f"{slug}.yaml").read_text(encoding="utf-8")
    old = story["text"].split()[0]
    assert len(re.findall(rf"\b{re.escape(old)}\b", story["text"])) >= 1
    place = yaml.safe_load(original)
    place["stories"][0]["text"] = place["stories"][0]["text"].replace(old, "Correctedword", 1)
    corrected = yaml.safe_dump(place, sort_keys=False, allow_unicode=True)
    site = build_copy(tmp_path / "p", places={f"{slug}.yaml": corrected})
    old = " ".join(story["text"].split()[:6])
    new = " ".join(["Correctedword", *story["text"].split()[1:6]])
    for location in (f"places/{slug}", f"report/{story['source']}", f"lessons/{story['lesson']}",
                     f"enablers/{story['enablers'][0]}"):
        page = text(site, location)
        assert new in page, location
        assert old not in page, location


def _search(index: dict, words: str) -> list[str]:
    """The locations whose title or text holds every word (what Material's search matches on)."""
    wanted = [word.casefold() for word in words.split()]
    found = []
    for doc in index["docs"]:
        haystack = " ".join(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]).casefold().split())
        if all(word in haystack for word in wanted):
            found.append(doc["location"])
    return found


def test_search_index_finds_a_place_by_name_and_a_quote_by_a_few_words(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"] == "places/calderdale/" and doc["title"] == "Calderdale" for doc in index["docs"])
    assert "places/calderdale/" in _search(index, "Calderdale")
    hits = _search(index, "little bonfires beacon")
    assert "places/wirral/" in {hit.split("#")[0] for hit in hits}
    hits = _search(index, "blindly unintended consequences")  # Meg Wheatley, no place
    assert {"lessons/day-job/", "report/hurdles/"} <= {hit.split("#")[0] for hit in hits}


def test_appendix_c_shows_its_corrected_slip(built_site: Path) -> None:
    page = text(built_site, "report/appendices")
    for member in load_vocabulary("steering-group"):
        for correction in member.get("corrections", []):
            assert f"The report prints “{correction['report_says']}”; we give “{correction['corrected']}”" in page
            assert collapse(correction["note"]) in page
            # The evidence is named: the publication the correction cites (the report's own text otherwise).
            evidence = {entry["id"]: entry for entry in load_vocabulary("publications")}[
                correction.get("publication", "revolution-2015")]
            assert f"Evidence: {'the report' + chr(39) + 's own text, in ' if 'publication' not in correction else ''}" \
                   f"{evidence['title']}" in page
    assert "Every correction this site makes, with its evidence: Corrections" in page
