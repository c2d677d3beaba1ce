"""The strict YAML reader: what it refuses, and the line and column it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.checks.yaml_file import MAX_FILE_BYTES, YamlFileError, locate, read_yaml


def _read(tmp_path: Path, text: str | bytes):
    path = tmp_path / "place.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read_yaml(path)


def _error(tmp_path: Path, text: str | bytes) -> tuple[int, int, str]:
    with pytest.raises(YamlFileError) as caught:
        _read(tmp_path, text)
    located = caught.value.located
    return located.line, located.column, located.message


def test_reads_plain_data_and_keeps_positions(tmp_path: Path) -> None:
    data, node = _read(tmp_path, "name: York\nthemes:\n  - data\n  - food\n")
    assert data == {"name": "York", "themes": ["data", "food"]}
    assert locate(node, ("themes", 1)) == (4, 5)
    assert locate(node, ("themes",), key=True) == (2, 1)
    assert locate(node, ("missing", "deeper")) == (1, 1)


def test_python_tags_are_refused_before_anything_runs(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"name: !!python/object/apply:os.system ['touch {marker}']\n"
    line, column, message = _error(tmp_path, text)
    assert (line, column) == (1, 7)
    assert "YAML tags" in message and "python/object/apply" in message
    assert not marker.exists()


@pytest.mark.parametrize("text", ["name: !!str York\n", "name: !custom York\n", "when: !!timestamp 2001-01-01\n"])
def test_every_explicit_tag_is_refused(tmp_path: Path, text: str) -> None:
    assert "YAML tags" in _error(tmp_path, text)[2]


def test_anchors_and_aliases_are_refused(tmp_path: Path) -> None:
    assert _error(tmp_path, "a: &x York\nb: *x\n") == (
        1, 4, "YAML anchors (`&x`) are not allowed: write the value out in full")
    line, _, message = _error(tmp_path, "a: [1]\nb: *x\n")
    assert line == 2 and "aliases" in message


def test_billion_laughs_is_refused_at_its_first_anchor(tmp_path: Path) -> None:
    """Refused before any alias is expanded (how long that takes is measured in benchmarks/hostile_yaml.py)."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [{','.join(['*' + previous] * 9)}]")
    line, _, message = _error(tmp_path, "\n".join(lines) + "\n")
    assert line == 1 and "anchors" in message


def test_duplicate_keys_name_both_lines(tmp_path: Path) -> None:
    line, column, message = _error(tmp_path, "name: York\nregion: north-east\nname: Leeds\n")
    assert (line, column) == (3, 1)
    assert message == "`name` appears twice, on lines 1 and 3: keep one"


def test_duplicate_keys_inside_lists_are_found(tmp_path: Path) -> None:
    line, _, message = _error(tmp_path, "stories:\n  - title: a\n    title: b\n")
    assert line == 3 and "lines 2 and 3" in message


@pytest.mark.parametrize("key", ["1", "yes", "null", "[a]"])
def test_field_names_must_be_text(tmp_path: Path, key: str) -> None:
    assert "a field name must be text" in _error(tmp_path, f"{key}: value\n")[2]


def test_tabs_get_a_hint(tmp_path: Path) -> None:
    line, _, message = _error(tmp_path, "name: York\nlocation:\n\tlabel: York\n")
    assert line == 3 and "use spaces, not tabs" in message


def test_non_utf8_names_the_line(tmp_path: Path) -> None:
    line, column, message = _error(tmp_path, "name: York\nfocus: caf\xe9\n".encode("latin-1"))
    assert (line, column) == (2, 11)
    assert "not UTF-8" in message


def test_size_limit(tmp_path: Path) -> None:
    message = _error(tmp_path, "summary: " + "a" * MAX_FILE_BYTES + "\n")[2]
    assert "larger than the limit of 262,144 bytes" in message


def test_empty_file_is_none(tmp_path: Path) -> None:
    assert _read(tmp_path, "# only a comment\n")[0] is None


def test_syntax_error_names_the_place(tmp_path: Path) -> None:
    line, column, message = _error(tmp_path, "name: York\nthemes: [data\nregion: x\n")
    # It points at the bracket that is never closed, not where the parser gave up.
    assert (line, column) == (2, 9) and message.startswith("not valid YAML: the `[` here is never closed")


def _all_errors(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    with pytest.raises(YamlFileError) as caught:
        _read(tmp_path, text)
    return [(where.line, where.message) for where in (caught.value.located, *caught.value.further)]


def test_every_syntax_error_is_found_where_the_parser_can_go_on(tmp_path: Path) -> None:
    errors = _all_errors(tmp_path, "name: A\nfocus: a: b\nsummary: x\n\tregion: y\nthemes: [a, b\n")
    assert [line for line, _ in errors] == [2, 4, 5]
    assert "contains `: `" in errors[0][1] and "tab" in errors[1][1] and "never closed" in errors[2][1]
    # a field pushed out of line: one mistake, one message (not one for each line after it)
    assert [line for line, _ in _all_errors(tmp_path, "name: A\nlocation:\n  label: L\n   latitude: 1\n  longitude: 2\n")] == [4]
    # a quote never closed is told once; a real mistake after it too
    assert [line for line, _ in _all_errors(tmp_path, 'name: "A\nfocus: x\nsummary: y\n')] == [1]
    assert [line for line, _ in _all_errors(tmp_path, 'name: "A\nfocus: x\nsummary: y: z\n')] == [1, 3]
    # a problem that is not a syntax error ends the search
    assert len(_all_errors(tmp_path, "name: A\nfocus: a: b\nsummary: &x y\nregion: *x\n")) == 1
