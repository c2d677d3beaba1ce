"""What a contributor sees for the mistakes people really make: the exact text, with line and column.

Each case (tests/bad_input/little-snoring-*/) starts from a correct place file, ``LITTLE_SNORING``
(tests/data/little-snoring.yaml, whose line numbers are shown below), makes one mistake, and lists
every line the validator prints. Read them as a contributor would: each names the file, line, column
and field, says what was expected and what was found, and how to fix it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, copy_project
from golden import allowed_lists, from_golden

from generator.checks.problems import DataError
from generator.checks.validate import load_site

LITTLE_SNORING = (REPO / "tests" / "data" / "little-snoring.yaml").read_text(encoding="utf-8")
#  1  # yaml-language-server ...     8  location:
#  2  name: Little Snoring           9    label: Little Snoring
#  3  programmes: [...]             10    latitude: 52.8608
#  4  focus: Helping ...            11    longitude: 0.9045
#  5  summary: >-                   12  themes: [older-people, obesity]
#  6    Little Snoring brought ...  13  enablers: []
#  7  region: east-of-england

FILE = "site-data/places/little-snoring.yaml"
THEMES, REGIONS = allowed_lists()["themes"], allowed_lists()["regions"]
# The typical mistakes, one per folder, and the exact lines the validator prints for each, live with
# the rest of the bad input in tests/bad_input/little-snoring-*/ (run by test_bad_input.py).
CORPUS = REPO / "tests" / "bad_input"
SEVERAL = CORPUS / "little-snoring-several-mistakes-are-all-reported-at-once"


def _expected(folder: Path) -> list[str]:
    return from_golden((folder / "expected.txt").read_text(encoding="utf-8").splitlines())


def _case(folder: Path) -> str:
    return (folder / "little-snoring.yaml").read_text(encoding="utf-8")


def test_each_typical_mistake_is_a_small_edit_of_the_correct_file() -> None:
    """The golden cases start from LITTLE_SNORING, so their line numbers read against the table above."""
    folders = sorted(CORPUS.glob("little-snoring-*"))
    assert SEVERAL in folders
    correct = LITTLE_SNORING.splitlines()
    for folder in folders:
        lines = _case(folder).splitlines()
        assert lines != correct and sum(line in lines for line in correct) >= len(correct) - 3, folder.name


def _problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    project = copy_project(tmp_path / "p", places=files, keep_places=False)
    try:
        load_site(project.data_dir, display_root=project.root)
    except DataError as error:
        return [str(problem) for problem in error.problems]
    return []


def test_the_example_file_is_correct(tmp_path: Path) -> None:
    assert _problems(tmp_path, {"little-snoring.yaml": LITTLE_SNORING}) == []


def test_a_text_of_digits_with_a_leading_zero_stays_text(tmp_path: Path) -> None:
    assert _problems(tmp_path, {"little-snoring.yaml": LITTLE_SNORING.replace(
        "label: Little Snoring", "label: 01234")}) == []


def _validate(project_root: Path, *, github: bool) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(project_root), "validate"],
                          capture_output=True, text=True, env=env, timeout=120)


def test_the_command_prints_every_problem_and_stops(tmp_path: Path) -> None:
    expected = _expected(SEVERAL)
    project = copy_project(tmp_path / "p", places={"little-snoring.yaml": _case(SEVERAL)}, keep_places=False)
    result = _validate(project.root, github=False)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [*expected, "Stopped: 3 problem(s) in site-data/; nothing was changed."]
    assert "::error" not in result.stdout + result.stderr


def test_inside_github_actions_problems_are_also_annotations_on_the_diff(tmp_path: Path) -> None:
    expected = _expected(SEVERAL)
    project = copy_project(tmp_path / "p", places={"little-snoring.yaml": _case(SEVERAL)}, keep_places=False)
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
