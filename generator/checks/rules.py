"""The rules a place file must keep beyond each field's type: pure functions of the data read from the
file, its YAML tree (for line numbers) and the vocabularies. Each returns what it finds.

They run on the raw data, on whatever parts of it are well-formed, so that one mistake (a misspelt
field) does not hide another (a story Enabler missing from the place). Reading files and collecting
the problems of every file is validate.py's job."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..model.site import SitePlace
from ..schema.england import in_england
from ..schema.fields import vocabulary_of
from ..schema.files import PLACEHOLDER
from ..schema.place import DEFAULT_PUBLICATION, Place
from ..text.lookalikes import skeleton
from .messages import allowed_ids, noun, unknown_id
from .problems import Problem
from .raw_values import ids, is_id, is_int, is_number
from .schema_walk import describe_field, field_name, field_plan, leaves, walk
from .yaml_file import locate

Vocabularies = dict[str, dict[str, Any]]


def check_place(path: str, data: dict[str, Any], node: Any, vocab: Vocabularies) -> list[Problem]:
    """Every cross-field rule of one place file (``path`` as it is shown to the contributor)."""
    return [*check_story_enablers(path, data, node, vocab), *check_local_vision(path, data, node),
            *check_location(path, data, node), *check_sources(path, data, node, vocab)]


def _problem(path: str, node: Any, loc: tuple, message: str, *, key: bool = False, field: str | None = None) -> Problem:
    line, column = locate(node, loc, key=key)
    return Problem(path, line, column, field or field_name(loc), message)


def check_story_enablers(path: str, data: dict[str, Any], node: Any, vocab: Vocabularies) -> list[Problem]:
    """A story's Enablers are among the place's own."""
    found = []
    place_enablers = ids(data.get("enablers"))
    stories = data.get("stories")
    for i, story in enumerate(stories if isinstance(stories, list) else []):
        story_enablers = story.get("enablers") if isinstance(story, dict) else None
        for j, enabler in enumerate(story_enablers if isinstance(story_enablers, list) else []):
            known = enabler in vocab.get("enablers", {}) or not vocab.get("enablers")
            if is_id(enabler) and known and enabler not in place_enablers:
                found.append(_problem(path, node, ("stories", i, "enablers", j),
                                      f"`{enabler}` is not in the place's `enablers`: add it there too, or remove it here"))
    return found


def check_local_vision(path: str, data: dict[str, Any], node: Any) -> list[Problem]:
    """A Local Vision place has its Appendix A number, and only a Local Vision place has one."""
    number = data.get("local_vision_number")
    programmes = data.get("programmes")
    if not (isinstance(programmes, list) and ids(programmes) == programmes and (number is None or is_int(number))):
        return []  # the schema reports it
    is_lv = "local-vision" in programmes
    if is_lv == (number is not None):
        return []
    if is_lv:
        return [_problem(path, node, ("programmes",), "a Local Vision place needs its `local_vision_number` from Appendix A")]
    return [_problem(path, node, ("local_vision_number",), "only Local Vision places have a `local_vision_number`: "
                     "add `local-vision` to programmes or remove the number")]


def check_location(path: str, data: dict[str, Any], node: Any) -> list[Problem]:
    """The point is in England; if it is not, the likely slip (swapped numbers, a lost minus sign)."""
    location = data.get("location")
    if not isinstance(location, dict):
        return []
    latitude, longitude = location.get("latitude"), location.get("longitude")
    if not (is_number(latitude) and is_number(longitude) and abs(latitude) <= 90 and abs(longitude) <= 180):
        return []  # the schema reports it
    if in_england(latitude, longitude):
        return []
    if in_england(longitude, latitude):
        hint = f"they look swapped: try `latitude: {longitude}` and `longitude: {latitude}`"
    elif in_england(latitude, -longitude):
        hint = f"the longitude's sign looks wrong: try `longitude: {-longitude}` (west of Greenwich is negative)"
    else:
        hint = "check both numbers on a map (latitude is degrees north; longitude is negative west of Greenwich)"
    return [_problem(path, node, ("location", "latitude"),
                     f"expected a point in England, found latitude {latitude}, longitude {longitude}: {hint}",
                     field="location")]


def check_sources(path: str, data: dict[str, Any], node: Any, vocab: Vocabularies) -> list[Problem]:
    """Each story, outcome, update and correction names a section of its own publication (where it
    lists sections), and each update has a source: a listed publication or a link."""
    found: list[Problem] = []
    publications = vocab.get("publications") or {}
    for kind in ("stories", "outcomes", "updates", "corrections"):
        items = data.get(kind)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                continue
            here = (kind, i)
            if kind == "updates":
                problem = _update_source(path, node, here, item)
                if problem is not None or item.get("publication") is None:
                    found += [problem] if problem is not None else []
                    continue
            publication = item.get("publication")
            publication = DEFAULT_PUBLICATION if publication is None else publication
            if is_id(publication) and publication in publications:  # else reported with the other ids
                found += check_section(path, node, here, item, publications[publication], required=kind != "updates")
    return found


def check_evidence(path: str, node: Any, here: tuple, correction: dict[str, Any], vocab: Vocabularies) -> list[Problem]:
    """A correction's evidence: a section of its publication (required where that lists sections).
    Its publication's id is checked with the other ids (:func:`check_ids`)."""
    publication = correction.get("publication")
    publication = DEFAULT_PUBLICATION if publication is None else publication
    publications = vocab.get("publications") or {}
    if is_id(publication) and publication in publications:
        return check_section(path, node, here, correction, publications[publication], required=True)
    return []


def _update_source(path: str, node: Any, here: tuple, item: dict[str, Any]) -> Problem | None:
    """An update's one source: `publication` or `link`; a `source` section only with a publication."""
    publication, link = item.get("publication"), item.get("link")
    if publication is None and link is None:
        return _problem(path, node, here, "an update needs its source: `publication` (an id from "
                        "site-data/publications.yaml) or `link` (with url, title, publisher and date)")
    if publication is not None and link is not None:
        return _problem(path, node, here + ("link",), "give one source: `publication` or `link`, not both", key=True)
    if publication is None and item.get("source") is not None:
        return _problem(path, node, here + ("source",),
                        "a section belongs to a listed publication: remove it, or give `publication`")
    return None


def check_section(path: str, node: Any, here: tuple, item: dict[str, Any], publication: Any, *,
                  required: bool) -> list[Problem]:
    """The item's `source` is one of its publication's sections (required where it lists any)."""
    section = item.get("source")
    allowed = {entry.id: entry for entry in publication.sections}
    at = here + ("source",)
    if section is None:
        if allowed and required:
            return [_problem(path, node, here, f"this required field is missing: the section of `{publication.id}` "
                             f"it comes from. Allowed: {allowed_ids(allowed, 'publications')}", field=field_name(at))]
        return []
    if not is_id(section):
        return []  # the schema reports it
    if not allowed:
        return [_problem(path, node, at, f"`{publication.id}` lists no sections: remove `source`")]
    if section not in allowed:
        return [_problem(path, node, at, unknown_id(f"section of `{publication.id}`", section, allowed, "publications"))]
    return []


def check_unique(places: list[SitePlace], positions: dict[str, dict[str, tuple[int, int]]]) -> list[Problem]:
    """No two places share a name (compared by skeleton, so look-alike letters and case do not
    make a new name) or a Local Vision number. Both files are named, each pointing at the other,
    so that the message lands on the file a pull request adds, whichever it is. ``positions`` give
    each place's line and column of each field, by slug."""
    found = []
    for what, key, field in (
        ("name", lambda p: skeleton(p.name), "name"),
        ("Local Vision number", lambda p: p.local_vision_number, "local_vision_number"),
    ):
        groups: dict[Any, list[SitePlace]] = {}
        for place in places:
            value = key(place)
            if value is not None:
                groups.setdefault(value, []).append(place)
        for group in groups.values():
            for place in group if len(group) > 1 else ():
                others = ", ".join(other.source_path for other in group if other is not place)
                same = "the same" if what != "name" or len({p.name for p in group}) == 1 else "the same or a look-alike"
                line, column = positions[place.slug][field]
                found.append(Problem(place.source_path, line, column, field,
                                     f"{same} {what} as {others}: each place needs its own"))
    return found


def placeholders(data: Any) -> list[tuple]:
    """Where the file still holds a `FILL IN` that ``new`` left for the contributor."""
    return [loc for loc, value in leaves(data) if isinstance(value, str) and value.strip().startswith(PLACEHOLDER)]


def placeholder_message(loc: tuple, vocab: Vocabularies) -> str:
    """What to write in place of the `FILL IN` at ``loc``: the field's description and allowed ids."""
    field, _ = walk(Place, loc)
    description = describe_field(field)
    vocabulary = vocabulary_of(field) if field is not None else None
    allowed = f" Allowed: {allowed_ids(vocab[vocabulary], vocabulary)}" if vocab.get(vocabulary or "") else ""
    return f"replace `{PLACEHOLDER}` with your value: {description}{allowed}".rstrip(": ")


@dataclass(frozen=True)
class IdFinding:
    """A vocabulary id that is unknown, or listed twice in one list."""

    loc: tuple
    value: str
    vocabulary: str
    repeated: bool

    def message(self, vocab: Vocabularies) -> str:
        """Worked out only for the problems that are listed: an unknown id's suggestion is a search."""
        if self.repeated:
            return f"`{self.value}` is listed twice: keep one"
        return unknown_id(noun(self.vocabulary), self.value, vocab[self.vocabulary], self.vocabulary)


def check_ids(data: Any, vocab: Vocabularies, model: type[BaseModel] = Place, loc: tuple = ()) -> Iterator[IdFinding]:
    """Every vocabulary id in ``data`` that is unknown or listed twice. Ids that are not even
    well-formed (not text, capitals, spaces) were reported by the schema already, with the same
    suggestion; sections belong to their publication (see :func:`check_sources`)."""
    if not isinstance(data, dict):
        return
    for name, vocabulary, inner in field_plan(model):
        value = data.get(name)
        here = loc + (name,)
        if vocabulary == "sections":
            continue
        if vocabulary is not None:
            allowed = vocab.get(vocabulary, {})
            items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
            seen: set[str] = set()
            for i, item in items:
                if not is_id(item):
                    continue
                at = here if i is None else here + (i,)
                if allowed and item not in allowed:
                    yield IdFinding(at, item, vocabulary, repeated=False)
                elif item in seen:
                    yield IdFinding(at, item, vocabulary, repeated=True)
                seen.add(item)
        elif inner is not None and isinstance(value, list):
            for i, item in enumerate(value):
                yield from check_ids(item, vocab, inner, here + (i,))
        elif inner is not None:
            yield from check_ids(value, vocab, inner, here)
