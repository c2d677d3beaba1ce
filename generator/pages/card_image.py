"""Share cards: a 1200 × 630 PNG per place (its name, whether the report tells its story, a lead
quote or its focus, and where it is in England), and one for the site, drawn at build time with
Pillow (imported here only, when a card is drawn).

Deterministic: the same data, font and Pillow version give the same bytes (no timestamps in the
PNG). The text is set in the site's serif, read from content/assets/fonts/.
"""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path
from typing import Any

from ..model.cards import lead_quote
from ..model.cite import SITE_TITLE
from ..model.site import Site, SitePlace

SIZE = (1200, 630)
INK, PAPER, SOFT, WARM, LAND = "#17494d", "#ffffff", "#cfe3e1", "#f6c8a9", "#2a6a6f"
MAP_BOX = (850, 60, 1140, 570)
TEXT_LEFT, TEXT_RIGHT = 64, 800


FONT = Path(__file__).resolve().parents[2] / "content" / "assets" / "fonts" / "source-serif-4-latin-wght-normal.woff2"
"""The site's reading serif (Pillow's FreeType reads WOFF2); Pillow's own font if it is missing."""


@functools.cache
def _fonts() -> dict[int, Any]:
    from PIL import ImageFont

    fonts = {}
    for size, weight in ((26, 400), (30, 600), (34, 400), (72, 700)):
        if FONT.is_file():
            font = ImageFont.truetype(str(FONT), size)
            font.set_variation_by_axes([weight])
        else:
            font = ImageFont.load_default(size=size)
        fonts[size] = font
    return fonts


def _wrap(draw: Any, text: str, font: Any, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _rings(outline: str) -> list[list[tuple[float, float]]]:
    return [[(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", ring)]
            for ring in outline.split("M") if ring.strip()]


def _england(draw: Any, outline: dict[str, Any], dots: list[Any]) -> None:
    """England's outline in the card's map box, with the given places as dots."""
    left, top, right, bottom = MAP_BOX
    scale = min((right - left) / outline["width"], (bottom - top) / outline["height"])
    x0 = left + ((right - left) - outline["width"] * scale) / 2

    def at(x: float, y: float) -> tuple[float, float]:
        return round(x0 + x * scale, 1), round(top + y * scale, 1)

    for ring in _rings(outline["outline"]):
        draw.polygon([at(x, y) for x, y in ring], fill=LAND, outline=SOFT)
    radius = 16 if len(dots) == 1 else 7
    for dot in dots:
        x, y = at(dot.x, dot.y)
        draw.ellipse((x - radius - 4, y - radius - 4, x + radius + 4, y + radius + 4), fill=PAPER)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill="#d9622b")


def _card(title: str, status: str, line: str, outline: dict[str, Any], dots: list[Any]) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", SIZE, INK)
    draw = ImageDraw.Draw(image)
    fonts = _fonts()
    width = TEXT_RIGHT - TEXT_LEFT
    draw.text((TEXT_LEFT, 56), SITE_TITLE, font=fonts[26], fill=SOFT)
    y = 120
    for text in _wrap(draw, title, fonts[72], width)[:2]:
        draw.text((TEXT_LEFT, y), text, font=fonts[72], fill=PAPER)
        y += 84
    draw.text((TEXT_LEFT, y + 8), status, font=fonts[30], fill=WARM)
    y += 72
    lines = _wrap(draw, line, fonts[34], width)
    for text in lines[:6]:
        draw.text((TEXT_LEFT, y), text, font=fonts[34], fill=PAPER)
        y += 46
    _england(draw, outline, dots)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


MAX_LINES = 6


def place_card(site: Site, place: SitePlace, outline: dict[str, Any]) -> bytes:
    """A place's card: its lead quote where it fits in six lines, else its focus."""
    count = len(place.quotes)
    status = ("Story" + (f" · {count} {'quote' if count == 1 else 'quotes'}" if count else "")
              if place.stories else "Listed in the report")
    status += " · " + site.regions[place.region].name
    lead = lead_quote(place)
    line = " ".join(place.focus.split())
    if lead is not None:
        quote = "“" + " ".join(lead[1].text.split()) + "”"
        from PIL import Image, ImageDraw

        probe = ImageDraw.Draw(Image.new("RGB", (1, 1)))
        if len(_wrap(probe, quote, _fonts()[34], TEXT_RIGHT - TEXT_LEFT)) <= MAX_LINES:
            line = quote
    return _card(" ".join(place.name.split()), status, line, outline, [outline["by_slug"][place.slug]])


def site_card(site: Site, outline: dict[str, Any]) -> bytes:
    """The site's card, for every page that is not a place's."""
    told = sum(1 for place in site.places if place.stories)
    return _card("Stories from places across England", f"{len(site.places)} places · {told} stories · "
                 f"{site.quote_count} quotes", "Systems Leadership in the report The Revolution will be "
                 "Improvised Part II (2015), place by place.", outline, outline["dots"])
