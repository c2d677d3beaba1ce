"""Validation across files and vocabularies: every problem at once, each naming file, line and field."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, copy_project

from generator.checks.problems import DataError
from generator.checks.validate import load_site
from generator.schema.ids import slugify

# A Local Vision place of the tests' own, edited by exact strings (a real place file may change): its
# number is a real place's too, so the tests that use it leave the real places out.
MINSTER = (REPO / "tests" / "data" / "fixture-minster.yaml").read_text(encoding="utf-8")


def _problems(tmp_path: Path, places: dict[str, str], keep_places: bool = True) -> list[str]:
    project = copy_project(tmp_path / "p", places=places, keep_places=keep_places)
    with pytest.raises(DataError) as caught:
        load_site(project.data_dir, display_root=project.root)
    return [str(p) for p in caught.value.problems]


def test_the_real_data_is_valid() -> None:
    site = load_site(REPO / "site-data", display_root=REPO)
    assert len(site.places) == len(list((REPO / "site-data" / "places").glob("*.yaml")))


def test_unknown_vocabulary_ids_get_suggestions(tmp_path: Path) -> None:
    bad = MINSTER.replace("themes: [inequality, prevention]", "themes: [inequalty, obesty]")
    problems = _problems(tmp_path, {"fixture-minster.yaml": bad}, keep_places=False)
    assert any("fixture-minster.yaml:15:10: themes[0]: unknown theme `inequalty`; did you mean `inequality`?" in p for p in problems)
    assert any("themes[1]: unknown theme `obesty`; did you mean `obesity`?" in p for p in problems)


def test_a_location_outside_england(tmp_path: Path) -> None:
    cardiff = MINSTER.replace("latitude: 53.9600", "latitude: 51.4816").replace("longitude: -1.0873", "longitude: -3.1791")
    (problem,) = _problems(tmp_path, {"fixture-minster.yaml": cardiff}, keep_places=False)
    assert problem.startswith(
        "site-data/places/fixture-minster.yaml:13:13: location: expected a point in England, found latitude 51.4816, longitude -3.1791"
    )


def test_local_vision_number_and_programme_must_agree(tmp_path: Path) -> None:
    no_programme = MINSTER.replace("programmes: [local-vision]", "programmes: [leadership-for-change]")
    (problem,) = _problems(tmp_path, {"fixture-minster.yaml": no_programme}, keep_places=False)
    assert "fixture-minster.yaml:4:22: local_vision_number: only Local Vision places have a `local_vision_number`" in problem


def test_file_names_must_be_clean_slugs(tmp_path: Path) -> None:
    problems = _problems(tmp_path, {"New Place.yaml": MINSTER, "other.yml": MINSTER})
    assert "site-data/places/New Place.yaml:1:1: (file name): the file name must be lower-case letters, digits " \
           "and hyphens, such as `new-place.yaml`" in problems
    assert any(p.startswith("site-data/places/other.yml:1:1: (file name):") and "rename it" in p for p in problems)


@pytest.mark.edits_a_copy
def test_every_problem_in_every_file_is_reported_at_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", places={
        "a-place.yaml": "name: A\n",
        "b-place.yaml": "- a list\n",
        "c-place.yaml": MINSTER.replace("region: yorkshire-and-the-humber", "region: yorkshire"),
    }, keep_places=False)
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project.root), "validate"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith("site-data/places/a-place.yaml:2:1: programmes: this required field is missing: add `programmes:` after `name:`")
               for line in lines)
    assert "site-data/places/b-place.yaml:1:1: (file): expected a set of fields (`name: ...`), found a list" in lines
    assert any(line.startswith("site-data/places/c-place.yaml:10:9: region: unknown region `yorkshire`") for line in lines)
    assert lines[-1].startswith("Stopped: ") and "Traceback" not in result.stderr


def test_vocabulary_files_are_checked_too(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project.data_dir / "themes.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "- id: food\n  name: Food again\n  description: x\n")
    with pytest.raises(DataError) as caught:
        load_site(project.data_dir, display_root=project.root)
    assert [str(p) for p in caught.value.problems][0].startswith("site-data/themes.yaml:")
    assert "the id `food` is used twice" in str(caught.value.problems[0])


@pytest.mark.parametrize(("name", "slug"), [
    ("Adur & Worthing", "adur-and-worthing"),
    ("Dorset, Bournemouth and Poole", "dorset-bournemouth-and-poole"),
    ("../../etc/passwd", "etc-passwd"),
    ("Ynys Môn", "ynys-mon"),
    ("<script>", "script"),
])
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.edits_a_copy
def test_paths_are_shown_from_the_project_root_wherever_the_command_runs(tmp_path: Path) -> None:
    """Run from inside site-data/ (or deeper), with --root absolute or relative, each path is shown
    once from the project's root: never site-data/site-data/... (a bug seen before)."""
    project = copy_project(tmp_path / "p", places={
        "fixture-minster.yaml": MINSTER,
        "a-bad-place.yaml": MINSTER.replace("region: yorkshire-and-the-humber", "region: yorks").replace(
            "name: Fixture Minster", "name: A Bad Place").replace("local_vision_number: 39", "local_vision_number: 38"),
        "minster-again.yaml": MINSTER.replace("name: Fixture Minster", "name: Minster Again").replace(
            "label: Fixture Minster", "label: Minster Again")}, keep_places=False)
    expected = ["site-data/places/fixture-minster.yaml:4:22: local_vision_number: the same Local Vision number as "
                "site-data/places/minster-again.yaml: each place needs its own",
                "site-data/places/minster-again.yaml:4:22: local_vision_number: the same Local Vision number as "
                "site-data/places/fixture-minster.yaml: each place needs its own"]
    for cwd, root in ((project.data_dir, str(project.root)), (project.data_dir, ".."),
                      (project.data_dir / "places", "../.."), (tmp_path, "p")):
        result = subprocess.run([sys.executable, "-m", "generator", "--root", root, "validate"], cwd=cwd,
                                capture_output=True, text=True, timeout=120)
        lines = result.stderr.splitlines()
        assert result.returncode == 1 and "site-data/site-data" not in result.stderr, (cwd, root)
        assert [line for line in lines if "local_vision_number" in line] == expected, (cwd, root)
        assert any(line.startswith("site-data/places/a-bad-place.yaml:10:9: region: unknown region `yorks`")
                   for line in lines), lines
