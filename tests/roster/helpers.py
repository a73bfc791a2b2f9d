"""A Magister-style export as a Dutch school's administration writes it: `;` between the
cells, Windows-1252, dd-mm-jjjj dates, two parents per pupil, classes with their mentor."""

from __future__ import annotations

import datetime as dt

HEADER = (
    "Stamnr;Roepnaam;Voornamen;Tussenv;Achternaam;Geb.datum;Geslacht;BSN;Klas;Leerjaar;"
    "Studie;Mentor e-mail;Ouder1 achternaam;Ouder1 voorl;Ouder1 e-mail;Ouder1 tel;"
    "Ouder1 gezag;Ouder2 achternaam;Ouder2 voorl;Ouder2 e-mail;Ouder2 tel;Ouder2 gezag"
)
NAMES = ["Daan", "Zoë", "Sem", "Noë", "Jesse", "Anaïs", "Luuk", "Eline", "Björn", "Fenna"]
SURNAMES = [("", "Jansen"), ("de", "Vries"), ("van", "Dijk"), ("", "Çelik"), ("van der", "Berg")]


def bsn_for(n: int) -> str:
    """The n-th nine-digit number from 200000000 on that passes the 11-check."""
    found = -1
    for base in range(20_000_000, 30_000_000):
        digits = f"{base:08d}"
        check = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            found += 1
            if found == n:
                return digits + str(check)
    raise ValueError(n)


def row(n: int, *, class_name: str, mentor: str, call_name: str = "", birth: str = "") -> str:
    prefix, surname = SURNAMES[n % len(SURNAMES)]
    given = NAMES[n % len(NAMES)]
    name = call_name or given
    born = birth or (dt.date(2013, 1, 1) + dt.timedelta(days=n)).strftime("%d-%m-%Y")
    return ";".join(
        [
            f"{70000 + n}",
            name,
            given,
            prefix,
            f"{surname}{n}",
            born,
            "V" if n % 2 else "M",
            bsn_for(n),
            class_name,
            class_name[0],
            "havo/vwo" if n % 3 else "vwo",
            mentor,
            f"{surname}{n}",
            "A.",
            f"ouder{n}a@thuis.example",
            "06-12345678",
            "ja",
            f"Ouder{n}",
            "B.",
            f"ouder{n}b@thuis.example",
            "",
            "nee" if n % 5 == 0 else "ja",
        ]
    )


def magister_export(
    count: int, mentor: str, *, bad: bool = True, changed: int | None = None
) -> bytes:
    """`count` pupils over classes 1A-1D (the mentor's is 1A), and two rows a person must
    see: a birth date that does not exist and a BSN that fails the 11-check."""
    lines = [HEADER]
    for n in range(count):
        class_name = "1" + "ABCD"[n % 4]
        lines.append(
            row(
                n,
                class_name=class_name,
                mentor=mentor if class_name == "1A" else "",
                call_name="Sanne" if n == changed else "",
            )
        )
    if bad:
        lines.append(row(count, class_name="1B", mentor="", birth="31-02-2013"))
        lines.append(
            row(count + 1, class_name="1C", mentor="").replace(bsn_for(count + 1), "123456789")
        )
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")
