"""Counts and lists that several pages show the same way: per lesson, how many places, stories and
quotes; per programme, the participants the report names that have no place page here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..schema.vocabularies import Participant, Programme
from .site import Site, SitePlace, story_programme


@dataclass(frozen=True)
class LessonCounts:
    places: dict[str, int]
    stories: dict[str, int]
    quotes: dict[str, int]
    """Place quotes in the lesson's stories plus the lesson's own quotes that belong to no place."""


def lesson_counts(site: Site) -> LessonCounts:
    return LessonCounts(
        places={key: len(places_of(stories)) for key, stories in site.stories_by_lesson.items()},
        stories={key: len(stories) for key, stories in site.stories_by_lesson.items()},
        quotes={
            key: sum(len(story.quotes) for _, story in stories) + len(site.lessons[key].quotes)
            for key, stories in site.stories_by_lesson.items()
        },
    )


def places_of(stories: list[tuple[SitePlace, Any]]) -> list[SitePlace]:
    """The distinct places of (place, story) pairs, in their first order (already sorted by place)."""
    seen: dict[str, SitePlace] = {}
    for place, _ in stories:
        seen.setdefault(place.slug, place)
    return list(seen.values())


def places_told_for(site: Site, programme: str) -> list[SitePlace]:
    """The places the report tells a story of for a programme's work: a story whose programme it is."""
    return [place for place in site.places
            if any(story_programme(place, story) == programme for story in place.stories)]


def other_participants(programme: Programme, places: list[SitePlace]) -> list[Participant]:
    """The programme's participants without a place page; one that has gained a place file drops out."""
    names = {_name_key(place.name) for place in places}
    return [participant for participant in programme.other_participants if _name_key(participant.name) not in names]


def _name_key(name: str) -> str:
    return " ".join(name.replace("&", "and").casefold().split())
