"""Several kinds of valid contribution at once, made on a copy of the repository: the contributions
CONTRIBUTING.md invites, which no test may fail (tests/project/test_extra_place.py runs the data,
page and map checks on a copy with all of them).

- a new place for a Leadership for Change participant that the report names and the site has no
  page for (tests/data/contributions/norwich.yaml, with facts only from the report);
- a place the report covers (Appendix A) for which no other test makes a page: Fixture Vale
  (tests/data/extra-place/fixture-vale.yaml, invented), citing the Local Vision evaluation;
- a real place gaining a theme it does not have yet;
- a dated update with a link to a web page, on Calderdale;
- a story, with a quote, citing another publication from publications.yaml, on a real place.

Each edit reads the real file and the vocabularies and adds to them, so that it still makes a valid
contribution after the data changes. The texts of the update and the story are invented (test data,
never on the site), and say so.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
NEW_PLACES = [DATA / "contributions" / "norwich.yaml", DATA / "extra-place" / "fixture-vale.yaml"]
THEMED = "york"        # gains a theme
UPDATED = "calderdale"  # gains an update with a link
STORIED = "wirral"      # gains a story citing another publication
MODELINE = "# yaml-language-server: $schema=../place.schema.json\n"


def _vocabulary(data: Path, name: str) -> list[dict]:
    return yaml.safe_load((data / f"{name}.yaml").read_text(encoding="utf-8"))


def _edit(data: Path, slug: str, change) -> None:
    """Load a real place file, change its data, and write it back as YAML (with its modeline)."""
    path = data / "places" / f"{slug}.yaml"
    place = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(place)
    text = yaml.safe_dump(place, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    path.write_text(MODELINE + text, encoding="utf-8")


def new_theme(place: dict, data: Path) -> str:
    """The first theme of themes.yaml that the place does not have."""
    return next(theme["id"] for theme in _vocabulary(data, "themes") if theme["id"] not in place["themes"])


def other_publication(data: Path) -> dict:
    """A publication of publications.yaml other than the 2015 report (the first listed)."""
    return next(p for p in _vocabulary(data, "publications") if p["id"] != "revolution-2015")


UPDATE = {
    "date": "2016-05",
    "title": "A contributed update (test data)",
    "text": "Invented for the tests: an update with a link, as CONTRIBUTING.md shows one.",
    "link": {"url": "https://example.org/contributed/update", "title": "A contributed page",
             "publisher": "Example Council", "date": "2016-05-20"},
}


def contributed_story(data: Path) -> dict:
    publication = other_publication(data)
    story = {
        "lesson": _vocabulary(data, "lessons")[0]["id"],
        "title": "A contributed story (test data)",
        "text": "Invented for the tests: a story that cites another publication than the 2015 report.",
        "quotes": [{"text": "An invented quote, for the tests only.", "speaker": "A contributed speaker"}],
        "publication": publication["id"],
    }
    if publication.get("sections"):
        story["source"] = publication["sections"][0]["id"]
    return story


def contribute(root: Path) -> dict[str, str]:
    """Make every contribution in the repository (or project) copy at ``root``; what was done, by kind."""
    data = root / "site-data"
    for path in NEW_PLACES:
        shutil.copy2(path, data / "places" / path.name)
    added: dict[str, str] = {}

    def add_theme(place: dict) -> None:
        added["theme"] = new_theme(place, data)
        place["themes"] = [*place["themes"], added["theme"]]

    _edit(data, THEMED, add_theme)
    _edit(data, UPDATED, lambda place: place.__setitem__("updates", [*(place.get("updates") or []), UPDATE]))
    _edit(data, STORIED, lambda place: place.__setitem__("stories", [*place["stories"], contributed_story(data)]))
    return {"new places": ", ".join(p.stem for p in NEW_PLACES), **added}
