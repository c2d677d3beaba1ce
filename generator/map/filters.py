"""The map page's filter, and what its form and list need: the themes and programmes that have places."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..model.site import Site, place_url
from ..schema.ids import identifier
from ..text.escape import Md


def filter_rules(themes: list[str], programme_sets: list[tuple[str, ...]]) -> Md:
    """The map page's filter, defined here and nowhere else, as the page's CSS: a place shows while it
    has the theme chosen (if any) and any of its programmes is still ticked in the key. The rules
    hide the list's other places, with or without JavaScript; the map script shows the markers of
    the places the list shows (``content/assets/place-map/list.js``).

    ``:has()`` is asked of the small form only, not of an ancestor of the map, whose every change
    would make the browser match these rules again. A place's programmes are matched as the whole
    set it has (``programme_sets``: every set some place has), hidden when all of them are unticked.
    """
    list_item = " ~ .place-finder__list #place-list > li"
    selectors = [f'#place-filters:has(#place-filter-theme option[value="{identifier(theme)}"]:checked)'
                 f'{list_item}:not([data-themes~="{identifier(theme)}"])' for theme in themes]
    selectors += ["#place-filters" + "".join(f":has(#place-filter-programme-{identifier(id)}:not(:checked))" for id in ids)
                  + f'{list_item}[data-programmes="{" ".join(identifier(id) for id in ids)}"]' for ids in programme_sets]
    return Md(",\n".join(selectors) + " { display: none; }" if selectors else "")


def map_page_values(site: Site) -> dict[str, Any]:
    """What the map page's filters and list need: the themes and programmes that have places."""
    programme_sets = sorted({tuple(place.programmes) for place in site.places})
    return {
        "filter_rules": filter_rules([id for id, places in site.places_by_theme.items() if places], programme_sets),
        "themes": [(site.themes[id], len(places)) for id, places in site.places_by_theme.items() if places],
        "programmes": [
            (site.programmes[id], len(places)) for id, places in site.places_by_programme.items() if places
        ],
        "pairs": sorted(Counter(tuple(place.programmes) for place in site.places if len(place.programmes) == 2).items()),
        "place_url": place_url,
    }
