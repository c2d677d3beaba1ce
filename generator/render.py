"""From the site model to page texts: pure functions, no file I/O.

Every page is a Jinja template in ``templates/`` rendered with an environment that escapes each
``{{ }}`` output for Markdown (see ``escape.py``); a value is only left as it is when it is
:class:`~generator.escape.Md`, which is made by our own code: links, paragraphs, counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import jinja2

from .escape import Md, html_text, markdown_paragraphs, markdown_text, yaml_string
from .schema import SLUG_PATTERN


@dataclass(frozen=True)
class Page:
    """A file to write into the docs folder: its path there (posix, relative) and its text."""

    path: str
    text: str


def _finalize(value: Any) -> Md:
    return markdown_text(value)


@jinja2.pass_context
def _url(context: jinja2.runtime.Context, target: str) -> Md:
    """A relative link from the page being rendered to ``target`` (a docs-relative path)."""
    return Md("../" * context["here"].count("/") + target)


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, text: str, target: str) -> Md:
    """A Markdown link with escaped text to a docs-relative path."""
    return Md(f"[{markdown_text(text)}]({_url(context, target)})")


def _identifier(value: str) -> Md:
    """A vocabulary id or slug (already validated) for a class name or path."""
    if not re.fullmatch(SLUG_PATTERN, value):
        raise ValueError(f"not an id: {value!r}")
    return Md(value)


def quote_anchor(owner: Any, quote: Any) -> Md:
    """A quote's id, the same on every page that shows it: ``q-<place>-<n>`` for the n-th quote of a
    place (counting through its stories), ``q-<lesson>-l<n>`` for a lesson's own quotes. A place's ids
    end in ``-<digits>`` and a lesson's in ``-l<digits>``, so the two kinds never meet."""
    if hasattr(owner, "slug"):
        quotes, key, prefix = [q for _, q in owner.quotes], owner.slug, ""
    else:
        quotes, key, prefix = list(owner.quotes), owner.id, "l"
    for number, candidate in enumerate(quotes, start=1):
        if candidate is quote:
            return Md(f"q-{_identifier(key)}-{prefix}{number}")
    raise ValueError(f"the quote is not one of {key}'s")


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        autoescape=False,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        paragraphs=markdown_paragraphs,
        html=html_text,
        id=_identifier,
        yaml=yaml_string,
    )
    env.globals.update(url=_url, link=_link, quote_anchor=quote_anchor)
    return env


def render_page(
    env: jinja2.Environment, template: str, path: str, *, included_in: str | None = None, **values: Any
) -> Page:
    """Render ``template`` as the page at ``path`` (links in it are made relative to that path).

    A snippet that a hand-written page includes with ``--8<--`` names that page in ``included_in``:
    its links are then made relative to the page that shows them.
    """
    text = env.get_template(template).render(here=included_in or path, **values)
    return Page(path=path, text=text.rstrip("\n") + "\n")
