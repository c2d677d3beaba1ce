"""Quotes as quotations: each quote of the data is a <figure> of its own, with the words in a
<blockquote>, the attribution in a <figcaption>, and the same anchor on every page that shows it."""

from __future__ import annotations

import html
import re
from pathlib import Path

from site_pages import collapse, load_places, load_vocabulary

PLACES = load_places()
LESSONS = load_vocabulary("lessons")
FIGURE = re.compile(r'<figure class="quote" id="([^"]+)">(.*?)</figure>', flags=re.S)


def _plain(fragment: str) -> str:
    return collapse(html.unescape(re.sub(r"<[^>]+>", " ", fragment)))


def _expected() -> dict[str, dict]:
    """Every quote in the data by the anchor it must have: q-<place>-<n> and q-<lesson>-l<n>."""
    quotes = {}
    for slug, place in PLACES.items():
        numbered = [quote for story in place.get("stories", []) for quote in story.get("quotes", [])]
        for number, quote in enumerate(numbered, start=1):
            quotes[f"q-{slug}-{number}"] = quote
    for lesson in LESSONS:
        for number, quote in enumerate(lesson.get("quotes", []), start=1):
            quotes[f"q-{lesson['id']}-l{number}"] = quote
    return quotes


def _pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("index.html") if path.parent.name != "search")


def test_no_blockquote_holds_two_quotes(built_site: Path) -> None:
    texts = [collapse(quote["text"]) for quote in _expected().values()]
    checked = 0
    for page in _pages(built_site):
        source = page.read_text(encoding="utf-8")
        article = source[source.index("<article"):source.index("</article>")]
        for match in re.finditer(r"<blockquote>(.*?)</blockquote>", article, flags=re.S):
            inside = _plain(match.group(1))
            held = [text for text in texts if text in inside]
            assert len(held) <= 1, (page, held)
            if held:
                checked += 1
                # ...and a blockquote that holds a quote is the quote of its own figure
                before = article[:match.start()]
                assert re.search(r'<figure class="quote"[^>]* id="[^"]+"[^>]*>\s*$', before), (page, held[0][:40])
                assert re.match(r"\s*<p>“[^“”]*”</p>\s*$", match.group(1)), (page, held[0][:40])
    assert checked >= len(texts)


def test_every_quote_is_a_figure_with_its_attribution_and_a_stable_anchor(built_site: Path) -> None:
    expected = _expected()
    seen: dict[str, set[str]] = {anchor: set() for anchor in expected}
    for page in _pages(built_site):
        source = page.read_text(encoding="utf-8")
        ids = re.findall(r' id="([^"]+)"', source)
        figures = FIGURE.findall(source)
        assert len(ids) == len(set(ids)), page
        for anchor, body in figures:
            assert anchor in expected, (page, anchor)
            quote = expected[anchor]
            words = re.search(r"<blockquote>(.*?)</blockquote>", body, flags=re.S).group(1)
            assert _plain(words) == f"“{collapse(quote['text'])}”", (page, anchor)
            caption = re.search(r"<figcaption>(.*?)</figcaption>", body, flags=re.S).group(1)
            assert _plain(caption).startswith(f"— {quote['speaker']}"), (page, anchor)
            for part in ("role", "organisation"):
                if quote.get(part):
                    assert quote[part] in _plain(caption), (page, anchor, part)
            assert f'href="#{anchor}"' in caption and "Link to this quote" in caption
            seen[anchor].add(page.parent.relative_to(built_site).as_posix())
    for anchor, pages in seen.items():
        assert pages, f"{anchor} is on no page"
        if not anchor.split("-")[-1].startswith("l"):  # a place's quote is on its own page
            slug = anchor[2:].rsplit("-", 1)[0]
            assert f"places/{slug}" in pages, anchor
