"""Reading YAML as editors do: the YAML 1.2 core schema (the yaml-language-server that editors run
reads YAML 1.2), not PyYAML's YAML 1.1, in which `NO` is false, `2015-11-01` a date and `017` octal.

PyYAML parses the text; only the rules that turn a plain scalar into a value are replaced by the
four of the 1.2 core schema: null, booleans, integers and floats. Everything else stays text."""

from __future__ import annotations

import re

import yaml


class CoreSchemaLoader(yaml.SafeLoader):
    """A safe loader with YAML 1.2's core-schema resolvers instead of YAML 1.1's."""


CoreSchemaLoader.yaml_implicit_resolvers = {}
CORE_SCHEMA = (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+.0123456789"),
)
for tag, pattern, first in CORE_SCHEMA:
    CoreSchemaLoader.add_implicit_resolver(tag, re.compile(pattern), list(first))


def _construct_int(loader: CoreSchemaLoader, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node)
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)  # `017` is seventeen in YAML 1.2 (YAML 1.1 reads it as octal)


CoreSchemaLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def load(text: str) -> object:
    return yaml.load(text, Loader=CoreSchemaLoader)  # noqa: S506 (a SafeLoader)
