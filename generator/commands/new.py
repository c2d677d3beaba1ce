"""``python -m generator new "Place name"``: a skeleton place file, written from the schema.

Every field of ``schema.Place`` appears in the order the model declares it, under a comment made from
its description, with the allowed ids of its vocabulary read from site-data/. Nothing here lists
fields by hand, so a field added to the schema appears in the next skeleton.

Where only the contributor knows the value, the skeleton says ``FILL IN``. The file is valid YAML with
the right shape, but validation refuses it until every ``FILL IN`` is replaced, naming each with its
line: a skeleton that validated as it is could be merged with invented values and published.
"""

from __future__ import annotations

import argparse
import textwrap
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from ..checks.validate import load_vocabularies
from ..schema.fields import Line, vocabulary_of
from ..schema.files import MODELINE, PLACEHOLDER, PLACES_FOLDER
from ..schema.ids import is_id, slugify
from ..schema.place import DEFAULT_PUBLICATION, Place
from .project import Project

_WIDTH = 100
_EXAMPLE_FILE = "calderdale.yaml"


class ScaffoldError(Exception):
    """The place file cannot be made (a bad name, or the file exists already)."""


def run(project: Project, args: argparse.Namespace) -> int:
    path = new_place(project.data_dir, args.name, load_vocabularies(project.data_dir, display_root=project.root))
    shown = path.relative_to(project.root).as_posix()
    print(f"Wrote {shown}. Next: replace each FILL IN in it; `python -m generator validate` lists the "
          "ones left, and `python -m generator serve` previews the site.")
    return 0


def new_place(data_dir: Path, name: str, vocab: Mapping[str, Mapping[str, Any]]) -> Path:
    """Write ``site-data/places/<slug>.yaml`` for ``name`` and return its path. Never overwrites."""
    try:
        name = TypeAdapter(Line).validate_python(name)
    except ValidationError as exc:
        raise ScaffoldError(f"the name cannot be used: {exc.errors()[0]['msg'].removeprefix('Value error, ')}") from None
    slug = slugify(name)
    if not is_id(slug):
        raise ScaffoldError(
            f"cannot make a file name from {name!r}: use a name with letters or digits, such as \"Little Snoring\""
        )
    path = data_dir / PLACES_FOLDER / f"{slug}.yaml"
    try:
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(skeleton(name, vocab))
    except FileExistsError:
        raise ScaffoldError(
            f"{path.name} already exists: edit that file to correct the place, or choose a different name"
        ) from None
    return path


def skeleton(name: str, vocab: Mapping[str, Mapping[str, Any]]) -> str:
    """The text of a new place file for ``name``."""
    header = [
        MODELINE,
        "#",
        "# One place of 'The Revolution will be Improvised Part II' (2015). Every fact and quote must come",
        "# from a named publication: the 2015 report, or another listed in site-data/publications.yaml.",
        "# Each story, outcome and update says which (`publication:`; a story or outcome that names none is",
        "# read as the 2015 report) and where in it (`source:`, its section). Everything else is written in",
        f"# our own words. The guide is CONTRIBUTING.md and a finished example is site-data/places/{_EXAMPLE_FILE}.",
        "#",
        f"# Replace every {PLACEHOLDER}, then check the file:   python -m generator validate",
        "# Lines starting with # are notes for you; they never appear on the site. You may delete them.",
    ]
    body = _fields(Place, vocab, indent="", example=False, values={"name": _scalar(name)})
    return "\n".join(header + body) + "\n"


def _fields(model: type[BaseModel], vocab: Mapping[str, Mapping[str, Any]], *, indent: str, example: bool,
            values: Mapping[str, str] | None = None) -> list[str]:
    """The lines for every field of ``model``, each under its comment."""
    lines: list[str] = []
    for key, field in model.model_fields.items():
        if not indent:
            lines.append("")
        lines += _comment(_notes(field, vocab), indent)
        given = (values or {}).get(key)
        if given is None and _from_the_report_at_first(model, key):
            given = DEFAULT_PUBLICATION
        lines += _value(key, field, vocab, indent=indent, example=example, given=given)
    return lines


def _from_the_report_at_first(model: type[BaseModel], key: str) -> bool:
    """A story's or outcome's `publication` starts as the 2015 report (what validate reads when it
    names none), written out so that the contributor sees it and changes it for another publication.
    A quote takes its story's, and an update names a publication or gives a link: theirs start empty."""
    fields = model.model_fields
    return key in fields and vocabulary_of(fields[key]) == "publications" and "source" in fields and "link" not in fields


def _notes(field: FieldInfo, vocab: Mapping[str, Mapping[str, Any]]) -> list[str]:
    inner, is_list = _shape(field.annotation)
    notes = [field.description or (inner.__doc__ or "" if inner else "")]
    vocabulary = vocabulary_of(field)
    if not field.is_required():
        notes.append("Optional: leave it empty if it does not apply." if not is_list else
                     "Optional: leave `[]` for none." if inner is None else
                     "Optional: leave `[]` for none, or add entries like the example below.")
    elif is_list and inner is None:
        notes.append("Required: at least one, in square brackets and separated by commas, e.g. `[a, b]`.")
    if vocabulary == "sections" and vocab.get("publications"):
        notes += [f"Allowed (sections of {key}): " + ", ".join(section.id for section in publication.sections) + "."
                  for key, publication in vocab["publications"].items() if publication.sections]
    elif vocabulary is not None and vocab.get(vocabulary):
        notes.append(f"Allowed ({vocabulary}): " + ", ".join(vocab[vocabulary]) + ".")
    return notes


def _value(key: str, field: FieldInfo, vocab: Mapping[str, Mapping[str, Any]], *, indent: str, example: bool,
           given: str | None) -> list[str]:
    inner, is_list = _shape(field.annotation)
    if given is not None:
        return [f"{indent}{key}: {given}"]
    if inner is not None and not is_list:  # a set of fields, such as location
        return [f"{indent}{key}:"] + _fields(inner, vocab, indent=indent + "  ", example=example)
    if inner is not None:  # a list of sets of fields, such as stories
        entry = _entry(inner, vocab, indent=indent + "  ")
        if field.is_required() or example:
            return [f"{indent}{key}:"] + entry
        how = _comment([f"To add {key}, replace the line `{key}: []` with the lines below, "
                        "removing the `# ` from the start of each."], indent)
        return [f"{indent}{key}: []", *how, f"{indent}# {key}:"] + [f"{indent}# {line[len(indent):]}" for line in entry]
    if is_list:
        return [f"{indent}{key}: [{PLACEHOLDER}]" if field.is_required() else f"{indent}{key}: []"]
    return [f"{indent}{key}: {PLACEHOLDER}" if field.is_required() else f"{indent}{key}:"]


def _entry(model: type[BaseModel], vocab: Mapping[str, Mapping[str, Any]], *, indent: str) -> list[str]:
    """One example entry of a list of ``model``: its first field line starts with `- `."""
    lines = _fields(model, vocab, indent=indent + "  ", example=True)
    first = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
    lines[:first] = [line[2:] for line in lines[:first]]  # the first field's comment goes above the `- `
    lines[first] = f"{indent}- {lines[first][len(indent) + 2:]}"
    return lines


def _comment(notes: list[str], indent: str) -> list[str]:
    lines: list[str] = []
    for note in notes:
        if note:
            lines += textwrap.wrap(note, width=_WIDTH - len(indent) - 2, initial_indent=f"{indent}# ",
                                   subsequent_indent=f"{indent}# ", break_on_hyphens=False,
                                   break_long_words=False)
    return lines


def _shape(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model inside a field's type (if any) and whether the field is a list."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _shape(typing.get_args(annotation)[0])
    if origin is list:
        inner, _ = _shape(typing.get_args(annotation)[0])
        return inner, True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    for arg in typing.get_args(annotation):  # X | None
        if arg is not type(None):
            return _shape(arg)
    return None, False


def _scalar(text: str) -> str:
    """``text`` as a YAML value that reads back as exactly that text: plain if it can be, else quoted."""
    try:
        if yaml.safe_load(f"value: {text}") == {"value": text} and "#" not in text:
            return text
    except yaml.YAMLError:
        pass
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def field_names(model: type[BaseModel]) -> set[str]:
    """Every field name of ``model`` and of the models nested in it (what a place file may hold)."""
    names = set()
    for name, field in model.model_fields.items():
        names.add(name)
        inner, _ = _shape(field.annotation)
        if inner is not None:
            names |= field_names(inner)
    return names
