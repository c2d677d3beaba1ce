"""What the map script takes from Python, written into each map's ``data-config`` attribute: the
site's root from the page, the slug pattern, each programme's name and colour, and the popup's
labels. The script carries no copy of any of them."""

from __future__ import annotations

import html
import json
import re

from ..model.site import LOCAL_VISION_NUMBER, Site
from ..schema.ids import SLUG_PATTERN
from ..text.escape import Md

_COLOUR = re.compile(r"#[0-9a-f]{6}")


def programme_colour(site: Site, programme: str) -> Md:
    """A programme's colour from its vocabulary entry (checked there), for a style attribute."""
    colour = site.programmes[programme].colour
    if not _COLOUR.fullmatch(colour):
        raise ValueError(f"not a colour: {colour!r}")
    return Md(colour)


def map_config(site: Site, root: str) -> Md:
    """The settings as JSON for a map's ``data-config='…'`` attribute, from a page whose way to the
    site's root is ``root``. (An attribute, not a <script type="application/json">: Material's instant
    navigation re-creates a script in the page content without its type, and runs the JSON as code.)"""
    text = json.dumps({
        "root": root,
        "slug": SLUG_PATTERN,
        "programmes": {id: {"name": p.name, "colour": str(programme_colour(site, id))}
                       for id, p in site.programmes.items()},
        "labels": {"number": LOCAL_VISION_NUMBER},
    }, ensure_ascii=False, separators=(",", ":"))
    return Md(html.escape(text, quote=False).replace("'", "&#x27;"))
