"""Theme overrides that survive upgrades: overrides/partials/search.html is Material's own partial
with one change (an accessible name for the search dialog). When Material changes its partial, this
fails, so the copy is refreshed instead of silently keeping an old one."""

from __future__ import annotations

from pathlib import Path

import material
from conftest import REPO

OURS = REPO / "overrides" / "partials" / "search.html"
THEIRS = Path(material.__file__).parent / "templates" / "partials" / "search.html"
DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED = '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">'


def _without_comments(text: str) -> list[str]:
    """The template's lines without Jinja comment blocks ({#- ... -#}), which do not reach the page."""
    lines, skipping = [], False
    for line in text.splitlines():
        if line.lstrip().startswith("{#"):
            skipping = "#}" not in line
            continue
        if skipping:
            skipping = "#}" not in line
            continue
        lines.append(line)
    return lines


def test_search_partial_is_the_installed_one_plus_an_accessible_name() -> None:
    theirs = _without_comments(THEIRS.read_text(encoding="utf-8"))
    ours = _without_comments(OURS.read_text(encoding="utf-8"))
    assert theirs.count(DIALOG) == 1, "Material's search partial changed: refresh overrides/partials/search.html"
    assert ours == [NAMED if line == DIALOG else line for line in theirs]
