"""YAML syntax errors, said so that someone who has never heard of YAML can fix them.

The parser's own words ("mapping values are not allowed in this context") name the grammar, not
the mistake. The usual mistakes in a place file are few: a tab, a line indented one space off, a
`: ` inside an unquoted text, a missing space after a colon or a dash, a quote or bracket never
closed. Each is recognised from the parser's message (PyYAML's or libyaml's wording) and the line,
and told as what was expected, what was found and what to do. Anything else keeps the parser's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

_KEY_RE = re.compile(r"^(\s*)(?:-\s+)?([^\s:#][^:#]*?):(?:\s|$)")


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """The 1-based line and column to point at, and the message, for a YAML syntax error."""
    lines = text.splitlines()
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    start = exc.context_mark or mark

    def line_of(m: yaml.Mark | None) -> str:
        return lines[m.line] if m is not None and m.line < len(lines) else ""

    def at(m: yaml.Mark | None, message: str) -> tuple[int, int, str]:
        if m is None:
            return 1, 1, f"not valid YAML: {message}"
        return m.line + 1, m.column + 1, f"not valid YAML: {message}"

    here = line_of(mark)
    if "maximum nesting depth" in problem:
        return at(mark, "the data is nested far too deeply: a place file needs five levels at most")
    if mark is not None and mark.column < len(here) and here[mark.column] == "\t":
        return at(mark, "found a tab character: use spaces, not tabs, to indent")
    if "quoted scalar" in context and "end of stream" in problem:
        quote = line_of(start)[start.column] if start and start.column < len(line_of(start)) else '"'
        return at(start, f"the text that starts with {quote} here is never closed: add the closing {quote}")
    if "flow sequence" in context or "flow mapping" in context:
        opener, closer = ("[", "]") if "sequence" in context else ("{", "}")
        if mark is None or start is None or mark.line > start.line or not text[mark.index :].strip():
            return at(start, f"the `{opener}` here is never closed: add `{closer}` after the last entry")
        return at(mark, f"expected `,` or `{closer}` between the entries, found something else: "
                        "separate entries with a comma and a space, and put text containing `: ` or `,` in quotes")
    if problem.startswith("mapping values are not allowed"):
        before = here[: mark.column] if mark else ""
        key = _KEY_RE.match(before)
        if key:  # an earlier `name: ` on the same line, so this `: ` is inside its value
            name = key.group(2).strip()
            value = here[key.end() :].strip()
            quoted = value.replace('"', '\\"')
            return at(mark, f"the text after `{name}:` contains `: `, which YAML reads as the start of a new field: "
                            f'put the whole text in quotes: {name}: "{quoted}"')
        return _indentation(lines, mark.line if mark else 0)
    if "simple key" in context and "expected ':'" in problem:
        bad = line_of(start)
        stripped = bad.strip()
        if re.match(r"^-\S", stripped):
            return at(start, f"expected `- ` (a dash and a space) to start a list entry, found `{stripped[:20]}`: "
                             "put a space after the dash")
        if re.match(r"^[A-Za-z_][\w-]*:\S", stripped):
            name, _, value = stripped.partition(":")
            return at(start, f"expected a space after the colon, found `{stripped[:40]}`: write `{name}: {value}`")
        return at(start, "expected `field: value` on this line, found text without `: `. If it continues the text "
                         "of the line above, indent it like that text; if it is a field, add `: ` after its name")
    if "block mapping" in context or "block collection" in context or "block sequence" in context:
        return _indentation(lines, mark.line if mark else 0)
    message = " ".join(part for part in (context, problem) if part)
    return at(mark, message)


MAX_FURTHER = 9
"""How many syntax errors after the first one are looked for in a file."""


def further_errors(text: str, first: tuple[int, int, str], parse: Callable[[str], object]) -> list[tuple[int, int, str]]:
    """The syntax errors after the first, where the parser allows: the line of each error found is
    blanked (the lines keep their numbers) and the text parsed again with ``parse``, until it parses
    or :data:`MAX_FURTHER` more are found. Each lies below the one before it; an indentation error on
    the line right after a blanked one is left out (it is often only the blanking's consequence)."""
    lines = text.split("\n")
    found: list[tuple[int, int, str]] = []
    last = first[0]
    while len(found) < MAX_FURTHER and 0 < last <= len(lines):
        lines[last - 1] = ""
        try:
            parse("\n".join(lines))
            return found
        except yaml.MarkedYAMLError as exc:
            error = explain(exc, "\n".join(lines))
        except (yaml.YAMLError, RecursionError):
            return found
        if error[0] <= last:  # no further on: the parser cannot go past this point
            return found
        if error[0] > last + 1 or "indented" not in error[2]:
            found.append(error)
        last = error[0]
    return found


def _data_line_before(lines: list[str], index: int) -> int | None:
    """The nearest line above ``index`` that holds data (not blank, not a comment)."""
    return next(
        (i for i in range(index - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")), None
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _odd_line_above(lines: list[str], index: int) -> tuple[int, int, str] | None:
    """The parser stops on the line *after* a badly indented one when that line is the odd one out:

    - the first field of a set indented differently from the two spaces of the fields after it
      (`location:` then `   label:` with three spaces, then `  latitude:` with two): the parser
      takes the first line's indentation as the set's and stops on the second;
    - a field pushed out of its set (`latitude:` with no spaces between two fields indented by two):
      the parser reads it as a field of the outer set and stops on the line after it.

    Then the line above is the one to fix; otherwise None.
    """
    line = lines[index] if index < len(lines) else ""
    above = _data_line_before(lines, index)
    if above is None or not line.strip():
        return None
    before = _data_line_before(lines, above)
    if before is None:
        return None
    indent, above_indent, before_indent = _indent(line), _indent(lines[above]), _indent(lines[before])
    opens_set = before_indent < indent and lines[before].split("#")[0].rstrip().endswith(":")
    # The guide indents a set's fields by two spaces: the line that does not is the mistake.
    if opens_set and above_indent != indent and indent == before_indent + 2:
        name = lines[before].strip().rstrip(":").lstrip("- ")
        message = (f"this line is indented by {_spaces(above_indent)} and line {index + 1} below it by "
                   f"{_spaces(indent)}: the fields inside `{name}` (line {before + 1}) must start in the same "
                   f"column: indent this line by {_spaces(indent)} too")
        return above + 1, above_indent + 1, f"not valid YAML: {message}"
    if before_indent == indent and above_indent < indent and not lines[above].split("#")[0].rstrip().endswith(":"):
        message = (f"this line is indented by {_spaces(above_indent)} and the lines around it ({before + 1} and "
                   f"{index + 1}) by {_spaces(indent)}: fields of the same set must start in the same column: "
                   f"indent this line by {_spaces(indent)} too")
        return above + 1, above_indent + 1, f"not valid YAML: {message}"
    return None


def _indentation(lines: list[str], index: int) -> tuple[int, int, str]:
    """Point at the start of a badly indented line and compare it with the line above that holds data."""
    odd = _odd_line_above(lines, index)
    if odd is not None:
        return odd
    line = lines[index] if index < len(lines) else ""
    indent = len(line) - len(line.lstrip(" "))
    above = _data_line_before(lines, index)
    above_indent = len(lines[above]) - len(lines[above].lstrip(" ")) if above is not None else 0
    if above is None:
        message = f"this line is indented by {_spaces(indent)}; the first field must start in column 1"
    elif line.lstrip().startswith("-") and indent == above_indent and not lines[above].lstrip().startswith("-"):
        message = (
            "expected a field (`name: value`) here, found a list entry (`- `): a list goes under a field with "
            "nothing after its colon, such as `themes:` on its own line, indented by two spaces more than it"
        )
    elif _field_column(lines[above]) != above_indent and indent != _field_column(lines[above]):
        # the line above is a list entry: its fields start after its `- `, not at the dash
        column = _field_column(lines[above])
        message = (
            f"this line is indented by {_spaces(indent)}, but the fields of the list entry on line {above + 1} start "
            f"after its `- `, in column {column + 1}: fields of the same entry must start in the same column: "
            f"indent this line by {_spaces(column)}"
        )
    else:
        message = (
            f"this line is indented by {_spaces(indent)} and line {above + 1} above it by {_spaces(above_indent)}: "
            "fields of the same set must start in the same column, and a field's own fields two spaces further in"
        )
    return index + 1, indent + 1, f"not valid YAML: {message}"


def _field_column(line: str) -> int:
    """Where a line's field starts: after its indentation and any `- ` of a list entry (0-based)."""
    match = re.match(r"^((?: *- +)*)? *", line)
    return match.end() if match else 0


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"
