"""What a place card shows wherever places are listed: whether the report tells a story of the place,
how many quotes it has, and a lead quote; and the split of any list of places into those with a story
(first) and those the report only lists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..schema.place import Quote, Story
from .site import Site, SitePlace, place_order

LEAD_WORDS = (8, 32)
"""A lead quote's length in words: long enough to say something, short enough for a card."""


def has_story(place: SitePlace) -> bool:
    """Whether the report (or another source) tells a story of the place, not only lists it."""
    return bool(place.stories)


def lead_quote(place: SitePlace) -> tuple[Story, Quote] | None:
    """The quote a card shows: the place's first quote of 8 to 32 words that starts a sentence, else
    its shortest quote, else None."""
    quotes = place.quotes
    low, high = LEAD_WORDS
    for story, quote in quotes:
        if low <= len(quote.text.split()) <= high and quote.text[:1].isupper():
            return story, quote
    return min(quotes, key=lambda pair: len(pair[1].text)) if quotes else None


@dataclass(frozen=True)
class PlaceGroups:
    """A list of places split in two, each part in the list's own order."""

    told: list[SitePlace]
    """Places whose story is told."""
    listed: list[SitePlace]
    """Places the report only lists (its Appendix A: name, number and focus)."""


def stories_first(places: Iterable[SitePlace]) -> PlaceGroups:
    places = list(places)
    return PlaceGroups([p for p in places if has_story(p)], [p for p in places if not has_story(p)])


def next_in_theme(site: Site, place: SitePlace) -> tuple[str, SitePlace] | None:
    """The next place with a story in the first of the place's themes that has another (after it in
    the site's order, or from the start): (theme id, place)."""
    for theme in place.themes:
        told = [other for other in site.places_by_theme.get(theme, []) if has_story(other)]
        others = [other for other in told if other.slug != place.slug]
        if not others:
            continue
        after = [other for other in others if place_order(other) > place_order(place)]
        return theme, (after or others)[0]
    return None


def stories_on_themes(site: Site, place: SitePlace) -> list[tuple[str, list[SitePlace]]]:
    """For a place without a story: for each of its themes, the places with a story on it."""
    found = []
    for theme in place.themes:
        told = [other for other in site.places_by_theme.get(theme, []) if has_story(other) and other.slug != place.slug]
        if told:
            found.append((theme, told))
    return found
