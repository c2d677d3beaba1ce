"""Characters that hide or disguise text, defined once.

A place file comes from a pull request. Text in it is shown to readers and echoed in messages to
contributors and maintainers, so a character that renders as nothing, reorders the text around it,
or starts a new line in one program but not in another has no place in it. The reader
(``checks/yaml_file.py``) refuses such characters anywhere in a file, the schema refuses them in every
value (where a YAML escape such as ``"\\u200b"`` can still make one), and every message shows user
text through :func:`visible`, so that nothing a contributor writes can start a line of output.
"""

from __future__ import annotations

import re
import unicodedata

# Default-ignorable code points that are not format characters (Unicode's DerivedCoreProperties):
# fillers that render as nothing, such as U+3164 HANGUL FILLER, and variation selectors.
_IGNORABLE = "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0"
# Candidates: C0 and C1 controls (tab, line feed and carriage return are YAML's own), DEL, the
# ignorables, and any other non-ASCII character, whose Unicode category then decides.
_CANDIDATE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + _IGNORABLE + "]|[^\x00-\x7f]")
_REFUSED_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Zl", "Zp"}
_IGNORABLE_RE = re.compile("[" + _IGNORABLE + "]")
_KEPT = "\t\n\r"  # YAML's own: never hidden
_LINE_BREAKS = {"\x85": "NEXT LINE (NEL)", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}


def is_hidden(char: str) -> bool:
    """True for a character that renders as nothing, changes how text around it reads, or is a
    line break to some programs only. Tab, line feed and carriage return are not hidden."""
    if char in _KEPT:
        return False
    return unicodedata.category(char) in _REFUSED_CATEGORIES or bool(_IGNORABLE_RE.match(char))


def hidden_pattern_js() -> str:
    """:func:`is_hidden` as the source of a JavaScript regular expression (for the ``u`` flag) that
    matches one hidden character: the same categories and ignorables, tab, line feed and carriage
    return kept. The "Propose a new place" form gets it in its page (``pages/contribute.form_rules``),
    so that it refuses what validate refuses. A browser whose Unicode is newer than Python's may refuse
    a few characters more: ones that Python's Unicode has not assigned yet."""
    def escape(char: str) -> str:
        return "-" if char == "-" else f"\\u{{{ord(char):x}}}"
    kept = "".join(escape(char) for char in _KEPT)
    categories = "".join(f"\\p{{{category}}}" for category in sorted(_REFUSED_CATEGORIES))
    return f"(?![{kept}])[{categories}{''.join(escape(char) for char in _IGNORABLE)}]"


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
