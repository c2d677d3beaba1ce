"""Related places: for each place, the places that share most of its themes and lessons.

Comparing every place with every other grows with the square of the number of places (4 million
comparisons at 2,000). Instead each theme and each lesson is a set of places, held as the bits of
one integer (bit ``i`` is the ``i``-th place in the site's order), and for one place only the sets
of its own themes and lessons are combined: "in at least k of them" for each k, with a handful of
bitwise operations that Python does a machine word at a time. The most-shared band is read first,
and within a band the lowest bits, which are the first places in the site's order.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..schema.vocabularies import Lesson, Theme
from .counts import places_of
from .site import Site, SitePlace

RELATED_LIMIT = 5
"""How many related places a place page lists."""


@dataclass(frozen=True)
class Related:
    """Another place that shares themes or lessons with a place: the reason it is listed."""

    place: SitePlace
    themes: list[Theme]
    lessons: list[Lesson]

    @property
    def shared(self) -> int:
        return len(self.themes) + len(self.lessons)


def related_places(site: Site, *, only: list[SitePlace] | None = None, limit: int = RELATED_LIMIT) -> dict[str, list[Related]]:
    """For each place (by slug; those in ``only``, or all), the places sharing most themes and lessons
    with it, most first, then in the site's order; each with the themes and lessons it shares (in the
    vocabularies' order)."""
    position = {place.slug: index for index, place in enumerate(site.places)}

    def members(places: list[SitePlace]) -> int:
        bits = 0
        for place in places:
            bits |= 1 << position[place.slug]
        return bits

    by_theme = {key: members(places) for key, places in site.places_by_theme.items()}
    by_lesson = {key: members(places_of(stories)) for key, stories in site.stories_by_lesson.items()}
    found = {}
    for place in site.places if only is None else only:
        sets = [by_theme[key] for key in place.themes] + [by_lesson[key] for key in _lessons(place)]
        chosen = _most_shared(sets, exclude=1 << position[place.slug], limit=limit)
        found[place.slug] = [_related(site, place, site.places[other]) for other in chosen]
    return found


def _lessons(place: SitePlace) -> list[str]:
    return list(dict.fromkeys(story.lesson for story in place.stories))


def _most_shared(sets: list[int], *, exclude: int, limit: int) -> list[int]:
    """Up to ``limit`` positions that are in the most of ``sets``, fewest first within a count."""
    at_least = [-1] + [0] * len(sets)  # at_least[k]: the positions in k of the sets or more (-1: all)
    for bits in sets:
        for k in range(len(sets), 0, -1):
            at_least[k] |= at_least[k - 1] & bits
    chosen: list[int] = []
    for k in range(len(sets), 0, -1):
        band = at_least[k] & ~(at_least[k + 1] if k < len(sets) else 0) & ~exclude
        while band and len(chosen) < limit:
            lowest = band & -band
            chosen.append(lowest.bit_length() - 1)
            band ^= lowest
    return chosen


def _related(site: Site, place: SitePlace, other: SitePlace) -> Related:
    lessons = set(_lessons(place))
    themes = [theme for key, theme in site.themes.items() if key in place.themes and key in other.themes]
    shared_lessons = [lesson for key, lesson in site.lessons.items()
                      if key in lessons and any(story.lesson == key for story in other.stories)]
    return Related(other, themes, shared_lessons)
