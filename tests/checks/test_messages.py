"""generator/checks/messages.py, schema_walk.py and rules.py on their own: the suggestion, the description
of what was found, the message for each kind of schema error, and the cross-field rules as pure
functions of a file's data. The exact lines a contributor sees for whole files are the golden files
in tests/bad_input/."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from conftest import REPO
from pydantic import ValidationError

from generator.checks.messages import allowed_ids, describe, message_for, noun, suggest, unknown_id
from generator.checks.rules import check_place
from generator.checks.schema_walk import field_name, home_elsewhere, walk
from generator.checks.validate import load_vocabularies
from generator.checks.yaml_file import read_yaml
from generator.schema.ids import slugify
from generator.schema.place import Place, Story

VOCAB = load_vocabularies(REPO / "site-data", display_root=REPO)
MINSTER = REPO / "tests" / "data" / "fixture-minster.yaml"  # a Local Vision place of the tests' own


@pytest.mark.parametrize(("written", "meant"), [
    ("obesty", "obesity"),  # a near spelling
    ("Older People", "older-people"),  # the name written instead of the id
    ("loneliness", "social-isolation"),  # a word that only one theme's description uses
    ("zzzz", None),
])
def test_suggest_the_theme_someone_meant(written: str, meant: str | None) -> None:
    assert suggest(written, VOCAB["themes"]) == meant


def test_unknown_id_lists_what_is_allowed_and_a_long_list_by_its_file() -> None:
    message = unknown_id(noun("themes"), "obesty", VOCAB["themes"], "themes")
    assert message.startswith("unknown theme `obesty`; did you mean `obesity`? Allowed: `")
    assert all(f"`{key}`" in message for key in VOCAB["themes"])
    many = {f"id-{n}": None for n in range(31)}
    assert allowed_ids(many, "themes") == "see site-data/themes.yaml"
    assert noun("enablers") == "Enabler" and noun("widgets") == "widget"


@pytest.mark.parametrize(("value", "described"), [
    (None, "nothing"), (False, "`false` (true/false)"), (7, "the number `7`"), ("x" * 50, f"the text `{'x' * 37}...`"),
    ("a\tb\u202e", "the text `a\\tb\\u202e`"), ([], "an empty list"), ([1], "a list"), ({}, "a set of fields"),
    (datetime.date(2015, 11, 1), "a date"), (datetime.datetime(2015, 11, 1, 9), "a date and time"),
])
def test_describe_what_was_found(value: object, described: str) -> None:
    assert describe(value) == described


def test_slugify_lives_with_the_schema_and_makes_a_valid_file_name() -> None:
    assert slugify("Adur & Worthing") == "adur-and-worthing" and slugify("../../etc/passwd") == "etc-passwd"


def test_schema_walk_names_fields_and_finds_where_a_misplaced_key_belongs() -> None:
    assert field_name(("stories", 0, "quotes", 1, "speaker")) == "stories[0].quotes[1].speaker"
    assert field_name(()) == "(file)"
    field, holder = walk(Place, ("stories", 0, "lesson"))
    assert holder is Story and field is Story.model_fields["lesson"]
    home = home_elsewhere(Place, Place, "latitude")
    assert home is not None and home[1] == ("location",)


def _errors(data: dict) -> list[dict]:
    with pytest.raises(ValidationError) as caught:
        Place.model_validate(data)
    return caught.value.errors()


def test_message_for_each_kind_of_schema_error(tmp_path: Path) -> None:
    text = MINSTER.read_text(encoding="utf-8")
    for old, new in (("focus: A fixture", "fokus: A fixture"), ("themes: [inequality, prevention]", "themes: obesity"),
                     ("local_vision_number: 39", "local_vision_number: 99"), ("region: yorkshire-and-the-humber",
                                                                           "region: yorks\nfocus: 7")):
        assert old in text
        text = text.replace(old, new)
    (tmp_path / "fixture-minster.yaml").write_text(text, encoding="utf-8")
    bad, node = read_yaml(tmp_path / "fixture-minster.yaml")
    messages = {}
    for error in _errors(bad):
        loc = tuple(error["loc"])
        messages[field_name(loc)] = message_for(error, node, loc, Place, (), VOCAB)
    assert messages["focus"] == ("expected text, found the number `7`. YAML reads `7` as the number `7`; put it in "
                                 'quotes if you mean the text: "7"')
    assert messages["fokus"].startswith("unknown field `fokus`; did you mean `focus`? Allowed here: `name`")
    assert messages["themes"].endswith("write `themes: [obesity]`")
    assert messages["local_vision_number"] == "expected at most 39, found the number `99`"


def test_check_place_is_a_pure_function_of_the_data() -> None:
    data, node = read_yaml(MINSTER)
    assert check_place("site-data/places/fixture-minster.yaml", data, node, VOCAB) == []
    moved = {**data, "location": {**data["location"], "longitude": 1.0873}, "programmes": ["leadership-for-change"]}
    problems = check_place("shown/minster.yaml", moved, node, VOCAB)
    assert [(p.path, p.field) for p in problems] == [("shown/minster.yaml", "local_vision_number"),
                                                      ("shown/minster.yaml", "location")]
    assert "the longitude's sign looks wrong: try `longitude: -1.0873`" in problems[1].message
    assert data == read_yaml(MINSTER)[0]  # nothing read or changed
