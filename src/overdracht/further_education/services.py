"""Writing the way to the vervolgopleiding. One call, one transaction, audited; a rule that
is broken raises ValidationError with a Dutch message and writes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.core.ages import decides_alone
from overdracht.further_education.models import (
    AftercareContact,
    Choice,
    Registration,
    RegistrationChange,
    SkillCheck,
    StartReport,
    Status,
    TransferDossier,
)
from overdracht.pupils.models import Pupil, Transition, TransitionKind, TransitionStatus
from overdracht.schools.models import School
from overdracht.steps.services import steps_complete_of

OUTGOING_KINDS = (TransitionKind.VO_MBO, TransitionKind.VO_HO)
PUPIL_PART = ("school_career", "internships", "support_needed", "about_me")
SCHOOL_PART = ("advice", "support_that_worked")


@transaction.atomic
def choice_save(
    *,
    actor: Actor,
    pupil: Pupil,
    school_year: int,
    rank: int,
    programme: str,
    level: str,
    institution: School | None,
    institution_name: str,
) -> Choice:
    if institution is None and not institution_name.strip():
        raise ValidationError({"institution_name": _("Name the institution.")})
    choice, _created = Choice.objects.update_or_create(
        pupil=pupil,
        school_year=school_year,
        rank=rank,
        defaults={
            "programme": programme.strip(),
            "level": level,
            "institution": institution,
            "institution_name": "" if institution else institution_name.strip(),
        },
    )
    audit_record(AuditAction.CAREER_WRITTEN, actor=actor, target=pupil, subject_pupil_id=pupil.pk)
    return choice


@transaction.atomic
def skills_save(*, actor: Actor, choice: Choice, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        SkillCheck.objects.update_or_create(
            choice=choice,
            skill=row["skill"],
            defaults={k: row[k] for k in ("asked", "present", "gap", "plan", "helper")},
        )
    audit_record(
        AuditAction.CAREER_WRITTEN,
        actor=actor,
        target=choice.pupil,
        subject_pupil_id=choice.pupil_id,
    )


def _change(registration: Registration, status: str, day: dt.date, actor: Actor) -> None:
    RegistrationChange.objects.create(
        registration=registration, status=status, changed_on=day, changed_by_id=actor.user.pk
    )


@transaction.atomic
def registration_record(
    *,
    actor: Actor,
    transition: Transition,
    institution: School | None,
    institution_name: str,
    programme: str,
    level: str,
    registered_on: dt.date,
) -> Registration:
    """The pupil registered at an institution (recorded by the decaan, or by the institution
    itself): the transition now goes there and its step *registered* is done."""
    if transition.kind not in OUTGOING_KINDS or transition.status == TransitionStatus.CANCELLED:
        raise ValidationError(_("This pupil has no transition to further education."))
    if institution is None and not institution_name.strip():
        raise ValidationError({"institution_name": _("Name the institution.")})
    registration = Registration.objects.create(
        transition=transition,
        institution=institution,
        institution_name="" if institution else institution_name.strip(),
        programme=programme.strip(),
        level=level,
        registered_on=registered_on,
        status=Status.REGISTERED,
        status_on=registered_on,
        created_by_id=actor.user.pk,
    )
    _change(registration, Status.REGISTERED, registered_on, actor)
    updates: dict[str, Any] = {"status": TransitionStatus.IN_PROGRESS}
    if institution is not None:
        updates["to_school"] = institution
    Transition.objects.filter(pk=transition.pk).update(**updates)
    steps_complete_of(transition, "registered")
    audit_record(
        AuditAction.REGISTRATION_SAVED,
        actor=actor,
        target=registration,
        subject_pupil_id=transition.pupil_id,
        details={"status": Status.REGISTERED},
    )
    return registration


@transaction.atomic
def registration_update(
    *,
    actor: Actor,
    registration: Registration,
    status: str,
    status_on: dt.date,
    intake_on: dt.date | None,
    intake_outcome: str,
    guidance: str,
    study_check_done: bool = False,
) -> Registration:
    if intake_outcome and intake_on is None:
        raise ValidationError({"intake_on": _("Give the date of the intake.")})
    if intake_on and intake_outcome and intake_on > timezone.localdate():
        raise ValidationError({"intake_outcome": _("An intake in the future has no outcome yet.")})
    if status != registration.status:
        _change(registration, status, status_on, actor)
        registration.status, registration.status_on = status, status_on
    registration.intake_on, registration.intake_outcome = intake_on, intake_outcome
    registration.guidance, registration.study_check_done = guidance.strip(), study_check_done
    registration.save()
    audit_record(
        AuditAction.REGISTRATION_SAVED,
        actor=actor,
        target=registration,
        subject_pupil_id=registration.transition.pupil_id,
        details={"status": status},
    )
    return registration


def _dossier(registration: Registration) -> TransferDossier:
    return TransferDossier.objects.select_for_update().get_or_create(registration=registration)[0]


@transaction.atomic
def pupil_part_save(
    *, actor: Actor, registration: Registration, part: dict[str, str], include_career_dossier: bool
) -> TransferDossier:
    """The pupil's own part. A change after signing asks for a new sign-off; once sent, the
    dossier no longer changes."""
    dossier = _dossier(registration)
    if dossier.sent_at:
        raise ValidationError(_("The dossier has been sent; it no longer changes."))
    new = {key: part.get(key, "").strip() for key in PUPIL_PART}
    if new != dossier.pupil_part or include_career_dossier != dossier.include_career_dossier:
        dossier.pupil_signed_at = dossier.guardian_signed_at = None
        dossier.guardian_signed_by_id = None
    dossier.pupil_part, dossier.include_career_dossier = new, include_career_dossier
    dossier.save()
    audit_record(
        AuditAction.CAREER_WRITTEN,
        actor=actor,
        target=registration,
        subject_pupil_id=registration.transition.pupil_id,
    )
    return dossier


def needs_guardian(pupil: Pupil, day: dt.date | None = None) -> bool:
    """Under 16 a parent with authority signs too."""
    return not decides_alone(pupil.birth_date, day or timezone.localdate())


@transaction.atomic
def sign_off(*, actor: Actor, registration: Registration, as_guardian: bool) -> TransferDossier:
    dossier = _dossier(registration)
    if dossier.sent_at:
        raise ValidationError(_("The dossier has been sent already."))
    if not any(dossier.pupil_part.get(key) for key in PUPIL_PART):
        raise ValidationError(_("Fill in your part before you sign it off."))
    now = timezone.now()
    if as_guardian:
        dossier.guardian_signed_at, dossier.guardian_signed_by_id = now, actor.user.pk
    else:
        dossier.pupil_signed_at = now
    dossier.save()
    if signed_off(dossier):
        steps_complete_of(registration.transition, "review_done")
    audit_record(
        AuditAction.TRANSFER_SIGNED,
        actor=actor,
        target=registration,
        subject_pupil_id=registration.transition.pupil_id,
        details={"as": "guardian" if as_guardian else "pupil"},
    )
    return dossier


def signed_off(dossier: TransferDossier) -> bool:
    pupil = dossier.registration.transition.pupil
    if dossier.pupil_signed_at is None:
        return False
    return dossier.guardian_signed_at is not None or not needs_guardian(pupil)


@transaction.atomic
def school_part_save(
    *, actor: Actor, registration: Registration, part: dict[str, str]
) -> TransferDossier:
    dossier = _dossier(registration)
    if dossier.sent_at:
        raise ValidationError(_("The dossier has been sent; it no longer changes."))
    dossier.school_part = {key: part.get(key, "").strip() for key in SCHOOL_PART}
    dossier.school_written_by_id = actor.user.pk
    dossier.save()
    audit_record(
        AuditAction.CAREER_WRITTEN,
        actor=actor,
        target=registration,
        subject_pupil_id=registration.transition.pupil_id,
    )
    return dossier


@transaction.atomic
def dossier_send(*, actor: Actor, registration: Registration) -> TransferDossier:
    """Send the signed-off dossier: inside the installation the institution reads it from
    now on; for an institution outside it the school downloads the PDF."""
    dossier = _dossier(registration)
    if dossier.sent_at:
        raise ValidationError(_("The dossier has been sent already."))
    if not signed_off(dossier):
        raise ValidationError(_("The pupil (and a parent, under 16) must sign it off first."))
    if not dossier.school_part.get("advice"):
        raise ValidationError(_("Write the school's advice before you send the dossier."))
    dossier.sent_at, dossier.sent_by_id = timezone.now(), actor.user.pk
    dossier.save()
    steps_complete_of(registration.transition, "dossier_sent")
    audit_record(
        AuditAction.TRANSFER_SENT,
        actor=actor,
        target=registration,
        subject_pupil_id=registration.transition.pupil_id,
        details={"inside": registration.institution_id is not None},
    )
    return dossier


@transaction.atomic
def school_part_send(
    *, actor: Actor, registration: Registration, part: dict[str, str]
) -> TransferDossier:
    """Save the school's part and send the dossier: one action, all or nothing."""
    school_part_save(actor=actor, registration=registration, part=part)
    return dossier_send(actor=actor, registration=registration)


def dossier_opened(registration: Registration) -> None:
    """The institution's first look, shown to the secondary school."""
    TransferDossier.objects.filter(registration=registration, opened_at__isnull=True).update(
        opened_at=timezone.now()
    )


@transaction.atomic
def start_report(
    *, actor: Actor, registration: Registration, kind: str, reported_on: dt.date, notes: str
) -> StartReport:
    """The institution reports how the start went; the pupil's last mentor and the decaan
    see it on their lists until they mark it seen."""
    report = StartReport.objects.create(
        registration=registration,
        kind=kind,
        reported_on=reported_on,
        notes=notes.strip(),
        reported_by_id=actor.user.pk,
    )
    audit_record(
        AuditAction.START_REPORTED,
        actor=actor,
        target=registration,
        subject_pupil_id=registration.transition.pupil_id,
        details={"kind": kind},
    )
    return report


@transaction.atomic
def start_report_seen(*, actor: Actor, report: StartReport) -> None:
    StartReport.objects.filter(pk=report.pk, seen_at__isnull=True).update(seen_at=timezone.now())


@transaction.atomic
def aftercare_contact_record(
    *,
    actor: Actor,
    registration: Registration,
    contacted_on: dt.date,
    going_well: bool,
    notes: str,
) -> AftercareContact:
    contact = AftercareContact.objects.create(
        registration=registration,
        contacted_on=contacted_on,
        going_well=going_well,
        notes=notes.strip(),
        contacted_by_id=actor.user.pk,
    )
    steps_complete_of(registration.transition, "aftercare")
    audit_record(
        AuditAction.CHECK_IN_RECORDED,
        actor=actor,
        target=registration,
        subject_pupil_id=registration.transition.pupil_id,
    )
    return contact
