"""CONTRIBUTING.md stays true: its example file is valid, its example errors are what the tool prints,
it names every field of the schema and every vocabulary file, and the README links to it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml
from conftest import REPO, copy_project

from generator.build import render_site
from generator.cli import main
from generator.scaffold import field_names
from generator.schema import VOCABULARIES, Place
from generator.validate import load_site

GUIDE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")


def _block(marker: str) -> str:
    """The fenced block that follows ``<!-- marker -->`` in the guide."""
    match = re.search(rf"<!-- {marker} -->\n```\w*\n(.*?)```", GUIDE, flags=re.S)
    assert match, marker
    return match.group(1)




def test_the_guide_names_every_field_of_the_schema() -> None:
    assert {"name", "latitude", "speaker", "report_says"} <= field_names(Place)  # nested models included
    missing = sorted(name for name in field_names(Place) if f"`{name}`" not in GUIDE)
    assert missing == []


def test_the_guide_points_at_every_vocabulary_a_place_uses() -> None:
    for name in ("programmes", "regions", "themes", "enablers", "lessons", "publications"):
        assert name in VOCABULARIES
        assert f"site-data/{name}.yaml" in GUIDE, name


def test_the_example_file_is_valid(tmp_path: Path) -> None:
    text = _block("example-file")
    project = copy_project(tmp_path / "p", places={"little-snoring.yaml": text}, keep_places=False)
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project.root), "validate"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    schema = json.loads((REPO / "site-data" / "place.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(text), schema)


def test_the_example_mistakes_give_the_errors_the_guide_shows(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", places={"little-snoring.yaml": _block("example-mistakes")},
                          keep_places=False)
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project.root), "validate"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    printed = [re.sub(r" Allowed: .*", " Allowed: ...", line) for line in result.stderr.splitlines()]
    assert printed == _block("example-mistakes-output").splitlines()


def test_every_command_the_guide_gives_exists(capsys) -> None:
    commands = set(re.findall(r"python -m generator (\w+)", GUIDE))
    assert {"new", "validate", "serve", "schema"} <= commands
    for command in commands:
        try:
            main([command, "--help"])
        except SystemExit as exit_:
            assert exit_.code == 0, command
    capsys.readouterr()


def test_the_readme_links_the_guide_and_there_is_a_pull_request_template() -> None:
    assert "(CONTRIBUTING.md)" in (REPO / "README.md").read_text(encoding="utf-8")
    template = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 4 and "FILL IN" in template


def test_the_worked_example_of_a_source_and_an_update_is_valid(tmp_path: Path) -> None:
    """The guide's made-up publication and updates: valid together, and only ever a test fixture."""
    place = _block("example-file") + _block("example-update")
    project = copy_project(tmp_path / "p", places={"little-snoring.yaml": place}, keep_places=False)
    publications = project.data_dir / "publications.yaml"
    publications.write_text(publications.read_text(encoding="utf-8") + _block("example-publication"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project.root), "validate"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    site = load_site(project.data_dir, display_root=project.root)
    (little,) = site.places
    assert [(c.kind, c.publication, c.section) for c in little.citations] == [
        ("update", "little-snoring-review-2016", "clinics"), ("update", None, None)]
    page = next(p for p in render_site(site) if p.path == "places/little-snoring.md").text
    assert "## What happened next" in page and "Not from the report" in page
    assert "https://example.org/little-snoring/news/new-hall" in page
    # The example's publication is not in the real data.
    assert "little-snoring" not in (REPO / "site-data" / "publications.yaml").read_text(encoding="utf-8")
    schema = json.loads((REPO / "site-data" / "place.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(_block("example-file")), schema)
