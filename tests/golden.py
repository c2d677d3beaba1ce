"""The golden files of tests/bad_input/: expected messages, with each vocabulary's list of allowed ids
written as ``{themes}``, ``{regions}``... so that adding an entry to a vocabulary changes no golden file."""

from __future__ import annotations

import yaml
from conftest import REPO

VOCABULARIES = ("themes", "regions", "programmes", "enablers", "lessons", "publications")


def allowed_lists(data_dir=REPO / "site-data") -> dict[str, str]:
    """Each vocabulary's ids as a message lists them after `Allowed:`."""
    lists = {}
    for name in VOCABULARIES:
        entries = yaml.safe_load((data_dir / f"{name}.yaml").read_text(encoding="utf-8"))
        lists[name] = ", ".join(f"`{entry['id']}`" for entry in entries)
    return lists


def to_golden(lines: list[str], data_dir=REPO / "site-data") -> list[str]:
    lists = sorted(allowed_lists(data_dir).items(), key=lambda item: -len(item[1]))
    out = []
    for line in lines:
        for name, listing in lists:
            line = line.replace(f"Allowed: {listing}", f"Allowed: {{{name}}}")
        out.append(line)
    return out


def from_golden(lines: list[str], data_dir=REPO / "site-data") -> list[str]:
    lists = allowed_lists(data_dir)
    out = []
    for line in lines:
        for name, listing in lists.items():
            line = line.replace(f"Allowed: {{{name}}}", f"Allowed: {listing}")
        out.append(line)
    return out
