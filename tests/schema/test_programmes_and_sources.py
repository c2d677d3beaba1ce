"""What the place and publication models refuse on their own: a story's programme that is not the
place's, a missing one where the place has several, a Leadership for Change team's focus on a place
not in both programmes, and a publication id that is the name of a page of the Sources section."""

from __future__ import annotations

import copy

import pytest
import yaml
from conftest import REPO
from pydantic import ValidationError

from generator.schema.place import LEADERSHIP_FOR_CHANGE, LOCAL_VISION, Place
from generator.schema.vocabularies import RESERVED_PUBLICATION_IDS, Publication

# A fixture place in one programme, with one story (test data only).
PLACE = {
    "name": "Little Snoring", "programmes": [LEADERSHIP_FOR_CHANGE], "focus": "A fixture focus.",
    "summary": "Fixture summary.", "region": "east", "location": {"label": "L", "latitude": 52.8, "longitude": 0.9},
    "themes": ["partnership"],
    "stories": [{"lesson": "relationships", "title": "T", "text": "Fixture text.", "source": "light-bulb-moments"}],
}


def _errors(data: dict) -> str:
    with pytest.raises(ValidationError) as caught:
        Place.model_validate(data)
    return str(caught.value)


def _place(**changes: object) -> dict:
    data = copy.deepcopy(PLACE)
    data.update(changes)
    return data


def test_a_story_of_a_place_in_one_programme_needs_no_programme() -> None:
    assert Place.model_validate(_place()).stories[0].programme is None


def test_a_story_of_a_place_in_several_programmes_names_one_of_them() -> None:
    both = [LOCAL_VISION, LEADERSHIP_FOR_CHANGE]
    assert "stories[0] needs `programme`" in _errors(_place(programmes=both))
    story = {**PLACE["stories"][0], "programme": "integration-pioneers"}
    message = _errors(_place(programmes=both, stories=[story]))
    assert "stories[0].programme is `integration-pioneers`, which is not in the place's `programmes`" in message
    story["programme"] = LEADERSHIP_FOR_CHANGE
    assert Place.model_validate(_place(programmes=both, stories=[story])).stories[0].programme == LEADERSHIP_FOR_CHANGE


def test_a_second_focus_only_for_a_place_in_both_programmes() -> None:
    message = _errors(_place(leadership_for_change_focus="A fixture team focus."))
    assert "only a place in both `local-vision` and `leadership-for-change` has a second focus" in message
    story = {**PLACE["stories"][0], "programme": LOCAL_VISION}
    both = _place(programmes=[LOCAL_VISION, LEADERSHIP_FOR_CHANGE], local_vision_number=1, stories=[story],
                  leadership_for_change_focus="A fixture team focus.")
    assert Place.model_validate(both).leadership_for_change_focus == "A fixture team focus."


def test_every_place_in_several_programmes_says_whose_work_each_story_tells() -> None:
    """The real data keeps the rule too (it is checked on every build; this names the files)."""
    for path in sorted((REPO / "site-data" / "places").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for story in data.get("stories", []):
            if len(data["programmes"]) > 1:
                assert story.get("programme") in data["programmes"], path.name


@pytest.mark.parametrize("reserved", RESERVED_PUBLICATION_IDS)
def test_a_publication_may_not_take_the_name_of_a_sources_page(reserved: str) -> None:
    entry = {"id": reserved, "title": "T", "short": "S", "author": "A", "date": "2016", "note": "N"}
    with pytest.raises(ValidationError) as caught:
        Publication.model_validate(entry)
    assert f"`{reserved}` is the name of a page of the Sources section" in str(caught.value)
