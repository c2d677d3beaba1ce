"""The open data files published with the site, and the JSON-LD on place pages."""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import frictionless
import pytest
from conftest import REPO, build_copy
from site_pages import load_places

from generator.schema.place import DEFAULT_PUBLICATION

PLACE_COUNT = len(list((REPO / "site-data" / "places").glob("*.yaml")))


def test_csv_has_a_row_per_place_and_the_declared_columns(built_site: Path) -> None:
    with (built_site / "data" / "places.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == PLACE_COUNT
    package = json.loads((built_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    declared = [field["name"] for field in package["resources"][0]["schema"]["fields"]]
    assert list(rows[0]) == declared
    places = load_places()
    assert {row["slug"] for row in rows} == set(places)
    for row in rows:
        raw = places[row["slug"]]
        assert row["local_vision_number"] == str(raw.get("local_vision_number") or ""), row["slug"]
        assert row["name"].lstrip("'") == raw["name"] and row["region"] == raw["region"], row["slug"]
        assert (built_site / row["url"] / "index.html").exists()


def test_datapackage_is_valid_and_every_resource_exists(built_site: Path) -> None:
    data = built_site / "data"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert (data / resource["path"]).is_file(), resource["path"]
    report = frictionless.validate(str(data / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_json_has_every_place_in_full(built_site: Path) -> None:
    document = json.loads((built_site / "data" / "places.json").read_text(encoding="utf-8"))
    places = {place["slug"]: place for place in document["places"]}
    assert len(places) == PLACE_COUNT
    for slug, raw in load_places().items():  # every quote, as its file gives it (blank lines as line feeds)
        quotes = [q["text"] for s in places[slug]["stories"] for q in s["quotes"]]
        assert quotes == [q["text"].strip() for s in raw.get("stories") or [] for q in s.get("quotes") or []], slug
    assert any(place["stories"] for place in places.values())
    assert "Improvised Part II" in document["report"]["title"]


def test_geojson_has_the_shape_the_spec_requires(built_site: Path) -> None:
    document = json.loads((built_site / "data" / "places.geojson").read_text(encoding="utf-8"))
    assert document["type"] == "FeatureCollection"
    assert len(document["features"]) == PLACE_COUNT
    for feature in document["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point" and len(geometry["coordinates"]) == 2
        longitude, latitude = geometry["coordinates"]  # RFC 7946: longitude first
        assert 49.8 < latitude < 55.9 and -6.5 < longitude < 1.8


def test_data_page_links_every_file(built_site: Path) -> None:
    source = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    for name in ("places.csv", "places.json", "places.geojson", "datapackage.json", "place.schema.json"):
        assert f'href="../{name}"' in source or f'href="{name}"' in source, name
        assert (built_site / "data" / name).is_file(), name
    assert "How to cite the report" in source and "November 2015" in source


def _cites_only_the_report(place: dict) -> bool:
    """Whether a place file (as YAML reads it) cites nothing but the 2015 report, the default."""
    stories, outcomes = place.get("stories") or [], place.get("outcomes") or []
    items = [*stories, *outcomes]
    quotes = [(quote, story) for story in stories for quote in story.get("quotes") or []]
    return not place.get("updates") and all(item.get("publication", DEFAULT_PUBLICATION) == DEFAULT_PUBLICATION
                                            for item in items) and all(
        quote.get("publication", story.get("publication", DEFAULT_PUBLICATION)) == DEFAULT_PUBLICATION for quote, story in quotes)


def test_place_pages_carry_schema_org_place(built_site: Path) -> None:
    only_report = 0
    for slug, raw in load_places().items():
        source = (built_site / "places" / slug / "index.html").read_text(encoding="utf-8")
        (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', source, flags=re.S)
        data = json.loads(block)
        assert data["@type"] == "WebPage" and data["name"] == raw["name"]
        place = data["mainEntity"]  # schema.org's `citation` belongs to a work, so the page cites and the place is its subject
        assert place["@type"] == "Place" and place["name"] == raw["name"]
        location = raw["location"]
        assert place["geo"] == {"@type": "GeoCoordinates", "latitude": location["latitude"], "longitude": location["longitude"]}
        citation = data["citation"][0]  # the report's place details come first
        assert citation["@type"] == "Report" and citation["datePublished"] == "2015-11"
        assert citation["name"].startswith("The Revolution will be Improvised Part II")
        assert (len(data["citation"]) == 1) == _cites_only_the_report(raw), slug
        only_report += _cites_only_the_report(raw)
        assert "url" not in data  # the site's address is unknown in a plain build
    assert only_report > 0


HOSTILE_NAME = "=HYPERLINK(1)</script><script>alert(1)</script>"
EDITED = "fixture-brook"


@pytest.fixture(scope="module")
def edited_york(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built with a place of the tests' own (tests/data/fixture-brook.yaml) edited twice over (one
    build for both tests below): a name that closes the JSON-LD's script element and starts a
    spreadsheet formula, and a longitude of 0.00005 (by Greenwich), which is ``5e-05`` to Python."""
    brook = (REPO / "tests" / "data" / f"{EDITED}.yaml").read_text(encoding="utf-8")
    edited = (brook.replace("name: Fixture Brook", f"name: \"{HOSTILE_NAME}\"")
              .replace("latitude: 53.9000", "latitude: 51.4779").replace("longitude: -1.2000", "longitude: 0.00005"))
    assert edited.count(HOSTILE_NAME) == 1 and "longitude: 0.00005" in edited
    return build_copy(tmp_path_factory.mktemp("york") / "p", places={f"{EDITED}.yaml": edited})


@pytest.mark.edits_a_copy
def test_hostile_text_stays_inside_json_ld_and_csv_formulas_are_defused(edited_york: Path) -> None:
    source = (edited_york / "places" / EDITED / "index.html").read_text(encoding="utf-8")
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', source, flags=re.S)
    assert json.loads(block)["name"] == HOSTILE_NAME
    with (edited_york / "data" / "places.csv").open(encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["slug"] == EDITED)
    assert row["name"] == "'" + HOSTILE_NAME


@pytest.mark.edits_a_copy
def test_coordinates_near_zero_stay_numbers_everywhere(edited_york: Path) -> None:
    """In the JSON-LD a longitude of 0.00005 must still be a number, not the text "5e-05" that YAML 1.1
    would make of it in the page's front matter."""
    source = (edited_york / "places" / EDITED / "index.html").read_text(encoding="utf-8")
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', source, flags=re.S)
    assert json.loads(block)["mainEntity"]["geo"]["longitude"] == 0.00005
    places = json.loads((edited_york / "data" / "places.json").read_text(encoding="utf-8"))["places"]
    assert next(p for p in places if p["slug"] == EDITED)["location"]["longitude"] == 0.00005
    feature = next(f for f in json.loads((edited_york / "data" / "places.geojson").read_text(encoding="utf-8"))["features"]
                   if f["properties"]["slug"] == EDITED)
    assert feature["geometry"]["coordinates"] == [0.00005, 51.4779]


def test_every_place_page_carries_its_json_ld_in_the_head(built_site: Path) -> None:
    """Search engines read JSON-LD from the head: one block per place page, before </head>, naming the place."""
    places = {path.stem for path in (REPO / "site-data" / "places").glob("*.yaml")}
    for slug in places:
        source = (built_site / "places" / slug / "index.html").read_text(encoding="utf-8")
        head = source[:source.index("</head>")]
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', source, flags=re.S)
        assert len(blocks) == 1 and blocks[0] in head, slug
        data = json.loads(blocks[0])
        assert data["@type"] == "WebPage" and data["mainEntity"]["@type"] == "Place", slug
        assert data["name"] == data["mainEntity"]["name"] and data["name"] in html.unescape(source[source.index("<article"):]), slug
