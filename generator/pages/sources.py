"""The Sources section: an index of the publications and a page for each, listing every place,
story, quote, outcome and update that cites it (collected once in ``model.site.build_site``)."""

from __future__ import annotations

import jinja2

from ..model.citations import citations_by_place, details_only, linked_sources, place_count
from ..model.corrections import CORRECTIONS_PAGE, site_corrections
from ..model.page import Page
from ..model.site import Site, attribution
from ..schema.place import DEFAULT_PUBLICATION
from .environment import render_page, template_source


def source_pages(site: Site, env: jinja2.Environment) -> list[Page]:
    """``sources/index.md``, ``sources/<id>.md`` for every publication, in the vocabulary's order, and
    ``sources/corrections.md``, every correction with its evidence."""
    corrections = site_corrections(site)
    by_place = {key: citations_by_place(site, key) for key in site.publications}
    counts = {key: (place_count(site, key, by_place[key]), len(site.citations_by_publication[key]))
              for key in site.publications}
    cited = [key for key, publication in site.publications.items() if publication.cited_in_report]
    pages = [render_page(env, "sources.md.j2", "sources/index.md", site=site, counts=counts,
                         links=linked_sources(site), cited=cited, corrections=corrections),
             render_page(env, "corrections.md.j2", CORRECTIONS_PAGE, source=template_source("corrections.md.j2"),
                         site=site, corrections=corrections)]
    for key, publication in site.publications.items():
        citations = site.citations_by_publication[key]
        pages.append(render_page(
            env, "publication.md.j2", f"sources/{key}.md", site=site, publication=publication,
            groups=by_place[key], details_only=details_only(site, key, by_place[key]),
            lesson_quotes=[c for c in citations if c.kind == "lesson quote"],
            appendix_corrections=[c for c in citations if c.place is None and c.kind == "correction"],
            attribution=attribution,
            default_publication=DEFAULT_PUBLICATION,
        ))
    return pages
