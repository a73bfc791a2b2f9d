"""Public services of the aftercare: `check_in_record` (one check-in of an arrived pupil;
the six-week one completes the transition's aftercare step) and `moments_save` (a school's
own moments)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.aftercare.models import CheckIn, CheckInMoment
from overdracht.aftercare.moments import STEP_MOMENT, MomentDefault
from overdracht.aftercare.selectors import moments_of
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.pupils.models import Transition
from overdracht.schools.models import School
from overdracht.steps.services import steps_complete


def check_in_record(
    *,
    actor: Actor,
    transition: Transition,
    moment: str,
    going: int,
    notes: str,
    passport_to_adjust: bool,
    plan_to_adjust: bool,
) -> CheckIn:
    assert transition.to_school is not None
    if moment not in {m.key for m in moments_of(transition.to_school)}:
        raise ValidationError({"moment": _("Choose one of the school's check-ins.")})
    try:
        with transaction.atomic():
            check_in = CheckIn.objects.create(
                transition=transition,
                moment=moment,
                going=going,
                notes=notes.strip(),
                passport_to_adjust=passport_to_adjust,
                plan_to_adjust=plan_to_adjust,
                done_by_id=actor.user_id,
            )
            if moment == STEP_MOMENT:
                steps_complete("aftercare", pk=transition.pk)
            audit_record(
                AuditAction.CHECK_IN_RECORDED,
                actor=actor,
                school_id=transition.to_school_id,
                subject_pupil_id=transition.pupil_id,
                target=check_in,
                details={"moment": moment, "going": going},
            )
    except IntegrityError as exc:
        raise ValidationError({"moment": _("This check-in has been recorded already.")}) from exc
    return check_in


@transaction.atomic
def moments_save(*, actor: Actor, school: School, moments: list[MomentDefault]) -> None:
    """The school's own moments replace the defaults (all at once)."""
    keys = [m.key for m in moments]
    if len(set(keys)) != len(keys):
        raise ValidationError(_("Two check-ins have the same short name."))
    CheckInMoment.objects.filter(school=school).delete()
    CheckInMoment.objects.bulk_create(
        CheckInMoment(
            school=school,
            key=m.key,
            name=m.name,
            days_after_start=m.days_after_start,
            with_care_coordinator=m.with_care_coordinator,
        )
        for m in moments
    )
    audit_record(
        AuditAction.CHECK_IN_MOMENTS_SAVED,
        actor=actor,
        school_id=school.pk,
        target=school,
        details={"moments": len(moments)},
    )
