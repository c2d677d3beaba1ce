"""Sources as data: the publications vocabulary, the migration of every item to name its publication,
validation of publications, sections, addresses, dates and updates, and what a reader sees."""

from __future__ import annotations

import datetime
import html
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO, build_copy, copy_project

from generator.checks.problems import DataError
from generator.checks.validate import load_site
from generator.model.site import publication_of
from generator.pages.environment import human_date
from generator.schema.place import DEFAULT_PUBLICATION

# A place of the tests' own that the tests below give stories and updates (a real place's file may change).
BROOK = (REPO / "tests" / "data" / "fixture-brook.yaml").read_text(encoding="utf-8")
SLUG = "fixture-brook"
PUBLICATIONS = yaml.safe_load((REPO / "site-data" / "publications.yaml").read_text(encoding="utf-8"))

# A story that cites the Local Vision evaluation (which lists no sections), and updates: test data only.
UWE_STORY = """\
  - lesson: relationships
    title: A fixture story from the evaluation
    text: Fixture text in our words.
    quotes:
      - text: A fixture quote.
        speaker: A fixture speaker
    publication: uwe-local-vision-evaluation
"""
UPDATES = """\
updates:
  - date: "2017-03-01"
    title: The later update
    text: Fixture text of the later update.
    link:
      url: https://example.org/york/news_(2017)
      title: "A *hostile* [title](javascript:alert(1)) <img src=x onerror=alert(1)>"
      publisher: York fixture council
      date: "2017-03"
  - date: "2016"
    title: The earlier update
    text: Fixture text of the earlier update.
    publication: uwe-local-vision-evaluation
"""


def _brook(stories: str = "", extra: str = "") -> str:
    text = BROOK.replace("stories: []\n", "stories:\n" + stories if stories else "stories: []\n")
    return text + extra


def _problems(tmp_path: Path, text: str) -> list[str]:
    project = copy_project(tmp_path / "p", places={f"{SLUG}.yaml": text})
    with pytest.raises(DataError) as caught:
        load_site(project.data_dir, display_root=project.root)
    return [str(problem) for problem in caught.value.problems]


def _load(tmp_path: Path, text: str):
    project = copy_project(tmp_path / "p", places={f"{SLUG}.yaml": text})
    return load_site(project.data_dir, display_root=project.root)


# -- the vocabulary -------------------------------------------------------------------------------

def test_the_publications_are_the_report_the_works_it_cites_and_the_evidence_for_corrections(report_text: str) -> None:
    by_id = {entry["id"]: entry for entry in PUBLICATIONS}
    assert list(by_id)[0] == DEFAULT_PUBLICATION
    report = by_id[DEFAULT_PUBLICATION]
    assert report["date"] == "2015-11" and "The Leadership Centre, November 2015" in report_text
    assert report["title"].startswith("The Revolution will be Improvised Part II")
    # The sections and the pages the report's contents give.
    contents = report_text[report_text.index("## Contents"):]
    for section in report["sections"]:
        if "page" in section:
            assert f"<b>{section['page']}</b>\t{section['title'].split(':')[0].split(' (')[0]}" in contents \
                or section["title"].startswith(("New Stories", "Appendix A")), section
    earlier = by_id["revolution-2014"]
    assert f"Last year, we published a report, *{earlier['title']}*" in report_text
    evaluation = by_id["uwe-local-vision-evaluation"]
    assert f"*{evaluation['title']}*. {evaluation['author']}, October 2015." in report_text
    assert evaluation["date"] == "2015-10"
    book = by_id["leadership-on-the-line"]  # footnote 4, exactly as the report prints it
    assert f"<sup>4</sup> {book['author']}, *{book['title']}*. {book['date']}." in report_text
    # The works the report cites are marked so, and no address is invented: the report gives none.
    cited = [entry for entry in PUBLICATIONS if entry.get("cited_in_report")]
    assert {entry["id"] for entry in cited} == {"revolution-2014", "uwe-local-vision-evaluation", "leadership-on-the-line"}
    assert all("url" not in entry for entry in [report, *cited])
    # The evidence for the Steering Group chair's name: the BBC News article the report's notes name.
    (chair,) = [c for member in yaml.safe_load((REPO / "site-data" / "steering-group.yaml").read_text(encoding="utf-8"))
                for c in member.get("corrections", [])]
    article = by_id[chair["publication"]]
    assert (article["title"], article["author"], article["date"], article["url"]) == (
        "Pair to run Coventry City Council during chief exec search", "BBC News", "2023-01",
        "https://www.bbc.co.uk/news/uk-england-coventry-warwickshire-64196993")


# -- the migration --------------------------------------------------------------------------------

# The place files that existed when every item was migrated to name its publication (issue 13).
# Place files added later may cite other publications, or leave `publication` out on a 2015 story.
MIGRATED = """
adur-and-worthing berkshire-west birmingham blackpool brent bristol calderdale camden central-bedfordshire
cheshire-west-and-chester cornwall coventry croydon dorset-bournemouth-and-poole dudley durham gloucestershire
hackney harrogate islington kent kirklees lambeth-and-southwark leeds luton merton
nottingham-city-and-nottinghamshire oxfordshire plymouth sefton solihull south-gloucestershire suffolk
telford-and-wrekin torbay wakefield waverley west-cheshire wiltshire wirral york
""".split()


def test_every_existing_story_and_outcome_names_its_publication_and_section() -> None:
    """The migration gave every story and outcome of the files that existed then its publication by
    name, and its section. What a contributor adds to those files later (a story from another
    publication, an update with a link) keeps that form; only what cites the 2015 report and nothing
    else is "from the report only"."""
    site = load_site(REPO / "site-data", display_root=REPO)
    migrated = [place for place in site.places if place.slug in MIGRATED]
    assert len(migrated) == len(MIGRATED)
    items = from_report = 0
    for path in (REPO / "site-data" / "places" / f"{slug}.yaml" for slug in MIGRATED):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        for kind in ("stories", "outcomes"):
            for index, item in enumerate(raw.get(kind) or []):
                publication = site.publications[item["publication"]]  # named, and known
                if publication.sections:
                    assert item["source"] in {section.id for section in publication.sections}, (path.name, kind, index)
                items += 1
                from_report += item["publication"] == DEFAULT_PUBLICATION
    assert items == sum(len(p.stories) + len(p.outcomes) for p in migrated) and from_report > 0
    for place in migrated:
        cited = {publication_of(item) for item in [*place.stories, *place.outcomes]}
        cited |= {publication_of(quote, story) for story, quote in place.quotes}
        cited |= {update.publication for update in place.updates}  # None for a link
        assert place.from_report_only == (cited <= {DEFAULT_PUBLICATION}), place.slug
    cited = [c for c in site.citations_by_publication[DEFAULT_PUBLICATION] if c.place is None or c.place in migrated]
    assert len([c for c in cited if c.kind == "quote"]) == sum(
        publication_of(quote, story) == DEFAULT_PUBLICATION for place in migrated for story, quote in place.quotes)
    assert [c.kind for c in cited if c.place is None] == ["lesson quote"] * sum(
        len(lesson.quotes) for lesson in site.lessons.values())


def test_a_story_that_names_no_publication_is_read_as_the_2015_report(tmp_path: Path) -> None:
    story = UWE_STORY.replace("    publication: uwe-local-vision-evaluation\n", "    source: hurdles\n")
    site = _load(tmp_path, _brook(story))
    (york,) = [place for place in site.places if place.slug == SLUG]
    (citation_story, citation_quote) = york.citations
    assert citation_story.publication == citation_quote.publication == DEFAULT_PUBLICATION
    assert citation_story.section == "hurdles" and york.from_report_only


def test_a_quote_takes_its_storys_publication_unless_it_names_its_own(tmp_path: Path) -> None:
    story = UWE_STORY + "      - text: Another fixture quote.\n        speaker: Someone\n        publication: revolution-2014\n"
    story = story.replace("    quotes:\n", "    quotes:\n", 1)
    # keep the quotes list together: move the publication line of the story below the quotes
    story = story.replace("    publication: uwe-local-vision-evaluation\n", "") + "    publication: uwe-local-vision-evaluation\n"
    site = _load(tmp_path, _brook(story))
    york = next(place for place in site.places if place.slug == SLUG)
    assert [(c.kind, c.publication) for c in york.citations] == [
        ("story", "uwe-local-vision-evaluation"), ("quote", "uwe-local-vision-evaluation"), ("quote", "revolution-2014")]
    assert not york.from_report_only


# -- validation -----------------------------------------------------------------------------------

def test_an_unknown_publication_or_section_gets_a_suggestion(tmp_path: Path) -> None:
    story = UWE_STORY.replace("uwe-local-vision-evaluation", "uwe-local-vision-evalution")
    outcome = "outcomes:\n  - text: Fixture outcome.\n    publication: revolution-2015\n    source: hurdels\n"
    problems = _problems(tmp_path, _brook(story).replace("outcomes: []\n", outcome))
    assert any(re.search(SLUG + r"\.yaml:\d+:\d+: stories\[0\]\.publication: unknown publication "
                         r"`uwe-local-vision-evalution`; did you mean `uwe-local-vision-evaluation`\?", p)
               for p in problems), problems
    assert any(re.search(r"outcomes\[0\]\.source: unknown section of `revolution-2015` `hurdels`; "
                         r"did you mean `hurdles`\?", p) for p in problems), problems


def test_sections_belong_to_their_publication(tmp_path: Path) -> None:
    wrong = UWE_STORY + "    source: hurdles\n"
    (problem,) = _problems(tmp_path, _brook(wrong))
    assert problem.endswith("stories[0].source: `uwe-local-vision-evaluation` lists no sections: remove `source`")
    missing = UWE_STORY.replace("    publication: uwe-local-vision-evaluation\n", "    publication: revolution-2015\n")
    (problem,) = _problems(tmp_path / "b", _brook(missing))
    assert "stories[0].source: this required field is missing: the section of `revolution-2015`" in problem


@pytest.mark.parametrize(("url", "expected"), [
    ("javascript:alert(1)", "must be a public `https://` address, found a `javascript:` address"),
    ("data:text/html,<script>alert(1)</script>", "found a `data:` address"),
    ("http://example.org/", "found a `http:` address"),
    ("JavaScript:alert(1)", "found a `javascript:` address"),
    ("example.org/page", "found no `https://` at its start"),
    ("https://example.org/a page", "must be a plain web address"),
    ('https://example.org/"onmouseover="alert(1)', "must be a plain web address"),
])
def test_addresses_must_be_https(tmp_path: Path, url: str, expected: str) -> None:
    updates = UPDATES.replace("url: https://example.org/york/news_(2017)", f"url: {json.dumps(url)}")
    (problem,) = _problems(tmp_path, _brook(UWE_STORY, updates))
    assert "updates[0].link.url: " in problem and expected in problem


@pytest.mark.parametrize(("date", "expected"), [
    ('"2016/05"', "must be an ISO date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`"),
    ('"2016-13"', "is not a date in the calendar"),
    ('"2015-02-30"', "is not a date in the calendar"),
    ('"May 2016"', "must be an ISO date"),
    ("2016-05-20", "YAML reads `2016-05-20` as a date; put it in quotes"),
    ("2016", "YAML reads `2016` as the number `2016`; put it in quotes"),
])
def test_dates_are_iso(tmp_path: Path, date: str, expected: str) -> None:
    updates = UPDATES.replace('date: "2016"', f"date: {date}")
    (problem,) = _problems(tmp_path, _brook(UWE_STORY, updates))
    assert "updates[1].date: " in problem and expected in problem, problem


def test_dates_are_not_in_the_future(tmp_path: Path) -> None:
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    next_month = (tomorrow.replace(day=1) + datetime.timedelta(days=32)).strftime("%Y-%m")
    for date in (tomorrow.isoformat(), next_month, str(tomorrow.year + 1)):
        updates = UPDATES.replace('date: "2016"', f'date: "{date}"')
        (problem,) = _problems(tmp_path / date, _brook(UWE_STORY, updates))
        assert "updates[1].date: is in the future: only what has already happened" in problem
    today = datetime.date.today()
    for date in (today.isoformat(), today.strftime("%Y-%m"), str(today.year)):
        _load(tmp_path / f"ok-{date}", _brook(UWE_STORY, UPDATES.replace('date: "2016"', f'date: "{date}"')))


def test_an_update_needs_one_source(tmp_path: Path) -> None:
    none = UPDATES.replace("    publication: uwe-local-vision-evaluation\n", "")
    (problem,) = _problems(tmp_path, _brook(UWE_STORY, none))
    assert re.search(SLUG + r"\.yaml:\d+:5: updates\[1\]: an update needs its source: `publication`", problem)
    both = UPDATES.replace("    publication: uwe-local-vision-evaluation\n",
                           "    publication: uwe-local-vision-evaluation\n    link: {url: https://example.org/, "
                           "title: T, publisher: P, date: \"2016\"}\n")
    (problem,) = _problems(tmp_path / "b", _brook(UWE_STORY, both))
    assert "updates[1].link: give one source: `publication` or `link`, not both" in problem


def test_the_publications_file_is_checked_too(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project.data_dir / "publications.yaml"
    path.write_text(path.read_text(encoding="utf-8") + (
        "- id: bad\n  title: T\n  short: S\n  author: A\n  date: \"2999\"\n  url: javascript:alert(1)\n"
        "  note: N\n- id: twice\n  title: T\n  short: S\n  author: A\n  date: \"2016\"\n  note: N\n"
        "  sections:\n    - {id: one, title: One}\n    - {id: one, title: One again}\n"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site(project.data_dir, display_root=project.root)
    problems = [str(p) for p in caught.value.problems]
    bad, twice = len(PUBLICATIONS), len(PUBLICATIONS) + 1  # the two entries added above
    assert any(p.startswith("site-data/publications.yaml:") and f"[{bad}].date: is in the future" in p for p in problems)
    assert any(f"[{bad}].url: must be a public `https://` address, found a `javascript:` address" in p for p in problems)
    assert any(re.match(rf"site-data/publications\.yaml:\d+:\d+: \[{twice}\]\.sections\[1\]\.id: the section id `one` "
                        r"is used twice in `twice`", p) for p in problems), problems


def test_human_dates() -> None:
    assert [human_date(d) for d in ("2014", "2015-11", "2016-05-02")] == ["2014", "November 2015", "2 May 2016"]


# -- what a reader sees ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cited_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with Fixture Brook, given a story from the evaluation and two updates, built for a known address."""
    patch = pytest.MonkeyPatch()
    patch.setenv("SITE_URL", "https://example.org/revolution/")
    try:
        return build_copy(tmp_path_factory.mktemp("cited") / "p", places={f"{SLUG}.yaml": _brook(UWE_STORY, UPDATES)})
    finally:
        patch.undo()


def _text(source: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", source))


def test_updates_come_after_the_story_in_date_order_marked_as_not_from_the_report(cited_site: Path) -> None:
    source = (cited_site / "places" / SLUG / "index.html").read_text(encoding="utf-8")
    text = " ".join(_text(source[source.index("<article"):]).split())  # the page, without its table of contents
    story, after = text.index("A fixture story from the evaluation"), text.index("What happened next")
    earlier, later = text.index("2016: The earlier update"), text.index("1 March 2017: The later update")
    assert story < after < earlier < later
    assert "Not from the report" in text[after:earlier]
    # The hostile link title shows as text; its address is percent-encoded, and nothing else is linked.
    assert "A *hostile* [title](javascript:alert(1)) <img src=x onerror=alert(1)>" in text
    assert 'href="https://example.org/york/news_%282017%29"' in source
    assert "javascript:" not in re.sub(r">[^<]*<", "><", source) and "<img src=x" not in source


def test_place_sources_are_grouped_by_publication(cited_site: Path) -> None:
    source = (cited_site / "places" / SLUG / "index.html").read_text(encoding="utf-8")
    sources = source[source.index('id="sources"'):source.index("place-pager")]
    text = " ".join(_text(sources).split())
    assert "All facts and quotes on this page come from" not in text
    report = text.index("The Revolution will be Improvised Part II")
    evaluation = text.index("The Difference that Makes the Difference")
    link = text.index("A *hostile*")
    assert report < evaluation < link
    assert "the place's details" in text[report:evaluation]
    assert "stories, quotes, updates" in text[evaluation:link]
    assert 'href="../../sources/uwe-local-vision-evaluation/"' in sources
    # A place that cites only the report says so; every place says what is the site's own.
    site = load_site(REPO / "site-data", display_root=REPO)
    assert any(place.from_report_only for place in site.places), "no real place cites only the report"
    for place in site.places:
        page = " ".join(_text((cited_site / "places" / place.slug / "index.html").read_text(encoding="utf-8")).split())
        only = ("The place's details (its programmes, focus and Enablers), stories and quotes on this page come from "
                "The Revolution will be Improvised Part II")
        assert (only in page) == place.from_report_only, place.slug
        assert "The region and the marker's location are this site's own" in page, place.slug
        assert "All facts and quotes on this page come from" not in page, place.slug


def test_each_publication_has_a_page_listing_what_cites_it(cited_site: Path) -> None:
    index = (cited_site / "sources" / "index.html").read_text(encoding="utf-8")
    for entry in PUBLICATIONS:
        assert f'href="{entry["id"]}/"' in index, entry["id"]
        page = (cited_site / "sources" / entry["id"] / "index.html").read_text(encoding="utf-8")
        assert html.escape(entry["title"], quote=False) in page
    assert "https://example.org/york/news_%282017%29" in index  # the update's web page
    evaluation = _text((cited_site / "sources" / "uwe-local-vision-evaluation" / "index.html").read_text(encoding="utf-8"))
    for item in ("Story: A fixture story from the evaluation", "Quote: “A fixture quote.” — A fixture speaker",
                 "Update, 2016: The earlier update"):
        assert item in " ".join(evaluation.split()), item
    assert "The later update" not in evaluation  # cited by its link, not by the evaluation
    report = " ".join(_text((cited_site / "sources" / "revolution-2015" / "index.html").read_text(encoding="utf-8")).split())
    site = load_site(REPO / "site-data", display_root=REPO)
    for place in site.places:
        assert place.name in report, place.slug
        for story in place.stories:  # only what cites the report is on the report's page
            if publication_of(story) == DEFAULT_PUBLICATION:
                section = site.publications[DEFAULT_PUBLICATION].section(story.source).title
                assert f"Story: {' '.join(story.title.split())} ({section})" in report, story.title
        for story, quote in place.quotes:
            if publication_of(quote, story) == DEFAULT_PUBLICATION:
                assert " ".join(quote.text.split()) in report, quote.text[:40]
    assert "2014" in (cited_site / "sources" / "revolution-2014" / "index.html").read_text(encoding="utf-8")
    for entry in PUBLICATIONS:  # a publication nothing cites says so (in the real data, and so on this site)
        page = _text((cited_site / "sources" / entry["id"] / "index.html").read_text(encoding="utf-8"))
        cited = bool(site.citations_by_publication.get(entry["id"])) or entry["id"] == "uwe-local-vision-evaluation"
        assert ("Nothing on this site cites it yet." in page) == (not cited), entry["id"]


def test_the_sources_section_is_in_the_navigation(cited_site: Path) -> None:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert any({"Sources": "sources/index.md"} in entry.get("Enablers and more", []) for entry in config["nav"]
               if isinstance(entry, dict))
    home = (cited_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="sources/"[^>]*>\s*(<[^>]+>\s*)*Sources\s*<', home)


def test_json_ld_cites_each_source(cited_site: Path) -> None:
    source = (cited_site / "places" / SLUG / "index.html").read_text(encoding="utf-8")
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', source, flags=re.S)
    data = json.loads(block)
    assert data["url"] == f"https://example.org/revolution/places/{SLUG}/"
    names = [work["name"] for work in data["citation"]]
    assert names[0].startswith("The Revolution will be Improvised Part II")
    assert names[1].startswith("The Difference that Makes the Difference")
    assert data["citation"][2] == {"@type": "WebPage", "name": "A *hostile* [title](javascript:alert(1)) <img src=x onerror=alert(1)>",
                                   "url": "https://example.org/york/news_(2017)", "datePublished": "2017-03",
                                   "publisher": {"@type": "Organization", "name": "York fixture council"}}


def test_open_data_names_each_items_source_and_full_addresses(cited_site: Path) -> None:
    document = json.loads((cited_site / "data" / "places.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in document["publications"]] == [entry["id"] for entry in PUBLICATIONS]
    places = {place["slug"]: place for place in document["places"]}
    york = places[SLUG]
    assert york["url"] == f"https://example.org/revolution/places/{SLUG}/"
    assert york["stories"][0]["publication"] == "uwe-local-vision-evaluation"
    assert york["stories"][0]["quotes"][0]["publication"] == "uwe-local-vision-evaluation"
    assert [u["date"] for u in york["updates"]] == ["2016", "2017-03-01"]
    for slug, place in places.items():
        for story in place["stories"]:
            assert story["publication"] and all(q["publication"] for q in story["quotes"]), slug
        assert all(outcome["publication"] for outcome in place["outcomes"]), slug
    csv_text = (cited_site / "data" / "places.csv").read_text(encoding="utf-8")
    assert all(f"https://example.org/revolution/places/{slug}/" in csv_text for slug in places)
    assert "revolution-2015;uwe-local-vision-evaluation" in csv_text


def test_index_pages_name_a_source_other_than_the_report_and_report_pages_leave_it_out(cited_site: Path) -> None:
    evaluation = "The Difference that Makes the Difference"
    theme = " ".join(_text((cited_site / "themes" / "inequality" / "index.html").read_text(encoding="utf-8")).split())
    assert re.search(r"“A fixture quote\.” — A fixture speaker \( Fixture Brook \) ?, in " + evaluation, theme), theme[-2000:]
    lesson = " ".join(_text((cited_site / "lessons" / "relationships" / "index.html").read_text(encoding="utf-8")).split())
    assert "A fixture story from the evaluation" in lesson and f"From {evaluation}" in lesson
    for page in ("report/light-bulb-moments", "report/hurdles", "report/outcomes"):
        assert "fixture" not in (cited_site / page / "index.html").read_text(encoding="utf-8"), page


# -- a site built for a known address (SITE_URL) ----------------------------------------------------

def test_with_site_url_every_page_has_its_canonical_link_and_the_sitemap_lists_every_page(cited_site: Path) -> None:
    base = "https://example.org/revolution/"
    pages = sorted(path.parent.relative_to(cited_site).as_posix() for path in cited_site.rglob("index.html"))
    expected = set()
    for folder in pages:
        url = base if folder == "." else f"{base}{folder}/"
        expected.add(url)
        source = (cited_site / folder / "index.html").read_text(encoding="utf-8")
        assert re.findall(r'<link rel="canonical" href="([^"]+)"', source) == [url], folder
    sitemap = (cited_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert len(listed) == len(set(listed))
    assert set(listed) == expected
    assert f"{base}places/{SLUG}/" in listed and len(listed) >= len(list((REPO / "site-data" / "places").glob("*.yaml")))
