"""What the site says about itself, read on the built pages against the data: where each page says
its facts come from, the counts in template sentences, the works the report cites, the Leadership for
Change teams' focus, and the corrections page with its evidence (issue 27).

Expectations come from site-data/, read here without the generator: a valid data change never fails."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from site_pages import article, collapse, links, load_places, load_vocabulary, text

DEFAULT = "revolution-2015"
LFC, LV = "leadership-for-change", "local-vision"
PLACES = load_places()
PUBLICATIONS = {entry["id"]: entry for entry in load_vocabulary("publications")}
STEERING_GROUP = load_vocabulary("steering-group")


def _cited_by(place: dict) -> set[str]:
    """The publications a place file cites: for its details (the report), its stories, quotes,
    outcomes, updates, and the evidence for its corrections."""
    cited = {DEFAULT}
    for story in place.get("stories", []):
        story_from = story.get("publication", DEFAULT)
        cited.add(story_from)
        cited |= {quote.get("publication", story_from) for quote in story.get("quotes", [])}
    cited |= {item.get("publication", DEFAULT) for item in [*place.get("outcomes", []), *place.get("corrections", [])]}
    cited |= {update["publication"] for update in place.get("updates", []) if "publication" in update}
    return cited


def _publication_links(site: Path, location: str) -> set[str]:
    """The ids of the publication pages an article links to (not the Sources index or corrections)."""
    found = set()
    for _, target in links(site, location):
        if target is not None and target.parent.parent.name == "sources" and target.name == "index.html":
            assert target.exists(), (location, target)
            found.add(target.parent.name)
    return found - {"corrections"}


def _plain(page: str) -> str:
    """An article's text without the spaces that tags leave before punctuation and after "("."""
    return re.sub(r"\( ", "(", re.sub(r" (?=[,.;:)])", "", page))


def _story_programme(place: dict, story: dict) -> str | None:
    return story.get("programme") or (place["programmes"][0] if len(place["programmes"]) == 1 else None)


@pytest.mark.parametrize("slug", sorted(PLACES))
def test_a_place_page_names_as_a_source_only_what_its_file_cites(built_site: Path, slug: str) -> None:
    """No sentence on a place page says something comes from a publication the file does not cite,
    and every publication the file cites is named."""
    place = PLACES[slug]
    assert _publication_links(built_site, f"places/{slug}") == _cited_by(place)
    page = text(built_site, f"places/{slug}")
    assert "All facts and quotes on this page come from" not in page
    # The region and location are the site's own, and the page says so.
    assert "The region and the marker's location are this site's own" in page


def test_a_publication_page_lists_only_places_that_cite_it(built_site: Path) -> None:
    for key in PUBLICATIONS:
        html_text = article(built_site, f"sources/{key}")
        listed = set(re.findall(r'<h3 id="[^"]*"><a href="\.\./\.\./places/([a-z0-9-]+)/"', html_text))
        for slug in listed:
            assert key in _cited_by(PLACES[slug]), (key, slug)
        if key != DEFAULT:  # the report's page lists every place, with or without anything more
            assert listed == {slug for slug, place in PLACES.items() if key in _cited_by(place)}, key


def test_the_report_page_claims_for_details_only_what_appendix_a_lists(built_site: Path) -> None:
    page = text(built_site, f"sources/{DEFAULT}")
    assert "region" not in page.split("Places with their details only", 1)[-1].split(".")[0]
    assert "The focus, programmes and region of every place come from this report" not in page


def test_the_places_index_counts_leadership_for_change_teams_from_the_data(built_site: Path) -> None:
    teams = [p for p in PLACES.values() if LFC in p["programmes"]]
    told = [p for p in teams if any(_story_programme(p, s) == LFC for s in p.get("stories", []))]
    page = text(built_site, "places")
    assert f"{len(teams)} places here sent a Leadership for Change team, and the report tells a story of " \
           f"{len(told)} of those teams." in page


def test_the_sources_index_names_the_works_the_report_cites_and_links_the_corrections(built_site: Path) -> None:
    page = _plain(text(built_site, "sources"))
    cited = [entry["title"] for entry in PUBLICATIONS.values() if entry.get("cited_in_report")]
    assert f"The works that report cites are listed too ({', '.join(cited)})" in page
    assert "the two works" not in page
    corrections = sum(len(p.get("corrections", [])) for p in PLACES.values()) + \
        sum(len(m.get("corrections", [])) for m in STEERING_GROUP)
    assert f"Every correction, with its evidence: {corrections} in all." in page
    assert ("Every correction, with its evidence", built_site / "sources" / "corrections" / "index.html") \
        in links(built_site, "sources")


def test_the_leadership_for_change_page_shows_each_teams_own_focus(built_site: Path) -> None:
    page = article(built_site, f"programmes/{LFC}")
    # a card's focus line, or a listed place's "Name (number): focus"
    cards = re.findall(r'<a class="place-card__name" href="\.\./\.\./places/([a-z0-9-]+)/">.*?</a>.*?'
                       r'<p class="place-card__focus">(.*?)</p>', page, re.S)
    listed = re.findall(r'<li><a href="\.\./\.\./places/([a-z0-9-]+)/">[^<]*</a>(?: \([^)]*\))?: (.*?)</li>', page, re.S)
    rows = dict(cards + listed)
    for slug, place in PLACES.items():
        if LFC not in place["programmes"]:
            continue
        shown = collapse(re.sub(r"<[^>]+>", "", rows[slug])).replace("&#x27;", "'").replace("&#39;", "'").replace(
            "&amp;", "&")
        if LV in place["programmes"]:
            expected = place.get("leadership_for_change_focus", "The report gives no focus for this programme's work")
            assert shown.rstrip(".").casefold() == collapse(expected).rstrip(".").casefold(), slug
        else:
            assert shown == collapse(place["focus"]), slug


def _evidence(correction: dict) -> dict:
    return PUBLICATIONS[correction.get("publication", DEFAULT)]


def test_the_corrections_page_lists_every_correction_with_its_evidence(built_site: Path) -> None:
    page = _plain(text(built_site, "sources/corrections"))
    everything = [(place["name"], c) for place in PLACES.values() for c in place.get("corrections", [])]
    everything += [(f"Appendix C: {m['name']}", c) for m in STEERING_GROUP for c in m.get("corrections", [])]
    assert f"These are all {len(everything)} of them." in page
    evidence_links = _publication_links(built_site, "sources/corrections")
    for heading, correction in everything:
        assert f"{heading} ¶" in page
        assert f"The report prints: “{collapse(correction['report_says'])}”" in page
        assert f"We give: “{collapse(correction['corrected'])}”" in page
        assert collapse(correction["note"]) in page
        publication = _evidence(correction)
        assert publication["id"] in evidence_links
        if publication["id"] == DEFAULT:
            section_title = next(s["title"] for s in publication["sections"] if s["id"] == correction["source"])
            assert f"Evidence: the report's own text, in {publication['title']}, section “{section_title}”" in page
        else:
            assert f"Evidence: {publication['title']} ({publication['author']}" in page
            assert publication["url"] in page


def test_every_page_that_carries_a_correction_links_to_the_corrections_page(built_site: Path) -> None:
    target = built_site / "sources" / "corrections" / "index.html"
    pages = [f"places/{slug}" for slug, place in PLACES.items() if place.get("corrections")]
    if any(member.get("corrections") for member in STEERING_GROUP):
        pages.append("report/appendices")
    for location in pages:
        assert ("Corrections", target) in links(built_site, location), location
        assert "Every correction this site makes, with its evidence" in text(built_site, location)


def test_each_work_the_report_cites_has_a_page(built_site: Path) -> None:
    for key, entry in PUBLICATIONS.items():
        if entry.get("cited_in_report"):
            assert text(built_site, f"sources/{key}").startswith(entry["title"]), key
