"""generator/text/escape.py: untrusted text shows literally, whatever Markdown or HTML it looks like.

Each function is checked on its own; the whole pages are fuzzed in test_escaping_fuzz.py."""

from __future__ import annotations

import html
import re

import markdown
import pytest
import yaml
from conftest import REPO
from mkdocs.config import load_config

from generator.text.escape import Md, html_text, markdown_paragraphs, markdown_text, split_paragraphs, yaml_string

HOSTILE = [
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "![x](data:text/html,hi)", "{: onclick=alert(1) }",
    '--8<-- "secret.md"', "**b** __u__ *i* `c`", "# not a heading", "> not a quote", "- not a list", "1. not a list",
    "| a | b |", "&amp; &lt; &#x3C;", "a\\b", "<!-- c -->", "[^1]", "~~s~~ ==m== :smile:", "http://example.com",
    "Adur & Worthing", "a_b_c *d*", "{{ 7*7 }} {% raw %}", "]:", "[x]: https://example.com/ t",
]
CONFIG = load_config(str(REPO / "mkdocs.yml"))


def _site_markdown() -> markdown.Markdown:
    configs = {name: dict(options) for name, options in CONFIG["mdx_configs"].items()}
    if "pymdownx.snippets" in configs:
        configs["pymdownx.snippets"].update(check_paths=False)
    return markdown.Markdown(extensions=CONFIG["markdown_extensions"], extension_configs=configs)


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.mark.parametrize("value", HOSTILE)
def test_markdown_text_shows_literally_with_the_sites_extensions(value: str) -> None:
    rendered = _site_markdown().convert(markdown_text(value))
    assert re.fullmatch(r"<p>.*</p>", rendered, flags=re.S), rendered
    assert _text(rendered) == value
    assert "<script" not in rendered and "href=" not in rendered and "<img" not in rendered


@pytest.mark.parametrize("value", ["]:", "[x]:", "]: https://example.com/", *HOSTILE])
def test_markdown_text_as_a_links_text_at_the_start_of_a_list_item_stays_that_links_text(value: str) -> None:
    """The Sources page lists cited web pages as ``- [title](url), ...``. A title "]:" once made
    Python-Markdown read the line as a reference definition, which backslashes do not stop (found by
    the escaping fuzz): the link and the rest of the line were gone."""
    line = f"- [{markdown_text(value)}](https://example.org/a), 2017: cited by [York](../places/york.md)"
    rendered = _site_markdown().convert(line)
    links = re.findall(r'<a href="([^"]*)">(.*?)</a>', rendered, flags=re.S)
    assert [(href, _text(text)) for href, text in links] == [("https://example.org/a", value),
                                                             ("../places/york.md", "York")], rendered


def test_markdown_text_is_one_line_and_leaves_md_alone() -> None:
    assert markdown_text("two\nlines  and\ttabs") == "two lines and tabs"
    ours = Md("**ours**")
    assert markdown_text(ours) is ours


@pytest.mark.parametrize(("value", "paragraphs"), [
    ("one line", ["one line"]),
    ("first\n\nsecond\n", ["first", "second"]),  # a blank line starts a new paragraph
    ("first\nsecond", ["first", "second"]),  # a literal block without blank lines: each line
    ("first\nstill first\n\n  \nsecond", ["first\nstill first", "second"]),  # blank lines win over line breaks
    ("\n\n", []),
])
def test_split_paragraphs(value: str, paragraphs: list[str]) -> None:
    assert split_paragraphs(value) == paragraphs


def test_markdown_paragraphs_are_paragraphs_of_literal_text() -> None:
    value = "\n\n".join(HOSTILE[:6])
    rendered = _site_markdown().convert(markdown_paragraphs(value))
    found = re.findall(r"<p>(.*?)</p>", rendered, flags=re.S)
    assert [_text(p) for p in found] == HOSTILE[:6]


@pytest.mark.parametrize("value", HOSTILE + ['"quoted" and \'single\''])
def test_html_text_is_safe_in_an_element_and_an_attribute(value: str) -> None:
    escaped = html_text(value)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped and "'" not in escaped
    assert html.unescape(escaped) == " ".join(value.split())


@pytest.mark.parametrize("value", HOSTILE + ["Ynys Môn\u202e", "key: value\n- item", "'; !!python/object"])
def test_yaml_string_reads_back_as_the_same_string(value: str) -> None:
    written = yaml_string(value)
    assert written.isascii() and "\n" not in written
    assert yaml.safe_load(f"title: {written}\n") == {"title": value}
