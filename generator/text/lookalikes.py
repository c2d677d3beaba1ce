"""When two names are the same name: a place must not be added twice under a disguise.

Two names count as the same when their *skeletons* match (the idea of Unicode TR39): compatibility
forms folded (NFKC), every character that looks like a Latin one replaced by it (a Cyrillic ``о``
by ``o``, a Greek ``Υ`` by ``Y``, from Unicode's confusables data in ``confusable-homoglyphs``),
the few Latin look-alikes within ASCII folded (``I``/``1``/``l``, ``rn``/``m``), case and spacing
ignored, and hidden characters (``hidden.is_hidden``) dropped: the reader and the schema refuse them,
and a name that slipped past them still cannot hide a twin.
"""

from __future__ import annotations

import functools
import unicodedata

from confusable_homoglyphs import confusables

from .hidden import is_hidden

_ASCII_LOOKALIKES = str.maketrans({"I": "l", "1": "l", "|": "l", "0": "o"})


@functools.lru_cache(maxsize=4096)
def _latin_lookalike(char: str) -> str:
    if char.isascii():
        return char
    found = confusables.is_confusable(char, preferred_aliases=["latin"], greedy=False)
    for entry in found or ():
        for glyph in entry["homoglyphs"]:
            if glyph["c"].isascii():
                return glyph["c"]
    return char


def skeleton(name: str) -> str:
    """A form of ``name`` under which names that look alike are equal."""
    text = "".join(char for char in unicodedata.normalize("NFKC", name) if not is_hidden(char))
    text = "".join(_latin_lookalike(char) for char in text).translate(_ASCII_LOOKALIKES)
    return " ".join(text.casefold().replace("rn", "m").split())


LETTER_CATEGORIES = "LN"
"""The Unicode categories (by their first letter) of a letter or digit: Letter, Number."""


def has_visible_letter(name: str) -> bool:
    """True if ``name`` holds at least one letter or digit that is not a filler or blank."""
    return any(unicodedata.category(char)[0] in LETTER_CATEGORIES and not char.isspace()
               and unicodedata.name(char, "").find("FILLER") < 0 for char in name)
