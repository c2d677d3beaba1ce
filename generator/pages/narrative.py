"""Snippets for the hand-written pages: the parts of the report's narrative that come from the data.

The pages in ``content/report/`` (and the home page, see ``home.py``) are written by hand in our own
words; wherever they show places, stories, quotes or counts they include a generated snippet with
``--8<-- "<name>.md"``. The snippets live in ``content/generated/`` (git-ignored and left
out of the docs by ``exclude_docs``), so a correction in a place file shows on every page at once.
Links in a snippet are made relative to the page that includes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jinja2

from ..model.counts import lesson_counts, other_participants
from ..model.page import Page
from ..model.site import Site, SitePlace, attribution, publication_of
from ..schema.place import DEFAULT_PUBLICATION, Outcome, Story
from .environment import render_snippet


@dataclass(frozen=True)
class _Snippet:
    name: str
    """The file name in ``content/generated/``, without ``.md``."""
    template: str
    included_in: str
    """The docs-relative page that includes it: its links are made relative to that page."""
    values: Callable[[Site], dict[str, Any]]


def _section_lessons(section: str, kind: str) -> Callable[[Site], dict[str, Any]]:
    """The lessons of one kind, each with its stories drawn from one section of the report."""

    def values(site: Site) -> dict[str, Any]:
        groups = []
        for lesson in site.lessons.values():
            everywhere = site.stories_by_lesson[lesson.id]
            here = [(place, story) for place, story in everywhere if _from_report(story, section)]
            if lesson.kind == kind or here:
                groups.append((lesson, here, len(everywhere)))
        return {"groups": groups}

    return values


def _new_story(section: str) -> Callable[[Site], dict[str, Any]]:
    """The places whose stories and outcomes come from one of the report's New Stories."""

    def values(site: Site) -> dict[str, Any]:
        groups: list[tuple[SitePlace, list[Story], list[Outcome]]] = []
        for place in site.places:
            stories = [story for story in place.stories if _from_report(story, section)]
            outcomes = [outcome for outcome in place.outcomes if _from_report(outcome, section)]
            if stories or outcomes:
                groups.append((place, stories, outcomes))
        return {"groups": groups}

    return values


def _outcomes(site: Site) -> dict[str, Any]:
    """The outcomes that the 2015 report gives, place by place (other publications' are on place pages)."""
    groups = [(place, [o for o in place.outcomes if publication_of(o) == DEFAULT_PUBLICATION]) for place in site.places]
    return {"groups": [(place, outcomes) for place, outcomes in groups if outcomes]}


def _from_report(item: Story | Outcome, section: str) -> bool:
    """Whether a story or outcome comes from this section of the 2015 report."""
    return publication_of(item) == DEFAULT_PUBLICATION and item.source == section


def _introduction(site: Site) -> dict[str, Any]:
    named = [key for key, places in site.places_by_enabler.items() if places]
    places_with_named = {place.slug for key in named for place in site.places_by_enabler[key]}
    return {
        "others": {key: other_participants(programme, site.places_by_programme[key])
                   for key, programme in site.programmes.items()},
        "named_enablers": len(named),
        "places_with_named": len(places_with_named),
    }


def _appendices(site: Site) -> dict[str, Any]:
    lv = sorted(site.places_by_programme.get("local-vision", []), key=lambda place: place.local_vision_number or 0)
    return {
        "lv": lv,
        "programmes": [
            (programme, site.places_by_programme[key], other_participants(programme, site.places_by_programme[key]))
            for key, programme in site.programmes.items() if key != "local-vision"
        ],
        "members": [member for member in site.steering_group.values() if not member.chair],
        "chairs": [member for member in site.steering_group.values() if member.chair],
    }


def _lessons_summary(site: Site) -> dict[str, Any]:
    return {"counts": lesson_counts(site)}


_SNIPPETS = (
    _Snippet("introduction", "introduction.md.j2", "report/index.md", _introduction),
    _Snippet("enablers-count", "enablers-count.md.j2", "report/index.md", _introduction),
    _Snippet("hurdles", "section-lessons.md.j2", "report/hurdles.md", _section_lessons("hurdles", "hurdle")),
    _Snippet("light-bulb-moments", "section-lessons.md.j2", "report/light-bulb-moments.md",
             _section_lessons("light-bulb-moments", "light-bulb")),
    _Snippet("outcomes", "outcomes.md.j2", "report/outcomes.md", _outcomes),
    _Snippet("lessons-summary", "lessons-summary.md.j2", "report/building-blocks.md", _lessons_summary),
    _Snippet("new-story-1", "new-story.md.j2", "report/new-stories.md", _new_story("new-story-1")),
    _Snippet("new-story-2", "new-story.md.j2", "report/new-stories.md", _new_story("new-story-2")),
    _Snippet("appendix-a", "appendix-a.md.j2", "report/appendices.md", _appendices),
    _Snippet("appendix-b", "appendix-b.md.j2", "report/appendices.md", lambda site: {}),
    _Snippet("appendix-c", "appendix-c.md.j2", "report/appendices.md", _appendices),
)


def narrative_snippets(site: Site, env: jinja2.Environment) -> list[Page]:
    """Every snippet the hand-written pages include, in a stable order."""
    return [
        render_snippet(env, snippet.template, snippet.name, included_in=snippet.included_in,
                       site=site, attribution=attribution, **snippet.values(site))
        for snippet in _SNIPPETS
    ]
