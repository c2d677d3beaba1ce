"""Every correction the site makes to a publication, with its evidence: the slips in the report that
place files and the Steering Group's entries correct. The corrections page lists them all, and each
page that carries one links to it."""

from __future__ import annotations

from dataclasses import dataclass

from ..schema.place import Correction
from ..schema.vocabularies import Publication, Section, SteeringGroupMember
from .site import Site, SitePlace, publication_of

CORRECTIONS_PAGE = "sources/corrections.md"
"""The corrections page, in the Sources section (no publication may take its id: see ``Publication``)."""


@dataclass(frozen=True)
class CorrectionEntry:
    """One correction, where the site makes it, and its evidence resolved."""

    correction: Correction
    place: SitePlace | None
    """The place whose page carries it, or None for a correction to Appendix C."""
    member: SteeringGroupMember | None
    """For a correction to Appendix C, the Steering Group entry it corrects."""
    publication: Publication
    """The publication that is the evidence (the report itself, or another listed publication)."""
    section: Section | None
    """The section of that publication that is the evidence, where it lists sections."""


def unknown_evidence(correction: Correction, publications: dict[str, Publication]) -> str | None:
    """What is wrong with a correction's evidence, or None: its publication must be listed, and its
    section one of that publication's (required where the publication lists sections)."""
    key = publication_of(correction)
    if key not in publications:
        return f"`publication: {key}` is not in site-data/publications.yaml"
    sections = {section.id for section in publications[key].sections}
    if correction.source is None:
        return f"the evidence needs its section of `{key}`: `source`, one of {', '.join(sorted(sections))}" \
            if sections else None
    if correction.source not in sections:
        return f"`source: {correction.source}` is not a section of `{key}`"
    return None


def site_corrections(site: Site) -> list[CorrectionEntry]:
    """Every correction: the places' in the site's order, then Appendix C's. Raises ValueError,
    naming the file, for a correction whose evidence is not a listed publication and section."""
    found: list[tuple[SitePlace | None, SteeringGroupMember | None, Correction, str]] = []
    for place in site.places:
        found += [(place, None, correction, place.source_path) for correction in place.corrections]
    for member in site.steering_group.values():
        found += [(None, member, correction, f"site-data/steering-group.yaml ({member.id})")
                  for correction in member.corrections]
    entries = []
    for place, member, correction, where in found:
        problem = unknown_evidence(correction, site.publications)
        if problem is not None:
            raise ValueError(f"{where}: the correction of “{correction.report_says}”: {problem}")
        publication = site.publications[publication_of(correction)]
        section = publication.section(correction.source) if correction.source else None
        entries.append(CorrectionEntry(correction, place, member, publication, section))
    return entries
