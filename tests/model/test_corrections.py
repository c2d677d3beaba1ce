"""Every correction with its evidence (model/corrections.py), the programme whose work a story tells
and a place's focus in each programme (model/site.py, model/counts.py), read from the real data."""

from __future__ import annotations

import pytest
import yaml
from conftest import REPO

from generator.checks.validate import load_site
from generator.model.corrections import site_corrections, unknown_evidence
from generator.model.counts import places_told_for
from generator.model.site import programme_focus
from generator.schema.place import DEFAULT_PUBLICATION, LEADERSHIP_FOR_CHANGE, LOCAL_VISION, Correction

DATA = REPO / "site-data"


@pytest.fixture(scope="module")
def site():
    return load_site(DATA, display_root=REPO)


def _yaml(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_every_correction_in_the_data_is_listed_once_with_its_evidence(site) -> None:
    expected = [(path.stem, c["report_says"]) for path in sorted((DATA / "places").glob("*.yaml"))
                for c in _yaml(path).get("corrections", [])]
    expected += [(member["id"], c["report_says"]) for member in _yaml(DATA / "steering-group.yaml")
                 for c in member.get("corrections", [])]
    entries = site_corrections(site)
    assert [(e.place.slug if e.place else e.member.id, e.correction.report_says) for e in entries] == expected
    for entry in entries:
        assert entry.publication.id == (entry.correction.publication or DEFAULT_PUBLICATION)
        if entry.publication.sections:  # the report's own text: the section is the evidence
            assert entry.section is not None and entry.section.id == entry.correction.source


def test_evidence_must_be_a_listed_publication_and_one_of_its_sections(site) -> None:
    base = {"field": "focus", "report_says": "x", "corrected": "y", "note": "Fixture note."}
    assert "needs its section" in unknown_evidence(Correction(**base), site.publications)
    assert "`source: nowhere` is not a section of `revolution-2015`" in \
        unknown_evidence(Correction(**base, source="nowhere"), site.publications)
    assert "`publication: unheard-of` is not in site-data/publications.yaml" in \
        unknown_evidence(Correction(**base, publication="unheard-of"), site.publications)
    assert unknown_evidence(Correction(**base, source="appendix-a"), site.publications) is None
    without_sections = next(key for key, p in site.publications.items() if not p.sections)
    assert unknown_evidence(Correction(**base, publication=without_sections), site.publications) is None


def test_the_leadership_for_change_stories_are_those_whose_programme_it_is(site) -> None:
    told = set()
    for path in sorted((DATA / "places").glob("*.yaml")):
        data = _yaml(path)
        for story in data.get("stories", []):
            programme = story.get("programme") or (data["programmes"][0] if len(data["programmes"]) == 1 else None)
            if programme == LEADERSHIP_FOR_CHANGE:
                told.add(path.stem)
    assert {place.slug for place in places_told_for(site, LEADERSHIP_FOR_CHANGE)} == told
    assert told <= {place.slug for place in site.places_by_programme[LEADERSHIP_FOR_CHANGE]}


def test_a_local_vision_focus_is_never_shown_as_a_leadership_for_change_teams(site) -> None:
    for place in site.places_by_programme[LEADERSHIP_FOR_CHANGE]:
        team = programme_focus(place, LEADERSHIP_FOR_CHANGE)
        if LOCAL_VISION in place.programmes:
            assert programme_focus(place, LOCAL_VISION) == place.focus
            assert team == place.leadership_for_change_focus
        else:
            assert team == place.focus
