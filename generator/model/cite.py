"""How to cite a place page: a ready citation in words, and the same as BibTeX, RIS and CSL-JSON
files a reference manager imports. Each names the page and the report the page retells."""

from __future__ import annotations

import json
import re

from ..schema.place import DEFAULT_PUBLICATION
from .site import Site, SitePlace, place_url

SITE_TITLE = "The Revolution will be Improvised — stories from places"
"""The site's name, as mkdocs.yml gives it (``site_name``; tests/pages/test_share.py checks they agree)."""


def _one_line(value: str) -> str:
    return " ".join(value.split())


def retold_from(site: Site) -> str:
    """The report every page retells, in words: author, title, date."""
    report = site.publications[DEFAULT_PUBLICATION]
    return f"{_one_line(report.author)}, {_one_line(report.title)}, {report.date}"


def place_citation(site: Site, place: SitePlace, site_url: str = "") -> dict[str, str]:
    """The parts of a place page's citation: id, title, container, note, url (empty when the
    site's address is unknown, as in a local build)."""
    return {
        "id": f"revolution-places-{place.slug}",
        "title": _one_line(place.name),
        "container": SITE_TITLE,
        "note": f"Retold from {retold_from(site)}",
        "url": place_url(place, site_url) if site_url else "",
    }


_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")


def _bibtex(value: str) -> str:
    """Text for a BibTeX field in braces: TeX's special characters escaped."""
    return _BIBTEX_SPECIAL.sub(lambda match: {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}.get(
        match.group(1), "\\" + match.group(1)), value)


def bibtex(citation: dict[str, str]) -> str:
    fields = [("title", citation["title"]), ("organization", citation["container"]),
              ("howpublished", citation["container"]), ("note", citation["note"])]
    if citation["url"]:
        fields.append(("url", citation["url"]))
    body = ",\n".join(f"  {key} = {{{_bibtex(value)}}}" for key, value in fields)
    return f"@misc{{{citation['id']},\n{body}\n}}\n"


def ris(citation: dict[str, str]) -> str:
    lines = [("TY", "ELEC"), ("TI", citation["title"]), ("T2", citation["container"]),
             ("PB", citation["container"]), ("N1", citation["note"]), ("LA", "en")]
    if citation["url"]:
        lines.append(("UR", citation["url"]))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines) + "ER  - \r\n"


def csl_json(citation: dict[str, str]) -> str:
    item = {"id": citation["id"], "type": "webpage", "title": citation["title"],
            "container-title": citation["container"], "publisher": citation["container"],
            "note": citation["note"], "language": "en"}
    if citation["url"]:
        item["URL"] = citation["url"]
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


DESCRIPTION_LIMIT = 200
"""The most characters a page's description (its search and share snippet) runs to."""


def describe(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """A page's description from prose: its whole sentences that fit in ``limit`` characters, else
    its first words that do, with an ellipsis."""
    text = _one_line(text)
    if len(text) <= limit:
        return text
    sentences = re.split(r"(?<=[.!?])\s+", text)
    kept = ""
    for sentence in sentences:
        if len(kept) + len(sentence) + 1 > limit:
            break
        kept = f"{kept} {sentence}".strip()
    if kept:
        return kept
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def highwire(site: Site, place: SitePlace, site_url: str = "") -> list[tuple[str, str]]:
    """Highwire Press ``citation_*`` tags for a place page, which reference managers (Zotero,
    Mendeley) and Google Scholar read: the page, and the report it retells as its reference."""
    citation = place_citation(site, place, site_url)
    report = site.publications[DEFAULT_PUBLICATION]
    tags = [("citation_title", citation["title"]), ("citation_author", SITE_TITLE),
            ("citation_publisher", SITE_TITLE), ("citation_language", "en")]
    if citation["url"]:
        tags.append(("citation_public_url", citation["url"]))
    tags.append(("citation_reference", f"citation_title={_one_line(report.title)}; "
                 f"citation_author={_one_line(report.author)}; citation_publication_date={report.date}"))
    return tags
