"""CONTRIBUTING.md stays true: its example file is valid, its example errors are what the tool prints,
it names every field of the schema and every vocabulary file, and the README links to it."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml
from conftest import REPO, copy_project

from generator.checks.validate import load_site, load_vocabularies
from generator.commands.build import render_site
from generator.commands.new import field_names
from generator.schema.json_schema import schema_text
from generator.schema.place import Place
from generator.schema.vocabularies import VOCABULARIES

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


def _enums(schema: object) -> list[list]:
    if isinstance(schema, dict):
        return ([schema["enum"]] if "enum" in schema else []) + [e for v in schema.values() for e in _enums(v)]
    return [e for v in schema for e in _enums(v)] if isinstance(schema, list) else []


def test_the_guide_points_at_every_vocabulary_a_place_uses() -> None:
    """The vocabularies whose ids the place schema offers (`sections` gathers the publications' own)."""
    vocab = load_vocabularies(REPO / "site-data")
    enums = _enums(json.loads(schema_text(vocab)))
    used = {name for name, entries in vocab.items() if list(entries) in enums} - {"sections"}
    assert {"themes", "regions", "programmes", "enablers", "lessons", "publications"} <= used
    for name in sorted(used):
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


def _guide_commands() -> list[list[str]]:
    """Each `python -m generator ...` line of the guide's shell blocks, as arguments, in the guide's order."""
    blocks = re.findall(r"```sh\n(.*?)```", GUIDE, flags=re.S)
    lines = [line.split("#")[0].strip() for block in blocks for line in block.splitlines()]
    return [shlex.split(line)[3:] for line in lines if line.startswith("python -m generator ")]


def _generator(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *args],
                          capture_output=True, text=True, timeout=120)


def test_the_guides_steps_run_as_it_says(tmp_path: Path) -> None:
    """Steps 2 and 4 of the guide, run as written: `new` writes the file, `validate` then lists each
    FILL IN left with its line. (Step 5, `serve`, is run by test_contributor_flow's serve tests.)"""
    commands = _guide_commands()
    assert [args[0] for args in commands] == ["new", "validate", "serve"]
    project = copy_project(tmp_path / "p")
    new = _generator(project.root, *commands[0])
    assert new.returncode == 0, new.stderr
    written = project.data_dir / "places" / "little-snoring.yaml"
    assert new.stdout.startswith("Wrote site-data/places/little-snoring.yaml") and written.is_file()
    validate = _generator(project.root, *commands[1])
    assert validate.returncode == 1
    fill_ins = [number for number, line in enumerate(written.read_text(encoding="utf-8").splitlines(), 1)
                if re.match(r"^ *(?:- )?\w+: \[?FILL IN\]?$", line)]
    assert fill_ins
    for number in fill_ins:
        assert f"site-data/places/little-snoring.yaml:{number}:" in validate.stderr, number
    assert "FILL IN" in validate.stderr


def test_schema_rewrites_the_editors_schema_after_a_vocabulary_change_and_check_says_so(tmp_path: Path) -> None:
    """What the guide says to run after adding a theme, and what the pre-commit hook runs (`--check`)."""
    assert "python -m generator schema" in GUIDE
    project = copy_project(tmp_path / "p")
    schema = project.data_dir / "place.schema.json"
    before = schema.read_text(encoding="utf-8")
    up_to_date = _generator(project.root, "schema", "--check")
    assert up_to_date.returncode == 0 and "up to date" in up_to_date.stdout
    assert "already up to date" in _generator(project.root, "schema").stdout
    assert schema.read_text(encoding="utf-8") == before
    themes = project.data_dir / "themes.yaml"
    themes.write_text(themes.read_text(encoding="utf-8") + "- id: a-new-theme\n  name: A new theme\n  description: A theme of the test.\n", encoding="utf-8")
    stale = _generator(project.root, "schema", "--check")
    assert stale.returncode == 1
    assert stale.stderr.strip() == ("site-data/place.schema.json is out of date: run `python -m generator schema` "
                                    "and commit it")
    assert schema.read_text(encoding="utf-8") == before  # --check writes nothing
    wrote = _generator(project.root, "schema")
    assert wrote.returncode == 0 and wrote.stdout.strip() == "Wrote site-data/place.schema.json"
    offered = json.loads(schema.read_text(encoding="utf-8"))["properties"]["themes"]["items"]["enum"]
    assert offered[-1] == "a-new-theme"
    assert _generator(project.root, "schema", "--check").returncode == 0


def test_the_readme_links_the_guide_and_there_is_a_pull_request_template() -> None:
    assert "(CONTRIBUTING.md)" in (REPO / "README.md").read_text(encoding="utf-8")
    template = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 4 and "FILL IN" in template
    # Honest about sources: a fact may come from another listed publication, and each entry names its own.
    assert "site-data/publications.yaml" in template and "`publication:`" in template and "`link`" in template


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
