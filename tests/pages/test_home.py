"""The front page: a clear start, a light preview of the map, a featured quote from the data, and
the themes as cards."""

from __future__ import annotations

import html
import re
from pathlib import Path

from site_pages import article, collapse, load_places, load_vocabulary

PLACES = load_places()


def test_home_page_starts_with_ways_in_a_map_preview_a_quote_and_theme_cards(built_site: Path) -> None:
    source = article(built_site, "")
    start = re.search(r'<a class="md-button md-button--primary" href="([^"]+)">(.*?)</a>', source)
    assert start and start.group(1) == "map/" and start.group(2) == "Explore the map"

    # The preview: England and a dot per place, all of it one link to the map page, no map files.
    preview = re.search(r'<a href="map/" class="home-map__link">(.*?)</a>', source, flags=re.S).group(1)
    assert preview.count("<circle ") == len(PLACES)
    both = sum(1 for place in PLACES.values() if len(place["programmes"]) > 1)
    assert preview.count("fill: url(#home-split-") == both
    assert f"Open the map of all {len(PLACES)} places" in preview
    assert "data-place-map" not in source

    # The featured quote is a place quote copied from the data, with its attribution.
    figure = re.search(r'<figure class="quote" id="q-([a-z0-9-]+)-(\d+)">(.*?)</figure>', source, flags=re.S)
    slug, number = figure.group(1), int(figure.group(2))
    quote = [q for story in PLACES[slug]["stories"] for q in story["quotes"]][number - 1]
    words = html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<blockquote>(.*?)</blockquote>", figure.group(3), flags=re.S).group(1)))
    assert collapse(words) == f"“{collapse(quote['text'])}”"
    assert quote["speaker"] in html.unescape(figure.group(3))

    # A card per theme that has places, with the count.
    cards = source.split('class="grid cards home-themes"')[1]
    for theme in load_vocabulary("themes"):
        count = sum(theme["id"] in place["themes"] for place in PLACES.values())
        if count:
            name = html.escape(theme["name"], quote=False)
            assert re.search(rf'href="themes/{theme["id"]}/">{re.escape(name)}</a></p>\s*<p>{count} places?</p>', cards), theme["id"]
