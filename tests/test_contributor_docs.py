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

from generator.cli import main
from generator.scaffold import field_names
from generator.schema import VOCABULARIES, Place

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
    for name in ("programmes", "regions", "themes", "enablers", "lessons", "sections"):
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
