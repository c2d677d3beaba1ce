"""The "Propose a new place" page: a field for each field of the schema, with its description, limits
and allowed values (the form in a browser: tests/browser/test_contribute_form.py)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import copy_project
from site_pages import load_vocabulary

from generator.checks.validate import load_site
from generator.pages.contribute import form_fields
from generator.schema.json_schema import place_json_schema
from generator.schema.vocabularies import VOCABULARIES


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    project = copy_project(tmp_path_factory.mktemp("contribute") / "p")
    return load_site(project.data_dir, display_root=project.root)


def _page(built_site: Path) -> str:
    return (built_site / "contribute" / "index.html").read_text(encoding="utf-8")


def test_the_form_has_a_field_for_each_field_of_the_schema(built_site: Path, site) -> None:
    source = _page(built_site)
    schema = place_json_schema({name: getattr(site, name.replace("-", "_")) for name in VOCABULARIES})
    expected = []
    for name, prop in schema["properties"].items():
        if "$ref" in prop:
            expected += [f"{name}.{inner}" for inner in schema["$defs"]["Location"]["properties"]]
        elif not (prop.get("type") == "array" and "$ref" in prop.get("items", {})):
            expected.append(name)
    assert re.findall(r'data-path="([^"]+)"', source) == expected
    for field in form_fields(site)[0]:
        description = html.unescape(re.sub(r"<[^>]+>", "", source.split(f'id="{field.id}-help">', 1)[1].split("</p>")[0]))
        assert description == " ".join(field.description.replace("`", "").split()), field.path
        if field.max_length:
            assert f'id="{field.id}" name="{field.path}"' in source and f'maxlength="{field.max_length}"' in source


@pytest.mark.parametrize("vocabulary", ["themes", "programmes", "enablers", "regions"])
def test_the_choices_are_the_vocabulary(built_site: Path, vocabulary: str) -> None:
    source = _page(built_site)
    field = "region" if vocabulary == "regions" else vocabulary
    block = source.split(f'data-path="{field}"', 1)[1].split('class="place-form__error"', 1)[0]
    values = [value for value in re.findall(r'value="([^"]*)"', block) if value]
    assert values == [entry["id"] for entry in load_vocabulary(vocabulary)]
