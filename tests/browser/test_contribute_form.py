"""The "Propose a new place" form in Chromium: a newcomer fills it in, awkward and hidden text, names
and numbers already taken, and what it makes passes `python -m generator validate`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from conftest import copy_project
from site_pages import load_places


def _fill(page, values: dict[str, str]) -> None:
    for selector, value in values.items():
        page.fill(selector, value)
        page.locator(selector).blur()


def _open_link(page) -> str:
    return page.get_attribute("#place-form-open", "href")


def _validate(tmp_path: Path, filename: str, text: str) -> subprocess.CompletedProcess[str]:
    project = copy_project(tmp_path / "check", places={filename: text})
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(project.root), "validate"],
                          capture_output=True, text=True)


@pytest.mark.browser
def test_a_newcomer_fills_in_the_form_and_its_file_passes_validate(page, site_url: str, tmp_path: Path) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + "contribute/")
    # Trying to go to GitHub first lists what is missing, and goes nowhere.
    page.click("#place-form-open")
    assert page.url.startswith(site_url + "contribute/")
    assert page.is_visible("#place-form-problems")
    assert "Name: This is required." in page.inner_text("#place-form-problems")

    _fill(page, {"#pf-name": "Little Snoring & Fakenham"})
    page.get_by_role("checkbox", name="Leadership for Change").check()
    _fill(page, {"#pf-focus": "Helping older people stay well at home.",
                 "#pf-summary": "Little Snoring brought its surgery, council and village hall together.\n\n"
                                "A second paragraph, in our own words:   with spaces.",
                 "#pf-location-label": "Fakenham", "#pf-location-latitude": "0.8485",
                 "#pf-location-longitude": "52,8302"})
    page.select_option("#pf-region", label="East of England")
    assert "Use a decimal point" in page.inner_text("#pf-location-longitude-error")
    _fill(page, {"#pf-location-longitude": "52.8302"})
    assert "They look swapped" in page.inner_text("#pf-location-latitude-error")
    _fill(page, {"#pf-location-latitude": "52.8302", "#pf-location-longitude": "0.8485"})
    assert not page.is_visible("#pf-location-latitude-error")
    page.get_by_label("Older people", exact=True).check()
    page.get_by_label("Obesity", exact=True).check()
    # The Local Vision number is asked for only while Local Vision is ticked, and kept out of the file after.
    assert not page.is_visible("#pf-local-vision-number")
    page.get_by_label("Local Vision", exact=True).check()
    _fill(page, {"#pf-local-vision-number": "7"})
    assert "local_vision_number: 7" in page.inner_text("#place-form-yaml")
    page.get_by_label("Local Vision", exact=True).uncheck()
    assert not page.is_visible("#pf-local-vision-number")
    assert "local_vision_number" not in page.inner_text("#place-form-yaml")

    text = page.inner_text("#place-form-yaml")
    link = urlsplit(_open_link(page))
    assert link.path.endswith("/new/main")
    query = parse_qs(link.query, strict_parsing=True)
    assert query["filename"] == ["site-data/places/little-snoring-and-fakenham.yaml"]
    assert query["value"] == [text]
    assert page.get_attribute("#place-form-open", "data-ready") == "true"
    data = yaml.safe_load(text)
    assert data["name"] == "Little Snoring & Fakenham" and sorted(data["themes"]) == ["obesity", "older-people"]
    assert data["summary"] == ("Little Snoring brought its surgery, council and village hall together.\n"
                               "A second paragraph, in our own words: with spaces.")
    result = _validate(tmp_path, "little-snoring-and-fakenham.yaml", text)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"OK: {len(load_places()) + 1} places")

    with page.expect_download() as download:
        page.click("#place-form-download")
    assert download.value.suggested_filename == "little-snoring-and-fakenham.yaml"
    assert Path(download.value.path()).read_text(encoding="utf-8") == text
    page.click("#place-form-copy")
    page.wait_for_function("document.getElementById('place-form-status').textContent.includes('Copied')")
    assert page.evaluate("navigator.clipboard.readText()") == text
    assert page.console_errors == []


@pytest.mark.browser
def test_awkward_text_stays_text_in_the_file(page, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + "contribute/")
    name = 'Snoring: "Great" # not a comment \\ {x} [y] & <b>z</b> – é'
    page.fill("#pf-name", name)
    page.get_by_label("Integration Pioneers").check()
    page.fill("#pf-focus", "- a dash, then: a colon")
    page.fill("#pf-summary", "#!/bin/sh\n\n  >- |\n'quoted' \"double\"")
    page.select_option("#pf-region", label="London")
    page.fill("#pf-location-label", "yes")
    page.fill("#pf-location-latitude", "51.5")
    page.fill("#pf-location-longitude", "-0.12")
    page.get_by_label("Prevention", exact=True).check()
    text = page.inner_text("#place-form-yaml")
    data = yaml.safe_load(text)
    assert data["name"] == name and data["focus"] == "- a dash, then: a colon" and data["location"]["label"] == "yes"
    assert data["summary"] == "#!/bin/sh\n>- | 'quoted' \"double\""
    assert data["location"]["latitude"] == 51.5
    slug = parse_qs(urlsplit(_open_link(page)).query)["filename"][0].split("/")[-1]
    assert slug == "snoring-great-not-a-comment-x-y-and-b-z-b-e.yaml"
    result = _validate(tmp_path, slug, text)
    assert result.returncode == 0, result.stderr


@pytest.mark.browser
def test_a_name_with_a_zero_width_space_is_refused_as_validate_refuses_it(page, site_url: str, tmp_path: Path) -> None:
    """The form's rule for hidden characters is validate's (generator/text/hidden.py, sent to the page
    by generator/pages/contribute.py's form_rules): a character that renders as nothing is named and refused."""
    page.goto(site_url + "contribute/")
    _fill(page, {"#pf-name": "Little\u200bSnoring"})
    page.get_by_role("checkbox", name="Leadership for Change").check()
    _fill(page, {"#pf-focus": "A focus.", "#pf-summary": "A summary.", "#pf-location-label": "Fakenham",
                 "#pf-location-latitude": "52.8302", "#pf-location-longitude": "0.8485"})
    page.select_option("#pf-region", label="East of England")
    page.get_by_label("Older people", exact=True).check()
    assert page.inner_text("#pf-name-error") == "It contains the invisible or control character U+200B: delete it."
    assert page.get_attribute("#pf-name", "aria-invalid") == "true"
    assert page.get_attribute("#place-form-open", "data-ready") == "false"
    page.click("#place-form-open")
    assert "Name: It contains the invisible or control character U+200B" in page.inner_text("#place-form-problems")
    # validate refuses the file the form shows, for the same character
    result = _validate(tmp_path, "littlesnoring.yaml", page.inner_text("#place-form-yaml"))
    assert result.returncode != 0 and "U+200B (ZERO WIDTH SPACE)" in result.stdout + result.stderr
    _fill(page, {"#pf-name": "Little Snoring"})
    assert not page.is_visible("#pf-name-error")
    assert page.get_attribute("#place-form-open", "data-ready") == "true"


@pytest.mark.browser
def test_names_and_numbers_already_taken_and_files_too_long_for_a_link(page, site_url: str) -> None:
    page.goto(site_url + "contribute/")
    taken = next(iter(load_places().values()))
    page.fill("#pf-name", taken["name"])
    page.locator("#pf-name").blur()
    assert "is already on the site" in page.inner_text("#pf-name-error")
    numbered = next(place for place in load_places().values() if place.get("local_vision_number"))
    page.get_by_label("Local Vision", exact=True).check()
    page.fill("#pf-local-vision-number", str(numbered["local_vision_number"]))
    page.locator("#pf-local-vision-number").blur()
    assert numbered["name"] in page.inner_text("#pf-local-vision-number-error")
    # A valid file too long for GitHub's address limit: the link opens the page empty, and says why.
    page.get_by_label("Local Vision", exact=True).uncheck()
    page.get_by_role("checkbox", name="Leadership for Change").check()
    page.fill("#pf-name", "Little Snoring")
    page.fill("#pf-focus", "A focus.")
    page.fill("#pf-summary", ("Café é " * 560).strip())
    page.select_option("#pf-region", label="London")
    page.fill("#pf-location-label", "Town")
    page.fill("#pf-location-latitude", "51.5")
    page.fill("#pf-location-longitude", "-0.12")
    page.get_by_label("Prevention", exact=True).check()
    link = _open_link(page)
    assert "value=" not in link and link.endswith("filename=site-data/places/little-snoring.yaml")
    assert page.is_visible("#place-form-long")  # said before anyone clicks, with the way round it
    assert "Copy or download the file" in page.inner_text("#place-form-long")
    page.click("#place-form-open")
    assert "too long to pass in a link" in page.inner_text("#place-form-status")


@pytest.mark.browser
def test_look_alike_names_the_status_line_and_the_labels(page, site_url: str) -> None:
    """The form refuses a name validate would find the same as a place's (generator/text/lookalikes.py,
    through the table form_rules sends), and takes one that only an object's look-up would have
    found (`Constructor`); its status line follows the problems; the location's fields are named as
    the location's; beside names it speaks of names, not of the YAML files' ids."""
    page.goto(site_url + "contribute/")
    york = next(place for place in load_places().values() if "o" in place["name"])
    disguised = york["name"].replace("o", "\u043e", 1)  # a Cyrillic o
    _fill(page, {"#pf-name": disguised})
    assert f"“{york['name']}” is already on the site" in page.inner_text("#pf-name-error")
    _fill(page, {"#pf-name": "Constructor"})
    assert not page.is_visible("#pf-name-error")
    page.click("#place-form-open")
    assert "The form has problems" in page.inner_text("#place-form-status")
    page.get_by_role("checkbox", name="Leadership for Change").check()
    _fill(page, {"#pf-focus": "A focus.", "#pf-summary": "A summary.", "#pf-location-label": "Fakenham",
                 "#pf-location-latitude": "52.8302", "#pf-location-longitude": "0.8485"})
    page.select_option("#pf-region", label="East of England")
    page.get_by_label("Older people", exact=True).check()
    assert "No problems left" in page.inner_text("#place-form-status")
    assert page.get_attribute("#place-form-open", "data-ready") == "true"
    for path, label in (("location-label", "Location: label"), ("location-latitude", "Location: latitude")):
        assert page.inner_text(f'label[for="pf-{path}"]').startswith(label)
    for field in ("programmes", "themes", "enablers", "region"):
        assert "site-data/" not in page.inner_text(f"#pf-{field}-help") and " id" not in page.inner_text(f"#pf-{field}-help")
    assert page.console_errors == []


@pytest.mark.browser
def test_the_form_s_files_load_only_on_its_page(page, site_url: str) -> None:
    """Every page runs assets/site.js; only the form's page loads the form's files (assets/place-form/)."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ("", "places/", "places/calderdale/", "data/"):
        requests.clear()
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert any(url.endswith("/assets/site.js") for url in requests), path
        assert not [url for url in requests if "/assets/place-form" in url], path
    requests.clear()
    page.goto(site_url + "contribute/")
    assert page.get_attribute("#place-form", "data-ready") == "true"  # set up by the page's load event
    fetched = [url.removeprefix(site_url) for url in requests if "/assets/place-form" in url]
    assert fetched == ["assets/place-form/rules.js", "assets/place-form/yaml.js", "assets/place-form/groups.js",
                       "assets/place-form/form.js"]
    assert page.console_errors == []


def test_the_form_works_when_instant_navigation_brings_its_page(page, instant_url: str) -> None:
    """Material's instant navigation swaps the page in and re-creates each script of its content
    without the script's type: the form's settings must not be a script (a JSON one ran as code)."""
    page.goto(instant_url)
    page.wait_for_function("() => window.document$")
    page.evaluate("() => { window.notReloaded = true; }")
    page.evaluate("() => document.querySelector(\"a[href$='contribute/']\").click()")
    page.wait_for_function("() => document.querySelector('#place-form') && document.querySelector('#place-form').dataset.ready")
    assert page.evaluate("() => window.notReloaded") is True  # swapped in, not loaded
    _fill(page, {"#pf-name": "Little Snoring"})
    assert 'name: "Little Snoring"' in page.inner_text("#place-form-yaml")
    assert page.console_errors == []


def _basic_place(page) -> None:
    _fill(page, {"#pf-name": "Little Snoring"})
    page.get_by_role("checkbox", name="Leadership for Change").check()
    _fill(page, {"#pf-focus": "Helping older people stay well at home.", "#pf-summary": "A summary in our own words.",
                 "#pf-location-label": "Fakenham", "#pf-location-latitude": "52.8302", "#pf-location-longitude": "0.8485"})
    page.select_option("#pf-region", label="East of England")
    page.get_by_label("Older people", exact=True).check()


@pytest.mark.browser
def test_the_form_writes_the_whole_file_stories_quotes_outcomes_and_updates(page, site_url: str, tmp_path: Path) -> None:
    """Repeatable groups made from the schema, added with the keyboard: a story with a quote, an
    outcome from another publication, an update with a link. Each field's name is its path in the
    file; what the form makes passes validate; a reload keeps it all; a removed entry goes."""
    page.goto(site_url + "contribute/")
    _basic_place(page)
    page.focus('[data-add="stories"]')
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "stories.0.lesson"  # focus moves to the new story
    assert "Story 1 added." in page.inner_text("#place-form-status")
    lesson = next(iter(yaml.safe_load((Path(__file__).parents[2] / "site-data" / "lessons.yaml").read_text(encoding="utf-8"))))
    page.select_option('[name="stories.0.lesson"]', lesson["id"])
    _fill(page, {'[name="stories.0.title"]': "A story title", '[name="stories.0.text"]': "The story in our own words."})
    assert page.input_value('[name="stories.0.publication"]') == "revolution-2015"  # the 2015 report, at first
    sections = page.eval_on_selector('[name="stories.0.source"]', "s => [...s.options].map(o => o.value).filter(Boolean)")
    page.select_option('[name="stories.0.source"]', sections[1])
    page.click('[data-add="stories.0.quotes"]')
    _fill(page, {'[name="stories.0.quotes.0.text"]': "Words exactly as printed.", '[name="stories.0.quotes.0.speaker"]': "A participant"})
    page.click('[data-add="outcomes"]')
    _fill(page, {'[name="outcomes.0.text"]': "An outcome in our own words."})
    page.select_option('[name="outcomes.0.publication"]', "uwe-local-vision-evaluation")
    assert not page.is_visible('[name="outcomes.0.source"]')  # the evaluation lists no sections
    page.click('[data-add="updates"]')
    assert page.is_visible('[name="updates.0.link.url"]')  # no publication chosen: a link is asked for
    _fill(page, {'[name="updates.0.date"]': "2016-13", '[name="updates.0.title"]': "What happened next",
                 '[name="updates.0.text"]': "It went on.", '[name="updates.0.link.url"]': "javascript:alert(1)",
                 '[name="updates.0.link.title"]': "A page", '[name="updates.0.link.publisher"]': "A council",
                 '[name="updates.0.link.date"]': "2016-05-20"})
    assert "not a date in the calendar" in page.inner_text("#pf-updates-0-date-error")
    assert "https://" in page.inner_text("#pf-updates-0-link-url-error")
    _fill(page, {'[name="updates.0.date"]': "2016-05", '[name="updates.0.link.url"]': "https://example.org/news"})
    assert page.get_attribute("#place-form-open", "data-ready") == "true"

    text = page.inner_text("#place-form-yaml")
    data = yaml.safe_load(text)
    (story,) = data["stories"]
    assert story["lesson"] == lesson["id"] and story["source"] == sections[1] and story["publication"] == "revolution-2015"
    assert story["quotes"] == [{"text": "Words exactly as printed.", "speaker": "A participant"}]
    assert data["outcomes"] == [{"text": "An outcome in our own words.", "publication": "uwe-local-vision-evaluation"}]
    assert data["updates"][0]["link"]["url"] == "https://example.org/news" and data["updates"][0]["date"] == "2016-05"
    result = _validate(tmp_path, "little-snoring.yaml", text)
    assert result.returncode == 0, result.stderr
    query = parse_qs(urlsplit(_open_link(page)).query)
    assert query["value"] == [text]

    page.reload()  # nothing is lost
    page.wait_for_function("document.getElementById('place-form').dataset.ready")
    assert page.inner_text("#place-form-yaml") == text
    assert page.input_value('[name="stories.0.quotes.0.speaker"]') == "A participant"
    page.click('[data-remove="outcomes.0"]')
    assert page.evaluate("document.activeElement.getAttribute('data-add')") == "outcomes"
    assert "outcomes: []" in page.inner_text("#place-form-yaml")
    assert page.console_errors == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_groups_pass_axe_in_both_palettes(new_page, site_url: str, scheme: str) -> None:
    """axe-core on the form with a story, a quote, an outcome and an update open, their problems shown."""
    page = new_page(viewport={"width": 375, "height": 800}, color_scheme=scheme)
    page.goto(site_url + "contribute/")
    for button in ('[data-add="stories"]', '[data-add="stories.0.quotes"]', '[data-add="outcomes"]', '[data-add="updates"]'):
        page.click(button)
    page.click("#place-form-open")  # every problem shown
    page.add_script_tag(path=str(Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    bad = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}"
           for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []
    assert page.console_errors == []
