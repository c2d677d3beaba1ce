"""What a contributor sees for the mistakes people really make: the exact text, with line and column.

Each case starts from a correct place file, ``LITTLE_SNORING`` (line numbers on the left), makes
one mistake, and lists every line the validator prints. Read them as a contributor would: each names
the file, line, column and field, says what was expected and what was found, and how to fix it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, copy_project

from generator.problems import DataError
from generator.validate import load_site

LITTLE_SNORING = """\
# yaml-language-server: $schema=../place.schema.json
name: Little Snoring
programmes: [leadership-for-change]
focus: Helping older people stay well at home.
summary: >-
  Little Snoring brought its GP surgery, council and village hall together.
region: east-of-england
location:
  label: Little Snoring
  latitude: 52.8608
  longitude: 0.9045
themes: [older-people, obesity]
enablers: []
"""
#  1  # yaml-language-server ...     8  location:
#  2  name: Little Snoring           9    label: Little Snoring
#  3  programmes: [...]             10    latitude: 52.8608
#  4  focus: Helping ...            11    longitude: 0.9045
#  5  summary: >-                   12  themes: [older-people, obesity]
#  6    Little Snoring brought ...  13  enablers: []
#  7  region: east-of-england

FILE = "site-data/places/little-snoring.yaml"


def _allowed(vocabulary: str) -> str:
    entries = yaml.safe_load((REPO / "site-data" / f"{vocabulary}.yaml").read_text(encoding="utf-8"))
    return ", ".join(f"`{entry['id']}`" for entry in entries)


THEMES = _allowed("themes")
REGIONS = _allowed("regions")
PLACE_FIELDS = ("`name`, `programmes`, `local_vision_number`, `focus`, `summary`, `region`, `location`, `themes`, "
                "`enablers`, `stories`, `outcomes`, `corrections`, `updates`")


def _edit(old: str, new: str, text: str = LITTLE_SNORING) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


CASES = {
    "misspelt field": (
        _edit("  latitude:", "  lattitude:"),
        [f"{FILE}:10:3: location.lattitude: unknown field `lattitude`; did you mean `latitude`? "
         "Allowed here: `label`, `latitude`, `longitude`"],
    ),
    "misspelt theme": (
        _edit("obesity]", "obesty]"),
        [f"{FILE}:12:24: themes[1]: unknown theme `obesty`; did you mean `obesity`? Allowed: {THEMES}"],
    ),
    "theme written as its name": (
        _edit("older-people,", "Older People,"),
        [f"{FILE}:12:10: themes[0]: unknown theme `Older People`; did you mean `older-people`? Allowed: {THEMES}"],
    ),
    "theme written as a word from its description": (
        _edit("obesity]", "loneliness]"),
        [f"{FILE}:12:24: themes[1]: unknown theme `loneliness`; did you mean `social-isolation`? Allowed: {THEMES}"],
    ),
    "unknown region without a close match": (
        _edit("region: east-of-england", "region: norfolk"),
        [f"{FILE}:7:9: region: unknown region `norfolk`. Allowed: {REGIONS}"],
    ),
    "required field left out": (
        _edit("focus: Helping older people stay well at home.\n", ""),
        [f"{FILE}:4:1: focus: this required field is missing: add `focus:` above `summary:`. What the work set out "
         "to do. For a Local Vision place, copy Appendix A exactly; otherwise a line in our own words from what the "
         "report says."],
    ),
    "required field with a vocabulary left out": (
        _edit("region: east-of-england\n", ""),
        [f"{FILE}:7:1: region: this required field is missing: add `region:` above `location:`. One of England's "
         f"nine regions: an id from `site-data/regions.yaml`. Allowed: {REGIONS}"],
    ),
    "the last required field left out": (
        _edit("themes: [older-people, obesity]\nenablers: []\n", ""),
        [f"{FILE}:12:1: themes: this required field is missing: add `themes:` after `location:`. The issue areas "
         f"of the work: ids from `site-data/themes.yaml`. Allowed: {THEMES}"],
    ),
    "a required field of a set left out": (
        _edit("  label: Little Snoring\n", ""),
        [f"{FILE}:9:3: location.label: this required field is missing: add `label:` above `latitude:`. The town or "
         "centre the marker stands on, e.g. `Halifax`."],
    ),
    "required field left empty": (
        _edit("focus: Helping older people stay well at home.", "focus:"),
        [f"{FILE}:4:7: focus: expected text, found nothing: write the value after `focus:`"],
    ),
    "unquoted NO": (
        _edit("name: Little Snoring", "name: NO"),
        [f"{FILE}:2:7: name: expected text, found `false` (true/false). YAML reads `NO` as `false` (true/false); "
         'put it in quotes if you mean the text: "NO"'],
    ),
    "unquoted yes": (
        _edit("label: Little Snoring", "label: yes"),
        [f"{FILE}:9:10: location.label: expected text, found `true` (true/false). YAML reads `yes` as `true` "
         '(true/false); put it in quotes if you mean the text: "yes"'],
    ),
    "a number with a leading zero": (
        _edit("latitude: 52.8608", "latitude: 052.8608"),
        [f"{FILE}:10:13: location.latitude: expected a number with a decimal point, found the text `052.8608`: "
         "write a plain decimal number, such as `53.9600` or `-1.0873` (no leading zeros, underscores, "
         "exponents, hexadecimal or colons)"],
    ),
    "a text of digits with a leading zero stays text": (
        _edit("label: Little Snoring", "label: 01234"),
        [],
    ),
    "unquoted date": (
        _edit("focus: Helping older people stay well at home.", "focus: 2015-11-01"),
        [f"{FILE}:4:8: focus: expected text, found a date. YAML reads `2015-11-01` as a date; put it in quotes "
         'if you mean the text: "2015-11-01"'],
    ),
    "a tab": (
        _edit("  label:", "\tlabel:"),
        [f"{FILE}:9:1: (file): not valid YAML: found a tab character: use spaces, not tabs, to indent"],
    ),
    "one space too many": (
        _edit("  latitude:", "   latitude:"),
        [f"{FILE}:10:4: (file): not valid YAML: this line is indented by 3 spaces and line 9 above it by 2 spaces: "
         "fields of the same set must start in the same column, and a field's own fields two spaces further in"],
    ),
    "the first field of a set one space too far in": (
        _edit("  label:", "   label:"),
        [f"{FILE}:9:4: (file): not valid YAML: this line is indented by 3 spaces and line 10 below it by 2 spaces: "
         "the fields inside `location` (line 8) must start in the same column: indent this line by 2 spaces too"],
    ),
    "the first field of a set one space short": (
        _edit("  label:", " label:"),
        [f"{FILE}:9:2: (file): not valid YAML: this line is indented by 1 space and line 10 below it by 2 spaces: "
         "the fields inside `location` (line 8) must start in the same column: indent this line by 2 spaces too"],
    ),
    "a field in the middle of a set not indented": (
        _edit("  latitude:", "latitude:"),
        [f"{FILE}:10:1: (file): not valid YAML: this line is indented by 0 spaces and the lines around it (9 and 11) "
         "by 2 spaces: fields of the same set must start in the same column: indent this line by 2 spaces too"],
    ),
    "the last field of a set one space short": (
        _edit("  longitude:", " longitude:"),
        [f"{FILE}:11:2: (file): not valid YAML: this line is indented by 1 space and line 10 above it by 2 spaces: "
         "fields of the same set must start in the same column, and a field's own fields two spaces further in"],
    ),
    "a field moved out of its set": (
        _edit("  latitude: 52.8608\n", "").replace("enablers: []", "enablers: []\nlatitude: 52.8608"),
        [f"{FILE}:13:1: latitude: unknown field `latitude`; `latitude` belongs inside `location`: check this "
         f"line's indentation. Allowed here: {PLACE_FIELDS}"],
    ),
    "a list where text is expected": (
        _edit("focus: Helping older people stay well at home.", "focus:\n  - Helping older people\n  - at home"),
        [f"{FILE}:5:3: focus: expected text, found a list: write it as text (lines starting with `- ` make a list)"],
    ),
    "text where a list is expected": (
        _edit("themes: [older-people, obesity]", "themes: obesity"),
        [f"{FILE}:12:9: themes: expected a list (`[a, b]` or lines starting with `- `), found the text `obesity`: "
         "write `themes: [obesity]`"],
    ),
    "a colon inside unquoted text": (
        _edit("focus: Helping older people stay well at home.", "focus: Aim: help older people"),
        [f"{FILE}:4:11: (file): not valid YAML: the text after `focus:` contains `: `, which YAML reads as the "
         'start of a new field: put the whole text in quotes: focus: "Aim: help older people"'],
    ),
    "no space after the colon": (
        _edit("region: east-of-england", "region:east-of-england"),
        [f"{FILE}:7:1: (file): not valid YAML: expected a space after the colon, found `region:east-of-england`: "
         "write `region: east-of-england`"],
    ),
    "a quote never closed": (
        _edit("focus: Helping", 'focus: "Helping'),
        [f'{FILE}:4:8: (file): not valid YAML: the text that starts with " here is never closed: add the closing "'],
    ),
    "latitude and longitude swapped": (
        _edit("  latitude: 52.8608\n  longitude: 0.9045", "  latitude: 0.9045\n  longitude: 52.8608"),
        [f"{FILE}:10:13: location: expected a point in England, found latitude 0.9045, longitude 52.8608: "
         "they look swapped: try `latitude: 52.8608` and `longitude: 0.9045`"],
    ),
    "longitude without its minus sign": (
        _edit("  latitude: 52.8608\n  longitude: 0.9045", "  latitude: 53.7248\n  longitude: 1.8658"),
        [f"{FILE}:10:13: location: expected a point in England, found latitude 53.7248, longitude 1.8658: "
         "the longitude's sign looks wrong: try `longitude: -1.8658` (west of Greenwich is negative)"],
    ),
    "a number in quotes": (
        _edit("latitude: 52.8608", 'latitude: "52.8608"'),
        [f"{FILE}:10:13: location.latitude: expected a number with a decimal point, found the text `52.8608`: "
         "remove the quotes around it"],
    ),
    "a decimal comma": (
        _edit("latitude: 52.8608", "latitude: 52,8608"),
        [f"{FILE}:10:13: location.latitude: expected a number with a decimal point, found the text `52,8608`: "
         "use a decimal point, not a comma: `52.8608`"],
    ),
    "the same field twice": (
        LITTLE_SNORING + "name: Little Snoring again\n",
        [f"{FILE}:14:1: (file): `name` appears twice, on lines 2 and 14: keep one"],
    ),
    "a Local Vision number without the programme": (
        _edit("enablers: []", "enablers: []\nlocal_vision_number: 12"),
        [f"{FILE}:14:22: local_vision_number: only Local Vision places have a `local_vision_number`: add "
         "`local-vision` to programmes or remove the number"],
    ),
    "the Local Vision programme without its number": (
        _edit("[leadership-for-change]", "[local-vision]"),
        [f"{FILE}:3:13: programmes: a Local Vision place needs its `local_vision_number` from Appendix A"],
    ),
    "no programme": (
        _edit("[leadership-for-change]", "[]"),
        [f"{FILE}:3:13: programmes: expected at least 1 entry, found an empty list"],
    ),
    "a FILL IN left from the skeleton": (
        _edit("latitude: 52.8608", "latitude: FILL IN"),
        [f"{FILE}:10:13: location.latitude: replace `FILL IN` with your value: Degrees north, with a decimal "
         "point, e.g. `53.7248`. Must lie in England."],
    ),
    "several mistakes are all reported at once": (
        _edit("obesity]", "obesty]", _edit("  latitude:", "  lattitude:", _edit("east-of-england", "east-anglia"))),
        [f"{FILE}:7:9: region: unknown region `east-anglia`; did you mean `east-of-england`? Allowed: {REGIONS}",
         f"{FILE}:10:3: location.lattitude: unknown field `lattitude`; did you mean `latitude`? "
         "Allowed here: `label`, `latitude`, `longitude`",
         f"{FILE}:12:24: themes[1]: unknown theme `obesty`; did you mean `obesity`? Allowed: {THEMES}"],
    ),
}


def _problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    project = copy_project(tmp_path / "p", places=files, keep_places=False)
    try:
        load_site(project.data_dir, display_root=project.root)
    except DataError as error:
        return [str(problem) for problem in error.problems]
    return []


def test_the_example_file_is_correct(tmp_path: Path) -> None:
    assert _problems(tmp_path, {"little-snoring.yaml": LITTLE_SNORING}) == []


@pytest.mark.parametrize("case", CASES)
def test_a_typical_mistake_is_named_with_its_line_and_a_fix(tmp_path: Path, case: str) -> None:
    text, expected = CASES[case]
    assert _problems(tmp_path, {"little-snoring.yaml": text}) == expected


def test_a_file_name_with_capitals_and_spaces_gets_a_suggestion(tmp_path: Path) -> None:
    assert _problems(tmp_path, {"Little Snoring.yaml": LITTLE_SNORING}) == [
        "site-data/places/Little Snoring.yaml:1:1: (file name): the file name must be lower-case letters, digits "
        "and hyphens, such as `little-snoring.yaml`"
    ]


def test_a_yml_file_is_asked_to_be_renamed(tmp_path: Path) -> None:
    assert _problems(tmp_path, {"little-snoring.yml": LITTLE_SNORING}) == [
        "site-data/places/little-snoring.yml:1:1: (file name): only `<slug>.yaml` files belong in the places folder "
        "(rename it to end in `.yaml`)"
    ]


def _validate(project_root: Path, *, github: bool) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(project_root), "validate"],
                          capture_output=True, text=True, env=env, timeout=120)


def test_the_command_prints_every_problem_and_stops(tmp_path: Path) -> None:
    text, expected = CASES["several mistakes are all reported at once"]
    project = copy_project(tmp_path / "p", places={"little-snoring.yaml": text}, keep_places=False)
    result = _validate(project.root, github=False)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [*expected, "Stopped: 3 problem(s) in site-data/; nothing was changed."]
    assert "::error" not in result.stdout + result.stderr


def test_inside_github_actions_problems_are_also_annotations_on_the_diff(tmp_path: Path) -> None:
    text, expected = CASES["several mistakes are all reported at once"]
    project = copy_project(tmp_path / "p", places={"little-snoring.yaml": text}, keep_places=False)
    result = _validate(project.root, github=True)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:3] == expected
    # Workflow commands go to stdout; in a property value `:` and `,` are escaped, `[` and `.` are not.
    assert result.stdout.splitlines() == [
        f"::error file={FILE},line=7,col=9,title=region::unknown region `east-anglia`; did you mean "
        f"`east-of-england`? Allowed: {REGIONS}",
        f"::error file={FILE},line=10,col=3,title=location.lattitude::unknown field `lattitude`; did you mean "
        "`latitude`? Allowed here: `label`, `latitude`, `longitude`",
        f"::error file={FILE},line=12,col=24,title=themes[1]::unknown theme `obesty`; did you mean `obesity`? "
        f"Allowed: {THEMES}",
    ]
