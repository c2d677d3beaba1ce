"""The shipped data against the report: Appendix A, Appendix B, and every quote copied exactly."""

from __future__ import annotations

import re

import pytest
import site_pages
from conftest import REPO
from site_pages import collapse, normalise

from generator.checks.validate import load_site
from generator.model.site import publication_of
from generator.schema.place import DEFAULT_PUBLICATION


@pytest.fixture(scope="module")
def site():
    return load_site(REPO / "site-data", display_root=REPO)


def appendix_a(report: str) -> dict[int, tuple[str, str]]:
    entries = re.findall(r"^- (\d+) (.+?)\*\* - (.+)$", report, flags=re.M)
    return {int(number): (name, focus.strip()) for number, name, focus in entries}


def leadership_for_change_participants(report: str) -> list[str]:
    """The participants Appendix A lists for Leadership for Change, as the report spells them."""
    text = report[report.index("### Leadership for Change Participants"): report.index("## Appendix B")]
    (line,) = [line for line in text.splitlines()[1:] if line.strip()]
    return [name.strip() for name in line.rstrip(".").split(",")]


def appendix_b(report: str) -> list[str]:
    """The Enablers and coaches of Appendix B, read row by row (the report sets them in a table)."""
    text = report[report.index("## Appendix B"): report.index("## Appendix C")]
    rows = [line for line in text.splitlines() if "\t" in line]
    return [name.strip() for row in rows for name in row.split("\t") if name.strip()]


def report_places(site, report: str) -> list:
    """The places the report lists in Appendix A (a place added from another publication is not one)."""
    names = {name for name, _ in appendix_a(report).values()}
    return [place for place in site.places if place.name in names]


def test_every_local_vision_place_of_appendix_a_is_there_with_its_number_name_and_focus(site, report_text) -> None:
    expected = appendix_a(report_text)
    assert sorted(expected) == list(range(1, 40))
    places = {p.local_vision_number: p for p in site.places if p.local_vision_number}
    assert sorted(places) == sorted(expected)
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


def test_leadership_for_change_places(site, report_text) -> None:
    participants = leadership_for_change_participants(report_text)
    assert len(participants) == len(set(participants)) >= 20

    def listed(name: str) -> bool:  # "Better Start Blackpool" is Blackpool's team
        return any(entry == name or entry.endswith(" " + name) for entry in participants)

    lfc = {p.name for p in site.places_by_programme["leadership-for-change"]}
    assert {"Telford and Wrekin", "Croydon"} <= lfc
    for place in report_places(site, report_text):  # each Appendix A place is in the programme iff listed
        assert ("leadership-for-change" in place.programmes) == listed(place.name), place.name
    both = {p.name for p in site.places if {"local-vision", "leadership-for-change"} <= set(p.programmes)}
    assert {"Blackpool", "Solihull", "Bristol", "Birmingham", "Torbay"} <= both
    programme = next(p for p in site.programmes.values() if p.id == "leadership-for-change")
    others = [entry.name for entry in programme.other_participants]
    for name in participants:  # every participant is a place page or named with the reason it has none
        assert listed_as_place(site, name) or name in others, name


def listed_as_place(site, participant: str) -> bool:
    return any(participant == p.name or participant.endswith(" " + p.name) for p in site.places)


def test_there_is_one_place_per_file(site) -> None:
    assert len(site.places) == len(list((REPO / "site-data" / "places").glob("*.yaml")))


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
    text = report_text[report_text.index("## Appendix B"): report_text.index("## Appendix C")]
    names = [enabler.name for enabler in site.enablers.values()]
    listed = appendix_b(report_text)
    assert len(listed) == len(set(listed)) >= 20
    assert len(names) == len(set(names))
    assert set(listed) <= set(names)
    for name in names:  # the vocabulary holds the enablers of Appendix B, spelled as it spells them
        assert name in text


def test_solihull_enabler_spelling_is_corrected_and_recorded(site, report_text) -> None:
    assert "Chris Lawrence-Pietrioni" in report_text  # the slip is in the report
    solihull = next(p for p in site.places if p.name == "Solihull")
    assert "chris-lawrence-pietroni" in solihull.enablers
    assert any(c.report_says == "Chris Lawrence-Pietrioni" and c.corrected == "Chris Lawrence-Pietroni"
               for c in solihull.corrections)
    story_text = " ".join(s.text for s in solihull.stories)
    assert "Pietrioni" not in story_text


def test_enablers_named_for_places(site, report_text) -> None:
    from_report = {place.name for place in report_places(site, report_text)}
    by_enabler = {key: sorted(p.name for p in places if p.name in from_report)
                  for key, places in site.places_by_enabler.items()}
    assert by_enabler["paul-tarplett"] == ["Calderdale", "Wiltshire"]
    assert by_enabler["sue-goss"] == ["Nottingham City and Nottinghamshire"]
    assert by_enabler["john-atkinson"] == ["Bristol"]
    assert set(by_enabler["holly-wheeler"]) == set(by_enabler["david-bolger"]) == {"Gloucestershire"}


def test_new_stories_are_told_on_their_place_pages(site, built_site) -> None:
    """The report's two "New Stories" sections: every story and quote of each is on its place's page."""
    by_name = {p.name: p for p in site.places}
    for name, section, words in (("Nottingham City and Nottinghamshire", "new-story-1", "Holding our nerve"),
                                 ("Plymouth", "new-story-2", "tipping point")):
        place = by_name[name]
        stories = [s for s in place.stories if publication_of(s) == DEFAULT_PUBLICATION and s.source == section]
        assert len(stories) >= 4, name
        assert any(words in q.text for s in stories for q in s.quotes), name
        page = site_pages.text(built_site, f"places/{place.slug}")
        for story in stories:
            assert collapse(story.title) in page, (name, story.title)
            for quote in story.quotes:
                assert collapse(quote.text) in page, (name, quote.text[:60])


ENGLANDS_REGIONS = {"North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands",
                    "East of England", "London", "South East", "South West"}


def test_every_place_is_in_one_of_englands_nine_regions(site) -> None:
    assert {region.name for region in site.regions.values()} == ENGLANDS_REGIONS
    for place in site.places:
        assert place.region in site.regions, place.slug
        assert place in site.places_by_region[place.region], place.slug


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


def _words(place) -> str:
    """A place's own words: focus, Leadership for Change focus, summary, stories and outcomes."""
    parts = [place.focus, place.leadership_for_change_focus or "", place.summary,
             *(s.text for s in place.stories), *(o.text for o in place.outcomes)]
    return " ".join(" ".join(parts).split())


def test_wordings_corrected_in_the_third_read_against_the_report(site, report_text) -> None:
    """Issue 27: each overstatement or borrowed wording stays gone, and the report's own words that
    the new wording follows are really in the report."""
    report = normalise(report_text)
    by_slug = {place.slug: place for place in site.places}
    for slug, gone, reported in (
        ("wirral", "started a food curriculum", "developing a skills-based food curriculum for schools"),
        ("plymouth", "decisive", "was seen as being critical in bringing agencies together"),
        ("plymouth", "admissions and led to a £460 million", "was seen as being critical"),
        ("plymouth", "as a slogan without taking the time", "used Systems Leadership as a catchphrase"),
        ("oxfordshire", "built joined-up local teams", "Developing integrated local teams"),
        ("merton", "used Local Vision to pilot", "Create a pilot approach"),
        ("cheshire-west-and-chester", "made streets and public spaces more attractive",
         "centred on improving the built environment, including streets and public spaces, so that they were more attractive"),
        ("calderdale", "beginning to raise the share", "starting to have an impact on the proportion"),
        ("calderdale", "between head teachers and the Health and Wellbeing Board",
         "between head teachers and the Health and Wellbeing Board"),
        ("solihull", "get past", "we could ‘park’ the cynicism"),
        ("wiltshire", "partners learned to collaborate", "feeling they were able to collaborate"),
        ("dorset-bournemouth-and-poole", "more influence over results", "ended up feeling they had more control"),
        ("croydon", "built on early intervention", "Working on early intervention"),
    ):
        assert gone not in _words(by_slug[slug]), (slug, gone)
        assert normalise(reported) in report, reported
    assert "in one quote" not in by_slug["telford-and-wrekin"].focus
    about = collapse((REPO / "content" / "report" / "index.md").read_text(encoding="utf-8"))
    for gone in ("did not manage to change at all", "Each place or team had the help of one or more",
                 "the changes that matter most", "who would otherwise never meet"):
        assert gone not in about, gone
    assert "each supported by an Enabler" not in site.programmes["local-vision"].description


def test_words_in_double_quotes_in_our_text_are_the_reports_own(site, report_text) -> None:
    """Where a summary, story or outcome quotes the report inline, the words are the report's, verbatim."""
    report = normalise(report_text).replace("‘", "'").replace("’", "'")
    for place in site.places:
        if all(publication_of(item) == DEFAULT_PUBLICATION for item in [*place.stories, *place.outcomes]):
            for quoted in re.findall(r'"([^"]+)"', _words(place)):
                assert quoted.replace("‘", "'").replace("’", "'") in report, (place.slug, quoted)


def test_quotes_the_report_attributes_to_no_one_say_so(site, report_text) -> None:
    """A quote the report gives without naming who said it is attributed in the honest form that
    lessons.yaml uses: "(the report names no speaker)", after the context the report gives."""
    by_slug = {place.slug: place for place in site.places}
    unnamed = {"cornwall": ["giving us time to reflect and learn"],
               "dudley": ["helped us have honest discussions"],
               "gloucestershire": ["didn't know how to tackle the project", "too close to it",
                                   "David and Holly were really helpful"]}
    for slug, openings in unnamed.items():
        for opening in openings:
            (quote,) = [q for _, q in by_slug[slug].quotes if opening in q.text]
            assert quote.speaker.endswith("(the report names no speaker)"), (slug, quote.speaker)
            assert by_slug[slug].name.split(",")[0] in quote.speaker
