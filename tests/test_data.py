"""The shipped data against the report: Appendix A, Appendix B, and every quote copied exactly."""

from __future__ import annotations

import re

import pytest
from conftest import REPO

from generator.model import publication_of
from generator.schema import DEFAULT_PUBLICATION
from generator.validate import load_site


@pytest.fixture(scope="module")
def site():
    return load_site(REPO / "site-data", display_root=REPO)


def normalise(text: str) -> str:
    """The report as plain text: bold markers and footnote markers removed, whitespace collapsed."""
    text = re.sub(r"<sup>\d+</sup>", "", text).replace("**", "")
    return " ".join(text.split())


def appendix_a(report: str) -> dict[int, tuple[str, str]]:
    entries = re.findall(r"^- (\d+) (.+?)\*\* - (.+)$", report, flags=re.M)
    return {int(number): (name, focus.strip()) for number, name, focus in entries}


def test_every_local_vision_place_of_appendix_a_is_there_with_its_number_name_and_focus(site, report_text) -> None:
    expected = appendix_a(report_text)
    assert sorted(expected) == list(range(1, 40))
    places = {p.local_vision_number: p for p in site.places if p.local_vision_number}
    assert sorted(places) == list(range(1, 40))
    for number, (name, focus) in expected.items():
        place = places[number]
        assert place.name == name
        assert "local-vision" in place.programmes
        if number == 17:  # Hackney: the report's slip, corrected and recorded
            assert place.focus == focus.replace("genital mutation", "genital mutilation")
            (correction,) = place.corrections
            assert correction.field == "focus"
            assert correction.report_says == focus and correction.corrected == place.focus
        else:
            assert place.focus == focus


def test_leadership_for_change_places(site) -> None:
    lfc = {p.name for p in site.places_by_programme["leadership-for-change"]}
    assert {"Telford and Wrekin", "Croydon"} <= lfc
    both = {p.name for p in site.places if {"local-vision", "leadership-for-change"} <= set(p.programmes)}
    assert both == {"Blackpool", "Solihull", "Bristol", "Birmingham", "Torbay"}
    assert len(site.places) == 41


def test_every_quote_is_copied_exactly_from_the_report(site, report_text) -> None:
    """Every quote that cites the 2015 report (quotes from other publications cannot be checked here)."""
    report = normalise(report_text)
    quotes = [(place.slug, quote.text) for place in site.places for story, quote in place.quotes
              if publication_of(quote, story) == DEFAULT_PUBLICATION]
    quotes += [(lesson.id, quote.text) for lesson in site.lessons.values() for quote in lesson.quotes
               if publication_of(quote) == DEFAULT_PUBLICATION]
    assert len(quotes) >= 30  # the report has about thirty quotes that belong to places, and more for lessons
    for slug, text in quotes:
        assert normalise(text) in report, (slug, text[:60])


def test_enablers_are_the_25_of_appendix_b_spelled_as_it_spells_them(site, report_text) -> None:
    appendix_b = report_text[report_text.index("## Appendix B"): report_text.index("## Appendix C")]
    names = [enabler.name for enabler in site.enablers.values()]
    assert len(names) == len(set(names)) == 25
    for name in names:
        assert name in appendix_b


def test_solihull_enabler_spelling_is_corrected_and_recorded(site, report_text) -> None:
    assert "Chris Lawrence-Pietrioni" in report_text  # the slip is in the report
    solihull = next(p for p in site.places if p.name == "Solihull")
    assert "chris-lawrence-pietroni" in solihull.enablers
    assert any(c.report_says == "Chris Lawrence-Pietrioni" and c.corrected == "Chris Lawrence-Pietroni"
               for c in solihull.corrections)
    story_text = " ".join(s.text for s in solihull.stories)
    assert "Pietrioni" not in story_text


def test_enablers_named_for_places(site) -> None:
    by_enabler = {key: sorted(p.name for p in places) for key, places in site.places_by_enabler.items()}
    assert by_enabler["paul-tarplett"] == ["Calderdale", "Wiltshire"]
    assert by_enabler["sue-goss"] == ["Nottingham City and Nottinghamshire"]
    assert by_enabler["john-atkinson"] == ["Bristol"]
    assert set(by_enabler["holly-wheeler"]) == set(by_enabler["david-bolger"]) == {"Gloucestershire"}


def test_new_stories_are_told_on_their_place_pages(site) -> None:
    by_name = {p.name: p for p in site.places}
    def from_report(place: str, section: str) -> list:
        return [s for s in by_name[place].stories if publication_of(s) == DEFAULT_PUBLICATION and s.source == section]

    notts = from_report("Nottingham City and Nottinghamshire", "new-story-1")
    plymouth = from_report("Plymouth", "new-story-2")
    assert len(notts) >= 4 and len(plymouth) >= 4
    assert any("Holding our nerve" in q.text for s in notts for q in s.quotes)
    assert any("tipping point" in q.text for s in plymouth for q in s.quotes)


def test_each_region_is_one_of_englands_nine(site) -> None:
    assert len(site.regions) == 9
    assert all(site.places_by_region[key] for key in ("london", "south-west", "north-west"))


def test_wordings_corrected_after_a_full_read_against_the_report(site, report_text) -> None:
    """Issue 13's corrections: each wording the report does not support stays gone, and the report's
    own words that the correction follows are really in the report."""
    report = normalise(report_text)
    by_slug = {place.slug: place for place in site.places}

    def words(slug: str) -> str:
        place = by_slug[slug]
        parts = [place.focus, place.summary, *(s.text for s in place.stories), *(o.text for o in place.outcomes)]
        return " ".join(" ".join(parts).split())

    for slug, gone, reported in (
        ("telford-and-wrekin", "Breaking down the silos", "Fran Beck, part of the Telford and Wrekin place team"),
        ("plymouth", "from which they now commission together",
         "has led to the creation of a £460 million pooled commissioning budget"),
        ("plymouth", "fresh understanding and greater ambition", "a new understanding and an increased ambition"),
        ("calderdale", "then ran interviews and focus groups", "so that they could then use interviews and focus groups"),
        ("calderdale", "the team linked schools", "Paul Tarplett, in his role as Enabler, linked teachers"),
        ("torbay", "handed leadership", "devolved power to the frontline by working with Healthwatch"),
        ("wiltshire", "He put this down to", "In Paul's view:"),
        ("wakefield", "from the outset", "had the foresight to recognise"),
        ("dudley", "rapid response team", "'rapid response unit'"),
        ("cornwall", "and a skills-based food curriculum", "developing a skills-based food curriculum"),
        ("wirral", "and a skills-based food curriculum", "developing a skills-based food curriculum"),
    ):
        assert gone not in words(slug), (slug, gone)
        assert normalise(reported) in report, reported
    assert "The report gives no focus" in by_slug["telford-and-wrekin"].focus
    assert not any(s.lesson == "give-power-away" and s.source == "new-story-2" for s in by_slug["plymouth"].stories)
    assert "owned and kept going" not in site.lessons["citizens-at-the-centre"].description


def test_the_steering_group_chairs_name_is_corrected_and_recorded(site, report_text) -> None:
    appendix_c = report_text[report_text.index("## Appendix C"):]
    assert "Marin Reeves, Chief Executive, Coventry City Council" in appendix_c  # the slip is in the report
    names = [member.name for member in site.steering_group.values()]
    assert "Martin Reeves" in names and "Marin Reeves" not in names
    (correction,) = [c for member in site.steering_group.values() for c in member.corrections]
    assert (correction.field, correction.report_says, correction.corrected) == ("name", "Marin Reeves", "Martin Reeves")
    for member in site.steering_group.values():  # every other name exactly as Appendix C prints it
        if not member.corrections:
            assert member.name in appendix_c, member.name
