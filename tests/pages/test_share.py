"""Share and cite: every page has its own description and Open Graph and Twitter card tags; each
place has a card image drawn at build time, Highwire citation tags, and a "Cite this page" block
with BibTeX, RIS and CSL-JSON files to download. Values from place files are escaped in all of them."""

from __future__ import annotations

import html
import json
import re
import struct
from pathlib import Path

import pytest
import yaml
from conftest import REPO, build_copy
from site_pages import collapse, load_places

from generator.model.cite import SITE_TITLE

PLACES = load_places()


def _meta(source: str) -> dict[str, list[str]]:
    head = source[: source.index("</head>")]
    found: dict[str, list[str]] = {}
    for key, value in re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"', head):
        found.setdefault(key, []).append(html.unescape(value))
    return found


def _pages(site: Path) -> list[Path]:
    return [page for page in site.rglob("index.html") if "assets" not in page.parts and "search" not in page.parts]


def test_the_site_title_is_mkdocs_site_name() -> None:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert config["site_name"] == SITE_TITLE


def test_every_page_has_its_own_description_and_share_tags(built_site: Path) -> None:
    seen: dict[str, Path] = {}
    for page in _pages(built_site):
        meta = _meta(page.read_text(encoding="utf-8"))
        (description,) = meta["description"]
        assert description and meta["og:description"] == [description] == meta["twitter:description"], page
        assert meta["og:title"] and meta["twitter:title"] == meta["og:title"] and meta["twitter:card"], page
        assert description not in seen, (page, seen.get(description))
        seen[description] = page
    for slug, place in PLACES.items():
        meta = _meta((built_site / "places" / slug / "index.html").read_text(encoding="utf-8"))
        assert collapse(place["summary"]).startswith(meta["description"][0].rstrip("…"))
        assert meta["og:type"] == ["article"]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_a_published_site_has_a_card_image_for_each_place_and_the_site(hostile_site: Path) -> None:
    for slug in PLACES:
        assert _png_size(hostile_site / "places" / f"{slug}.png") == (1200, 630)
    assert _png_size(hostile_site / "places" / "index.png") == (1200, 630)


def test_without_a_published_address_no_card_is_drawn_or_named(built_site: Path) -> None:
    """Open Graph wants full addresses: a site that does not know its own (SITE_URL) names no image."""
    assert not list((built_site / "places").glob("*.png"))
    for page in (built_site / "index.html", built_site / "places" / "york" / "index.html"):
        source = page.read_text(encoding="utf-8")
        assert 'property="og:image"' not in source and 'name="twitter:image"' not in source


def test_place_pages_carry_highwire_tags_and_a_cite_block(built_site: Path) -> None:
    for slug, place in PLACES.items():
        source = (built_site / "places" / slug / "index.html").read_text(encoding="utf-8")
        meta = _meta(source)
        assert meta["citation_title"] == [collapse(place["name"])]
        assert meta["citation_author"] and "The Revolution will be Improvised Part II" in meta["citation_reference"][0]
        block = source.split('id="cite-this-page"')[1].split("place-pager")[0]
        for ext in ("bib", "ris", "json"):
            assert f'href="../{slug}.{ext}"' in block and "download" in block
        bib = (built_site / "places" / f"{slug}.bib").read_text(encoding="utf-8")
        assert bib.startswith(f"@misc{{revolution-places-{slug},") and "Part II" in bib
        ris = (built_site / "places" / f"{slug}.ris").read_bytes().decode("utf-8")
        assert ris.startswith("TY  - ELEC\r\n") and ris.endswith("ER  - \r\n")
        (item,) = json.loads((built_site / "places" / f"{slug}.json").read_text(encoding="utf-8"))
        assert item["title"] == collapse(place["name"]) and item["type"] == "webpage"


HOSTILE = 'York "><script>alert(1)</script> {x} 100% & co_'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    york = (REPO / "site-data" / "places" / "york.yaml").read_text(encoding="utf-8")
    york = re.sub(r"^name: .*$", "name: " + json.dumps(HOSTILE), york, count=1, flags=re.M)
    patch = pytest.MonkeyPatch()
    patch.setenv("SITE_URL", "https://example.org/revolution/")
    try:
        return build_copy(tmp_path_factory.mktemp("share") / "p", places={"york.yaml": york})
    finally:
        patch.undo()


def test_place_text_is_escaped_in_tags_and_citation_files(hostile_site: Path) -> None:
    source = (hostile_site / "places" / "york" / "index.html").read_text(encoding="utf-8")
    head = source[: source.index("</head>")]
    assert "<script>alert" not in head
    meta = _meta(source)
    assert meta["citation_title"] == [HOSTILE] and meta["og:title"] == [HOSTILE]
    assert meta["og:image"] == ["https://example.org/revolution/places/york.png"]
    assert meta["og:url"] == ["https://example.org/revolution/places/york/"]
    assert meta["citation_public_url"] == ["https://example.org/revolution/places/york/"]
    bib = (hostile_site / "places" / "york.bib").read_text(encoding="utf-8")
    assert r"title = {York " in bib and r"\{x\} 100\% \& co\_}" in bib
    (item,) = json.loads((hostile_site / "places" / "york.json").read_text(encoding="utf-8"))
    assert item["title"] == HOSTILE and item["URL"] == "https://example.org/revolution/places/york/"


def test_card_images_are_the_same_on_every_build(hostile_site: Path) -> None:
    """Drawn again in this process from the real data, every card but the changed York's is the same."""
    from generator.checks.validate import load_site
    from generator.map.svg import preview
    from generator.pages.card_image import place_card

    site = load_site(REPO / "site-data", display_root=REPO)
    outline = preview(site)
    for place in site.places:
        if place.slug != "york":
            assert (hostile_site / "places" / f"{place.slug}.png").read_bytes() == place_card(site, place, outline), \
                place.slug
