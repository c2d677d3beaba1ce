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

PLACE_COUNT = len(list((REPO / "site-data" / "places").glob("*.yaml")))


def test_csv_has_a_row_per_place_and_the_declared_columns(built_site: Path) -> None:
    with (built_site / "data" / "places.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == PLACE_COUNT
    package = json.loads((built_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    declared = [field["name"] for field in package["resources"][0]["schema"]["fields"]]
    assert list(rows[0]) == declared
    calderdale = next(row for row in rows if row["slug"] == "calderdale")
    assert calderdale["local_vision_number"] == "7" and calderdale["region"] == "yorkshire-and-the-humber"
    assert (built_site / calderdale["url"] / "index.html").exists()


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
    quotes = [q["text"] for s in places["calderdale"]["stories"] for q in s["quotes"]]
    assert any(q.startswith("The project took time to start.") for q in quotes)
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


def test_place_pages_carry_schema_org_place(built_site: Path) -> None:
    source = (built_site / "places" / "calderdale" / "index.html").read_text(encoding="utf-8")
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', source, flags=re.S)
    data = json.loads(block)
    assert data["@type"] == "WebPage" and data["name"] == "Calderdale"
    place = data["mainEntity"]  # schema.org's `citation` belongs to a work, so the page cites and the place is its subject
    assert place["@type"] == "Place" and place["name"] == "Calderdale"
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 53.7248, "longitude": -1.8658}
    (citation,) = data["citation"]  # Calderdale cites only the 2015 report
    assert citation["@type"] == "Report" and citation["datePublished"] == "2015-11"
    assert citation["name"].startswith("The Revolution will be Improvised Part II")
    assert "url" not in data  # the site's address is unknown in a plain build


HOSTILE_NAME = "=HYPERLINK(1)</script><script>alert(1)</script>"


@pytest.fixture(scope="module")
def edited_york(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built with York's file edited twice over (one build for both tests below): a name that
    closes the JSON-LD's script element and starts a spreadsheet formula, and a longitude of 0.00005 (by
    Greenwich), which is ``5e-05`` to Python."""
    york = (REPO / "site-data" / "places" / "york.yaml").read_text(encoding="utf-8")
    edited = (york.replace("name: York", f"name: \"{HOSTILE_NAME}\"")
              .replace("latitude: 53.9600", "latitude: 51.4779").replace("longitude: -1.0873", "longitude: 0.00005"))
    assert edited.count(HOSTILE_NAME) == 1 and "longitude: 0.00005" in edited
    return build_copy(tmp_path_factory.mktemp("york") / "p", places={"york.yaml": edited})


@pytest.mark.edits_a_copy
def test_hostile_text_stays_inside_json_ld_and_csv_formulas_are_defused(edited_york: Path) -> None:
    source = (edited_york / "places" / "york" / "index.html").read_text(encoding="utf-8")
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', source, flags=re.S)
    assert json.loads(block)["name"] == HOSTILE_NAME
    with (edited_york / "data" / "places.csv").open(encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["slug"] == "york")
    assert row["name"] == "'" + HOSTILE_NAME


@pytest.mark.edits_a_copy
def test_coordinates_near_zero_stay_numbers_everywhere(edited_york: Path) -> None:
    """In the JSON-LD a longitude of 0.00005 must still be a number, not the text "5e-05" that YAML 1.1
    would make of it in the page's front matter."""
    source = (edited_york / "places" / "york" / "index.html").read_text(encoding="utf-8")
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', source, flags=re.S)
    assert json.loads(block)["mainEntity"]["geo"]["longitude"] == 0.00005
    places = json.loads((edited_york / "data" / "places.json").read_text(encoding="utf-8"))["places"]
    assert next(p for p in places if p["slug"] == "york")["location"]["longitude"] == 0.00005
    feature = next(f for f in json.loads((edited_york / "data" / "places.geojson").read_text(encoding="utf-8"))["features"]
                   if f["properties"]["slug"] == "york")
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
