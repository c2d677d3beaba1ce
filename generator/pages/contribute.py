"""The "Propose a new place" page: a form made from the place schema, for people with a GitHub
account and no git.

Its fields, descriptions, limits and allowed values all come from the JSON Schema that
``schema/json_schema.py`` makes from ``schema.place.Place`` and the vocabularies, so the form follows
any change there. The page's scripts (``content/assets/place-form/``: ``rules.js``, ``yaml.js``,
``form.js``) check what a browser can (required fields, allowed values, lengths, hidden characters,
England's outline, a name or number already taken), show the YAML file they make, and open GitHub's
new-file page with it. The rules they share with ``python -m generator validate`` reach them as data,
from :func:`form_rules`. Lists of sets (stories, outcomes, corrections) are left to the pull request:
the guide explains them.
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
from ..schema.fields import _URL_SAFE_RE, HttpsUrl, IsoDate
from ..schema.files import MODELINE, PLACES_PATH
from ..schema.ids import SLUG_MAX_LENGTH, SLUG_PATTERN, SLUG_WORD
from ..schema.json_schema import place_json_schema
from ..schema.place import Place
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
    """The form's fields in the schema's order, and the names of the lists it leaves to the pull request."""
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


def _help(description: str, kind: str) -> str:
    """A field's description as the form's help: beside checkboxes and a list that show names, not
    the ids of the YAML files (`…: ids from `site-data/themes.yaml`.` is left out)."""
    if kind in ("choice", "choices"):
        return re.sub(r"\s*:\s*(?:an )?ids? from `[^`]+`\.?\s*$", ".", description)
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
        "url": {"pattern": _URL_SAFE_RE.pattern, "maxLength": TypeAdapter(HttpsUrl).json_schema()["maxLength"]},
    }


def contribute_pages(site: Site, env: jinja2.Environment) -> list[Page]:
    fields, later = form_fields(site)
    config = {
        "modeline": MODELINE,
        "folder": PLACES_PATH,
        "fields": [{"path": f.path, "label": f.label, "kind": f.kind, "required": f.required,
                    "maxLength": f.max_length, "minimum": f.minimum, "maximum": f.maximum,
                    "minItems": f.min_items, "options": [key for key, _ in f.options]} for f in fields],
        "later": later,
        "places": {place.slug: place.name for place in site.places},
        "names": {skeleton(place.name): place.name for place in site.places},
        "numbers": {str(place.local_vision_number): place.name for place in site.places if place.local_vision_number},
        "rules": form_rules(),
    }
    env.filters.setdefault("code_spans", code_spans)
    return [render_page(env, "contribute.md.j2", PAGE, source=template_source("contribute.md.j2"),
                        fields=fields, later=later, config=Md(escape(script_json(config))))]
