"""Dutch personal names: display with the surname prefix, sort and search without it.

"Jan van 't Hof" sorts under H; "Çelik" sorts under C; searching "odegard" finds "Ødegård".
Public API: `full_name`, `sort_key`, `search_text`, `normalise`.
"""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter plus an accent.
_EXTRA_FOLDS = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
    }
)


def normalise(text: str) -> str:
    """Lower case, accents and apostrophes removed, white space folded."""
    folded = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLDS))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    plain = plain.replace("'", "").replace("\u2019", "")
    return " ".join(plain.casefold().split())


def full_name(call_name: str, surname_prefix: str, surname: str) -> str:
    return " ".join(part for part in (call_name, surname_prefix, surname) if part)


def sort_key(*, surname: str, surname_prefix: str, call_name: str) -> str:
    """Surname first, prefix last: 'hof|jan|van t'. The '|' keeps fields apart."""
    return "|".join((normalise(surname), normalise(call_name), normalise(surname_prefix)))


def search_text(*parts: str) -> str:
    return " ".join(normalise(p) for p in parts if p)


def name_initials(call_name: str, surname: str) -> str:
    """ "Jan van 't Hof" → "J.H.": what a calendar outside the school shows of a pupil."""
    return "".join(f"{part[:1].upper()}." for part in (call_name, surname) if part)
