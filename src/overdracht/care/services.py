"""Public API of the care app (writes): `referral_create`, `referral_escalate`,
`referral_outcome`, `referral_dossier_send` (the PaO dossier to the partnership),
`care_meeting_plan`, `development_plan_start`, `development_plan_update`,
`care_records_erase` (retention).
Escalation to the care advisory team (ZAT) needs the recorded consent; without it the action
is refused, saying which consent is missing."""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.care.models import CareLevel, CareTeamMeeting, DevelopmentPlan, Referral
from overdracht.consent.models import ConsentPurpose
from overdracht.consent.selectors import ConsentMissingError, consent_required
from overdracht.dossiers.sending import SendingError, partnership_dossier_send
from overdracht.oso.builder import ReviewData
from overdracht.oso.models import PartnershipDossier
from overdracht.pupils.models import Pupil
from overdracht.schools.models import School

OPP_WITHIN = dt.timedelta(weeks=6)


def _check_level(pupil: Pupil, school: School, level: str) -> None:
    if level == CareLevel.CARE_ADVISORY_TEAM:
        try:
            consent_required(pupil, ConsentPurpose.CARE_ADVISORY_TEAM, school=school)
        except ConsentMissingError as exc:
            raise ValidationError(exc.message) from exc
    if level == CareLevel.PARTNERSHIP and school.partnership_id is None:
        raise ValidationError(_("This school has no partnership to refer to."))


def referral_create(
    *,
    actor: Actor,
    pupil: Pupil,
    school: School,
    level: str,
    reason: str,
    urgency: str,
    escalated_from: Referral | None = None,
) -> Referral:
    if not reason.strip():
        raise ValidationError(_("Give the reason for the referral."))
    _check_level(pupil, school, level)
    next_meeting = (
        CareTeamMeeting.objects.filter(school=school, level=level, date__gte=timezone.localdate())
        .order_by("date")
        .first()
    )
    referral = Referral.objects.create(
        pupil=pupil,
        school=school,
        level=level,
        reason=reason.strip(),
        urgency=urgency,
        meeting=next_meeting,
        escalated_from=escalated_from,
        created_by_id=actor.user.pk,
        mentor_id=actor.user.pk,
    )
    audit_record(
        AuditAction.REFERRAL_CREATED,
        actor=actor,
        school_id=school.pk,
        subject_pupil_id=pupil.pk,
        target=referral,
        details={"level": level, "urgency": urgency},
    )
    return referral


@transaction.atomic
def referral_escalate(*, actor: Actor, referral: Referral, level: str, reason: str) -> Referral:
    if level == referral.level or level == CareLevel.CARE_TEAM:
        raise ValidationError(_("Escalate to the ZAT or the partnership."))
    return referral_create(
        actor=actor,
        pupil=referral.pupil,
        school=referral.school,
        level=level,
        reason=reason or referral.reason,
        urgency=referral.urgency,
        escalated_from=referral,
    )


def referral_dossier_send(
    *,
    actor_id: int,
    referral: Referral,
    seen_on: dt.date,
    agreed: bool,
    reason_not_agreed: str,
) -> PartnershipDossier:
    """Send the pupil's dossier to the partnership with a referral to it (PaO profile), with
    the parents' review as the school recorded it; the referral keeps the dossier it sent."""
    if referral.level != CareLevel.PARTNERSHIP:
        raise ValidationError(_("Only a referral to the partnership sends a dossier."))
    try:
        with transaction.atomic():
            dossier = partnership_dossier_send(
                pupil=referral.pupil,
                school=referral.school,
                review=ReviewData(
                    provisional=False,
                    date=seen_on,
                    agreed=agreed,
                    reason_not_agreed=reason_not_agreed.strip(),
                ),
                reason=referral.reason,
                actor_id=actor_id,
            )
            Referral.objects.filter(pk=referral.pk).update(partnership_dossier=dossier)
    except SendingError as exc:
        raise ValidationError([exc.message, *exc.details]) from exc
    referral.partnership_dossier = dossier
    return dossier


def referral_outcome(
    *, actor: Actor, referral: Referral, outcome: str, actions: str, close: bool
) -> None:
    if outcome.strip() and (outcome.strip(), actions.strip()) != (
        referral.outcome,
        referral.actions,
    ):
        # a new or changed outcome: the one who referred hears of it (My tasks, the referral page)
        referral.outcome_at, referral.outcome_seen_at = timezone.now(), None
    referral.outcome, referral.actions = outcome.strip(), actions.strip()
    referral.closed_at = timezone.now() if close else None
    referral.save(
        update_fields=["outcome", "actions", "closed_at", "outcome_at", "outcome_seen_at"]
    )
    audit_record(
        AuditAction.REFERRAL_UPDATED,
        actor=actor,
        school_id=referral.school_id,
        subject_pupil_id=referral.pupil_id,
        target=referral,
    )


def outcome_seen(*, actor: Actor, referral: Referral) -> None:
    """The one who referred has read the care team's outcome."""
    Referral.objects.filter(
        pk=referral.pk, created_by_id=actor.user.pk, outcome_seen_at__isnull=True
    ).update(outcome_seen_at=timezone.now())


def care_meeting_plan(*, school: School, level: str, date: dt.date) -> CareTeamMeeting:
    meeting, _created = CareTeamMeeting.objects.get_or_create(school=school, level=level, date=date)
    Referral.objects.filter(
        school=school, level=level, meeting__isnull=True, closed_at__isnull=True
    ).update(meeting=meeting)
    return meeting


def development_plan_start(
    *, actor: Actor, pupil: Pupil, school: School, support_started: dt.date
) -> DevelopmentPlan:
    plan = DevelopmentPlan.objects.create(
        pupil=pupil,
        school=school,
        support_started=support_started,
        due=support_started + OPP_WITHIN,
        created_by_id=actor.user.pk,
    )
    audit_record(
        AuditAction.DEVELOPMENT_PLAN_SAVED,
        actor=actor,
        school_id=school.pk,
        subject_pupil_id=pupil.pk,
        target=plan,
    )
    return plan


def development_plan_update(
    *, actor: Actor, plan: DevelopmentPlan, completed_at: dt.date | None, pupil_view: str
) -> None:
    plan.completed_at = completed_at
    plan.next_evaluation = (completed_at + dt.timedelta(days=365)) if completed_at else None
    plan.pupil_view = pupil_view.strip()
    plan.save(update_fields=["completed_at", "next_evaluation", "pupil_view"])
    audit_record(
        AuditAction.DEVELOPMENT_PLAN_SAVED,
        actor=actor,
        school_id=plan.school_id,
        subject_pupil_id=plan.pupil_id,
        target=plan,
    )


def care_records_erase(*, pupil_id: uuid.UUID) -> dict[str, int]:
    """Retention: delete the pupil's referrals (to the care team, the ZAT and the
    partnership, i.e. towards special education) and development plans (OPP)."""
    counts = {
        "referrals": Referral.objects.filter(pupil_id=pupil_id).count(),
        "development_plans": DevelopmentPlan.objects.filter(pupil_id=pupil_id).count(),
    }
    Referral.objects.filter(pupil_id=pupil_id).delete()
    DevelopmentPlan.objects.filter(pupil_id=pupil_id).delete()
    return counts


def care_followed_by(*, pupil: Pupil, school: School, mentor_id: int) -> tuple[int, int]:
    """The new mentor follows the pupil's open referrals and development plan from now on
    (the mentor handover was confirmed): how many referrals and plans moved."""
    referrals = Referral.objects.filter(pupil=pupil, school=school, closed_at__isnull=True).update(
        mentor_id=mentor_id
    )
    plans = DevelopmentPlan.objects.filter(pupil=pupil, school=school).update(mentor_id=mentor_id)
    return referrals, plans
