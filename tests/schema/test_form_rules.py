"""The rules the "Propose a new place" form shares with `python -m generator validate`: Python's side of
the shared cases in tests/data/form-rules.json (tests/js/place-form-rules.test.js holds the form's
scripts to the same cases), the rules config the form's unit tests read, and what the form's YAML
writer writes, read back by PyYAML.

After a change to a rule: ``.venv/bin/python tests/schema/test_form_rules.py --write`` rewrites
tests/data/form-rules-config.json from ``generator.pages.contribute.form_rules()``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from pydantic import TypeAdapter, ValidationError

from generator.checks.rules import check_location
from generator.checks.yaml_file import _StrictNumbersLoader
from generator.pages.contribute import form_rules
from generator.schema.england import in_england
from generator.schema.fields import HttpsUrl, IsoDate, Name
from generator.schema.ids import SLUG_PATTERN, slugify
from generator.schema.place import Place
from generator.text.hidden import find_hidden, is_hidden
from generator.text.lookalikes import skeleton

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "data"
CASES = json.loads((FIXTURES / "form-rules.json").read_text(encoding="utf-8"))
CONFIG = FIXTURES / "form-rules-config.json"
SCRIPTS = REPO / "content" / "assets" / "place-form"
NAME = TypeAdapter(Name)
DATE = TypeAdapter(IsoDate)
URL = TypeAdapter(HttpsUrl)
NUMBER = TypeAdapter(Place.model_fields["local_vision_number"].annotation)


def config_text(rules: dict) -> str:
    """The rules config as the file holds it: one key a line."""
    lines = [f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=True, separators=(',', ':'))}" for key, value in rules.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _ids(cases: list[dict], key: str) -> list[str]:
    return [ascii(case[key])[:60] for case in cases]


def _char(code: str) -> str:
    return chr(int(code.removeprefix("U+"), 16))


def test_the_rules_config_for_the_form_s_unit_tests_is_up_to_date() -> None:
    assert CONFIG.read_text(encoding="utf-8") == config_text(form_rules()), (
        "tests/data/form-rules-config.json is out of date: run .venv/bin/python tests/schema/test_form_rules.py --write")


NAMES = CASES["names"]["cases"]


@pytest.mark.parametrize("case", NAMES, ids=_ids(NAMES, "text"))
def test_a_name_is_accepted_as_validate_accepts_it_under_its_file_name(case: dict) -> None:
    try:
        NAME.validate_python(case["text"])
        valid_name = True
    except ValidationError:
        valid_name = False
    assert slugify(case["text"]) == case["slug"]
    assert (valid_name and re.fullmatch(SLUG_PATTERN, slugify(case["text"])) is not None) == case["accepted"]
    found = find_hidden(case["text"])
    assert [f"U+{ord(case['text'][i]):04X}" for i in found[:1]] == ([case["code"]] if "code" in case else [])


SLUGS = CASES["slugs"]["cases"]


@pytest.mark.parametrize("case", SLUGS, ids=_ids(SLUGS, "text"))
def test_slugify(case: dict) -> None:
    assert slugify(case["text"]) == case["slug"]


HIDDEN = CASES["hidden"]["cases"]


@pytest.mark.parametrize("case", HIDDEN, ids=[case["code"] for case in HIDDEN])
def test_is_hidden(case: dict) -> None:
    char = _char(case["code"])
    assert is_hidden(char) == case["hidden"]
    assert find_hidden(f"a{char}b") == ([1] if case["hidden"] else [])


POINTS = CASES["points"]["cases"]


@pytest.mark.parametrize("case", POINTS, ids=[case["name"] for case in POINTS])
def test_where_a_point_is(case: dict) -> None:
    latitude, longitude = case["latitude"], case["longitude"]
    assert in_england(latitude, longitude) == (case["where"] == "england")
    problems = check_location("x.yaml", {"location": {"latitude": latitude, "longitude": longitude}}, None)
    message = problems[0].message if problems else ""
    hint = "england" if not problems else "swapped" if "swapped" in message else "sign" if "sign looks wrong" in message else ""
    assert hint == case["where"], message


NUMBERS = CASES["numbers"]["cases"]


def _read_number(text: str) -> int | None:
    """The Local Vision number validate reads from ``local_vision_number: <text>``, or None if refused."""
    value = yaml.load(f"local_vision_number: {text}\n", Loader=_StrictNumbersLoader)["local_vision_number"]
    try:
        return NUMBER.validate_python(value)
    except ValidationError:
        return None


@pytest.mark.parametrize("case", NUMBERS, ids=_ids(NUMBERS, "typed"))
def test_a_number_the_form_writes_is_read_back_by_validate_as_the_number_typed(case: dict) -> None:
    if case["number"] is None:
        assert case["refused"] in ("whole", "range") and "writes" not in case
        # what the form refuses, validate refuses too, typed as it was
        assert _read_number(case["typed"]) is None
        if case["refused"] == "range":  # a whole number, out of the schema's range
            assert _read_number(str(int(case["typed"]))) is None
    else:
        assert _read_number(case["writes"]) == case["number"] == int(case["typed"])
    # the form accepts every number validate accepts, as the same number
    if _read_number(case["typed"]) is not None:
        assert case["number"] == _read_number(case["typed"])


def test_every_character_python_hides_the_form_hides_and_no_other_python_knows(tmp_path: Path) -> None:
    """All of Unicode, against the form's pattern in Node: the form refuses each character validate
    refuses; it may refuse more only where Node's Unicode is newer than Python's (unassigned here)."""
    script = ("const re = new RegExp('^(?:' + process.argv[1] + ')$', 'u'); const out = [];"
              "for (let c = 0; c <= 0x10ffff; c++) if (re.test(String.fromCodePoint(c))) out.push(c);"
              "console.log(JSON.stringify(out));")
    result = subprocess.run(["node", "-e", script, form_rules()["hidden"]], capture_output=True, text=True, timeout=120, check=True)
    form = set(json.loads(result.stdout))
    python = {code for code in range(0x110000) if is_hidden(chr(code))}
    assert python - form == set()
    assert {code for code in form - python if unicodedata.category(chr(code)) != "Cn"} == set()
    assert len(form - python) < 100


LOOKALIKES = CASES["lookalikes"]["cases"]


@pytest.mark.parametrize("case", LOOKALIKES, ids=_ids(LOOKALIKES, "b"))
def test_names_that_look_the_same(case: dict) -> None:
    assert (skeleton(case["a"]) == skeleton(case["b"])) == case["same"]


DATES = CASES["dates"]["cases"]


@pytest.mark.parametrize("case", [pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=case["pending"]))
                                  if "pending" in case else case for case in DATES], ids=_ids(DATES, "text"))
def test_dates(case: dict) -> None:
    try:
        DATE.validate_python(case["text"])
        refused = ""
    except ValidationError as error:
        message = error.errors()[0]["msg"]
        refused = "future" if "future" in message else "calendar" if "calendar" in message else "format"
    assert refused == case["refused"]


URLS = CASES["urls"]["cases"]


@pytest.mark.parametrize("case", URLS, ids=_ids(URLS, "text"))
def test_addresses(case: dict) -> None:
    try:
        URL.validate_python(case["text"])
        accepted = True
    except ValidationError:
        accepted = False
    assert accepted == case["accepted"]


_SKELETONS = """
const { rules } = require(process.argv[1]);
const r = rules.compile(JSON.parse(require("fs").readFileSync(0, "utf8")));
const out = [];
for (let c = 0; c <= 0x10ffff; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue;
  out.push(rules.skeleton("a" + String.fromCodePoint(c) + "b", r));
}
process.stdout.write(JSON.stringify(out));
"""


def test_the_form_makes_every_character_s_skeleton_as_validate_does() -> None:
    """All of Unicode (but surrogates), each character between two letters, through the form's skeleton
    in Node and Python's: the same, except where Node's Unicode is newer than Python's."""
    rules = form_rules()
    result = subprocess.run(["node", "-e", _SKELETONS, str(SCRIPTS / "rules.js")], input=json.dumps(rules),
                            capture_output=True, text=True, encoding="utf-8", timeout=300, check=True)
    form = iter(json.loads(result.stdout))
    differ = []
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        if next(form) != skeleton(f"a{char}b") and unicodedata.category(char) != "Cn" and not is_hidden(char):
            differ.append(f"U+{code:04X}")
    assert differ == []


_WRITE = """
const { yaml } = require(process.argv[1]);
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = {
  lines: cases.lines.map((text) => "value: " + yaml.quoted(text) + "\\n"),
  prose: cases.prose.map((text) => ({ file: "value: " + yaml.folded(text, 2) + "\\n", paragraphs: yaml.paragraphs(text) })),
};
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def written() -> dict:
    """What yaml.js writes for each awkward text of the fixture, in Node."""
    result = subprocess.run(["node", "-e", _WRITE, str(SCRIPTS / "yaml.js")], input=json.dumps(CASES["texts"]),
                            capture_output=True, text=True, encoding="utf-8", timeout=60, check=True)
    return json.loads(result.stdout)


def _loads(text: str) -> object:
    """The value as PyYAML reads it, and as validate's reader does: they must agree."""
    plain = yaml.safe_load(text)["value"]
    assert yaml.load(text, Loader=_StrictNumbersLoader)["value"] == plain
    return plain


@pytest.mark.parametrize("index", range(len(CASES["texts"]["lines"])))
def test_a_quoted_line_reads_back_as_the_text(written: dict, index: int) -> None:
    text, file = CASES["texts"]["lines"][index], written["lines"][index]
    assert "\n" not in file.rstrip("\n")
    assert _loads(file) == text


@pytest.mark.parametrize("index", range(len(CASES["texts"]["prose"])))
def test_prose_reads_back_as_its_paragraphs(written: dict, index: int) -> None:
    text, case = CASES["texts"]["prose"][index], written["prose"][index]
    paragraphs = case["paragraphs"]
    assert _loads(case["file"]) == "\n".join(paragraphs)
    assert "".join("".join(paragraphs).split()) == "".join(text.split())  # only spaces changed
    assert all(len(line) <= 100 or " " not in line.strip() for line in case["file"].splitlines())


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: tests/schema/test_form_rules.py --write")
    CONFIG.write_text(config_text(form_rules()), encoding="utf-8")
    print(f"wrote {CONFIG.relative_to(REPO)}")
