"""Light maps made at build time: the home page's preview of the map and each place page's locator.

Both are inline SVGs of England's outline and the places' coordinates, in the same Web Mercator
projection as the map page. They need no script, no tiles and none of the map's files; each is part
of a link to the map page.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any

from ..model.site import Site
from ..schema import england

WIDTH = 320.0
"""The preview's width in SVG units (it scales with the page)."""


@dataclass(frozen=True)
class Dot:
    slug: str
    x: float
    y: float
    programmes: tuple[str, ...]


def _mercator(longitude: float, latitude: float) -> tuple[float, float]:
    return longitude, math.degrees(math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2)))


def _point(left: float, top: float, scale: float, longitude: float, latitude: float) -> tuple[float, float]:
    """A place on the SVG: Mercator, from the frame's top left corner, in SVG units."""
    x, y = _mercator(longitude, latitude)
    return round((x - left) * scale, 1), round((top - y) * scale, 1)


@functools.cache
def _frame() -> tuple[float, float, float, float, str]:
    """England's frame: left and top in Mercator units, the scale, the SVG's height, and the outline
    path. The outline is fixed data, so it is drawn once per process (a preview redraws on every save)."""
    (south, west), (north, east) = england.bounds()
    left, top = _mercator(west, north)
    right, bottom = _mercator(east, south)
    scale = WIDTH / (right - left)
    path = " ".join(
        "M" + " ".join(f"{x:g},{y:g}" for x, y in (_point(left, top, scale, *vertex) for vertex in ring)) + "Z"
        for ring in england.rings()
    )
    return left, top, scale, round((top - bottom) * scale, 1), path


def preview(site: Site) -> dict[str, Any]:
    """England's outline as an SVG path, a dot per place, and the SVG's size."""
    left, top, scale, height, path = _frame()
    dots = [Dot(p.slug, *_point(left, top, scale, p.location.longitude, p.location.latitude), programmes=tuple(p.programmes[:2]))
            for p in site.places]
    return {"outline": path, "dots": dots, "width": WIDTH, "height": height,
            "pairs": sorted({dot.programmes for dot in dots if len(dot.programmes) == 2}),
            "by_slug": {dot.slug: dot for dot in dots}}
