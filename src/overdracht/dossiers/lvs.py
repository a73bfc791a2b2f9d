"""Test results from the school's pupil tracking system (LVS), read from its CSV export.

One row is one test a pupil took: the pupil (the school's pupil number or the BSN), the
test, its subject, the date, the ability score and/or the level (I-V or A-E), optionally the
reference level (1F, 2F, 1S, <1F) and the year group. The headings a school's export really
carries are recognised (`COLUMNS`; `docs/lvs-import.md` has a sample); UTF-8 with or
without BOM and Windows-1252, `;`, `,` or tab as separator, dates as dd-mm-jjjj.

Public API: `lvs_preview(data, school)` (every row with its problems in Dutch; nothing is
written) and `lvs_import(data, school, actor_id)` (all rows or none, in one transaction;
a test already there is updated, the same file twice changes nothing; the latest reference
level per domain becomes the dossier's, as a new version of the section), `LvsError`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.core.tabular import decoded, heading_key, parse_date
from overdracht.dossiers.models import DossierSection, ResultSource, TestResult
from overdracht.dossiers.sections import SectionKind
from overdracht.dossiers.services import section_save
from overdracht.oso.content import LEVELS_AE, LEVELS_IV, ResultData
from overdracht.pupils.models import Enrolment, Pupil
from overdracht.schools.models import School

MAX_ROWS = 20_000

# Our field → the headings that name it (lower case, without spaces, dots or dashes).
COLUMNS: dict[str, tuple[str, ...]] = {
    "pupil_number": ("leerlingnummer", "leerlingnr", "llnr", "lln", "leerlingid", "nummer"),
    "bsn": ("bsn", "burgerservicenummer", "sofinummer"),
    "onderwijsnummer": ("onderwijsnummer",),
    "test_name": ("toets", "toetsnaam", "toetsomschrijving"),
    "test_code": ("toetscode",),
    "subject": ("leergebied", "vakgebied", "vak", "domein", "onderdeel"),
    "taken_on": ("afnamedatum", "datum", "toetsdatum", "afname"),
    "ability_score": ("vaardigheidsscore", "vs", "score", "vaardigheid"),
    "rating": ("niveau", "niveauiv", "niveauae", "toetsniveau"),
    "reference_level": ("referentieniveau", "refniveau", "fniveau"),
    "year_group": ("groep", "jaargroep"),
}
REFERENCE_LEVELS = {"<1F": "<1F", "1F": "1F", "2F": "2F", "1S": "1S/2F"}


class LvsError(Exception):
    def __init__(self, preview: LvsPreview) -> None:
        problems = preview.problems + [f"{r.line}: {p}" for r in preview.rows for p in r.problems]
        super().__init__("; ".join(problems[:5]) or "the file has problems")
        self.preview = preview


@dataclass
class LvsRow:
    line: int
    pupil: Pupil | None
    result: ResultData | None
    reference_level: str = ""
    problems: list[str] = field(default_factory=list)
    status: str = ""  # new | changed | same (filled when there are no problems)


@dataclass
class LvsPreview:
    rows: list[LvsRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # of the file as a whole

    @property
    def ok(self) -> bool:
        return not self.problems and all(not r.problems for r in self.rows)

    @property
    def rows_with_problems(self) -> list[LvsRow]:
        return [r for r in self.rows if r.problems]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


@dataclass(frozen=True)
class LvsOutcome:
    created: int
    updated: int
    unchanged: int
    levels_set: int
    pupils: int


def domain_of(subject: str) -> str:
    """The reference-level domain of a test's subject: reading, language, maths or ""."""
    text = subject.lower()
    if "rekenen" in text:
        return "maths"
    if "technisch" in text:
        return ""  # technical reading has no reference level
    if "lezen" in text:
        return "reading"
    if any(word in text for word in ("taalverzorging", "spelling", "taal")):
        return "language"
    return ""


def _columns(header: list[str]) -> tuple[dict[str, int], list[str]]:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        key = heading_key(name)
        for ours, names in COLUMNS.items():
            if key in names and ours not in found:
                found[ours] = index
    problems = []
    if not {"pupil_number", "bsn", "onderwijsnummer"} & found.keys():
        problems.append(_("The file has no column with the pupil number or the BSN."))
    for required, label in (("test_name", _("test")), ("taken_on", _("date taken"))):
        if required not in found:
            problems.append(_("The file has no column for the %(column)s.") % {"column": label})
    if "ability_score" not in found and "rating" not in found:
        problems.append(_("The file has no column with the ability score or the level."))
    return found, problems


def _pupils_of(school: School) -> tuple[dict[str, Pupil], dict[str, Pupil]]:
    """The school's pupils by their number in the school administration, and by BSN or
    onderwijsnummer."""
    by_number: dict[str, Pupil] = {}
    by_national: dict[str, Pupil] = {}
    for enrolment in (
        Enrolment.objects.filter(school=school).select_related("pupil").order_by("school_year")
    ):
        if enrolment.pupil_number:
            by_number[enrolment.pupil_number.strip()] = enrolment.pupil
        for national in (enrolment.pupil.bsn, enrolment.pupil.onderwijsnummer):
            if national:
                by_national[national] = enrolment.pupil
    return by_number, by_national


def lvs_preview(data: bytes, school: School) -> LvsPreview:
    """Every row of the file with what it would do and its problems; writes nothing."""
    preview = LvsPreview()
    text = decoded(data)
    first = text.splitlines()[0] if text.strip() else ""
    if not first:
        preview.problems.append(_("The file is empty."))
        return preview
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader)
    columns, problems = _columns(header)
    if problems:
        preview.problems += problems
        return preview
    by_number, by_bsn = _pupils_of(school)
    seen: dict[tuple[object, ...], int] = {}
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(preview.rows) >= MAX_ROWS:
            preview.problems.append(
                _("The file has more than %(max)s rows; split it.") % {"max": MAX_ROWS}
            )
            break
        preview.rows.append(_row(line, row, columns, by_number, by_bsn, seen))
    if not preview.rows and not preview.problems:
        preview.problems.append(_("The file has no rows with results."))
    if preview.ok:
        _statuses(preview, school)
    return preview


def _row(
    line: int,
    row: list[str],
    columns: dict[str, int],
    by_number: dict[str, Pupil],
    by_bsn: dict[str, Pupil],
    seen: dict[tuple[object, ...], int],
) -> LvsRow:
    def cell(name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    problems: list[str] = []
    number, bsn = cell("pupil_number"), cell("bsn") or cell("onderwijsnummer")
    pupil = by_number.get(number) if number else by_bsn.get(bsn) if bsn else None
    if pupil is None:
        problems.append(
            _("No pupil of this school with number %(number)s.") % {"number": number or bsn or "—"}
        )
    name = cell("test_name")
    if not name:
        problems.append(_("The test has no name."))
    taken = parse_date(cell("taken_on"))
    if taken is None:
        problems.append(
            _("Date not understood: %(value)s (use dd-mm-jjjj).") % {"value": cell("taken_on")}
        )
    score = cell("ability_score").replace(",", ".")
    if score:
        try:
            Decimal(score)
        except InvalidOperation:
            problems.append(_("Ability score is not a number: %(value)s.") % {"value": score})
    rating = cell("rating").upper()
    if rating and rating not in LEVELS_IV + LEVELS_AE:
        problems.append(_("Level %(value)s is not I-V or A-E.") % {"value": cell("rating")})
    if not score and not rating:
        problems.append(_("The row has no ability score and no level."))
    reference = cell("reference_level").upper()
    if reference and reference not in REFERENCE_LEVELS:
        problems.append(
            _("Reference level %(value)s is not <1F, 1F, 2F or 1S.")
            % {"value": cell("reference_level")}
        )
    group = cell("year_group").lower().removeprefix("groep").strip()
    if group and not (group.isdigit() and 1 <= int(group) <= 8):
        problems.append(_("Year group %(value)s is not 1 to 8.") % {"value": cell("year_group")})
    subject = cell("subject") or name
    key = (pupil.pk if pupil else number or bsn, name.lower(), subject.lower(), taken)
    if key in seen:
        problems.append(_("The same test as on line %(line)s.") % {"line": seen[key]})
    else:
        seen[key] = line
    result = None
    if not problems and taken is not None:
        result = ResultData(
            subject=subject[:80],
            name=name[:200],
            taken_on=taken,
            code=cell("test_code")[:40],
            year_group=int(group) if group else None,
            ability_score=score[:12],
            rating=rating,
        )
    return LvsRow(line, pupil, result, REFERENCE_LEVELS.get(reference, ""), problems)


def _statuses(preview: LvsPreview, school: School) -> None:
    known = {
        (r.pupil_id, r.test_name, r.subject, r.taken_on): r
        for r in TestResult.objects.filter(
            school=school, pupil__in={row.pupil for row in preview.rows}
        )
    }
    for row in preview.rows:
        assert row.result is not None
        assert row.pupil is not None
        found = known.get((row.pupil.pk, row.result.name, row.result.subject, row.result.taken_on))
        if found is None:
            row.status = "new"
        elif (found.ability_score, found.rating, found.year_group, found.test_code) == (
            row.result.ability_score,
            row.result.rating,
            row.result.year_group,
            row.result.code,
        ):
            row.status = "same"
        else:
            row.status = "changed"


def lvs_import(data: bytes, school: School, actor_id: int) -> LvsOutcome:
    """Import every row, or none when any row has a problem (`LvsError` with the preview)."""
    preview = lvs_preview(data, school)
    if not preview.ok:
        raise LvsError(preview)
    levels: dict[Pupil, dict[str, tuple[dt.date, str]]] = {}
    with transaction.atomic():
        for row in preview.rows:
            assert row.result is not None
            assert row.pupil is not None
            found = row.result
            if row.status != "same":
                TestResult.objects.update_or_create(
                    pupil=row.pupil,
                    school=school,
                    test_name=found.name,
                    subject=found.subject,
                    taken_on=found.taken_on,
                    defaults={
                        "test_code": found.code,
                        "year_group": found.year_group,
                        "ability_score": found.ability_score,
                        "rating": found.rating,
                        "source": ResultSource.LVS,
                        "created_by_id": actor_id,
                    },
                )
            domain = domain_of(found.subject)
            if row.reference_level and domain:
                latest = levels.setdefault(row.pupil, {}).get(domain)
                if latest is None or latest[0] <= found.taken_on:
                    levels[row.pupil][domain] = (found.taken_on, row.reference_level)
        levels_set = sum(
            _levels_save(pupil, school, found, actor_id) for pupil, found in levels.items()
        )
        pupils = {row.pupil.pk for row in preview.rows if row.pupil is not None}
        for pupil_id in pupils:
            audit_record(
                AuditAction.LVS_IMPORTED,
                actor_id=actor_id,
                school_id=school.pk,
                subject_pupil_id=pupil_id,
                details={
                    "rows": sum(1 for r in preview.rows if r.pupil and r.pupil.pk == pupil_id)
                },
            )
    return LvsOutcome(
        created=preview.count("new"),
        updated=preview.count("changed"),
        unchanged=preview.count("same"),
        levels_set=levels_set,
        pupils=len(pupils),
    )


def _levels_save(
    pupil: Pupil, school: School, found: dict[str, tuple[dt.date, str]], actor_id: int
) -> int:
    """The latest reference level per domain into the section; 1 when it changed."""
    section = DossierSection.objects.filter(
        pupil=pupil, school=school, kind=SectionKind.LANGUAGE_MATHS
    ).first()
    content = dict(section.content) if section else {}
    wanted = {domain: level for domain, (_day, level) in found.items()}
    if all(content.get(domain) == level for domain, level in wanted.items()):
        return 0
    section_save(
        author_id=actor_id,
        pupil=pupil,
        kind=SectionKind.LANGUAGE_MATHS,
        content={
            **{"reading": "", "language": "", "maths": "", "test_history": ""},
            **content,
            **wanted,
        },
        based_on_version=section.version if section else 0,
        school_id=school.pk,
    )
    return 1
