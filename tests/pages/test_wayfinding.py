"""Finding your way: breadcrumbs on generated pages, an active tab that stands out, no page that
links to itself, link texts that say where they go, and related places on each place page."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from site_pages import article, links, load_places, load_vocabulary, page_file

PLACES = load_places()
THEMES = {entry["id"]: entry["name"] for entry in load_vocabulary("themes")}
LESSONS = {entry["id"]: entry["short"] for entry in load_vocabulary("lessons")}
SECTIONS = {"places": "Places", "themes": "Themes", "lessons": "Lessons", "enablers": "Enablers",
            "programmes": "Programmes", "regions": "Regions"}


def _locations(site: Path) -> list[str]:
    return sorted(path.parent.relative_to(site).as_posix() if path.parent != site else ""
                  for path in site.rglob("index.html") if "search" not in path.parts)


def test_every_generated_page_shows_where_it_is(built_site: Path) -> None:
    for folder, section in SECTIONS.items():
        entries = [path.parent for path in (built_site / folder).glob("*/index.html")]
        assert entries, folder
        for entry in entries:
            location = f"{folder}/{entry.name}"
            crumb = re.search(r'<nav aria-label="Breadcrumb" class="breadcrumb">(.*?)</nav>', article(built_site, location),
                              flags=re.S)
            assert crumb, location
            trail = re.findall(r'<a href="([^"]+)">(.*?)</a>', crumb.group(1))
            assert [label for _, label in trail] == ["Home", section], location
            assert (entry / trail[1][0] / "index.html").resolve() == (built_site / folder / "index.html").resolve()
            current = re.search(r'<span aria-current="page">(.*?)</span>', crumb.group(1)).group(1)
            assert html.unescape(current) in html.unescape(re.sub(r"<[^>]+>", "", article(built_site, location)))


def test_no_page_links_to_itself_and_each_link_text_has_one_destination(built_site: Path) -> None:
    for location in _locations(built_site):
        own = page_file(built_site, location).resolve()
        seen: dict[str, Path | None] = {}
        for label, target in links(built_site, location):
            if target is None:
                continue
            assert target.resolve() != own, (location, label)
            assert seen.setdefault(label, target.resolve()) == target.resolve(), (location, label)
            assert label.casefold() not in {"here", "read more", "more", "link", "read the lesson across places"}


@pytest.mark.parametrize("slug", sorted(PLACES))
def test_each_place_page_lists_related_places_with_the_reason(built_site: Path, slug: str) -> None:
    place = PLACES[slug]
    lessons = {story["lesson"] for story in place["stories"]}

    def shared(other: dict) -> tuple[list[str], list[str]]:
        return ([THEMES[t] for t in THEMES if t in place["themes"] and t in other["themes"]],
                [LESSONS[key] for key in LESSONS if key in lessons and key in {s["lesson"] for s in other["stories"]}])

    source = article(built_site, f"places/{slug}")
    if not place["stories"]:
        # A place the report only lists points instead to the places with a story on its themes.
        assert 'id="related-places"' not in source
        told = {key for key, other in PLACES.items() if other["stories"] and key != slug
                and set(other["themes"]) & set(place["themes"])}
        if told:
            section = source.split('id="stories-on-its-themes"')[1].split("<h2")[0]
            linked = set(re.findall(r'<a href="\.\./([^/"]+)/"', section))
            assert linked and linked <= told, slug
        return
    if not any(sum(map(len, shared(other))) for key, other in PLACES.items() if key != slug):
        assert 'id="related-places"' not in source
        return
    section = source.split('id="related-places"')[1].split("<h2")[0]
    items = re.findall(r'<li><a href="\.\./([^/"]+)/">.*?</a>(.*?)</li>', section, flags=re.S)
    assert 1 <= len(items) <= 5
    scores = []
    for other_slug, reason in items:
        themes, shared_lessons = shared(PLACES[other_slug])
        reason = html.unescape(reason)
        assert themes or shared_lessons
        for name in themes + shared_lessons:
            assert name in reason, (slug, other_slug, name)
        scores.append(len(themes) + len(shared_lessons))
    assert scores == sorted(scores, reverse=True)
    # nothing left out that shares more than the last one listed
    best_left = max((sum(map(len, shared(other))) for key, other in PLACES.items()
                     if key != slug and key not in {s for s, _ in items}), default=0)
    assert best_left <= scores[-1]


@pytest.mark.parametrize("name", ["Adur & Worthing", "a\U000f6c64é\"\\x\x7f", "\u2028line", "</title><script>"])
def test_a_generated_page_title_survives_any_name_in_front_matter(name: str) -> None:
    # Front matter that does not parse is dropped without a word, and the page loses its title.
    import yaml

    from generator.text.escape import yaml_string

    assert yaml.safe_load(f"title: {yaml_string(name)}")["title"] == name
