"""Read one YAML data file safely, keeping the line and column of every value.

PyYAML's SafeLoader still allows anchors and aliases (a "billion laughs" bomb), explicit tags,
duplicate keys (the last one silently wins) and non-text keys. Data files need none of these, so
this loader refuses them, naming the line. Values keep YAML 1.1 meanings (``NO`` is false): the
schema's strict types then reject them with a hint to add quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .yaml_hints import explain

MAX_FILE_BYTES = 256 * 1024
"""A place file larger than this is refused: the longest real one is under 16 KB."""


@dataclass(frozen=True)
class Located:
    """A problem found while reading, with a 1-based line and column."""

    line: int
    column: int
    message: str


class YamlFileError(Exception):
    def __init__(self, located: Located) -> None:
        self.located = located
        super().__init__(located.message)


# libyaml's parser is about ten times faster than PyYAML's own; both give the same events and marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAG = "tag:yaml.org,2002:str"
_MAYBE_SPECIAL = re.compile(r"[&*!]")


def _check_events(text: str) -> None:
    """Refuse aliases, anchors and explicit tags before any node is built or any value constructed."""
    if not _MAYBE_SPECIAL.search(text):
        return  # no "&", "*" or "!" anywhere: there can be no anchor, alias or tag
    for event in yaml.parse(text, Loader=_Loader):
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


def read_yaml(path: Path) -> tuple[Any, Node | None]:
    """The file's data and its node tree (for line numbers). Raises YamlFileError."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise YamlFileError(Located(1, 1, f"the file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlFileError(Located(line, column, "the file is not UTF-8 text: save it as UTF-8")) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    loader = _Loader(text)
    try:
        _check_events(text)
        node = loader.get_single_node()
        if node is not None:
            _check_keys(node)
        data = loader.construct_document(node) if node is not None else None
    except RecursionError:
        raise YamlFileError(Located(1, 1, "the data is nested too deeply")) from None
    except yaml.MarkedYAMLError as exc:
        raise YamlFileError(Located(*explain(exc, text))) from None
    except yaml.YAMLError as exc:
        raise YamlFileError(Located(1, 1, f"not valid YAML: {exc}")) from None
    finally:
        loader.dispose()
    return data, node


def node_at(node: Node | None, loc: tuple[str | int, ...], *, key: bool = False) -> Node | None:
    """The node of the value at ``loc`` (or of its key), or the deepest part of the path that exists."""
    for index, part in enumerate(loc):
        if isinstance(node, MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == part), None)
            if found is None:
                break
            node = found[0] if (key and index == len(loc) - 1) else found[1]
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            break
    return node


def locate(node: Node | None, loc: tuple[str | int, ...], *, key: bool = False) -> tuple[int, int]:
    """1-based line and column of the value at ``loc`` (or of its key), or of the nearest part that exists."""
    found = node_at(node, loc, key=key)
    if found is None:
        return 1, 1
    return found.start_mark.line + 1, found.start_mark.column + 1
