"""Is a point in England? A plain point-in-polygon test over a simplified outline.

The outline in ``england.json`` (beside this file) comes from Natural Earth's public-domain 1:10m
admin-1 boundaries: the mainland, the Isle of Wight, the Isles of Scilly and Lundy, as closed
``[lon, lat]`` rings. Its coast is pushed about 1 km out to sea so that coastal towns are not lost to
generalisation, while the borders with Wales and Scotland keep the source's line to within about
100 m (a 1:10m line, itself some 100 m off in places: Redbrook, on the Wye, falls just in Wales). The
file's ``source``, ``licence`` and ``simplified`` fields say how it was made. It catches coordinates
that are clearly wrong (swapped, mistyped sign, another country); it cannot settle which side of the
border a place a few hundred metres from it stands on.
"""

from __future__ import annotations

import json
from pathlib import Path

Ring = tuple[tuple[float, float], ...]


def _load() -> tuple[Ring, ...]:
    data = json.loads(Path(__file__).with_name("england.json").read_text(encoding="utf-8"))
    return tuple(tuple((float(x), float(y)) for x, y in ring) for ring in data["polygons"])


_RINGS: tuple[Ring, ...] = _load()


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    """Even-odd ray casting: count the edges crossed by a ray going east from (x, y)."""
    inside = False
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
        x1, y1 = x2, y2
    return inside


def in_england(latitude: float, longitude: float) -> bool:
    """Return True if (latitude, longitude), in WGS84 degrees, lies inside England's outline."""
    return any(_in_ring(longitude, latitude, ring) for ring in _RINGS)


def rings() -> tuple[Ring, ...]:
    """England's outline: closed ``(longitude, latitude)`` rings, no holes."""
    return _RINGS


def bounds() -> tuple[tuple[float, float], tuple[float, float]]:
    """England's outline as ``((south, west), (north, east))`` in degrees: the map's first view."""
    longitudes = [x for ring in _RINGS for x, _ in ring]
    latitudes = [y for ring in _RINGS for _, y in ring]
    return (min(latitudes), min(longitudes)), (max(latitudes), max(longitudes))
