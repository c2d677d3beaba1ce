"""Read and check every data file in site-data/ into the site model, collecting every problem
before giving up: the loader (``files``) reads each file safely, the schema (``schema_errors``) and
the rules (``rules``) check it, and the reporter (``report``) keeps what is listed.

Each place file is checked on its own (:func:`check_place_file`), so the files can be spread over
several processes: ``load_site`` takes the ``map`` to do it with (the build passes one that uses
the machine's cores); only the rules across files run once all are read."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from yaml.nodes import Node

from ..model.site import Site, SitePlace, build_site
from ..schema.files import PLACES_FOLDER
from ..schema.place import DEFAULT_PUBLICATION, Place
from ..schema.vocabularies import VOCABULARIES, all_sections
from .files import check_data_folder, place_files, read_data_file
from .problems import DataError, Problem
from .report import Reporter
from .rules import check_evidence, check_ids, check_place, check_unique, placeholder_message, placeholders
from .schema_errors import validate_model
from .schema_walk import field_name
from .yaml_file import locate

Vocabularies = dict[str, dict[str, Any]]
Map = Callable[[Callable[[Path], "PlaceFile"], Sequence[Path]], list["PlaceFile"]]
"""How the place files are spread: ``map(check, paths)`` returns ``[check(path) for path in paths]``."""


def _in_order(check: Callable[[Path], PlaceFile], paths: Sequence[Path]) -> list[PlaceFile]:
    return [check(path) for path in paths]


def load_site(data_dir: Path, *, display_root: Path | None = None, map: Map = _in_order) -> Site:
    """Read site-data/, check it and return the site model. Raises DataError listing every problem."""
    reporter = Reporter(display_root or Path.cwd())
    check_data_folder(reporter, data_dir)
    vocab = _vocabularies(reporter, data_dir)
    places = _places(reporter, data_dir / PLACES_FOLDER, vocab, map)
    if reporter.problems:
        raise DataError(reporter.problems)
    return build_site(places, vocab)


def load_vocabularies(data_dir: Path, *, display_root: Path | None = None) -> Vocabularies:
    """Read and check only the vocabularies, by name and then id. Raises DataError listing every problem."""
    reporter = Reporter(display_root or Path.cwd())
    vocab = _vocabularies(reporter, data_dir)
    if reporter.problems:
        raise DataError(reporter.problems)
    return vocab


def _vocabularies(reporter: Reporter, data_dir: Path) -> Vocabularies:
    """Every vocabulary file by name, plus ``sections``: every publication's sections by id
    (for the JSON Schema's list; a section is checked against its own publication's)."""
    read = {name: _vocabulary(reporter, data_dir / f"{name}.yaml", model) for name, model in VOCABULARIES.items()}
    vocab = {name: entries for name, (entries, _) in read.items()}
    if vocab["publications"] and DEFAULT_PUBLICATION not in vocab["publications"]:
        reporter.report(data_dir / "publications.yaml", 1, 1, "(file)",
                        f"the 2015 report, `{DEFAULT_PUBLICATION}`, must be listed: "
                        "stories, quotes and outcomes that name no publication come from it")
    vocab["sections"] = all_sections(vocab["publications"])
    for name, (_, raw) in read.items():  # ids that one vocabulary's entries take from another
        if raw is not None:
            _vocabulary_references(reporter, data_dir / f"{name}.yaml", raw, VOCABULARIES[name], vocab)
    return vocab


def _vocabulary_references(reporter: Reporter, path: Path, raw: tuple[list[Any], Node], model: type[BaseModel],
                           vocab: Vocabularies) -> None:
    """The ids a vocabulary's entries name from other vocabularies (a lesson quote's `work`, a
    correction's publication) are listed there, and a correction's section is one of its publication's."""
    entries, node = raw
    for index, entry in enumerate(entries):
        for found in check_ids(entry, vocab, model, (index,)):
            reporter.offer(path, lambda found=found: (*locate(node, found.loc), field_name(found.loc), found.message(vocab)))
        corrections = entry.get("corrections") if isinstance(entry, dict) else None
        for position, correction in enumerate(corrections if isinstance(corrections, list) else []):
            if isinstance(correction, dict):
                for problem in check_evidence(reporter.display(path), node, (index, "corrections", position),
                                              correction, vocab):
                    reporter.offer(path, lambda p=problem: (p.line, p.column, p.field, p.message))


def _vocabulary(reporter: Reporter, path: Path, model: type[BaseModel]) -> tuple[dict[str, Any], tuple[list[Any], Node] | None]:
    """The vocabulary's valid entries by id, and what was read (its entries and node tree), if anything."""
    read = read_data_file(reporter, path, list)
    if read is None:
        return {}, None
    entries, node = read
    result: dict[str, Any] = {}
    for index, entry in enumerate(entries):
        item = validate_model(reporter, path, node, model, entry, prefix=(index,))
        if item is None:
            continue
        if item.id in result:
            line, column = locate(node, (index, "id"))
            reporter.report(path, line, column, f"[{index}].id", f"the id `{item.id}` is used twice")
            continue
        seen: set[str] = set()
        for position, section in enumerate(getattr(item, "sections", [])):  # a publication's
            if section.id in seen:
                line, column = locate(node, (index, "sections", position, "id"))
                reporter.report(path, line, column, f"[{index}].sections[{position}].id",
                                f"the section id `{section.id}` is used twice in `{item.id}`")
            seen.add(section.id)
        result[item.id] = item
    return result, read


@dataclass(frozen=True)
class PlaceFile:
    """What checking one place file found: its problems, or the place and where its name and Local
    Vision number are in the file (for the rules across files)."""

    problems: list[Problem]
    place: SitePlace | None
    positions: dict[str, tuple[int, int]]


def check_place_file(path: Path, vocab: Vocabularies, display_root: Path) -> PlaceFile:
    """Read and check one place file: everything but the rules across files (``rules.check_unique``)."""
    reporter = Reporter(display_root)
    read = read_data_file(reporter, path, dict)
    if read is None:
        return PlaceFile(reporter.problems, None, {})
    data, node = read
    place = _place(reporter, path, node, data, vocab)
    if place is None or reporter.problems:
        return PlaceFile(reporter.problems, None, {})
    positions = {field: locate(node, (field,)) for field in ("name", "local_vision_number")}
    return PlaceFile([], SitePlace.from_place(place, slug=path.stem, source_path=reporter.display(path)), positions)


def _places(reporter: Reporter, folder: Path, vocab: Vocabularies, map: Map) -> list[SitePlace]:
    checked = map(lambda path: check_place_file(path, vocab, reporter.display_root), list(place_files(reporter, folder)))
    reporter.problems += [problem for result in checked for problem in result.problems]
    loaded = [result.place for result in checked if result.place is not None]
    positions = {result.place.slug: result.positions for result in checked if result.place is not None}
    reporter.problems += check_unique(loaded, positions)
    return loaded


def _place(reporter: Reporter, path: Path, node: Node, data: dict[str, Any], vocab: Vocabularies) -> Place | None:
    """One place file checked: its `FILL IN`s, its fields against the schema, then the rules beyond
    one field's type (on whatever parts are well-formed, so one mistake does not hide another)."""
    left = placeholders(data)
    for loc in left:
        reporter.offer(path, lambda loc=loc: (*locate(node, loc), field_name(loc), placeholder_message(loc, vocab)))
    place = validate_model(reporter, path, node, Place, data, skip=left, vocab=vocab)
    for found in check_ids(data, vocab):
        reporter.offer(path, lambda found=found: (*locate(node, found.loc), field_name(found.loc), found.message(vocab)))
    for problem in check_place(reporter.display(path), data, node, vocab):
        reporter.offer(path, lambda problem=problem: (problem.line, problem.column, problem.field, problem.message))
    return place
