"""Public API of the retention app (writes).

- `retention_run(today, dry_run)`: the daily job. Finds what is due (see `selectors`),
  notes when it first saw each item, and — not in a dry run — deletes what has been due
  for the notice period (`OVERDRACHT_RETENTION_NOTICE_DAYS`), one transaction per pupil and
  category, one audit row per deletion with counts, never content. A dry run does the same
  work inside a transaction that is rolled back, so its counts are exact and nothing changes.
- `legal_hold_place`, `legal_hold_lift`: while a dispute runs nothing of the pupil goes.

The erasers are the owning apps' own services; retention only decides when.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.care.services import care_records_erase
from overdracht.consent.services import reviews_erase
from overdracht.dossiers.services import dossier_erase
from overdracht.meetings.services import meetings_erase
from overdracht.oso.services import received_dossiers_erase
from overdracht.passports.services import passports_erase
from overdracht.pupils.models import Enrolment, Pupil
from overdracht.pupils.services import pupil_erase
from overdracht.retention.models import LegalHold, RetentionCategory, RetentionNotice, RetentionRun
from overdracht.retention.selectors import DueItem, due_items
from overdracht.schools.models import School

Eraser = Callable[..., dict[str, int]]

# What each category deletes, in order. The pupil record goes last, with what is left.
ERASERS: dict[str, list[Eraser]] = {
    RetentionCategory.DOSSIER: [
        dossier_erase,
        passports_erase,
        received_dossiers_erase,
        reviews_erase,
        meetings_erase,
    ],
    RetentionCategory.SPECIAL_EDUCATION_REFERRAL: [care_records_erase],
    RetentionCategory.ENROLMENT: [
        dossier_erase,
        passports_erase,
        received_dossiers_erase,
        reviews_erase,
        meetings_erase,
        care_records_erase,
        pupil_erase,
    ],
}


class _DryRunRollbackError(Exception):
    """Raised at the end of a dry run to roll its transaction back."""


@dataclass
class RunReport:
    day: dt.date
    dry_run: bool
    # {school id: {category: {"due": n, "deleted": n, "held": n, "waiting": n}}}
    schools: dict[int, dict[str, dict[str, int]]] = field(default_factory=dict)
    # {category: {kind of row: n}}
    rows: dict[str, dict[str, int]] = field(default_factory=dict)

    def count(self, item: DueItem, outcome: str) -> None:
        for school_id in item.school_ids:
            per = self.schools.setdefault(school_id, {}).setdefault(
                item.category, {"due": 0, "deleted": 0, "held": 0, "waiting": 0}
            )
            per["due"] += 1
            per[outcome] += 1

    def as_json(self) -> dict[str, object]:
        return {"schools": {str(k): v for k, v in self.schools.items()}, "rows": self.rows}


def _erase(item: DueItem) -> dict[str, int]:
    counts: dict[str, int] = {}
    for eraser in ERASERS[item.category]:
        for kind, n in eraser(pupil_id=item.pupil_id).items():
            counts[kind] = counts.get(kind, 0) + n
    return counts


def retention_run(*, today: dt.date, dry_run: bool) -> RunReport:
    report = RunReport(day=today, dry_run=dry_run)
    if dry_run:
        try:
            with transaction.atomic():
                _work(report, today, record=False)
                raise _DryRunRollbackError
        except _DryRunRollbackError:
            pass
    else:
        _work(report, today, record=True)
    # The report is kept for the school administrators, also of a dry run.
    RetentionRun.objects.create(day=today, dry_run=dry_run, report=report.as_json())
    return report


def _work(report: RunReport, today: dt.date, *, record: bool) -> None:
    """Each deletion is its own transaction; its audit row follows its commit."""
    notice_days = settings.OVERDRACHT_RETENTION_NOTICE_DAYS
    gone: set[uuid.UUID] = set()
    for item in due_items(today):
        if item.pupil_id in gone:
            continue
        if item.held:
            report.count(item, "held")
            continue
        if item.noticed_on is None:
            RetentionNotice.objects.create(
                pupil_id=item.pupil_id, category=item.category, first_due_on=today
            )
        if item.deletable_on(today, notice_days) > today:
            report.count(item, "waiting")
            continue
        with transaction.atomic():  # one deletion, all or nothing
            counts = _erase(item)
            RetentionNotice.objects.filter(pupil_id=item.pupil_id, category=item.category).update(
                erased_on=today
            )
        report.count(item, "deleted")
        rows = report.rows.setdefault(item.category, {})
        for kind, n in counts.items():
            rows[kind] = rows.get(kind, 0) + n
        if record:
            audit_record(
                AuditAction.RETENTION_DELETED,
                subject_pupil_id=item.pupil_id,
                target=f"retention:{item.category}",
                details={"category": item.category, "left_on": item.left_on.isoformat(), **counts},
            )
        if item.category == RetentionCategory.ENROLMENT:
            gone.add(item.pupil_id)


def _former_pupil_of(school: School, pupil_id: uuid.UUID) -> Pupil:
    pupil = Pupil.objects.filter(pk=pupil_id).first()
    if pupil is None or not Enrolment.objects.filter(pupil=pupil, school=school).exists():
        raise ValidationError(_("This pupil was never enrolled at your school."))
    return pupil


def legal_hold_place(
    *, actor: Actor, school: School, pupil_id: uuid.UUID, reason: str
) -> LegalHold:
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Say why the data must be kept (the dispute that runs)."))
    pupil = _former_pupil_of(school, pupil_id)
    hold = LegalHold.objects.create(
        pupil=pupil,
        school=school,
        reason=reason[:200],
        placed_by_id=actor.user.pk,
    )
    audit_record(
        AuditAction.LEGAL_HOLD_PLACED,
        actor=actor,
        school_id=school.pk,
        subject_pupil_id=pupil.pk,
        target=hold,
    )
    return hold


def legal_hold_lift(*, actor: Actor, hold: LegalHold) -> None:
    hold.lifted_at = timezone.now()
    hold.lifted_by_id = actor.user.pk
    hold.save(update_fields=["lifted_at", "lifted_by_id"])
    audit_record(
        AuditAction.LEGAL_HOLD_LIFTED,
        actor=actor,
        school_id=hold.school_id,
        subject_pupil_id=hold.pupil_id,
        target=hold,
    )
