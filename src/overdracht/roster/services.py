"""Public services of the roster: `roster_upload` (keep the file for its preview),
`mapping_save`, `roster_preview` (what the file would do, per row; writes nothing),
and `roster_import` (the rows without problems, in one transaction, reporting its progress;
the same file twice changes nothing; pupils gone from the file are left alone unless
asked). `importing` queues the import for the task worker and runs it there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.accounts.models import User
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.core.names import normalise
from overdracht.core.tabular import read_table
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import Enrolment, Guardian, Pupil, Relationship
from overdracht.roster.models import ColumnMapping, RosterUpload, UploadState
from overdracht.roster.rows import RosterRow, rows_of
from overdracht.schools import services as school_services
from overdracht.schools.models import ClassGroup, School


@dataclass
class RowOutcome:
    row: RosterRow
    pupil: Pupil | None = None
    action: str = ""  # new, changed, unchanged or refused
    changes: list[str] = field(default_factory=list)


@dataclass
class RosterPreview:
    rows: list[RowOutcome]
    problems: list[str]
    missing: list[Enrolment]  # enrolled here that year, not in the file
    new_classes: list[str]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)


def roster_upload(
    *, actor: Actor, school: School, name: str, data: bytes, school_year: int, preset: str
) -> RosterUpload:
    """Keep the file for its preview; a file that is no table is refused (`TableError`)."""
    read_table(data)
    return RosterUpload.objects.create(
        school=school,
        name=name[:255],
        preset=preset,
        data=data,
        school_year=school_year,
        uploaded_by_id=actor.user_id,
    )


def mapping_save(*, school: School, preset: str, columns: dict[str, str]) -> ColumnMapping:
    found, _created = ColumnMapping.objects.update_or_create(
        school=school, defaults={"preset": preset, "columns": columns}
    )
    return found


def _pupils(school: School, rows: list[RosterRow]) -> tuple[dict[str, Pupil], dict[str, Pupil]]:
    """The school's pupils by their pupil number here, and any pupil by BSN/onderwijsnummer."""
    numbers = {r.pupil_number for r in rows if r.pupil_number}
    by_number = {
        e.pupil_number: e.pupil
        for e in Enrolment.objects.filter(school=school, pupil_number__in=numbers)
        .select_related("pupil")
        .order_by("school_year")
    }
    nationals = {r.bsn for r in rows if r.bsn} | {
        r.onderwijsnummer for r in rows if r.onderwijsnummer
    }
    by_national: dict[str, Pupil] = {}
    for pupil in Pupil.objects.filter(bsn__in=nationals) | Pupil.objects.filter(
        onderwijsnummer__in=nationals
    ):
        for value in (pupil.bsn, pupil.onderwijsnummer):
            if value:
                by_national[value] = pupil
    return by_number, by_national


def _changes(
    row: RosterRow, pupil: Pupil, enrolment: Enrolment | None, guardians: list[Guardian]
) -> list[str]:
    changes = []
    for attribute, label in (
        ("call_name", _("call name")),
        ("surname_prefix", _("surname prefix")),
        ("surname", _("surname")),
    ):
        if getattr(row, attribute) != getattr(pupil, attribute):
            changes.append(label)
    if row.given_names and row.given_names != pupil.given_names:
        changes.append(_("given names"))
    if row.bsn and not pupil.bsn:
        changes.append(_("BSN"))
    if enrolment is None:
        changes.append(_("enrolled this school year"))
    else:
        if enrolment.class_group is None or enrolment.class_group.name != row.class_name:
            changes.append(_("class"))
        if row.level and row.level != enrolment.level:
            changes.append(_("level"))
        if row.pupil_number != enrolment.pupil_number:
            changes.append(_("pupil number"))
    if _new_guardians(row, guardians):
        changes.append(_("parents"))
    return changes


def _new_guardians(row: RosterRow, guardians: list[Guardian]) -> list[int]:
    """Which of the row's guardians (by position) the pupil does not have yet: matched on
    e-mail address, or on surname where the file gives no e-mail."""
    known = {(normalise(g.surname), g.email.lower()) for g in guardians}
    surnames = {normalise(g.surname) for g in guardians}
    return [
        i
        for i, g in enumerate(row.guardians)
        if (normalise(g.surname), g.email) not in known
        and not (not g.email and normalise(g.surname) in surnames)
    ]


def _conflict(row: RosterRow, by_number: dict[str, Pupil], by_national: dict[str, Pupil]) -> str:
    """Why the row cannot be the pupil our records know, or "": never two pupils merged.
    The school administration may rename a pupil it numbers; a birth date that differs, a
    BSN of another pupil, or a BSN whose pupil has another surname is for a person."""
    numbered = by_number.get(row.pupil_number)
    national = by_national.get(row.bsn) or by_national.get(row.onderwijsnummer)
    if numbered is not None and national is not None and numbered.pk != national.pk:
        return _("The BSN belongs to another pupil than the pupil number.")
    if numbered is not None and numbered.birth_date != row.birth_date:
        return _("The pupil with this pupil number has another birth date.")
    if (
        numbered is None
        and national is not None
        and (
            national.birth_date != row.birth_date
            or normalise(national.surname) != normalise(row.surname)
        )
    ):
        return _("The BSN belongs to another pupil (another birth date or surname).")
    if numbered is not None and row.bsn and numbered.bsn and numbered.bsn != row.bsn:
        return _("The pupil with this pupil number has another BSN.")
    return ""


def roster_preview(upload: RosterUpload, mapping: dict[str, str]) -> RosterPreview:
    school, year = upload.school, upload.school_year
    rows, problems = rows_of(read_table(bytes(upload.data or b"")), mapping)
    by_number, by_national = _pupils(school, rows)
    enrolments = {
        e.pupil_id: e
        for e in Enrolment.objects.filter(school=school, school_year=year).select_related(
            "class_group", "pupil"
        )
    }
    known = {p.pk for p in (*by_number.values(), *by_national.values())}
    guardians: dict[object, list[Guardian]] = {
        pupil.pk: [r.guardian for r in pupil.guardian_relations.all()]
        for pupil in Pupil.objects.filter(pk__in=known).prefetch_related(
            "guardian_relations__guardian"
        )
    }
    outcomes = []
    for row in rows:
        outcome = RowOutcome(row=row)
        outcomes.append(outcome)
        if row.problems:
            outcome.action = "refused"
            continue
        problem = _conflict(row, by_number, by_national)
        if problem:
            row.problems.append(problem)
            outcome.action = "refused"
            continue
        found = by_number.get(row.pupil_number) or by_national.get(row.bsn or row.onderwijsnummer)
        if found is None:
            outcome.action = "new"
            continue
        outcome.pupil = found
        outcome.changes = _changes(row, found, enrolments.get(found.pk), guardians[found.pk])
        outcome.action = "changed" if outcome.changes else "unchanged"
    seen = {o.pupil.pk for o in outcomes if o.pupil is not None}
    missing = [e for e in enrolments.values() if e.pupil_id not in seen and e.end_date is None]
    missing.sort(key=lambda e: (e.pupil.sort_key, str(e.pupil_id)))
    existing = set(
        ClassGroup.objects.filter(school=school, school_year=year).values_list("name", flat=True)
    )
    new_classes = sorted({o.row.class_name for o in outcomes if o.action != "refused"} - existing)
    staff = _staff_by_email(school, rows)
    for outcome in outcomes:
        email = outcome.row.mentor_email
        if email and email not in staff and outcome.action != "refused":
            outcome.row.notes.append(
                _(
                    "Mentor %(email)s does not work at this school in the product yet: add them "
                    "first under Classes and teachers."
                )
                % {"email": email}
            )
    return RosterPreview(outcomes, problems, missing, new_classes)


def _staff_by_email(school: School, rows: list[RosterRow]) -> dict[str, User]:
    emails = {r.mentor_email for r in rows if r.mentor_email}
    return {
        u.email.lower(): u
        for u in User.objects.filter(email__in=emails, memberships__school=school).distinct()
    }


def _apply(outcome: RowOutcome, school: School, year: int, classes: dict[str, ClassGroup]) -> None:
    row = outcome.row
    assert row.birth_date is not None
    assert row.year_group is not None
    class_group = classes.get(row.class_name) or school_services.class_group_ensure(
        school=school, school_year=year, name=row.class_name, year_group=row.year_group
    )
    classes[row.class_name] = class_group
    pupil = outcome.pupil
    if pupil is None:
        pupil = pupil_services.pupil_create(
            given_names=row.given_names or row.call_name,
            call_name=row.call_name,
            surname_prefix=row.surname_prefix,
            surname=row.surname,
            birth_date=row.birth_date,
            gender=row.gender,
            bsn=row.bsn,
            onderwijsnummer=row.onderwijsnummer,
        )
        have: list[Guardian] = []
    else:
        if (pupil.call_name, pupil.surname_prefix, pupil.surname) != (
            row.call_name,
            row.surname_prefix,
            row.surname,
        ):
            pupil_services.pupil_rename(
                pupil=pupil,
                call_name=row.call_name,
                surname_prefix=row.surname_prefix,
                surname=row.surname,
            )
        pupil_services.pupil_details_complete(pupil=pupil, given_names=row.given_names, bsn=row.bsn)
        have = [r.guardian for r in pupil.guardian_relations.select_related("guardian")]
    enrolment = Enrolment.objects.filter(pupil=pupil, school=school, school_year=year).first()
    if enrolment is None:
        pupil_services.enrolment_create(
            pupil=pupil,
            school=school,
            school_year=year,
            year_group=row.year_group,
            class_group=class_group,
            level=row.level,
            pupil_number=row.pupil_number,
            start_date=dt.date(year, 8, 1),
        )
    else:
        pupil_services.enrolment_update(
            enrolment=enrolment,
            class_group=class_group,
            year_group=row.year_group,
            level=row.level or enrolment.level,
            pupil_number=row.pupil_number,
        )
    new = [row.guardians[i] for i in _new_guardians(row, have)]
    if new:
        pupil_services.guardians_add(
            pupil=pupil,
            guardians=[
                (
                    Guardian(surname=g.surname, initials=g.initials, email=g.email, phone=g.phone),
                    Relationship.OTHER,
                    g.has_authority,
                )
                for g in new
            ],
        )


# How often the import reports how far it is (rows).
PROGRESS_EVERY = 25


@transaction.atomic
def roster_import(
    *,
    actor: Actor,
    upload: RosterUpload,
    mapping: dict[str, str],
    end_missing: bool,
    progress: Callable[[int, int], None] | None = None,
) -> RosterPreview:
    """The rows without problems into the school's records, in one transaction; the
    preview as it was when the import ran is returned and kept as the upload's report.
    `progress(done, total)` hears how many of the rows to write are written."""
    upload = RosterUpload.objects.select_for_update().get(pk=upload.pk)
    if upload.imported_at is not None:
        raise ValueError("This file has been read in already.")
    preview = roster_preview(upload, mapping)
    school, year = upload.school, upload.school_year
    classes = {c.name: c for c in ClassGroup.objects.filter(school=school, school_year=year)}
    to_write = [o for o in preview.rows if o.action in ("new", "changed")]
    for done, outcome in enumerate(to_write):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(to_write))
        _apply(outcome, school, year, classes)
    staff = _staff_by_email(school, [o.row for o in preview.rows])
    for outcome in preview.rows:
        mentor = staff.get(outcome.row.mentor_email)
        if mentor is not None and outcome.action != "refused":
            class_group = classes[outcome.row.class_name]
            if not class_group.mentors.filter(pk=mentor.pk).exists():
                school_services.class_group_mentor_add(class_group=class_group, user=mentor)
    ended = 0
    if end_missing:
        today = timezone.localdate()
        for enrolment in preview.missing:
            pupil_services.enrolment_end(
                enrolment=enrolment, end_date=max(today, enrolment.start_date)
            )
            ended += 1
    report = {
        "new": preview.count("new"),
        "changed": preview.count("changed"),
        "unchanged": preview.count("unchanged"),
        "refused": preview.count("refused"),
        "missing": len(preview.missing),
        "ended": ended,
        "new_classes": preview.new_classes,
    }
    upload.imported_at, upload.data, upload.report = timezone.now(), None, report
    upload.state = UploadState.IMPORTED
    upload.save(update_fields=["imported_at", "data", "report", "state"])
    audit_record(
        AuditAction.ROSTER_IMPORTED,
        actor=actor,
        school_id=school.pk,
        target=upload,
        details={k: v for k, v in report.items() if k != "new_classes"},
    )
    return preview
