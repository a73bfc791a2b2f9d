"""Our fields of a school administration's export, and how the common systems head their
columns. The headings differ per export a school defines: the presets are a start, the
school maps what differs once (`ColumnMapping`). docs/roster-import.md has samples."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy

from overdracht.core.tabular import heading_key

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


@dataclass(frozen=True)
class Column:
    key: str
    label: str | _StrPromise  # translated when shown
    required: bool = False


GUARDIAN_PARTS = ("surname", "initials", "email", "phone", "authority")
COLUMNS: tuple[Column, ...] = (
    Column("pupil_number", gettext_lazy("Pupil number"), required=True),
    Column("call_name", gettext_lazy("Call name"), required=True),
    Column("given_names", gettext_lazy("Given names")),
    Column("surname_prefix", gettext_lazy("Surname prefix")),
    Column("surname", gettext_lazy("Surname"), required=True),
    Column("birth_date", gettext_lazy("Birth date"), required=True),
    Column("gender", gettext_lazy("Gender")),
    Column("bsn", gettext_lazy("BSN")),
    Column("onderwijsnummer", gettext_lazy("Onderwijsnummer")),
    Column("class_name", gettext_lazy("Class"), required=True),
    Column("year_group", gettext_lazy("Year")),
    Column("level", gettext_lazy("Level")),
    Column("mentor_email", gettext_lazy("Mentor's e-mail address")),
    *(
        Column(f"guardian{n}_{part}", label)
        for n in (1, 2)
        for part, label in (
            ("surname", gettext_lazy("Parent %(n)s: surname") % {"n": n}),
            ("initials", gettext_lazy("Parent %(n)s: initials") % {"n": n}),
            ("email", gettext_lazy("Parent %(n)s: e-mail address") % {"n": n}),
            ("phone", gettext_lazy("Parent %(n)s: phone") % {"n": n}),
            ("authority", gettext_lazy("Parent %(n)s: parental authority (ja/nee)") % {"n": n}),
        )
    ),
)
KEYS = tuple(c.key for c in COLUMNS)
REQUIRED = tuple(c.key for c in COLUMNS if c.required)


def _guardians(*names: tuple[str, str, str, str, str]) -> dict[str, str]:
    return {
        f"guardian{n}_{part}": heading
        for n, headings in enumerate(names, start=1)
        for part, heading in zip(GUARDIAN_PARTS, headings, strict=True)
    }


PRESETS: dict[str, tuple[str, dict[str, str]]] = {
    "magister": (
        "Magister",
        {
            "pupil_number": "Stamnr",
            "call_name": "Roepnaam",
            "given_names": "Voornamen",
            "surname_prefix": "Tussenv",
            "surname": "Achternaam",
            "birth_date": "Geb.datum",
            "gender": "Geslacht",
            "bsn": "BSN",
            "class_name": "Klas",
            "year_group": "Leerjaar",
            "level": "Studie",
            "mentor_email": "Mentor e-mail",
            **_guardians(
                (
                    "Ouder1 achternaam",
                    "Ouder1 voorl",
                    "Ouder1 e-mail",
                    "Ouder1 tel",
                    "Ouder1 gezag",
                ),
                (
                    "Ouder2 achternaam",
                    "Ouder2 voorl",
                    "Ouder2 e-mail",
                    "Ouder2 tel",
                    "Ouder2 gezag",
                ),
            ),
        },
    ),
    "somtoday": (
        "SOMtoday",
        {
            "pupil_number": "Leerlingnummer",
            "call_name": "Roepnaam",
            "given_names": "Voornamen",
            "surname_prefix": "Voorvoegsel",
            "surname": "Achternaam",
            "birth_date": "Geboortedatum",
            "gender": "Geslacht",
            "bsn": "BSN",
            "onderwijsnummer": "Onderwijsnummer",
            "class_name": "Stamgroep",
            "year_group": "Leerjaar",
            "level": "Opleiding",
            "mentor_email": "Mentor e-mailadres",
            **_guardians(
                (
                    "Verzorger 1 achternaam",
                    "Verzorger 1 voorletters",
                    "Verzorger 1 e-mailadres",
                    "Verzorger 1 telefoon",
                    "Verzorger 1 wettelijk gezag",
                ),
                (
                    "Verzorger 2 achternaam",
                    "Verzorger 2 voorletters",
                    "Verzorger 2 e-mailadres",
                    "Verzorger 2 telefoon",
                    "Verzorger 2 wettelijk gezag",
                ),
            ),
        },
    ),
    "parnassys": (
        "ParnasSys",
        {
            "pupil_number": "Leerlingnummer",
            "call_name": "Roepnaam",
            "given_names": "Voornamen",
            "surname_prefix": "Tussenvoegsel",
            "surname": "Achternaam",
            "birth_date": "Geboortedatum",
            "gender": "Geslacht",
            "bsn": "BSN",
            "class_name": "Groep",
            "year_group": "Jaargroep",
            "mentor_email": "Leerkracht e-mail",
            **_guardians(
                (
                    "Ouder 1 achternaam",
                    "Ouder 1 voorletters",
                    "Ouder 1 e-mail",
                    "Ouder 1 telefoon",
                    "Ouder 1 gezag",
                ),
                (
                    "Ouder 2 achternaam",
                    "Ouder 2 voorletters",
                    "Ouder 2 e-mail",
                    "Ouder 2 telefoon",
                    "Ouder 2 gezag",
                ),
            ),
        },
    ),
    "esis": (
        "ESIS",
        {
            "pupil_number": "Leerlingnummer",
            "call_name": "Roepnaam",
            "given_names": "Voornamen",
            "surname_prefix": "Voorvoegsels",
            "surname": "Achternaam",
            "birth_date": "Geboortedatum",
            "gender": "Geslacht",
            "bsn": "Burgerservicenummer",
            "class_name": "Groep",
            "year_group": "Leerjaar",
            "mentor_email": "Groepsleerkracht e-mail",
            **_guardians(
                (
                    "Ouder/verzorger 1 achternaam",
                    "Ouder/verzorger 1 voorletters",
                    "Ouder/verzorger 1 e-mail",
                    "Ouder/verzorger 1 telefoon",
                    "Ouder/verzorger 1 gezag",
                ),
                (
                    "Ouder/verzorger 2 achternaam",
                    "Ouder/verzorger 2 voorletters",
                    "Ouder/verzorger 2 e-mail",
                    "Ouder/verzorger 2 telefoon",
                    "Ouder/verzorger 2 gezag",
                ),
            ),
        },
    ),
}


def mapping_for(headers: list[str], preset: str, saved: dict[str, str]) -> dict[str, str]:
    """Our field → the file's heading, for the headings this file has: what the school
    saved before, else the preset, else any system's heading for that field."""
    present = {heading_key(h): h for h in headers}
    found: dict[str, str] = {}
    for key in KEYS:
        candidates = [saved.get(key, ""), PRESETS.get(preset, ("", {}))[1].get(key, "")]
        candidates += [p[1].get(key, "") for p in PRESETS.values()]
        for candidate in candidates:
            if candidate and heading_key(candidate) in present:
                found[key] = present[heading_key(candidate)]
                break
    return found
