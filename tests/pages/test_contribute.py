"""The "Propose a new place" page: a field for each field of the schema, with its description, limits
and allowed values (the form in a browser: tests/browser/test_contribute_form.py)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from conftest import copy_project
from site_pages import load_vocabulary

from generator.checks.validate import load_site
from generator.pages.contribute import form_fields, form_lists
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


def _shape(schema: dict, node: dict) -> list:
    """A set of fields' keys in order, a list of sets or a set as (key, its own shape)."""
    shape = []
    for key, prop in node["properties"].items():
        spec = next((item for item in prop.get("anyOf", []) if item.get("type") != "null"), prop)
        ref = spec.get("items", {}).get("$ref") if spec.get("type") == "array" else spec.get("$ref")
        shape.append((key, _shape(schema, schema["$defs"][ref.rsplit("/", 1)[-1]])) if ref else key)
    return shape


def _list_shape(members: list[dict]) -> list:
    return [(m["key"], _list_shape(m["members"])) if m["kind"] in ("list", "set") else m["key"] for m in members]


def test_the_form_s_lists_of_sets_are_the_schema_s(built_site: Path, site) -> None:
    """Stories with their quotes, outcomes, corrections, updates with their link: every field, in the
    schema's order, so that a field added to the schema is in the form at once."""
    schema = place_json_schema({name: getattr(site, name.replace("-", "_")) for name in VOCABULARIES})
    lists = form_lists(site)
    expected = [entry for entry in _shape(schema, schema) if isinstance(entry, tuple) and entry[0] != "location"]
    assert [(spec["key"], _list_shape(spec["members"])) for spec in lists] == expected
    stories = next(spec for spec in lists if spec["key"] == "stories")
    kinds = {m["key"]: m["kind"] for m in stories["members"]}
    assert kinds["publication"] == "choice" and kinds["source"] == "section" and kinds["lesson"] == "choice"
    assert next(m for m in stories["members"] if m["key"] == "publication")["default"] == "revolution-2015"
    updates = next(spec for spec in lists if spec["key"] == "updates")
    assert {m["key"]: m["kind"] for m in updates["members"]}["date"] == "date"
    link = next(m for m in updates["members"] if m["key"] == "link")
    assert {m["key"]: m["kind"] for m in link["members"]}["url"] == "url"
    # beside lists that show names, the help speaks of no ids or YAML files
    for spec in lists:
        for member in spec["members"]:
            if member["kind"] in ("choice", "choices", "section"):
                assert "site-data/" not in member["description"] and " id" not in member["description"], member
    page = _page(built_site)
    config = json.loads(html.unescape(re.search(r'data-config="([^"]*)"', page).group(1)))
    assert config["lists"] == json.loads(json.dumps(lists))
