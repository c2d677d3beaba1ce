"""Read one YAML data file safely, keeping the line and column of every value.

A place file comes from a pull request, so nothing in it is trusted. This reader:

- opens regular files only (never a symbolic link, a named pipe, a device or a folder) and reads
  at most ``MAX_FILE_BYTES`` + 1 bytes, so no file can point it elsewhere, block it or exhaust memory;
- refuses characters that hide or disguise text, or that YAML counts as line breaks while editors
  and GitHub do not (so every line number we print is the one the contributor sees);
- refuses anchors and aliases (a "billion laughs" bomb), explicit tags, nesting deeper than
  ``MAX_DEPTH``, duplicate keys (the last one silently wins) and non-text keys;
- reads numbers only in plain decimal form (``53.96``, ``-1``): YAML 1.1's hexadecimal, binary,
  octal, underscored and sexagesimal forms stay text, so the schema refuses them with a hint.

Other values keep YAML 1.1 meanings (``NO`` is false): the schema's strict types then reject them
with a hint to add quotes.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..text.hidden import find_hidden, hidden_message
from .yaml_syntax import explain, further_errors

MAX_FILE_BYTES = 256 * 1024
"""A place file larger than this is refused: the longest real one is under 16 KB."""
MAX_DEPTH = 16
"""How deeply lists and sets of fields may nest: a place file needs 5 (the file, stories, a story, its quotes, a quote)."""


@dataclass(frozen=True)
class Located:
    """A problem found while reading, with a 1-based line and column and, where known, the field."""

    line: int
    column: int
    message: str
    loc: tuple[str | int, ...] | None = None


class YamlFileError(Exception):
    def __init__(self, located: Located, further: tuple[Located, ...] = ()) -> None:
        self.located = located
        self.further = further  # more syntax errors below the first, where the parser could go on
        super().__init__(located.message)


class _StrictNumbersLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser (about ten times faster than PyYAML's own), reading only plain decimal numbers."""


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_StrictNumbersLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_INT, _FLOAT)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictNumbersLoader.add_implicit_resolver(_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
_StrictNumbersLoader.add_implicit_resolver(
    _FLOAT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$"),
    list("-+0123456789."),
)
_Loader = _StrictNumbersLoader
_STR_TAG = "tag:yaml.org,2002:str"
_MAYBE_SPECIAL = re.compile(r"[&*!]")



def read_yaml(path: Path) -> tuple[Any, Node | None]:
    """The file's data and its node tree (for line numbers). Raises YamlFileError, or OSError when
    the file cannot be opened at all."""
    text = _decode(_read_regular_file(path))
    _check_characters(text)
    loader = _Loader(text)
    try:
        _check_events(text)
        node = loader.get_single_node()
        if node is not None:
            _check_keys(node)
        data = loader.construct_document(node) if node is not None else None
    except RecursionError:  # MAX_DEPTH keeps this from happening; kept as a last line of defence
        raise YamlFileError(Located(1, 1, "the data is nested too deeply")) from None
    except yaml.MarkedYAMLError as exc:
        first = explain(exc, text)
        further = tuple(Located(*error) for error in further_errors(text, first, _parse))
        raise YamlFileError(Located(*first), further) from None
    except yaml.YAMLError as exc:
        raise YamlFileError(Located(1, 1, f"not valid YAML: {type(exc).__name__}")) from None
    finally:
        loader.dispose()
    return data, node


def _parse(text: str) -> None:
    """Parse ``text`` as :func:`read_yaml` does, for the syntax errors below the first (a problem
    other than a syntax error ends the search: the first error is what the contributor fixes first)."""
    loader = _Loader(text)
    try:
        _check_events(text)
        loader.get_single_node()
    except YamlFileError:
        return
    finally:
        loader.dispose()


_KINDS = ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def special_file_kind(mode: int) -> str | None:
    """What a file is when it is not a regular file (``a symbolic link``, ``a named pipe``...), else None."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def _read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file, never following a link, never blocking, never past the limit."""
    kind = special_file_kind(os.lstat(path).st_mode)
    if kind is None:
        # O_NOFOLLOW and O_NONBLOCK: if the file is swapped for a link or a pipe after lstat, opening
        # fails or returns at once instead of following it or waiting forever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        try:
            kind = special_file_kind(os.fstat(fd).st_mode)
            if kind is None:
                with os.fdopen(fd, "rb", closefd=False) as handle:
                    raw = handle.read(MAX_FILE_BYTES + 1)
        finally:
            os.close(fd)
    if kind is not None:
        raise YamlFileError(Located(1, 1, f"this is {kind}, not a file: commit the YAML file itself here"))
    if len(raw) > MAX_FILE_BYTES:
        raise YamlFileError(Located(1, 1, f"the file is larger than the limit of {MAX_FILE_BYTES:,} bytes"))
    return raw


def _decode(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlFileError(Located(line, column, "the file is not UTF-8 text: save it as UTF-8")) from None
    return text[1:] if text.startswith("\ufeff") else text


def _check_characters(text: str) -> None:
    """Refuse hidden characters anywhere in the file, comments included, at the line and column an
    editor shows (counting only line feeds as line breaks, as editors and GitHub do)."""
    found = find_hidden(text)
    if not found:
        return
    first = found[0]
    line = text.count("\n", 0, first) + 1
    column = first - (text.rfind("\n", 0, first) + 1) + 1
    more = f" (and {len(found) - 1} more in this file)" if len(found) > 1 else ""
    blanked = list(text)
    for offset in found:  # stand-ins YAML reads as ordinary text, so the file parses as an editor shows it
        blanked[offset] = "_"
    raise YamlFileError(Located(line, column, hidden_message(text[first]) + more, _loc_at("".join(blanked), first)))


def _loc_at(text: str, offset: int) -> tuple[str | int, ...] | None:
    """The path of the value (or key) holding the character at ``offset``, or None if unknown."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    loc: list[str | int] = []
    while isinstance(node, (MappingNode, SequenceNode)):
        pairs = node.value if isinstance(node, MappingNode) else list(enumerate(node.value))
        for key, value in pairs:
            part = key.value if isinstance(key, ScalarNode) else key
            if isinstance(key, Node) and key.start_mark.index <= offset < key.end_mark.index:
                return (*loc, part)
            if value.start_mark.index <= offset < value.end_mark.index:
                loc.append(part)
                node = value
                break
        else:
            return tuple(loc) or None
    return tuple(loc) or None


def _check_events(text: str) -> None:
    """Refuse aliases, anchors, explicit tags and deep nesting before any node is built or any value
    constructed. The parser streams events, so even a hostile file is read in constant stack space."""
    special = bool(_MAYBE_SPECIAL.search(text))
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlFileError(_at(event.start_mark, f"the data is nested more than {MAX_DEPTH} levels deep: "
                                                          "a place file needs five at most"))
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        if not special:
            continue  # no "&", "*" or "!" anywhere: there can be no anchor, alias or tag
        if isinstance(event, AliasEvent):
            raise YamlFileError(_at(event.start_mark, f"YAML aliases (`*{event.anchor}`) are not allowed: write the value out in full"))
        if isinstance(event, (ScalarEvent, CollectionStartEvent)):
            if event.anchor is not None:
                raise YamlFileError(_at(event.start_mark, f"YAML anchors (`&{event.anchor}`) are not allowed: write the value out in full"))
            if event.tag is not None and event.tag != "!":
                tag = event.tag.replace("tag:yaml.org,2002:", "!!", 1)
                raise YamlFileError(_at(event.start_mark, f"YAML tags (`{tag}`) are not allowed: remove the tag"))


def _check_keys(node: Node) -> None:
    """Field names must be text and appear once in each mapping."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, MappingNode):
            seen: dict[str, Node] = {}
            for key_node, value_node in current.value:
                if not isinstance(key_node, ScalarNode) or key_node.tag != _STR_TAG:
                    raise YamlFileError(
                        _at(key_node.start_mark, f"a field name must be text, found `{_source(key_node)}`: put it in quotes")
                    )
                if key_node.value in seen:
                    first = seen[key_node.value].start_mark.line + 1
                    raise YamlFileError(
                        _at(key_node.start_mark,
                            f"`{key_node.value}` appears twice, on lines {first} and {key_node.start_mark.line + 1}: keep one")
                    )
                seen[key_node.value] = key_node
                stack.append(value_node)
        elif isinstance(current, SequenceNode):
            stack.extend(current.value)


def _at(mark: yaml.Mark, message: str) -> Located:
    return Located(mark.line + 1, mark.column + 1, message)


def _source(node: Node) -> str:
    return node.value if isinstance(node, ScalarNode) else type(node).__name__.replace("Node", "").lower()


def node_at(node: Node | None, loc: tuple[str | int, ...], *, key: bool = False) -> Node | None:
    """The node of the value at ``loc`` (or of its key), or the deepest part of the path that exists."""
    for index, part in enumerate(loc):
        if isinstance(node, MappingNode):
            found = _keys(node).get(part)
            if found is None:
                break
            node = found[0] if (key and index == len(loc) - 1) else found[1]
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            break
    return node


def _keys(node: MappingNode) -> dict[Any, tuple[Node, Node]]:
    """A mapping's key and value nodes by key, made once per mapping so that each look-up is constant."""
    index = getattr(node, "_by_key", None)
    if index is None:
        index = {}
        for key_node, value_node in node.value:
            index.setdefault(key_node.value, (key_node, value_node))
        node._by_key = index  # type: ignore[attr-defined]
    return index


def locate(node: Node | None, loc: tuple[str | int, ...], *, key: bool = False) -> tuple[int, int]:
    """1-based line and column of the value at ``loc`` (or of its key), or of the nearest part that exists."""
    found = node_at(node, loc, key=key)
    if found is None:
        return 1, 1
    return found.start_mark.line + 1, found.start_mark.column + 1
