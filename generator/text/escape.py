"""Escaping data values for the Markdown pages we write.

Place files come from pull requests, so every value is untrusted. Python-Markdown passes raw HTML
through, turns ``[x](javascript:...)`` into a link, ``{: onclick=... }`` into an attribute (with
``attr_list``) and ``--8<--`` into an included file (with snippets). HTML-escaping alone stops none
of the Markdown ones, so a value is HTML-escaped *and* every character Python-Markdown treats as
syntax is backslash-escaped. The text still shows literally.

Templates never have to remember this: the Jinja environment (``pages/environment.py``) passes every
``{{ }}`` output through :func:`markdown_text` unless it is :class:`Md`, which only our own code makes.
"""

from __future__ import annotations

import html
import json
import re

# Python-Markdown's ESCAPED_CHARS, plus "|" (tables), get a backslash; "<", ">" and "&" become
# entities instead, and so do "[" and "]": Python-Markdown's reference definitions (``[id]: url`` at
# the start of a block) ignore backslashes, so a value "]:" at the start of a link's text, as in
# ``[\]:](url)``, would turn the rest of the line into a definition. One translation table does all
# of it in a single pass.
_ESCAPES = str.maketrans({
    **{char: "\\" + char for char in "\\`*_{}()#+-.!|"},
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "&#91;", "]": "&#93;",
})


class Md(str):
    """Markdown that is safe to place in a page as it is (already escaped, or written by us)."""


def markdown_text(value: object) -> Md:
    """One line of untrusted text as literal Markdown inline content."""
    if isinstance(value, Md):
        return value
    return Md(" ".join(str(value).split()).translate(_ESCAPES))


def split_paragraphs(value: str) -> list[str]:
    """The paragraphs of prose from a data file, where a blank line in the file starts a new one.

    In a folded block (``>-``, what the guide asks for) YAML turns a blank line into one line
    break and joins the other lines; in a literal block (``|``) a blank line stays two line breaks
    and every wrapped line keeps its own. So: blank lines if there are any, else line breaks.
    """
    text = value.strip()
    separator = r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n"
    return [part for part in re.split(separator, text) if part.strip()]


def markdown_paragraphs(value: str) -> Md:
    """Untrusted prose as Markdown paragraphs (see :func:`split_paragraphs`)."""
    return Md("\n\n".join(markdown_text(p) for p in split_paragraphs(value)))


def html_text(value: object) -> Md:
    """Untrusted text for an HTML element or attribute inside a page (quotes escaped too)."""
    return Md(html.escape(" ".join(str(value).split()), quote=True))


def yaml_string(value: object) -> Md:
    """A string for a page's YAML front matter: a JSON string (valid YAML), see :func:`yaml_escaped`."""
    return Md(yaml_escaped(json.dumps(str(value), ensure_ascii=False)))


_NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]")


def yaml_escaped(json_text: str) -> str:
    """JSON text (which is YAML) with every character outside printable ASCII written as a YAML
    escape. JSON's own escapes for characters beyond the Basic Multilingual Plane are surrogate pairs,
    which YAML rejects, and front matter that does not parse is silently dropped."""
    return _NOT_PRINTABLE_ASCII.sub(_yaml_escape, json_text)


def _yaml_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
