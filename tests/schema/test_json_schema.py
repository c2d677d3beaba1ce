"""The JSON Schema for editors: generated, committed, published, and in agreement with the loader."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml12
from conftest import REPO

from generator.checks.problems import DataError
from generator.checks.validate import load_site, load_vocabularies
from generator.schema.files import MODELINE, SCHEMA_FILE
from generator.schema.json_schema import schema_text
from generator.schema.vocabularies import VOCABULARIES

COMMITTED = REPO / "site-data" / SCHEMA_FILE
PLACE_FILES = sorted((REPO / "site-data" / "places").glob("*.yaml"))

GOOD = (REPO / "tests" / "data" / "little-snoring-with-a-story.yaml").read_text(encoding="utf-8")
"""A correct place file with a story, a quote and an outcome: each case below is one edit of it."""


UPDATE = 'corrections: []\nupdates:\n  - {date: "2016", title: T, text: X, %s}\n'


def _edit(old: str, new: str) -> str:
    assert GOOD.count(old) == 1, old
    return GOOD.replace(old, new)


# Mistakes that both the loader and the JSON Schema refuse.
REFUSED_BY_BOTH = {
    "unknown field": _edit("focus:", "fokus:"),
    "unknown nested field": _edit("label: Little Snoring", "lable: Little Snoring"),
    "unknown theme": _edit("[older-people]", "[obesty]"),
    "theme in capitals": _edit("[older-people]", "[Older-People]"),
    "unknown region": _edit("region: east-of-england", "region: east-anglia"),
    "unknown programme": _edit("[leadership-for-change]", "[leadership]"),
    "unknown Enabler": _edit("enablers: [paul-tarplett]\nstories", "enablers: [paul-tarpet]\nstories"),
    "unknown lesson": _edit("lesson: relationships", "lesson: relationship"),
    "unknown report section": _edit("source: outcomes", "source: outcome"),
    "theme listed twice": _edit("[older-people]", "[older-people, older-people]"),
    "no programme": _edit("[leadership-for-change]", "[]"),
    "no theme": _edit("[older-people]", "[]"),
    "missing name": _edit("name: Little Snoring\n", ""),
    "missing location": _edit("location: {label: Little Snoring, latitude: 52.8608, longitude: 0.9045}\n", ""),
    "missing latitude": _edit("latitude: 52.8608, ", ""),
    "missing quote speaker": _edit(", speaker: A GP", ""),
    "empty name": _edit("name: Little Snoring", 'name: ""'),
    "blank summary": _edit("summary: >-\n  Little Snoring brought its GP surgery, council and village hall together.",
                           'summary: "   "'),
    "name on two lines": _edit("name: Little Snoring", 'name: "Little\\nSnoring"'),
    "tab inside a name": _edit("name: Little Snoring", 'name: "Little\\tSnoring"'),
    "name too long": _edit("name: Little Snoring", "name: " + "x" * 301),
    "a list for text": _edit("focus: Helping older people stay well at home.", "focus: [Helping, older people]"),
    "text for a list": _edit("[older-people]", "older-people"),
    "text for a set of fields": _edit("location: {label: Little Snoring, latitude: 52.8608, longitude: 0.9045}",
                                      "location: Little Snoring"),
    "quoted number": _edit("latitude: 52.8608", 'latitude: "52.8608"'),
    "latitude out of range": _edit("latitude: 52.8608", "latitude: 152.8608"),
    "Local Vision number out of range": _edit("programmes: [leadership-for-change]",
                                              "programmes: [local-vision]\nlocal_vision_number: 40"),
    "Local Vision number as text": _edit("programmes: [leadership-for-change]",
                                         'programmes: [local-vision]\nlocal_vision_number: "7"'),
    "a FILL IN id left from the skeleton": _edit("[older-people]", "[FILL IN]"),
    "unknown publication": _edit("source: outcomes}", "publication: revolution-2016, source: outcomes}"),
    "a javascript: address": _edit("corrections: []\n", UPDATE % 'link: {url: "javascript:alert(1)", title: T, publisher: P, date: "2016"}'),
    "a data: address": _edit("corrections: []\n", UPDATE % 'link: {url: "data:text/html,x", title: T, publisher: P, date: "2016"}'),
    "an http: address": _edit("corrections: []\n", UPDATE % 'link: {url: "http://example.org/", title: T, publisher: P, date: "2016"}'),
    "a date that is not ISO": _edit("corrections: []\n", UPDATE.replace('"2016"', '"May 2016"') % "publication: revolution-2014"),
    "an update without a title": _edit("corrections: []\n", UPDATE.replace("title: T, ", "") % "publication: revolution-2014"),
}

# Mistakes the loader refuses and the JSON Schema cannot see, each with the reason. The schema accepts
# them (asserted below, so this list stays true); the validator on pull requests catches them.
LOADER_ONLY = {
    # Rules about several fields at once: JSON Schema could say some, but then they would be written twice.
    "Local Vision number without the programme": (_edit("\nenablers:", "\nlocal_vision_number: 12\nenablers:"),
                                                   "a rule across two fields, kept in validate.py only"),
    "Local Vision programme without its number": (_edit("[leadership-for-change]", "[local-vision]"),
                                                   "a rule across two fields, kept in validate.py only"),
    "story Enabler not in the place's Enablers": (_edit("enablers: [paul-tarplett]\nstories", "enablers: []\nstories"),
                                                  "a rule across two fields, kept in validate.py only"),
    # Geography.
    "location outside England": (_edit("latitude: 52.8608, longitude: 0.9045", "latitude: 48.8566, longitude: 2.3522"),
                                 "needs England's outline, a point-in-polygon test"),
    # Numbers: only plain decimals are numbers here; YAML 1.1 and 1.2 both read `052.8608` as one.
    "a number with a leading zero": (_edit("latitude: 52.8608", "latitude: 052.8608"),
                                     "only plain decimals are numbers: the loader reads others as text"),
    # YAML 1.1, as the loader reads it, makes these a boolean and dates; editors read YAML 1.2, where
    # they stay text (and the text is what was meant), so only the loader catches them.
    "unquoted NO": (_edit("name: Little Snoring", "name: NO"), "YAML 1.1 reads `NO` as false; YAML 1.2 as text"),
    "unquoted date": (_edit("focus: Helping older people stay well at home.", "focus: 2015-11-01"),
                      "YAML 1.1 reads an unquoted date as a date; YAML 1.2 as text"),
    "an unquoted date": (_edit("corrections: []\n", UPDATE.replace('"2016"', "2016-05-02") % "publication: revolution-2014"),
                         "YAML 1.1 reads an unquoted date as a date; YAML 1.2 as text, which the pattern accepts"),
    # YAML itself, before there is any data to check.
    "the same key twice": (GOOD + "name: Little Snoring again\n", "YAML: a parser keeps the last value silently"),
    "an anchor": (_edit("themes: [older-people]", "themes: &t [older-people]"),
                  "YAML: anchors and aliases are resolved before the schema sees the data"),
    # Text rules the schema's patterns do not cover.
    "a bidi control character": (_edit("name: Little Snoring", 'name: "Little \\u202eSnoring"'),
                                 "control characters: the loader refuses them, patterns do not"),
    "FILL IN left in free text": (_edit("focus: Helping older people stay well at home.", "focus: FILL IN"),
                                  "`FILL IN` is text to the schema; the loader names it so it is replaced"),
    # Sources: which sections are allowed depends on the publication, and an update needs one of two fields.
    "a 2015 story without its section": (_edit("    source: light-bulb-moments\n", ""),
                                         "the section is required only for a publication that lists sections"),
    "a section of another publication": (_edit("source: outcomes}", "publication: uwe-local-vision-evaluation, source: outcomes}"),
                                         "each publication has its own sections, kept in validate.py only"),
    "an update without a source": (_edit("corrections: []\n", UPDATE % "source: hurdles"),
                                   "a rule across two fields (publication or link), kept in validate.py only"),
    "an update with two sources": (_edit("corrections: []\n", UPDATE % 'publication: revolution-2014, link: {url: "https://example.org/", title: T, publisher: P, date: "2016"}'),
                                   "a rule across two fields (publication or link), kept in validate.py only"),
    "a date in the future": (_edit("corrections: []\n", UPDATE.replace('"2016"', '"9999-01"') % "publication: revolution-2014"),
                             "a schema cannot know today's date"),
    "a date not in the calendar": (_edit("corrections: []\n", UPDATE.replace('"2016"', '"2016-02-30"') % "publication: revolution-2014"),
                                   "the pattern checks the form of a date, not the calendar"),
}


@pytest.fixture(scope="module")
def vocab() -> dict:
    return load_vocabularies(REPO / "site-data")


@pytest.fixture(scope="module")
def validator(vocab: dict) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_text(vocab))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _loader_accepts(tmp_path: Path, text: str) -> bool:
    data = tmp_path / "site-data"
    shutil.copytree(REPO / "site-data", data, ignore=shutil.ignore_patterns("places"))
    (data / "places").mkdir()
    (data / "places" / "little-snoring.yaml").write_text(text, encoding="utf-8")
    try:
        load_site(data, display_root=tmp_path)
    except DataError:
        return False
    return True


def _schema_accepts(validator: jsonschema.Draft202012Validator, text: str) -> bool:
    """What an editor says: the JSON Schema on the text read as YAML 1.2, as editors read it."""
    return validator.is_valid(yaml12.load(text))


def test_the_committed_schema_is_the_generated_one(vocab: dict) -> None:
    # Parsed, as `schema --check` compares: pydantic releases differ in key order and number spelling.
    assert json.loads(COMMITTED.read_text(encoding="utf-8")) == json.loads(schema_text(vocab)), (
        "site-data/place.schema.json is out of date: run `python -m generator schema` and commit it"
    )


def test_the_site_publishes_the_same_schema(built_site: Path) -> None:
    published = (built_site / "data" / SCHEMA_FILE).read_text(encoding="utf-8")
    assert json.loads(published) == json.loads(COMMITTED.read_text(encoding="utf-8"))


def _reordered(value: object) -> object:
    """The same JSON value with every object's keys in reverse order and whole numbers as floats."""
    if isinstance(value, dict):
        return {key: _reordered(value[key]) for key in reversed(list(value))}
    if isinstance(value, list):
        return [_reordered(item) for item in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


@pytest.mark.edits_a_copy
def test_schema_check_compares_parsed_json_not_text(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(REPO / "site-data", project / "site-data")
    committed = project / "site-data" / SCHEMA_FILE
    schema = json.loads(committed.read_text(encoding="utf-8"))

    def check() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "schema", "--check"],
                              capture_output=True, text=True)

    committed.write_text(json.dumps(_reordered(schema), indent=4) + "\n", encoding="utf-8")
    assert check().returncode == 0, "the same schema in another key order and spelling is up to date"
    schema["properties"]["themes"]["items"]["enum"].pop()
    committed.write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")
    result = check()
    assert result.returncode == 1 and "out of date" in result.stderr
    committed.write_text("{ not json", encoding="utf-8")
    assert check().returncode == 1


def test_vocabulary_fields_offer_the_ids_of_their_vocabulary(vocab: dict) -> None:
    schema = json.loads(schema_text(vocab))
    properties, defs = schema["properties"], schema["$defs"]
    assert properties["themes"]["items"]["enum"] == list(vocab["themes"])
    assert properties["themes"]["uniqueItems"] is True
    assert properties["region"]["enum"] == list(vocab["regions"])
    assert properties["programmes"]["items"]["enum"] == list(vocab["programmes"])
    assert properties["enablers"]["items"]["enum"] == list(vocab["enablers"])
    assert defs["Story"]["properties"]["lesson"]["enum"] == list(vocab["lessons"])
    assert defs["Outcome"]["properties"]["source"]["enum"] == list(vocab["sections"])
    assert "vocabulary" not in json.dumps(schema)  # the marks are all turned into enums
    # Every vocabulary file, plus `sections`: the sections of all publications, gathered for `source`.
    assert set(vocab) == set(VOCABULARIES) | {"sections"}
    assert list(vocab["sections"]) == list(dict.fromkeys(
        section.id for publication in vocab["publications"].values() for section in publication.sections))


def test_every_field_has_a_description_for_editors(vocab: dict) -> None:
    schema = json.loads(schema_text(vocab))
    for model in [schema, *schema["$defs"].values()]:
        for name, field in model["properties"].items():
            described = field.get("description") or schema["$defs"].get(field.get("$ref", "").split("/")[-1], {})
            assert described, name


@pytest.mark.parametrize("path", PLACE_FILES, ids=lambda path: path.stem)
def test_every_shipped_place_file_passes_the_schema(validator, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == MODELINE
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(yaml12.load(text))]
    assert errors == []


def test_the_good_example_passes_both(tmp_path: Path, validator) -> None:
    assert _loader_accepts(tmp_path, GOOD)
    assert _schema_accepts(validator, GOOD)


@pytest.mark.parametrize("case", REFUSED_BY_BOTH)
def test_the_schema_refuses_what_the_loader_refuses(tmp_path: Path, validator, case: str) -> None:
    text = REFUSED_BY_BOTH[case]
    assert not _loader_accepts(tmp_path, text), "the loader should refuse it"
    assert not _schema_accepts(validator, text), "the JSON Schema should refuse it"


@pytest.mark.parametrize("case", LOADER_ONLY)
def test_what_only_the_loader_can_refuse(tmp_path: Path, validator, case: str) -> None:
    text, _reason = LOADER_ONLY[case]
    assert not _loader_accepts(tmp_path, text), "the loader should refuse it"
    assert _schema_accepts(validator, text), "the schema now refuses it too: move the case to REFUSED_BY_BOTH"


def test_the_schema_checks_are_made_on_yaml_read_as_editors_read_it() -> None:
    """The helper reads the YAML 1.2 core schema (else the cases above would be tried on the wrong values)."""
    assert yaml12.load("a: NO\nb: 2015-11-01\nc: 017\nd: true\ne: ~\nf: 52.86\ng: yes\nh: 0x1F") == {
        "a": "NO", "b": "2015-11-01", "c": 17, "d": True, "e": None, "f": 52.86, "g": "yes", "h": 31}
