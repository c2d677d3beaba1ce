"""Characters that hide or disguise text, defined once.

A place file comes from a pull request. Text in it is shown to readers and echoed in messages to
contributors and maintainers, so a character that renders as nothing, reorders the text around it,
or starts a new line in one program but not in another has no place in it. The reader
(``checks/yaml_file.py``) refuses such characters anywhere in a file, the schema refuses them in every
value (where a YAML escape such as ``"\\u200b"`` can still make one), and every message shows user
text through :func:`visible`, so that nothing a contributor writes can start a line of output.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Characters that render as nothing but whose category is not one of the refused ones: the
# default-ignorable code points that are not format characters (Unicode's DerivedCoreProperties:
# fillers such as U+3164 HANGUL FILLER, combining grapheme joiner, the variation selectors, which
# are marks (Mn), and the rest of the tag block), and blank symbols (So), such as U+2800 BRAILLE
# PATTERN BLANK.
_IGNORABLE = ("\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0"
              "\U000e0000-\U000e0fff")
# Candidates: C0 and C1 controls (tab, line feed and carriage return are YAML's own), DEL, the
# ignorables, and any other non-ASCII character, whose Unicode category then decides.
_CANDIDATE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + _IGNORABLE + "]|[^\x00-\x7f]")
# Controls, format characters, private use, surrogates, line and paragraph separators, and code
# points that Unicode has not assigned (Cn, the non-characters among them): a font has nothing to
# draw for any of them, or they change how the text around them reads.
_REFUSED_CATEGORIES = {"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"}
_IGNORABLE_RE = re.compile("[" + _IGNORABLE + "]")
_KEPT = "\t\n\r"  # YAML's own: never hidden
_LINE_BREAKS = {"\x85": "NEXT LINE (NEL)", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}


def is_hidden(char: str) -> bool:
    """True for a character that renders as nothing, changes how text around it reads, or is a
    line break to some programs only. Tab, line feed and carriage return are not hidden."""
    if char in _KEPT:
        return False
    return unicodedata.category(char) in _REFUSED_CATEGORIES or bool(_IGNORABLE_RE.match(char))


@functools.cache
def hidden_pattern_js() -> str:
    """:func:`is_hidden` as the source of a JavaScript regular expression (for the ``u`` flag) that
    matches one hidden character. The "Propose a new place" form gets it in its page
    (``pages/contribute.form_rules``), so that it refuses exactly what validate refuses.

    It lists the hidden code points as ranges, as this Python's Unicode data has them, rather than
    naming categories (``\\p{Cn}``): a browser's Unicode is usually newer than Python's, and would
    count as assigned (and so let through) characters that validate refuses as unassigned. About 700
    ranges, 10 kB in the form's page only; made once per process (0.2 s)."""
    ranges: list[list[int]] = []
    for code in range(0x110000):
        if is_hidden(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "[" + "".join(f"\\u{{{first:x}}}" + (f"-\\u{{{last:x}}}" if last > first else "")
                         for first, last in ranges) + "]"


def find_hidden(text: str) -> list[int]:
    """The offsets of every hidden character in ``text``."""
    return [match.start() for match in _CANDIDATE_RE.finditer(text) if is_hidden(match.group())]


def describe(char: str) -> str:
    """``U+200B (ZERO WIDTH SPACE)``: a character named so that a person can find and delete it."""
    name = _LINE_BREAKS.get(char) or unicodedata.name(char, "") or (
        "a control character" if unicodedata.category(char) == "Cc" else "an unnamed character")
    return f"U+{ord(char):04X} ({name})"


def hidden_message(char: str) -> str:
    """What to tell a contributor about one hidden character."""
    if char in _LINE_BREAKS:
        return f"contains the character {describe(char)}, which some programs read as a line break: use an ordinary line break or a space"
    return f"contains the invisible or control character {describe(char)}: delete it"


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """``text`` on one line, with every line break, control, format or hidden character written as
    an escape (``\\n``, ``\\x1b``, ``\\u200b``) so that it can be seen and can never start a line."""
    out = []
    for char in text:
        if char in "\n\r\t":
            out.append(_ESCAPES[char])
        elif is_hidden(char):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)
