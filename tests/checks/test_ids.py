"""One rule for ids and place file names (schema.ids.is_id), used by every check: nothing may follow
an id, not even a line break (Python's ``re.match("...$")`` accepted one, and the build then crashed
on a value that validate had let through)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from conftest import REPO, copy_project, keep_only_small

from generator.checks.problems import DataError
from generator.checks.validate import load_site
from generator.cli import main
from generator.schema.ids import SLUG_MAX_LENGTH, is_id

LITTLE_SNORING = (REPO / "tests" / "data" / "little-snoring.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["york", "older-people", "a1", "x" * SLUG_MAX_LENGTH])
def test_ids(value: str) -> None:
    assert is_id(value)


@pytest.mark.parametrize("value", [
    "york\n", "york\r\n", "\nyork", "york ", "York", "yo--rk", "-york", "york-", "", "x" * (SLUG_MAX_LENGTH + 1),
    "yörk", "york\u200b", "ｙｏｒｋ", "y\u0131rk", "٣", None, 3, ["york"],
])
def test_not_ids(value: object) -> None:
    assert not is_id(value)


def _build(project_root: Path) -> tuple[int, str]:
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        status = main(["--root", str(project_root), "build", "--site-dir", str(project_root / "site")])
    return status, stderr.getvalue()


def test_a_place_file_name_ending_in_a_line_break_is_refused(tmp_path: Path) -> None:
    project = keep_only_small(copy_project(tmp_path / "p"))
    (project.data_dir / "places" / "little-snoring\n.yaml").write_text(LITTLE_SNORING, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site(project.data_dir, display_root=project.root)
    shown = [str(problem) for problem in caught.value.problems]
    assert shown == ["site-data/places/little-snoring\\n.yaml:1:1: (file name): the file name must be lower-case "
                     "letters, digits and hyphens, such as `little-snoring.yaml`"]
    status, stderr = _build(project.root)
    assert status == 1 and "Traceback" not in stderr and not (project.root / "site").exists()


@pytest.mark.parametrize("vocabulary", ["themes", "regions", "lessons", "publications"])
def test_a_vocabulary_id_ending_in_a_line_break_is_refused(tmp_path: Path, vocabulary: str) -> None:
    project = keep_only_small(copy_project(tmp_path / "p"))
    path = project.data_dir / f"{vocabulary}.yaml"
    text = path.read_text(encoding="utf-8")
    first_id = next(line for line in text.splitlines() if line.startswith("- id: "))
    line_number = text.splitlines().index(first_id) + 1
    path.write_text(text.replace(first_id, first_id.replace("- id: ", '- id: "', 1) + '\\n"', 1), encoding="utf-8")
    status, stderr = _build(project.root)
    assert status == 1 and "Traceback" not in stderr
    assert f"site-data/{vocabulary}.yaml:{line_number}:7: [0].id: must be an id of lower-case letters" in stderr
    assert not (project.root / "site").exists()


@pytest.mark.parametrize(("vocabulary", "find", "replace", "expected"), [
    ("lessons", "      work: leadership-on-the-line", "      work: leadership-on-the-lines",
     "[{index}].quotes[0].work: unknown publication `leadership-on-the-lines`; did you mean `leadership-on-the-line`?"),
    ("steering-group", "      publication: bbc-coventry-chief-executive-2023", "      publication: bbc-coventry",
     "[{index}].corrections[0].publication: unknown publication `bbc-coventry`"),
    ("steering-group", "      publication: bbc-coventry-chief-executive-2023",
     "      publication: revolution-2015\n      source: no-such-section",
     "[{index}].corrections[0].source: "),
])
def test_ids_one_vocabulary_takes_from_another_are_checked(tmp_path: Path, vocabulary: str, find: str, replace: str,
                                                           expected: str) -> None:
    """A lesson quote's work and a Steering Group correction's evidence name publications: an unknown
    one is a problem at its line, as in a place file, never a crash at build time."""
    project = copy_project(tmp_path / "p")
    path = project.data_dir / f"{vocabulary}.yaml"
    text = path.read_text(encoding="utf-8")
    if find not in text:
        pytest.skip(f"site-data/{vocabulary}.yaml no longer holds `{find.strip()}`")
    line = text[:text.index(find)].count("\n") + 1
    index = sum(1 for row in text[:text.index(find)].splitlines() if row.startswith("- "))  - 1
    path.write_text(text.replace(find, replace, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site(project.data_dir, display_root=project.root)
    shown = [str(problem) for problem in caught.value.problems]
    prefix = f"site-data/{vocabulary}.yaml:{line + (expected.endswith('source: ')):d}:"
    assert any(problem.startswith(prefix) and expected.format(index=index) in problem for problem in shown), shown
