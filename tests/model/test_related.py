"""Related places come from an index of each theme's and lesson's places, not from comparing every
pair; these tests hold the index to the definition: the places sharing most themes and lessons, most
first, then in the site's order, each with what it shares."""

from __future__ import annotations

from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.checks.validate import load_vocabularies
from generator.model.related import RELATED_LIMIT, Related, related_places
from generator.model.site import Site, SitePlace, build_site, place_order
from generator.schema.place import Location, Story

VOCAB = load_vocabularies(REPO / "site-data", display_root=REPO)
THEMES = list(VOCAB["themes"])[:6]
LESSONS = list(VOCAB["lessons"])[:4]


def _place(number: int, themes: list[str], lessons: list[str]) -> SitePlace:
    stories = [Story.model_construct(lesson=lesson, title="t", text="t", quotes=[], publication=None,
                                     source="hurdles", enablers=[]) for lesson in lessons]
    return SitePlace.model_construct(
        name=f"Place {number:02d}", programmes=["leadership-for-change"], local_vision_number=None, focus="f",
        summary="s", region=next(iter(VOCAB["regions"])), location=Location.model_construct(label="l", latitude=52.0,
                                                                                          longitude=-1.0),
        themes=themes, enablers=[], stories=stories, outcomes=[], corrections=[], updates=[],
        slug=f"place-{number:02d}", source_path="x.yaml")


def _by_definition(site: Site, place: SitePlace) -> list[Related]:
    """Every other place compared with ``place``: the definition the index must agree with."""
    lessons = {story.lesson for story in place.stories}
    found = []
    for other in site.places:
        if other.slug == place.slug:
            continue
        themes = [theme for key, theme in site.themes.items() if key in place.themes and key in other.themes]
        shared = [lesson for key, lesson in site.lessons.items()
                  if key in lessons and any(story.lesson == key for story in other.stories)]
        if themes or shared:
            found.append(Related(other, themes, shared))
    found.sort(key=lambda related: (-related.shared, place_order(related.place)))
    return found[:RELATED_LIMIT]


PLACES = st.lists(
    st.tuples(st.lists(st.sampled_from(THEMES), min_size=1, max_size=4, unique=True),
              st.lists(st.sampled_from(LESSONS), max_size=5)),  # a lesson may recur in a place's stories
    min_size=1, max_size=24,
)


@settings(max_examples=300, deadline=None)
@given(places=PLACES)
def test_the_index_finds_the_places_the_definition_finds(places: list[tuple[list[str], list[str]]]) -> None:
    site = build_site([_place(number, themes, lessons) for number, (themes, lessons) in enumerate(places)], VOCAB)
    found = related_places(site)
    for place in site.places:
        assert found[place.slug] == _by_definition(site, place), place.slug


def test_a_part_of_the_places_gets_the_same_related_places_as_the_whole() -> None:
    site = build_site([_place(n, [THEMES[n % 3], THEMES[3]], [LESSONS[n % 2]]) for n in range(12)], VOCAB)
    whole = related_places(site)
    part = related_places(site, only=list(site.places[3:7]))
    assert list(part) == [place.slug for place in site.places[3:7]]
    assert all(part[slug] == whole[slug] for slug in part)
    # the ties of a band are broken in the site's order, and no place is its own relation
    assert [r.place.slug for r in whole["place-00"]] == ["place-06", "place-02", "place-03", "place-04", "place-08"]
