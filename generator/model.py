"""The site model: every place and vocabulary, plus the indexes that pages need, built once.

Tags induce a graph, not a tree: a theme page needs every place with that theme, so all of the
indexes are collected here, sorted once with named keys, before anything is rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import PrivateAttr

from .schema import (
    Enabler,
    Lesson,
    Place,
    Programme,
    Quote,
    Region,
    Section,
    SteeringGroupMember,
    Story,
    Theme,
)
from .yamlfile import locate


class SitePlace(Place):
    """A checked place, with the slug and file it came from."""

    slug: str
    source_path: str
    _node: Any = PrivateAttr(default=None)

    @classmethod
    def from_place(cls, place: Place, *, slug: str, source_path: str, node: Any = None) -> SitePlace:
        site_place = cls.model_construct(**dict(place), slug=slug, source_path=source_path)
        site_place._node = node
        return site_place

    def line_of(self, loc: tuple) -> tuple[int, int]:
        """Line and column of a field in the place's file (for error messages)."""
        return locate(self._node, loc)

    @property
    def quotes(self) -> list[tuple[Story, Quote]]:
        return [(story, quote) for story in self.stories for quote in story.quotes]


@dataclass(frozen=True)
class Site:
    places: tuple[SitePlace, ...]
    themes: dict[str, Theme]
    lessons: dict[str, Lesson]
    programmes: dict[str, Programme]
    enablers: dict[str, Enabler]
    regions: dict[str, Region]
    sections: dict[str, Section]
    places_by_theme: dict[str, list[SitePlace]]
    places_by_programme: dict[str, list[SitePlace]]
    places_by_enabler: dict[str, list[SitePlace]]
    places_by_region: dict[str, list[SitePlace]]
    stories_by_lesson: dict[str, list[tuple[SitePlace, Story]]]
    stories_by_enabler: dict[str, list[tuple[SitePlace, Story]]] = field(default_factory=dict)
    steering_group: dict[str, SteeringGroupMember] = field(default_factory=dict)

    @property
    def quote_count(self) -> int:
        return sum(len(place.quotes) for place in self.places)


def place_order(place: Place) -> tuple[str, str]:
    """Places are listed alphabetically, ignoring case."""
    return (place.name.casefold(), place.name)


def build_site(places: list[SitePlace], vocab: dict[str, dict[str, Any]]) -> Site:
    ordered = tuple(sorted(places, key=place_order))

    def group(keys: dict[str, Any], ids_of: Callable[[SitePlace], list[str]]) -> dict[str, list[SitePlace]]:
        result: dict[str, list[SitePlace]] = {key: [] for key in keys}
        for place in ordered:
            for key in ids_of(place):
                result[key].append(place)
        return result

    stories_by_lesson: dict[str, list[tuple[SitePlace, Story]]] = {key: [] for key in vocab["lessons"]}
    stories_by_enabler: dict[str, list[tuple[SitePlace, Story]]] = {key: [] for key in vocab["enablers"]}
    for place in ordered:
        for story in place.stories:
            stories_by_lesson[story.lesson].append((place, story))
            for enabler in story.enablers:
                stories_by_enabler[enabler].append((place, story))

    return Site(
        places=ordered,
        themes=vocab["themes"],
        lessons=vocab["lessons"],
        programmes=vocab["programmes"],
        enablers=vocab["enablers"],
        regions=vocab["regions"],
        sections=vocab["sections"],
        places_by_theme=group(vocab["themes"], lambda p: p.themes),
        places_by_programme=group(vocab["programmes"], lambda p: p.programmes),
        places_by_enabler=group(vocab["enablers"], lambda p: p.enablers),
        places_by_region=group(vocab["regions"], lambda p: [p.region]),
        stories_by_lesson=stories_by_lesson,
        stories_by_enabler=stories_by_enabler,
        steering_group=vocab.get("steering-group", {}),
    )
