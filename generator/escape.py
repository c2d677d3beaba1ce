"""Escaping data values for the Markdown pages we write.

Place files come from pull requests, so every value is untrusted. Python-Markdown passes raw HTML
through, turns ``[x](javascript:...)`` into a link, ``{: onclick=... }`` into an attribute (with
``attr_list``) and ``--8<--`` into an included file (with snippets). HTML-escaping alone stops none
of the Markdown ones, so a value is HTML-escaped *and* every character Python-Markdown treats as
syntax is backslash-escaped. The text still shows literally.

Templates never have to remember this: the Jinja environment in ``render.py`` passes every ``{{ }}``
output through :func:`markdown_text` unless it is :class:`Md`, which only code in this package makes.
"""

from __future__ import annotations

import html
import json
import re

# Python-Markdown's ESCAPED_CHARS, plus "|" (tables). "<", ">" and "&" become entities instead.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


class Md(str):
    """Markdown that is safe to place in a page as it is (already escaped, or written by us)."""


def markdown_text(value: object) -> Md:
    """One line of untrusted text as literal Markdown inline content."""
    if isinstance(value, Md):
        return value
    text = " ".join(str(value).split())
    text = html.escape(text, quote=False)
    return Md(_MARKDOWN_SYNTAX.sub(r"\\\1", text))


def markdown_paragraphs(value: str) -> Md:
    """Untrusted prose as Markdown paragraphs: a blank line separates paragraphs."""
    paragraphs = [p for p in re.split(r"\n\s*\n", value.strip()) if p.strip()]
    return Md("\n\n".join(markdown_text(p) for p in paragraphs))


def html_text(value: object) -> Md:
    """Untrusted text for an HTML element or attribute inside a page (quotes escaped too)."""
    return Md(html.escape(" ".join(str(value).split()), quote=True))


def yaml_string(value: object) -> Md:
    """A string for a page's YAML front matter (JSON strings are valid YAML)."""
    return Md(json.dumps(str(value), ensure_ascii=True))
