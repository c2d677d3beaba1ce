"""Reading built pages the way a reader gets them: an article's text, its links, where they lead."""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml
from conftest import REPO

DATA = REPO / "site-data"


def page_file(site: Path, location: str) -> Path:
    """The HTML file of a page given by its docs location, e.g. ``themes/dementia`` (directory URLs)."""
    return site / location / "index.html" if location else site / "index.html"


def article(site: Path, location: str) -> str:
    """The HTML of a page's article (Material puts the page's content in the only <article>)."""
    source = page_file(site, location).read_text(encoding="utf-8")
    return source[source.index("<article"): source.index("</article>")]


def text(site: Path, location: str) -> str:
    """The visible text of a page's article, whitespace collapsed."""
    content = re.sub(r"<script.*?</script>", " ", article(site, location), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", content)).split())


def links(site: Path, location: str) -> list[tuple[str, Path | None]]:
    """Every link in a page's article as (link text, the page file it leads to, or None if outside)."""
    found = []
    base = page_file(site, location).parent
    anchors = re.findall(r'<a [^>]*href="([^"#]*)(?:#[^"]*)?"[^>]*>(.*?)</a>', article(site, location), flags=re.S)
    for href, label in anchors:
        label = " ".join(html.unescape(re.sub(r"<[^>]+>", "", label)).split())
        if href.startswith(("http:", "https:", "mailto:")) or not href:
            found.append((label, None))
            continue
        target = (base / href).resolve()
        found.append((label, target / "index.html" if target.is_dir() or not target.suffix else target))
    return found


def linked_places(site: Path, location: str) -> set[str]:
    """The slugs of the place pages that a page links to (checking that each target exists)."""
    slugs = set()
    for _, target in links(site, location):
        if target is not None and target.parent.parent.name == "places" and target.name == "index.html":
            assert target.exists(), f"{location} links to a missing page {target}"
            slugs.add(target.parent.name)
    return slugs


# LibYAML's loader where PyYAML has it (the wheels do): the same values as yaml.safe_load, read about
# eight times as fast. Several test modules read every place file as they are collected.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_places() -> dict[str, dict]:
    """Every place file, read straight from site-data/ (not through the generator)."""
    return {path.stem: yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 (a safe loader)
            for path in sorted((DATA / "places").glob("*.yaml"))}


def load_vocabulary(name: str) -> list[dict]:
    return yaml.load((DATA / f"{name}.yaml").read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 (a safe loader)


def other_participants(programme: dict, places: dict[str, dict]) -> list[str]:
    """The names of a programme's other participants (programmes.yaml) that the page should list: those
    without a place file in the programme. A participant that gains one (a contributor adds
    ``norwich.yaml``) is shown with the places instead. Names match as the reader would read them: case,
    spacing and `&` for `and` aside."""
    def key(name: str) -> str:
        return " ".join(name.replace("&", "and").casefold().split())
    with_page = {key(place["name"]) for place in places.values() if programme["id"] in place["programmes"]}
    return [entry["name"] for entry in programme.get("other_participants", []) if key(entry["name"]) not in with_page]


def collapse(value: str) -> str:
    return " ".join(value.split())


def quotes_of(place: dict) -> list[dict]:
    return [quote for story in place.get("stories", []) for quote in story.get("quotes", [])]


def normalise(text: str) -> str:
    """The report as plain text: bold markers and footnote markers removed, whitespace collapsed."""
    text = re.sub(r"<sup>\d+</sup>", "", text).replace("**", "")
    return " ".join(text.split())
