"""The "Propose a new place" page: a form made from the place schema, for people with a GitHub
account and no git.

Its fields, descriptions, limits and allowed values all come from the JSON Schema that
``schema/json_schema.py`` makes from ``schema.place.Place`` and the vocabularies, so the form follows
any change there. The page's scripts (``content/assets/place-form/``: ``rules.js``, ``yaml.js``, ``groups.js``,
``form.js``) check what a browser can (required fields, allowed values, lengths, hidden characters,
England's outline, a name or number already taken), show the YAML file they make, and open GitHub's
new-file page with it. The rules they share with ``python -m generator validate`` reach them as data,
from :func:`form_rules`. The lists of sets (stories and their quotes, outcomes, corrections, updates
and their link) are repeatable groups that ``groups.js`` makes from :func:`form_lists`.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from html import escape
from typing import Any

import jinja2
from confusable_homoglyphs import confusables
from pydantic import TypeAdapter

from ..model.page import Page
from ..model.site import Site
from ..schema.england import rings
from ..schema.fields import URL_PATTERN, HttpsUrl, IsoDate
from ..schema.files import MODELINE, PLACES_PATH
from ..schema.ids import SLUG_MAX_LENGTH, SLUG_PATTERN, SLUG_WORD
from ..schema.json_schema import place_json_schema
from ..schema.place import DEFAULT_PUBLICATION, Place
from ..schema.vocabularies import VOCABULARIES
from ..text.escape import Md
from ..text.hidden import hidden_pattern_js
from ..text.lookalikes import LETTER_CATEGORIES, skeleton
from .environment import render_page, template_source

PAGE = "contribute/index.md"


@dataclass(frozen=True)
class FormField:
    """One input of the form, as the template and the page's script need it."""

    path: str                 # `name`, `location.latitude`
    label: str
    description: str
    kind: str                 # line, text, number, integer, choice, choices
    required: bool
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    min_items: int = 0
    options: list[tuple[str, str]] = field(default_factory=list)  # (id, name)

    @property
    def id(self) -> str:
        return "pf-" + self.path.replace(".", "-").replace("_", "-")


def form_fields(site: Site) -> tuple[list[FormField], list[str]]:
    """The form's fields in the schema's order, and the names of the lists of sets (made by :func:`form_lists`)."""
    vocab = site.vocabularies()
    schema = place_json_schema(vocab)
    fields: list[FormField] = []
    later: list[str] = []
    _walk(schema, schema, "", vocab, fields, later)
    return fields, later


def _walk(schema: dict[str, Any], node: dict[str, Any], prefix: str, vocab: dict[str, dict[str, Any]],
          fields: list[FormField], later: list[str], group: str = "") -> None:
    required = set(node.get("required", []))
    for name, prop in node["properties"].items():
        path = f"{prefix}{name}"
        if "$ref" in prop:
            inner = _resolve(schema, prop["$ref"])
            _walk(schema, inner, f"{path}.", vocab, fields, later, group=prop.get("title") or inner.get("title", name))
            continue
        if prop.get("type") == "array" and "$ref" in prop.get("items", {}):
            later.append(path)
            continue
        options = [item for item in prop.get("anyOf", []) if item.get("type") != "null"]
        spec = {**prop, **options[0]} if options else prop
        kind, ids = _kind(spec)
        names = next((vocab[v] for v in VOCABULARIES if v in vocab and ids and list(vocab[v]) == ids), {})
        label = _label(spec.get("title", name))
        fields.append(FormField(
            path=path, label=f"{group}: {label.lower()}" if group else label,
            description=_help(spec.get("description", ""), kind),
            kind=kind, required=name in required, max_length=spec.get("maxLength"),
            minimum=spec.get("minimum"), maximum=spec.get("maximum"), min_items=spec.get("minItems", 0),
            options=[(key, getattr(names.get(key), "name", key)) for key in ids],
        ))


FORM_LABELS = {"url": "Address (https://…)", "report_says": "The report says",
               "leadership_for_change_focus": "Focus of its Leadership for Change team"}
"""Labels the schema's titles do not give well."""
LIST_NOUNS = {"stories": "story", "quotes": "quote", "outcomes": "outcome", "corrections": "correction", "updates": "update"}
"""What one entry of each list of sets is called in the form's buttons and headings."""


def form_lists(site: Site) -> list[dict[str, Any]]:
    """The lists of sets of a place file (stories with their quotes, outcomes, corrections, updates
    with their link), for the form's script to make repeatable groups of: each with its ``members``
    in the schema's order, a field (``kind`` as :class:`FormField`'s, ``date``, ``url``, or
    ``section``: a section of the publication chosen beside it), a list (``list``) or a set of fields
    (``set``). Their fields' names in the form are their paths in the file: ``stories.0.quotes.1.text``."""
    vocab = site.vocabularies()
    schema = place_json_schema(vocab)
    return [_list_spec(schema, name, prop, vocab) for name, prop in schema["properties"].items()
            if prop.get("type") == "array" and "$ref" in prop.get("items", {})]


def _list_spec(schema: dict[str, Any], name: str, prop: dict[str, Any], vocab: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {"key": name, "kind": "list", "label": prop.get("title", name), "noun": LIST_NOUNS.get(name, "entry"),
            "description": _help(prop.get("description", ""), "list"),
            "members": _members(schema, _resolve(schema, prop["items"]["$ref"]), vocab)}


def _members(schema: dict[str, Any], node: dict[str, Any], vocab: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    required = set(node.get("required", []))
    members: list[dict[str, Any]] = []
    for name, prop in node["properties"].items():
        options = [item for item in prop.get("anyOf", []) if item.get("type") != "null"]
        spec = {**prop, **options[0]} if options else prop
        if spec.get("type") == "array" and "$ref" in spec.get("items", {}):
            members.append(_list_spec(schema, name, spec, vocab))
        elif "$ref" in spec:
            inner = _resolve(schema, spec["$ref"])
            members.append({"key": name, "kind": "set", "label": spec.get("title") or inner.get("title", name),
                            "description": _help(prop.get("description", ""), "set"), "required": name in required,
                            "members": _members(schema, inner, vocab)})
        else:
            members.append(_member_field(name, spec, name in required, vocab))
    _choose_publication(members)
    return members


def _choose_publication(members: list[dict[str, Any]]) -> None:
    """What an entry's `publication` offers when none is chosen: an update without one gives its
    `link` instead; a quote without one is from its story's; anything else is from the 2015 report,
    which the form chooses at first (as validate reads an entry that names none)."""
    for member in members:
        if member["key"] == "publication" and member["kind"] == "choice":
            if any(other["kind"] == "set" for other in members):
                member["empty"] = "None of these: a web page (its link below)"
            elif not any(other["key"] == "source" for other in members):
                member["empty"] = "The same as its story's"
            else:
                member["default"] = DEFAULT_PUBLICATION


def _member_field(name: str, spec: dict[str, Any], required: bool, vocab: dict[str, dict[str, Any]]) -> dict[str, Any]:
    kind, ids = _kind(spec)
    if spec.get("pattern") == _json_pattern(IsoDate):
        kind = "date"
    elif spec.get("pattern", "").startswith("^https://"):
        kind = "url"
    elif "sections" in vocab and ids == list(vocab["sections"]):
        kind, ids = "section", []  # the chosen publication's sections (the config's `sections`)
    names = next((vocab[v] for v in VOCABULARIES if v in vocab and ids and list(vocab[v]) == ids), {})
    return {"key": name, "kind": kind, "label": FORM_LABELS.get(name, _label(spec.get("title", name))), "required": required,
            "description": _help(spec.get("description", ""), kind), "maxLength": spec.get("maxLength"),
            "options": [[key, _entry_name(names.get(key), key)] for key in ids]}


def _entry_name(entry: Any, key: str) -> str:
    """A vocabulary entry's name as the form shows it: a publication by its short name."""
    return getattr(entry, "short", None) or getattr(entry, "name", None) or key


def _help(description: str, kind: str) -> str:
    """A field's description as the form's help: beside checkboxes and a list that show names, not
    the ids of the YAML files (`…: ids from `site-data/themes.yaml`.` is left out)."""
    if kind in ("choice", "choices", "section"):
        description = re.sub(r"\s*:\s*(?:an )?ids? (?:that are also in the place's `enablers`|from [^.]*?`[^`]+`(?: in `[^`]+`)?)", "",
                             description)
        return re.sub(r"\s*\(`[a-z0-9-]+`\)|,? e\.g\. `[a-z0-9-]+`", "", description)
    if kind == "date":  # the form writes the quotes YAML needs: the contributor types the date alone
        return description.replace(", in quotes:", ", such as").replace('`"', "`").replace('"`', "`")
    return description


def _resolve(schema: dict[str, Any], ref: str) -> dict[str, Any]:
    return schema["$defs"][ref.rsplit("/", 1)[-1]]


def _kind(spec: dict[str, Any]) -> tuple[str, list[str]]:
    if spec.get("type") == "array":
        return "choices", list(spec["items"].get("enum", []))
    if "enum" in spec:
        return "choice", list(spec["enum"])
    if spec.get("type") == "integer":
        return "integer", []
    if spec.get("type") == "number":
        return "number", []
    return ("text", []) if spec.get("pattern") == r"\S" else ("line", [])


def _label(title: str) -> str:
    """`Local Vision Number` → `Local Vision number`: the schema's title with the last word in lower case."""
    words = title.split()
    return " ".join(words[:-1] + [words[-1].lower()]) if len(words) > 1 else title


def code_spans(text: str) -> Md:
    """Our own description text as HTML, its `code` in <code>: escaped first, so nothing else is markup."""
    return Md(re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(" ".join(text.split()), quote=True)))


def script_json(value: Any) -> Md:
    """JSON with no `<`, `>` or `&`, so that no value can end an element early; the caller escapes it for
    the form's ``data-config`` attribute (not a <script type="application/json">, which Material's
    instant navigation would run as code)."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return Md(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


NUMBER_FIELD = "local_vision_number"
NUMBER_PROGRAMME = "local-vision"
"""The programme whose places have a number (``checks/rules.check_local_vision``)."""


@functools.lru_cache(maxsize=1)
def lookalike_table() -> dict[str, str]:
    """:func:`text.lookalikes.skeleton` one character at a time, for the form's script: each character
    whose skeleton is not simply its lower case (``toLowerCase`` in JavaScript), with that skeleton.
    The script then makes a name's skeleton as validate does: NFKC, each character through this table
    (or lower-cased), ``rn`` as ``m``, spaces collapsed. The characters that can differ are those of
    Unicode's confusables data (which ``skeleton`` reads) and those whose case folding is not their
    lower case (``ß`` → ``ss``); a character NFKC changes never reaches the table."""
    candidates = {key for key in confusables.confusables_data if len(key) == 1}
    candidates |= {chr(code) for code in range(0x110000) if chr(code).casefold() != chr(code).lower()}
    candidates |= {chr(code) for code in range(0x20, 0x7F)}
    table = {}
    for char in sorted(candidates):
        if char.isspace() or unicodedata.normalize("NFKC", char) != char:
            continue
        folded = skeleton(char)
        if folded != char.lower():
            table[char] = folded
    return table


def _json_pattern(kind: Any) -> str:
    """The pattern of a field type's JSON Schema (the schema's, as editors check it)."""
    return TypeAdapter(kind).json_schema()["pattern"]


def form_rules() -> dict[str, Any]:
    """The rules the form shares with validate, as its script reads them (``rules.js``), each made from
    the definition validate uses: ``hidden``, a JavaScript pattern (``u`` flag) matching one character
    :func:`text.hidden.is_hidden` refuses; ``letter``, one letter or digit
    (``text.lookalikes.has_visible_letter``); ``slug``, :func:`schema.ids.slugify`'s word, length and
    the pattern a file name must match; ``number``, the Local Vision number's field, programme and
    range (the schema's); ``england``, the outline :func:`schema.england.in_england` tests, to 5
    decimals (about a metre); ``lookalike``, :func:`lookalike_table`, with which the script makes a
    name's skeleton (``text.lookalikes``) to compare with the places' skeletons; ``date``, the ISO date
    grammar of ``schema.fields.IsoDate`` (its JSON Schema pattern; the script adds the calendar and
    today, as its validator does); ``url``, the pattern ``schema.fields.HttpsUrl`` checks. tests/data/form-rules-config.json is a copy for the script's unit tests
    (tests/schema/test_form_rules.py keeps it up to date)."""
    spec = next(s for s in Place.model_json_schema()["properties"][NUMBER_FIELD]["anyOf"] if s.get("type") == "integer")
    return {
        "hidden": hidden_pattern_js(),
        "letter": "[" + "".join(f"\\p{{{category}}}" for category in LETTER_CATEGORIES) + "]",
        "slug": {"word": SLUG_WORD, "maxLength": SLUG_MAX_LENGTH, "pattern": SLUG_PATTERN},
        "number": {"field": NUMBER_FIELD, "programme": NUMBER_PROGRAMME,
                   "minimum": spec["minimum"], "maximum": spec["maximum"]},
        "england": [[[round(x, 5), round(y, 5)] for x, y in ring] for ring in rings()],
        "lookalike": lookalike_table(),
        "date": {"pattern": _json_pattern(IsoDate)},
        "url": {"pattern": URL_PATTERN, "maxLength": TypeAdapter(HttpsUrl).json_schema()["maxLength"]},
    }


def contribute_pages(site: Site, env: jinja2.Environment) -> list[Page]:
    fields, _ = form_fields(site)
    config = {
        "modeline": MODELINE,
        "folder": PLACES_PATH,
        "fields": [{"path": f.path, "label": f.label, "kind": f.kind, "required": f.required,
                    "maxLength": f.max_length, "minimum": f.minimum, "maximum": f.maximum,
                    "minItems": f.min_items, "options": [key for key, _ in f.options]} for f in fields],
        "lists": form_lists(site),
        "sections": {key: [[section.id, section.title] for section in publication.sections]
                     for key, publication in site.vocabularies()["publications"].items()},
        "defaultPublication": DEFAULT_PUBLICATION,
        "places": {place.slug: place.name for place in site.places},
        "names": {skeleton(place.name): place.name for place in site.places},
        "numbers": {str(place.local_vision_number): place.name for place in site.places if place.local_vision_number},
        "rules": form_rules(),
    }
    env.filters.setdefault("code_spans", code_spans)
    return [render_page(env, "contribute.md.j2", PAGE, source=template_source("contribute.md.j2"),
                        fields=fields, config=Md(escape(script_json(config))))]
