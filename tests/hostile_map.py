"""A copy of the project with a hostile place and a hostile theme name, for the map's tests: every
field the map shows (its quote too) holds template syntax, script and markup (``tests/map/test_map.py`` reads its files,
``tests/browser/test_map_browser.py`` opens them in Chromium; conftest's ``map_hostile_site`` builds it once)."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import copy_project

from generator.commands.build import build

HOSTILE_TEXT = {
    "template": "{{ 7*7 }} {% raw %}",
    "literal": "${alert(1)}${window.pwned=1}",
    "backtick": "a\\`);alert(2);window.pwned=2;//",
    "script": "</script><script>alert(3);window.pwned=3</script>",
    "img": "<img src=x onerror=\"alert(4);window.pwned=4\">",
}
HOSTILE_NAME = " ".join(HOSTILE_TEXT.values())
HOSTILE_QUOTE = "Said {{ 7*7 }} " + HOSTILE_TEXT["img"] + " " + HOSTILE_TEXT["script"]
"""The place's one quote, short enough for its popup (``map/geojson.QUOTE_LENGTH``)."""
HOSTILE_THEME = "Theme {{ 7*7 }} <img src=y onerror=alert(5)> ${alert(6)} </script>"


def hostile_place() -> str:
    return yaml.safe_dump({
        "name": HOSTILE_NAME[:300],
        "programmes": ["leadership-for-change"],
        "focus": HOSTILE_NAME + " `${alert(7)}` {% endraw %}",
        "summary": "Hostile text in every field the map shows.",
        "region": "london",
        "location": {"label": "<b>{{ 7*7 }}</b>", "latitude": 51.5, "longitude": -0.12},
        "themes": ["hostile-theme", "data"],
        "stories": [{
            "lesson": "getting-going", "title": "A hostile story", "text": "Hostile text in a quote.",
            "source": "light-bulb-moments",
            "quotes": [{"text": HOSTILE_QUOTE, "speaker": HOSTILE_TEXT["img"]}],
        }],
    }, allow_unicode=True, sort_keys=False)


def build_hostile(dest: Path) -> Path:
    """A copy of the project with a hostile place and a hostile theme name, built."""
    project = copy_project(dest, places={"hostile-place.yaml": hostile_place()})
    themes = project.data_dir / "themes.yaml"
    themes.write_text(themes.read_text(encoding="utf-8") + yaml.safe_dump(
        [{"id": "hostile-theme", "name": HOSTILE_THEME, "description": "A theme with a hostile name."}],
        allow_unicode=True), encoding="utf-8")
    build(project, dest / "site")
    return dest / "site"
