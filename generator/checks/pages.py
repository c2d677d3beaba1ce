"""What a hand-written page may publish: content/ comes from pull requests too.

The pages in ``content/`` (outside the generated folders) are Markdown, and Markdown lets raw HTML
through. So that a pull request cannot publish a script under the site's name, every hand-written
page is checked as MkDocs built it, before the new site replaces the old one: its content (Material's
``<article>``) may hold no element that runs or embeds something (``<script>``, ``<iframe>``,
``<object>``, ``<embed>``, ``<base>``, ``<form>``...), no event handler attribute (``onclick=``), no
style that loads an address (``url(...)``), and no address with a scheme but ``https:``, ``http:`` or ``mailto:`` (so no ``javascript:`` or
``data:``). Checking the built page catches every way of writing these (raw HTML, ``attr_list``'s
``{ onclick=... }``, character references, a snippet); the message then names the first source line
that holds the offending word, or line 1 when it was written some other way.

Snippets (``--8<--``) may only name files the build writes into ``content/generated/``, by their path
there (mkdocs.yml gives pymdownx.snippets that folder as its only base): :func:`check_snippets`
refuses any other before MkDocs runs (a name must be exactly that of a file the build wrote), so
that a link in a pull request cannot make MkDocs read a file from the build machine (pymdownx checks
the path as written, not where a link leads).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from ..schema.files import SNIPPETS_FOLDER
from ..text.hidden import visible
from .problems import DataError, Problem

REFUSED_ELEMENTS = frozenset({
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "style",
    "form", "input", "button", "textarea", "select", "portal", "noscript", "template",
})
"""Elements a hand-written page's content may not hold: each runs, embeds, restyles or collects."""
URL_ATTRIBUTES = frozenset({
    "href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite", "srcset",
    "ping", "longdesc", "usemap", "manifest", "codebase",
})
REFUSED_ATTRIBUTES = frozenset({"srcdoc", "http-equiv"})
STYLE_REFUSED = re.compile(r"url\((?!\s*[\"']?#[A-Za-z0-9_-]+[\"']?\s*\))|image(?:-set)?\(|expression\(|@|\\", re.IGNORECASE)
"""In a ``style=`` attribute (tables align their cells with one, the home page's map colours its dots):
anything that loads an address (``url(#id)``, a gradient of the same page, is no address) or hides
one behind an escape."""
ALLOWED_SCHEMES = frozenset({"https", "http", "mailto"})

SNIPPET_MARKER = re.compile(r"^[ \t]*(?P<escape>;*)-+8<-+(?:[ \t]+(?P<quote>[\"'])(?P<path>.*?)(?P=quote))?[ \t]*\r?$")
"""pymdownx.snippets' marker: ``--8<-- "file"`` on a line, or a bare ``--8<--`` around a block of file
names, one a line. A marker after ``;`` is escaped and includes nothing."""


def check_snippets(sources: Iterable[Path], snippets: Path, *, display_root: Path) -> None:
    """Every snippet a hand-written page in ``sources`` names is, exactly as written, the path of a
    regular file in ``snippets`` (the generated snippets, as the build has just written them): no
    ``..``, no other folder, no link leading out, no device. Raises DataError naming file and line."""
    written = {path.relative_to(snippets).as_posix() for path in snippets.rglob("*")
               if path.is_file() and not path.is_symlink()}
    problems = []
    for source in sources:
        for line, name in _snippet_names(source.read_text(encoding="utf-8")):
            path_part = re.sub(r"(?::-?[0-9]*){1,2}$|:[A-Za-z0-9_-]+$", "", name)  # `f.md:3:5`, `f.md:section`
            if path_part not in written:
                problems.append(Problem(source.relative_to(display_root).as_posix(), line, 1, "(snippet)",
                                        f"the snippet `{visible(name)}` is not one the build writes into "
                                        f"content/{SNIPPETS_FOLDER}/: a page may include only those"))
    if problems:
        raise DataError(problems)


def _snippet_names(text: str) -> Iterator[tuple[int, str]]:
    in_block = False
    for number, line in enumerate(text.splitlines(), 1):
        marker = SNIPPET_MARKER.match(line)
        if marker and not marker["escape"]:
            if marker["path"] is not None:
                yield number, marker["path"]
            else:
                in_block = not in_block
        elif in_block and line.strip() and not line.strip().startswith(";"):
            yield number, line.strip()


class _ContentScanner(HTMLParser):
    """Collects what a page's ``<article>`` holds that it may not: (what, the word to look for)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # how deep inside the article; 0 outside it
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth == 0:
            if tag == "article":
                self.depth = 1
            return
        if tag not in _VOID:
            self.depth += 1
        self._check(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self._check(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in _VOID:
            self.depth -= 1

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in REFUSED_ELEMENTS:
            self.found.append((f"the element `<{tag}>`", f"<{tag}"))
        for name, value in attrs:
            if name.startswith("on") or name in REFUSED_ATTRIBUTES:
                self.found.append((f"the attribute `{name}=` on `<{tag}>`", name))
            elif name == "style" and value and STYLE_REFUSED.search(value):
                self.found.append((f"a style that loads an address or uses escapes on `<{tag}>`", "style"))
            elif name in URL_ATTRIBUTES and value:
                scheme = _scheme(value)
                if scheme is not None and scheme not in ALLOWED_SCHEMES:
                    self.found.append((f"a `{scheme}:` address in `{name}=` on `<{tag}>`", f"{scheme}:"))


_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr"})


def _scheme(url: str) -> str | None:
    """The scheme a browser would read in ``url`` (it drops spaces, tabs and line breaks), or None
    for a relative address."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", url)
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match.group(1).casefold() if match else None


def built_page(site_dir: Path, source: Path, docs_dir: Path) -> Path:
    """The HTML file MkDocs makes of ``source`` (``use_directory_urls``: ``a/b.md`` -> ``a/b/index.html``)."""
    relative = source.relative_to(docs_dir).with_suffix("")
    if relative.name in ("index", "README"):
        return site_dir / relative.parent / "index.html"
    return site_dir / relative / "index.html"


def check_built_pages(site_dir: Path, docs_dir: Path, sources: Iterable[Path], *, display_root: Path) -> None:
    """Each hand-written page, as built into ``site_dir``, holds nothing that runs or embeds. Raises
    DataError naming the source file and the line."""
    problems = []
    for source in sources:
        page = built_page(site_dir, source, docs_dir)
        if not page.is_file():
            continue
        scanner = _ContentScanner()
        scanner.feed(page.read_text(encoding="utf-8"))
        scanner.close()
        lines = source.read_text(encoding="utf-8").casefold().splitlines()
        for what, word in dict.fromkeys(scanner.found):
            line = next((number for number, text in enumerate(lines, 1) if word.casefold() in text), 1)
            problems.append(Problem(source.relative_to(display_root).as_posix(), line, 1, "(page)",
                                    f"holds {what}: hand-written pages may not run scripts or embed other pages; "
                                    "ask a maintainer if the site needs it"))
    if problems:
        raise DataError(problems)


def hand_written_pages(docs_dir: Path, generated: Iterable[str]) -> list[Path]:
    """The Markdown pages of ``docs_dir`` outside its generated folders, in a stable order."""
    skipped = {docs_dir / name for name in generated}
    pages = []
    for folder, dirs, files in os.walk(docs_dir):
        here = Path(folder)
        # MkDocs makes no page of a file or folder whose name starts with a dot
        dirs[:] = sorted(name for name in dirs if here / name not in skipped and not name.startswith("."))
        pages += [here / name for name in sorted(files) if name.endswith(".md") and not name.startswith(".")]
    return pages
