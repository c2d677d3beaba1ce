"""One source for every rule: the slug pattern, the programmes (ids, names, colours), the site's root,
the label of a Local Vision number and the map page's filter are written once, in Python or in the
data, and reach the map script and the pages as data. These tests fail when a second copy appears in
a style sheet, a script or a template, or when a programme in the vocabulary gets no colour."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO, copy_project

from generator.checks.problems import DataError
from generator.checks.validate import load_site
from generator.commands.build import build
from generator.model.site import LOCAL_VISION_NUMBER
from generator.pages.contribute import form_rules
from generator.schema.fields import contrast_with_white
from generator.schema.ids import SLUG_PATTERN

ASSETS = REPO / "content" / "assets"
STYLES_AND_SCRIPTS = sorted([*ASSETS.rglob("*.css"), *ASSETS.rglob("*.js")])
MAP_SCRIPTS = sorted((ASSETS / "place-map").glob("*.js"))
FORM_SCRIPTS = sorted((ASSETS / "place-form").glob("*.js"))
TEMPLATES = sorted((REPO / "generator" / "templates").glob("*.j2"))
PROGRAMMES = yaml.safe_load((REPO / "site-data" / "programmes.yaml").read_text(encoding="utf-8"))


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_the_files_looked_at_are_there() -> None:
    assert MAP_SCRIPTS and TEMPLATES and PROGRAMMES
    assert {path.name for path in STYLES_AND_SCRIPTS} >= {"site.css", "place-map.css", "site.js", "map.js", "rules.js"}
    assert {path.name for path in FORM_SCRIPTS} == {"rules.js", "yaml.js", "groups.js", "form.js"}


@pytest.mark.parametrize("path", STYLES_AND_SCRIPTS, ids=lambda p: p.relative_to(ASSETS).as_posix())
def test_no_style_sheet_or_script_names_a_programme_or_its_colour(path: Path) -> None:
    text = _text(path).lower()
    for programme in PROGRAMMES:
        assert programme["id"] not in text, (path, programme["id"])
        assert programme["colour"].lower() not in text, (path, programme["colour"])


@pytest.mark.parametrize("path", MAP_SCRIPTS, ids=lambda p: p.name)
def test_the_map_script_has_no_slug_pattern_root_guess_label_or_filter_of_its_own(path: Path) -> None:
    text = _text(path)
    assert "[a-z0-9]" not in text and SLUG_PATTERN.strip("^$") not in text  # the page's config has it
    assert "currentScript" not in text and '"../' not in text  # the site's root comes from the page
    assert "place no." not in text  # the label comes from the page
    # The filter is the map page's style sheet: no script reads the places' themes or programmes
    # from the list to decide what shows.
    assert "data-themes" not in text and "data-programmes" not in text


@pytest.mark.parametrize("path", FORM_SCRIPTS, ids=lambda p: p.name)
def test_the_form_s_scripts_have_no_rule_shared_with_python_of_their_own(path: Path) -> None:
    """The "Propose a new place" form gets them from its page (generator/pages/contribute.py's form_rules()):
    the slug's word and pattern, the hidden characters, the number's range and programme."""
    text = _text(path)
    rules = form_rules()
    assert "[a-z0-9]" not in text and SLUG_PATTERN.strip("^$") not in text
    assert not re.search(r"\b(?:80|39)\b", text)  # the slug's length, the number's range
    assert not re.search(r"\\u(?:200b|00ad|feff|3164|202a|2066)|\\p\{C", text, flags=re.I)  # hidden characters
    assert rules["number"]["programme"] not in text


def test_the_local_vision_label_is_written_once() -> None:
    sources = [*(REPO / "generator").rglob("*.py"), *TEMPLATES, *STYLES_AND_SCRIPTS]
    holding = [path.relative_to(REPO).as_posix() for path in sources if "place no." in _text(path)]
    assert holding == ["generator/model/site.py"]
    assert _text(REPO / "generator" / "model" / "site.py").count("place no.") == 1


def test_every_programme_has_a_colour_white_text_can_be_read_on() -> None:
    for programme in PROGRAMMES:
        assert re.fullmatch(r"#[0-9a-f]{6}", programme["colour"]), programme["id"]
        assert contrast_with_white(programme["colour"]) >= 4.5, programme["id"]
    assert len({programme["colour"] for programme in PROGRAMMES}) == len(PROGRAMMES)  # told apart


def _config(page: str) -> dict:
    return json.loads(html.unescape(re.search(r"data-config='([^']*)'", page).group(1)))


def test_each_map_carries_the_rules_from_python(built_site: Path) -> None:
    site = load_site(REPO / "site-data", display_root=REPO)
    for path, root in (("map/index.html", "../"), ("themes/dementia/index.html", "../../")):
        config = _config(_text(built_site / path))
        assert config["root"] == root
        assert config["slug"] == SLUG_PATTERN
        assert config["labels"] == {"number": LOCAL_VISION_NUMBER}
        assert config["programmes"] == {id: {"name": p.name, "colour": p.colour} for id, p in site.programmes.items()}


def test_the_form_carries_the_rules_from_python(built_site: Path) -> None:
    page = _text(built_site / "contribute" / "index.html")
    config = json.loads(html.unescape(re.search(r'<form id="place-form"[^>]* data-config="([^"]*)"', page).group(1)))
    assert config["rules"] == json.loads(json.dumps(form_rules()))


def test_every_programme_shows_in_its_colour(built_site: Path) -> None:
    site = load_site(REPO / "site-data", display_root=REPO)
    map_page = _text(built_site / "map" / "index.html")
    for id, places in site.places_by_programme.items():
        colour = site.programmes[id].colour
        if places:  # the key lists the programmes that have places
            assert re.search(rf'place-key__swatch--{id}" style="--programme-colour: {colour}"', map_page), id
        for place in places:
            page = _text(built_site / "places" / place.slug / "index.html")
            assert re.search(rf'class="place-badge place-badge--{id}"[^>]* style="--programme-colour: {colour}"', page), (id, place.slug)


NEW_PROGRAMME = """\
- id: test-programme
  name: Test Programme
  full_name: A programme made up for this test
  colour: '{colour}'
  description: A programme that only this test has.
"""


def test_a_new_programme_gets_its_colour_on_the_key_the_badges_and_the_map(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    programmes = project.data_dir / "programmes.yaml"
    programmes.write_text(_text(programmes) + NEW_PROGRAMME.format(colour="#6a1b9a"), encoding="utf-8")
    # A place of the tests' own joins it (a real place file may be written in any valid way).
    brook = _text(REPO / "tests" / "data" / "fixture-brook.yaml")
    (project.data_dir / "places" / "fixture-brook.yaml").write_text(
        re.sub(r"^programmes: \[", "programmes: [test-programme, ", brook, count=1, flags=re.M), encoding="utf-8")
    build(project, tmp_path / "site")
    site = tmp_path / "site"
    map_page = _text(site / "map" / "index.html")
    assert 'place-key__swatch--test-programme" style="--programme-colour: #6a1b9a"' in map_page
    assert _config(map_page)["programmes"]["test-programme"]["colour"] == "#6a1b9a"
    assert '#place-filter-programme-test-programme:not(:checked)' in map_page  # the filter has it too
    brook_page = _text(site / "places" / "fixture-brook" / "index.html")
    assert 'place-badge--test-programme" href="../../programmes/test-programme/" style="--programme-colour: #6a1b9a"' in brook_page


@pytest.mark.parametrize(("colour", "message"), [
    (None, "colour"),
    ("#ffeb3b", "white text on #ffeb3b is 1.2:1"),
    ("red", "colour"),
    ("#2C5FB8", "colour"),
])
def test_a_programme_without_a_readable_colour_is_refused(tmp_path: Path, colour: str | None, message: str) -> None:
    project = copy_project(tmp_path / "p")
    programmes = project.data_dir / "programmes.yaml"
    entry = NEW_PROGRAMME.format(colour=colour)
    if colour is None:
        entry = "\n".join(line for line in entry.splitlines() if not line.strip().startswith("colour:")) + "\n"
    programmes.write_text(_text(programmes) + entry, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site(project.data_dir, display_root=project.root)
    problems = [str(problem) for problem in caught.value.problems]
    assert len(problems) == 1 and problems[0].startswith("site-data/programmes.yaml:"), problems
    assert message in problems[0], problems
