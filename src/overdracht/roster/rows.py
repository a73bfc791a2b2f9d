"""The rows of a school administration's export, read through the school's column mapping
into typed rows, each with the problems (the row is refused) and notes (it is read in,
with the note) a person must see, in Dutch."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from overdracht.core.tabular import Table, parse_date
from overdracht.core.validators import validate_bsn, validate_onderwijsnummer
from overdracht.pupils.models import Level

MAX_ROWS = 5_000
GENDERS = {"v": 1, "vrouw": 1, "meisje": 1, "f": 1, "1": 1, "m": 2, "man": 2, "jongen": 2, "2": 2}
NO = {"nee", "n", "0", "false", "onwaar", "geen"}
LEVELS = {
    **{level.value: level.value for level in Level},
    "pro": Level.PRO,
    "praktijkonderwijs": Level.PRO,
    "bb": Level.VMBO_BB,
    "vmbobb": Level.VMBO_BB,
    "kb": Level.VMBO_KB,
    "vmbokb": Level.VMBO_KB,
    "gt": Level.VMBO_GT,
    "tl": Level.VMBO_GT,
    "vmbogt": Level.VMBO_GT,
    "vmbotl": Level.VMBO_GT,
    "mavo": Level.VMBO_GT,
    "havo": Level.HAVO,
    "vwo": Level.VWO,
    "atheneum": Level.VWO,
    "gymnasium": Level.VWO,
    "mbo": Level.MBO,
}
LIMITS = {"call_name": 60, "given_names": 120, "surname_prefix": 20, "surname": 120}  # Pupil's


@dataclass
class GuardianRow:
    surname: str
    initials: str
    email: str
    phone: str
    has_authority: bool


@dataclass
class RosterRow:
    line: int
    pupil_number: str
    call_name: str
    given_names: str
    surname_prefix: str
    surname: str
    birth_date: dt.date | None
    gender: int
    bsn: str
    onderwijsnummer: str
    class_name: str
    year_group: int | None
    level: str
    mentor_email: str
    guardians: list[GuardianRow]
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.call_name, self.surname_prefix, self.surname) if p)


def _year_group(text: str, class_name: str) -> int | None:
    """The year from its own column, else the first digits of the class ("2B" → 2)."""
    found = re.match(r"\d{1,2}", text.strip()) or re.match(r"\d{1,2}", class_name.strip())
    return int(found.group()) if found else None


def _fit(value: str, limit: int, notes: list[str]) -> str:
    """A guardian's detail as our record holds it; a longer one is cut, with a note."""
    if len(value) <= limit:
        return value
    notes.append(
        _("“%(value)s…” is longer than %(limit)s characters and is shortened.")
        % {"value": value[:limit], "limit": limit}
    )
    return value[:limit]


def _email(value: str, what: str, notes: list[str]) -> str:
    if not value:
        return ""
    try:
        validate_email(value)
    except ValidationError:
        notes.append(
            _("%(what)s is not an e-mail address (“%(value)s”): left out.")
            % {"what": what, "value": value}
        )
        return ""
    return value.lower()


def _row(line: int, cell: dict[str, str]) -> RosterRow:
    problems: list[str] = []
    notes: list[str] = []
    birth_text = cell.get("birth_date", "")
    birth = parse_date(birth_text) if birth_text else None
    if birth_text and birth is None:
        problems.append(
            _("Birth date not understood: “%(value)s” (expected dd-mm-jjjj).")
            % {"value": birth_text}
        )
    bsn, onr = cell.get("bsn", "").replace(" ", ""), cell.get("onderwijsnummer", "").strip()
    if bsn:
        bsn = bsn.zfill(9) if bsn.isdigit() and len(bsn) == 8 else bsn
        try:
            validate_bsn(bsn)
        except ValidationError:
            problems.append(_("BSN %(value)s is not valid (11-check).") % {"value": bsn})
    if onr:
        try:
            validate_onderwijsnummer(onr)
        except ValidationError:
            problems.append(_("Onderwijsnummer %(value)s is not valid.") % {"value": onr})
    level_text = cell.get("level", "")
    level = LEVELS.get(re.sub(r"[\s\-/.]", "", level_text.lower()), "")
    if level_text and not level:
        notes.append(
            _("Level “%(value)s” is not one the product knows: left empty.") % {"value": level_text}
        )
    guardians = []
    for n in (1, 2):
        surname = cell.get(f"guardian{n}_surname", "")
        if not surname:
            continue
        guardians.append(
            GuardianRow(
                surname=_fit(surname, 120, notes),
                initials=_fit(cell.get(f"guardian{n}_initials", ""), 20, notes),
                email=_email(
                    cell.get(f"guardian{n}_email", ""), _("Parent %(n)s") % {"n": n}, notes
                ),
                phone=_fit(cell.get(f"guardian{n}_phone", ""), 20, notes),
                has_authority=cell.get(f"guardian{n}_authority", "ja").lower() not in NO,
            )
        )
    row = RosterRow(
        line=line,
        pupil_number=cell.get("pupil_number", ""),
        call_name=cell.get("call_name", ""),
        given_names=cell.get("given_names", ""),
        surname_prefix=cell.get("surname_prefix", ""),
        surname=cell.get("surname", ""),
        birth_date=birth,
        gender=GENDERS.get(cell.get("gender", "").lower(), 0),
        bsn=bsn,
        onderwijsnummer=onr,
        class_name=cell.get("class_name", ""),
        year_group=_year_group(cell.get("year_group", ""), cell.get("class_name", "")),
        level=level,
        mentor_email=_email(cell.get("mentor_email", ""), _("The mentor"), notes),
        guardians=guardians,
        problems=problems,
        notes=notes,
    )
    for key, label in (
        ("pupil_number", _("pupil number")),
        ("call_name", _("call name")),
        ("surname", _("surname")),
        ("birth_date", _("birth date")),
        ("class_name", _("class")),
    ):
        if not cell.get(key):
            row.problems.append(_("No %(what)s.") % {"what": label})
    if row.class_name and len(row.class_name) > 40:
        row.problems.append(
            _("Class “%(value)s” is longer than 40 characters.") % {"value": row.class_name[:40]}
        )
    if row.class_name and row.year_group is None:
        row.problems.append(
            _("The year of class “%(value)s” is not known.") % {"value": row.class_name}
        )
    for name, limit in LIMITS.items():
        if limit is not None and len(getattr(row, name)) > limit:
            row.problems.append(_("A name is longer than %(limit)s characters.") % {"limit": limit})
    return row


def rows_of(table: Table, mapping: dict[str, str]) -> tuple[list[RosterRow], list[str]]:
    """The file's rows through the mapping, and problems of the file as a whole (too many
    rows). Two rows with one pupil number or one BSN are both refused."""
    index = {h: i for i, h in enumerate(table.headers)}
    columns = {key: index[heading] for key, heading in mapping.items() if heading in index}
    problems = []
    found = table.rows
    if len(found) > MAX_ROWS:
        problems.append(_("The file has more than %(max)s rows; split it.") % {"max": MAX_ROWS})
        found = found[:MAX_ROWS]
    rows = [
        _row(line, {k: cells[i].strip() if i < len(cells) else "" for k, i in columns.items()})
        for line, cells in found
    ]
    for attribute, label in (("pupil_number", _("pupil number")), ("bsn", _("BSN"))):
        first: dict[str, RosterRow] = {}
        for row in rows:
            value = getattr(row, attribute)
            if not value:
                continue
            if value in first:
                message = _("The same %(what)s as line %(line)s.")
                row.problems.append(message % {"what": label, "line": first[value].line})
                first[value].problems.append(message % {"what": label, "line": row.line})
            else:
                first[value] = row
    return rows, problems
