"""The Jinja environment every page is rendered with: pure functions, no file I/O.

Every page is a Jinja template in ``generator/templates/`` rendered with an environment that escapes
each ``{{ }}`` output for Markdown (see ``text/escape.py``); a value is only left as it is when it is
:class:`~generator.text.escape.Md`, which is made by our own code: links, paragraphs, counts. The
filters and globals here are what templates may call: links relative to the page, citations, dates,
quote anchors, programme colours and the maps' settings.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any

import jinja2

from ..map.config import map_config, programme_colour
from ..model.cards import lead_quote, stories_first
from ..model.cite import describe
from ..model.page import Page
from ..model.site import local_vision_number, programme_focus, publication_of
from ..schema.files import SNIPPETS_FOLDER
from ..schema.ids import identifier
from ..schema.place import DEFAULT_PUBLICATION
from ..text.escape import Md, html_text, markdown_paragraphs, markdown_text, yaml_string
from .bytecode import template_cache


def _finalize(value: Any) -> Md:
    return markdown_text(value)


@jinja2.pass_context
def _url(context: jinja2.runtime.Context, target: str) -> Md:
    """A relative link from the page being rendered to ``target`` (a docs-relative path)."""
    return Md("../" * context["here"].count("/") + target)


@jinja2.pass_context
def _root(context: jinja2.runtime.Context) -> Md:
    """The site's root relative to the page being rendered, as its address is served (MkDocs'
    directory URLs: ``map/index.md`` is ``map/``, ``themes/dementia.md`` is ``themes/dementia/``),
    for raw HTML, where MkDocs rewrites no link."""
    here = context["here"]
    depth = here.count("/") + (0 if here == "index.md" or here.endswith("/index.md") else 1)
    return Md("../" * depth)


@jinja2.pass_context
def _programme_colour(context: jinja2.runtime.Context, programme: str) -> Md:
    return programme_colour(context["site"], programme)


@jinja2.pass_context
def _place_map_config(context: jinja2.runtime.Context) -> Md:
    """The maps' settings (``map/config.py``), with the site's root as seen from this page."""
    return map_config(context["site"], _root(context))


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, text: str, target: str) -> Md:
    """A Markdown link with escaped text to a docs-relative path."""
    return Md(f"[{markdown_text(text)}]({_url(context, target)})")


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def human_date(value: str) -> str:
    """An ISO date of a year, month or day as a reader says it: `2015`, `November 2015`, `2 November 2015`."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = f"{_MONTHS[parts[1] - 1]} {parts[0]}"
    return month if len(parts) == 2 else f"{parts[2]} {month}"


_URL_ESCAPES = str.maketrans({char: f"%{ord(char):02X}" for char in "()'\"<>[]* `"})


def _external(text: str, url: str) -> Md:
    """A Markdown link with escaped text to an outside address. The address was checked to be
    ``https:`` (schema.HttpsUrl); characters that Markdown reads as syntax are percent-encoded."""
    if not url.startswith("https://"):
        raise ValueError(f"not an https address: {url!r}")
    return Md(f"[{markdown_text(text)}]({url.translate(_URL_ESCAPES)})")


@jinja2.pass_context
def _cite(context: jinja2.runtime.Context, publication: str) -> Md:
    """A publication's title, in italics, linked to its page in the Sources section."""
    title = context["site"].publications[publication].title
    return Md(f"*{_link(context, title, 'sources/' + identifier(publication) + '.md')}*")


@jinja2.pass_context
def _section_title(context: jinja2.runtime.Context, publication: str, section: str) -> str:
    return context["site"].publications[publication].section(section).title


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
            return Md(f"q-{identifier(key)}-{prefix}{number}")
    raise ValueError(f"the quote is not one of {key}'s")


def make_environment() -> jinja2.Environment:
    """A new Jinja environment for our templates (generator/templates)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        bytecode_cache=template_cache(),
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
        id=identifier,
        yaml=yaml_string,
        date=human_date,
    )
    env.globals.update(url=_url, link=_link, external=_external, cite=_cite, section_title=_section_title,
                       publication_of=publication_of, default_publication=DEFAULT_PUBLICATION,
                       quote_anchor=quote_anchor, root=_root, programme_colour=_programme_colour,
                       local_vision_number=local_vision_number, programme_focus=programme_focus,
                       place_map_config=_place_map_config, stories_first=stories_first,
                       lead_quote=lead_quote, describe=describe)
    return env


@functools.lru_cache(maxsize=1)
def shared_environment() -> jinja2.Environment:
    """One environment per process, so that each template is compiled once however many times the
    site is rendered (a preview's saves, or a test process's builds): compiling them all takes about
    as long as rendering every page. Jinja checks each template file's time on use, so an edited
    template is still read again."""
    return make_environment()


def render_page(
    env: jinja2.Environment, template: str, path: str, *, included_in: str | None = None,
    source: str | None = None, **values: Any
) -> Page:
    """Render ``template`` as the page at ``path`` (links in it are made relative to that path).

    A snippet that a hand-written page includes with ``--8<--`` names that page in ``included_in``:
    its links are then made relative to the page that shows them. ``source`` is the repository file
    a reader edits to change the page (a place file, a vocabulary): it goes into the page's front
    matter as ``edit_source``, where ``overrides/main.html`` makes the "edit" and "suggest a
    correction" links from it.
    """
    text = env.get_template(template).render(here=included_in or path, **values)
    if source is not None:
        text = with_front_matter(text, edit_source=source)
    text = with_search_rank(text, path)
    if included_in is None:
        text = with_description(text)
    return Page(path=path, text=text.rstrip("\n") + "\n")


_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?")
_MARKDOWN_ESCAPE = re.compile(r"\\(.)")


def first_paragraph(markdown: str) -> str:
    """The first paragraph of prose in a page's Markdown, as plain text (links, emphasis, escapes and
    entities undone): what the page's description is made from when its template gives none."""
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    for block in re.split(r"\n\s*\n", body):
        block = block.strip()
        if not block or block[0] in "#<{|-*>!":  # a heading, HTML, a table, a list, a quote, a note
            continue
        text = _MARKDOWN_LINK.sub(r"\1", " ".join(block.split()))
        text = re.sub(r"(?<![\\\w])[*_]+|[*_]+(?![\w])", "", text)
        return html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", text))
    return ""


def with_description(text: str) -> str:
    """``text`` with a description (for search engines and share cards) in its front matter, from its
    first paragraph, unless its template gave one."""
    front = text.split("\n---\n", 1)[0] if text.startswith("---\n") else ""
    if "\ndescription:" in "\n" + front:
        return text
    paragraph = first_paragraph(text)
    return with_front_matter(text, description=describe(paragraph)) if paragraph else text


SEARCH_EXCLUDED = ("places/index.md", "map/index.md", "data/index.md", "contribute/index.md")
"""Pages left out of the search index: the places' cards and the map's list repeat every place page,
the open data page and the form are for reusers and contributors, not readers looking for a story."""

SEARCH_BOOSTS = {"places/": 2.0, "quotes/": 1.5, "themes/": 1.2, "lessons/": 1.2}
"""How much a result from each folder's pages weighs (Material's `search.boost`); its index page
(a table of counts) weighs half as much as an ordinary page."""


def with_search_rank(text: str, path: str) -> str:
    """``text`` with Material's search settings for the page at ``path`` in its front matter."""
    if path in SEARCH_EXCLUDED:
        setting = "search:\n  exclude: true\n"
    elif path.endswith("/index.md") and not path.startswith("quotes/"):
        setting = "search:\n  boost: 0.5\n"
    elif boost := next((value for folder, value in SEARCH_BOOSTS.items() if path.startswith(folder)), None):
        setting = f"search:\n  boost: {boost}\n"
    else:
        return text
    if text.startswith("---\n"):
        return "---\n" + setting + text[len("---\n"):]
    return "---\n" + setting + "---\n\n" + text


SNIPPETS = SNIPPETS_FOLDER
"""The folder of the docs folder that holds the snippets hand-written pages include (git-ignored, and
left out of the docs by ``exclude_docs`` in mkdocs.yml)."""


def render_snippet(env: jinja2.Environment, template: str, name: str, *, included_in: str, **values: Any) -> Page:
    """A snippet that the hand-written page ``included_in`` includes with ``--8<-- "<name>.md"`` (the
    snippets' one base folder is content/generated/, mkdocs.yml says);
    its links are made relative to that page."""
    return render_page(env, template, f"{SNIPPETS}/{name}.md", included_in=included_in, **values)


def template_source(template: str) -> str:
    """The repository path of a template: the source of a page that no single data file makes."""
    return f"generator/templates/{template}"


def vocabulary_source(name: str) -> str:
    """The repository path of a vocabulary file (``themes`` → ``site-data/themes.yaml``)."""
    return f"site-data/{name}.yaml"


def with_front_matter(text: str, **values: str) -> str:
    """``text`` with ``values`` added to its YAML front matter (which is started if it has none)."""
    lines = "".join(f"{key}: {yaml_string(value)}\n" for key, value in values.items())
    if text.startswith("---\n"):
        return "---\n" + lines + text[len("---\n"):]
    return "---\n" + lines + "---\n\n" + text
