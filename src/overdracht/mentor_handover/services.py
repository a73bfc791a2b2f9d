"""Public services of the mentor handover.

- `handover_write`: this year's mentor writes (or corrects) the handover from the agenda;
  marks the step *handover written*.
- `handover_confirm`: next year's mentor has read it (the read receipt); marks the step
  *handover confirmed*, and from then on the new mentor follows the pupil's open
  agreements, referrals and development plan.
- `prefill`: what the product already knows, as a start for the text.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.care.models import DevelopmentPlan, Referral
from overdracht.care.services import care_followed_by
from overdracht.meetings.services import agreements_move
from overdracht.mentor_handover.agenda import KEYS
from overdracht.mentor_handover.models import MentorHandover
from overdracht.mentor_handover.selectors import HandoverRow
from overdracht.promotion.models import PromotionDecision
from overdracht.steps.services import steps_complete


def prefill(row: HandoverRow) -> dict[str, str]:
    """The promotion decision, the development plan's next evaluation and the open
    referrals, written out for the mentor to start from."""
    text: dict[str, str] = {}
    school_id = row.transition.to_school_id or 0
    decision = (
        PromotionDecision.objects.filter(
            enrolment__pupil=row.pupil,
            enrolment__school_id=school_id,
            enrolment__school_year=row.transition.school_year - 1,
        )
        .exclude(outcome="")
        .first()
    )
    if decision is not None:
        result = decision.get_outcome_display()
        if decision.conditions:
            result += f": {decision.conditions}"
        if decision.profile:
            result += f" ({decision.profile})"
        text["results"] = result + "."
    open_points = []
    plan = DevelopmentPlan.objects.filter(pupil=row.pupil, school_id=school_id).first()
    if plan is not None and plan.next_evaluation:
        open_points.append(
            _("Development plan (OPP): next evaluation %(date)s.")
            % {"date": plan.next_evaluation.strftime("%d-%m-%Y")}
        )
    referrals = Referral.objects.filter(
        pupil=row.pupil, school_id=school_id, closed_at__isnull=True
    ).count()
    if referrals:
        open_points.append(_("Open referrals to the care team: %(n)d.") % {"n": referrals})
    if open_points:
        text["open_points"] = " ".join(open_points)
    return text


def handover_write(
    *, actor: Actor, row: HandoverRow, answers: dict[str, str], conversation_wanted: bool
) -> MentorHandover:
    cleaned = {k: answers.get(k, "").strip() for k in KEYS}
    if not cleaned["typing"]:
        raise ValidationError({"typing": _("Describe the pupil in a few sentences first.")})
    with transaction.atomic():
        handover, _created = MentorHandover.objects.update_or_create(
            transition=row.transition,
            defaults={
                "from_class": row.from_class,
                "to_class": row.to_class,
                "answers": cleaned,
                "conversation_wanted": conversation_wanted,
                "written_by_id": actor.user_id,
                "written_at": timezone.now(),
                "confirmed_by_id": None,
                "confirmed_at": None,
            },
        )
        steps_complete("handover_written", pk=row.transition.pk)
        audit_record(
            AuditAction.MENTOR_HANDOVER_WRITTEN,
            actor=actor,
            school_id=row.transition.to_school_id,
            subject_pupil_id=row.pupil.pk,
            target=handover,
            details={"conversation_wanted": conversation_wanted},
        )
    return handover


def handover_confirm(*, actor: Actor, row: HandoverRow) -> MentorHandover:
    handover = row.handover
    if handover is None or handover.written_at is None:
        raise ValidationError(_("There is no handover to confirm yet."))
    school_id = row.transition.to_school_id
    with transaction.atomic():
        handover.confirmed_by_id, handover.confirmed_at = actor.user_id, timezone.now()
        handover.save(update_fields=["confirmed_by_id", "confirmed_at"])
        steps_complete("handover_confirmed", pk=row.transition.pk)
        moved = agreements_move(
            pupil_id=row.pupil.pk, from_user_ids=set(row.from_mentor_ids), to_user=actor.user
        )
        school = row.transition.to_school
        assert school is not None
        referrals, plans = care_followed_by(pupil=row.pupil, school=school, mentor_id=actor.user_id)
        audit_record(
            AuditAction.MENTOR_HANDOVER_CONFIRMED,
            actor=actor,
            school_id=school_id,
            subject_pupil_id=row.pupil.pk,
            target=handover,
            details={"agreements": moved, "referrals": referrals, "plans": plans},
        )
    return handover
