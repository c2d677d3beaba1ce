"""Property test: place files full of hostile strings never change the structure of a page.

Every page that shows a place is rendered twice, once from a hostile place and once from the same
place with every text value replaced by a plain word, and converted to HTML with the Markdown
extensions the site uses. The two must have exactly the same elements and attributes (apart from
heading ids, which follow heading text): a data value never becomes an element, an attribute, an
event handler, a link, an included file or a template expression. And every hostile value still
shows literally in the place page's text, one-line fields whole and multi-line fields paragraph by
paragraph: escaped, not dropped.
"""

from __future__ import annotations

import copy
import functools
import html.parser
import unicodedata
from pathlib import Path
from typing import Any

import markdown
import pytest
from conftest import REPO
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data
from pydantic import BaseModel, ValidationError

from generator.checks.schema_walk import inner_model
from generator.checks.validate import load_vocabularies
from generator.model.site import SitePlace, build_site
from generator.pages.environment import make_environment
from generator.pages.indexes import index_pages
from generator.pages.places import place_pages
from generator.pages.sources import source_pages
from generator.schema.fields import free_text
from generator.schema.place import Place
from generator.text.escape import split_paragraphs
from generator.text.hidden import is_hidden
from generator.text.lookalikes import has_visible_letter

_ALL = load_vocabularies(REPO / "site-data", display_root=REPO)
THEME, REGION, LESSON = "data", "london", "relationships"
"""The vocabulary terms the hostile place uses (``_place`` below)."""
USED = {"themes": {THEME}, "regions": {REGION}, "lessons": {LESSON}, "enablers": set()}
"""Only these terms' pages can show the place's values, so the site is built with just these:
rendering every other theme's, region's and Enabler's empty page for each example would double the
test's time and check nothing more."""
VOCAB = {name: {k: v for k, v in terms.items() if name not in USED or k in USED[name]} for name, terms in _ALL.items()}
ENV = make_environment()
MKDOCS_CONFIG = load_config(str(REPO / "mkdocs.yml"))

FRAGMENTS = [
    "<script>alert(1)</script>", "</script>", "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>",
    "]:", "[x](javascript:alert(1))", "![x](data:text/html,hi)", "<javascript:alert(1)>", "{: onclick=alert(1) }",
    "{ .x #y onclick=z }", "{{ 7*7 }}", "{% raw %}", "{# c #}", '--8<-- "secret.md"', "--8<-- secret.md",
    "${alert(1)}", "\\`", "`code`", "**b**", "__u__", "*i*", "# h", "> q", "- l", "1. o", "| a | b |",
    "&amp;", "&lt;", "&#x3C;", '"', "'", "\\", "<!--", "-->", "<![CDATA[", "[^1]", "[x]: http://e.com",
    "http://example.com", "~~s~~", "==m==", ":smile:", "<div markdown>", "</div>", "***", "---", "===",
]
# Characters the schema accepts in a value: hidden ones are refused before anything is rendered (their
# own tests are in test_validate and the bad-input corpus), so drawing them here would only throw the
# example away. Drawn from the valid space, almost every example reaches the pages. The hidden ones
# outside the refused categories are listed (by is_hidden itself) rather than filtered out: Hypothesis
# draws text from a plain alphabet several times faster than through a filter.
REFUSED_CATEGORIES = ("Cc", "Cs", "Cf", "Co", "Zl", "Zp")


def _line(char: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=char, max_size=8)),
        min_size=1, max_size=5,
    ).map(" ".join).filter(str.strip)


class _Structure(html.parser.HTMLParser):
    """Elements and attributes of an HTML fragment, plus its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.structure: list[Any] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kept = tuple(sorted((k, v if k != "id" and not (k == "href" and (v or "").startswith("#")) else "")
                            for k, v in attrs))
        self.structure.append((tag, kept))

    def handle_endtag(self, tag: str) -> None:
        self.structure.append(("/" + tag,))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.structure.append(("comment", data))


@functools.lru_cache(maxsize=4)
def _markdown(tmp: Path) -> markdown.Markdown:
    """A Markdown converter with the site's own extensions, read by MkDocs from mkdocs.yml."""
    config = MKDOCS_CONFIG
    configs = {name: dict(options) for name, options in config["mdx_configs"].items()}
    if "pymdownx.snippets" in configs:
        configs["pymdownx.snippets"].update(base_path=[str(tmp)], check_paths=False)
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=configs)


def _pages(place: Place) -> dict[str, str]:
    site = build_site([SitePlace.from_place(place, slug="hostile", source_path="x.yaml")], VOCAB)
    wanted = {"places/hostile.md", "places/index.md", f"regions/{place.region}.md",
              *(f"programmes/{p}.md" for p in place.programmes),
              *(f"themes/{t}.md" for t in place.themes), *(f"lessons/{s.lesson}.md" for s in place.stories),
              "sources/index.md", "sources/uwe-local-vision-evaluation.md", "sources/corrections.md"}
    # Only the page builders that show a place's values: the whole site (map, data, schema, form)
    # would take several times as long per example and add nothing that the wanted pages do not have.
    pages = [*place_pages(site, ENV), *index_pages(site, ENV), *source_pages(site, ENV)]
    return {page.path: page.text for page in pages if page.path in wanted}


URL = "https://example.org/a_(b)'*[c]?q=1&r=2"
"""An update's address with characters that Markdown reads as syntax: the page percent-encodes them."""

SHAPE: dict[str, Any] = {
    # Both programmes, so that the Leadership for Change team's own focus is fuzzed too.
    "programmes": ["local-vision", "leadership-for-change"], "local_vision_number": 1, "region": REGION,
    "location": {"latitude": 51.5, "longitude": -0.12},
    "themes": [THEME], "enablers": [],
    "stories": [{"lesson": LESSON, "quotes": [{}], "source": "light-bulb-moments", "programme": "leadership-for-change"}],
    "outcomes": [{"source": "outcomes"}],
    "corrections": [{"source": "appendix-a"}],
    "updates": [{"date": "2016", "publication": "uwe-local-vision-evaluation"},
                {"date": "2017-03", "link": {"url": URL, "date": "2017"}}],
}
"""A hostile place's shape: its ids, numbers, dates and addresses, and one entry of every list of
sets of fields (two updates: one from a publication, one from a link). Every field of free text that
the schema gives these sets (``fields.free_text``) is filled with hostile text: a text field added to
the schema is fuzzed without a change here. A new list of sets needs an entry here (a test says so)."""
MAP_ONLY = {"location.label"}
"""Free text the place page does not show (the label is on the maps)."""


def _free_text(model: type[BaseModel], shape: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """Every field of free text in ``shape`` filled out by ``model``'s fields: its path (``stories.0.title``)
    and kind (``name``, ``line`` or ``text``)."""
    found = {}
    for name, field in model.model_fields.items():
        kind, inner, value = free_text(field), inner_model(field.annotation), shape.get(name)
        if kind is not None:
            found[prefix + name] = kind
        elif inner is not None and isinstance(value, list):
            for index, item in enumerate(value):
                found.update(_free_text(inner, item, f"{prefix}{name}.{index}."))
        elif inner is not None and isinstance(value, dict):
            found.update(_free_text(inner, value, f"{prefix}{name}."))
    return found


FIELDS = _free_text(Place, SHAPE)


def _place(strings: dict[str, str]) -> dict[str, Any]:
    """The hostile place: :data:`SHAPE` with each field of free text set to its string."""
    place = copy.deepcopy(SHAPE)
    for path, value in strings.items():
        *parents, last = path.split(".")
        holder: Any = place
        for part in parents:
            holder = holder[int(part)] if part.isdigit() else holder.setdefault(part, {})
        holder[last] = value
    return place


def _hostile() -> st.SearchStrategy[dict[str, str]]:
    char = st.characters(
        exclude_categories=REFUSED_CATEGORIES,
        exclude_characters="".join(c for c in map(chr, range(0x110000))
                                   if is_hidden(c) and unicodedata.category(c) not in REFUSED_CATEGORIES),
    )
    line = _line(char)
    kinds = {"line": line, "name": line.filter(has_visible_letter), "text": st.lists(line, min_size=1, max_size=3).map("\n\n".join)}
    return st.fixed_dictionaries({path: kinds[kind] for path, kind in FIELDS.items()})


HOSTILE = st.deferred(_hostile)
"""Listing the hidden characters takes half a second: it is done when the test first draws, not when
every test worker collects this module."""


_BENIGN: dict[tuple[int, str], list[Any]] = {}
_BENIGN_PAGES: dict[tuple[tuple[str, str], ...], dict[str, str]] = {}


def _benign_pages(plain: dict[str, str]) -> dict[str, str]:
    """The pages of a plain twin. Plain twins differ only in their number of paragraphs, so most
    examples meet a twin already rendered."""
    key = tuple(sorted(plain.items()))
    if key not in _BENIGN_PAGES:
        _BENIGN_PAGES[key] = _pages(Place.model_validate(_place(plain)))
    return _BENIGN_PAGES[key]


def _benign_structure(converter: markdown.Markdown, page: str) -> list[Any]:
    """The structure of a plain twin's page. Plain twins differ only in their number of paragraphs,
    so most examples meet one already converted: converting each once halves the test's time."""
    key = (id(converter), page)
    if key not in _BENIGN:
        want = _Structure()
        want.feed(converter.reset().convert(get_data(page)[0]))
        _BENIGN[key] = want.structure
    return _BENIGN[key]


def _check(strings: dict[str, str], tmp: Path) -> None:
    try:
        hostile = Place.model_validate(_place(strings))
    except ValidationError:
        assume(False)
    # The plain twin keeps the number of paragraphs, which rightly shapes the page.
    plain = {key: "\n\n".join("word" for _ in split_paragraphs(value)) or "word" for key, value in strings.items()}
    hostile_pages, benign_pages = _pages(hostile), _benign_pages(plain)
    assert hostile_pages.keys() == benign_pages.keys()
    converter = _markdown(tmp)
    for path, page in hostile_pages.items():
        source, meta = get_data(page)  # front matter, split off as MkDocs does
        if path == "places/hostile.md":
            assert meta["json_ld"]["name"] == hostile.name
        hostile_html = converter.reset().convert(source)
        got = _Structure()
        got.feed(hostile_html)
        assert got.structure == _benign_structure(converter, benign_pages[path]), path
        text = " ".join("".join(got.text).split())
        assert "SECRET-SNIPPET" not in hostile_html
        if path == "places/hostile.md":
            for key, kind in FIELDS.items():  # every one-line field whole, every paragraph of prose
                if key not in MAP_ONLY:
                    for paragraph in split_paragraphs(strings[key]) if kind == "text" else [strings[key]]:
                        value = " ".join(paragraph.split())
                        assert value in text, (key, value)


@pytest.fixture(scope="module")
def snippet_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("snippets")
    (folder / "secret.md").write_text("SECRET-SNIPPET\n", encoding="utf-8")
    return folder


def _sets(model: type[BaseModel], shape: dict[str, Any] | None, path: str = "") -> set[str]:
    """The sets of fields of ``model`` that ``shape`` has an entry of (with ``shape`` None: all of them)."""
    found = {path}
    for name, field in model.model_fields.items():
        inner = inner_model(field.annotation)
        value = None if shape is None else shape.get(name)
        entries = [None] if shape is None else value if isinstance(value, list) else [value] if isinstance(value, dict) else []
        for entry in entries if inner is not None else []:
            found |= _sets(inner, entry, f"{path}{name}.")
    return found


def test_the_fuzz_fills_every_field_of_free_text_in_the_schema() -> None:
    """Every set of fields a place file may hold has an entry in SHAPE, so that every field of free
    text in the schema is fuzzed; a sample of the fields found, by name."""
    missing = _sets(Place, None) - _sets(Place, SHAPE)
    assert not missing, f"add an entry of {sorted(missing)} to SHAPE"
    assert {"name": "name", "summary": "text", "stories.0.quotes.0.speaker": "line",
            "updates.1.link.publisher": "line", "corrections.0.note": "text"}.items() <= FIELDS.items()


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(strings=HOSTILE)
def test_hostile_place_values_never_change_page_structure(strings: dict[str, str], snippet_dir: Path) -> None:
    _check(strings, snippet_dir)


@pytest.mark.slow
@settings(max_examples=20000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(strings=HOSTILE)
def test_hostile_place_values_never_change_page_structure_long_run(strings: dict[str, str], snippet_dir: Path) -> None:
    _check(strings, snippet_dir)
