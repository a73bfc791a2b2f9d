"""Public services of promotion (writes).

- `norms_save`: the school's norms (all lines at once; overlapping lines refused).
- `decision_save`: the decision about one pupil at the end of the year, audited.
- `class_plan_save`: a class of next year with its mentor; `pupil_move` puts a pupil in
  another class of next year before the rollover.
- `rollover.rollover_request`, `rollover_run`, `rollover_undo`: the move into next year.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.accounts.models import User
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.promotion.models import ClassPlan, Outcome, PromotionDecision, PromotionNorm
from overdracht.promotion.norms import Norm, default_next_class, norms_problems
from overdracht.pupils.models import Enrolment
from overdracht.schools.models import School


@transaction.atomic
def norms_save(*, actor: Actor, school: School, norms: list[Norm]) -> None:
    problems = norms_problems(norms)
    if "reversed" in problems:
        raise ValidationError(_("A line ends before it starts."))
    if "overlap" in problems:
        raise ValidationError(_("Two lines cover the same number of insufficient marks."))
    PromotionNorm.objects.filter(school=school).delete()
    PromotionNorm.objects.bulk_create(
        PromotionNorm(
            school=school,
            insufficient_from=n.insufficient_from,
            insufficient_to=n.insufficient_to,
            proposal=n.proposal,
        )
        for n in norms
    )
    audit_record(
        AuditAction.PROMOTION_NORMS_SAVED,
        actor=actor,
        school_id=school.pk,
        target=school,
        details={"lines": len(norms)},
    )


def decision_save(
    *,
    actor: Actor,
    enrolment: Enrolment,
    insufficient_marks: int | None,
    outcome: str,
    next_level: str = "",
    profile: str = "",
    conditions: str = "",
    reason: str = "",
    leaving_to: str = "",
    next_class_name: str = "",
) -> PromotionDecision:
    """Record (or change) the decision about a pupil. Errors are keyed on the field: a
    condition without "on conditions", another level without the level, a leaver without
    where to."""
    errors: dict[str, str] = {}
    if outcome == Outcome.CONDITIONS and not conditions.strip():
        errors["conditions"] = _("Say which conditions apply.")
    if outcome == Outcome.OTHER_LEVEL and not next_level:
        errors["next_level"] = _("Choose the level or stream of next year.")
    if outcome == Outcome.LEAVES and not leaving_to:
        errors["leaving_to"] = _("Say where the pupil goes.")
    if errors:
        raise ValidationError(errors)
    class_name = next_class_name.strip() or default_next_class(
        enrolment.class_group.name if enrolment.class_group else "",
        enrolment.year_group,
        outcome,
    )
    with transaction.atomic():
        decision, _created = PromotionDecision.objects.update_or_create(
            enrolment=enrolment,
            defaults={
                "insufficient_marks": insufficient_marks,
                "outcome": outcome,
                "next_level": next_level if outcome == Outcome.OTHER_LEVEL else "",
                "profile": profile.strip(),
                "conditions": conditions.strip() if outcome == Outcome.CONDITIONS else "",
                "reason": reason.strip(),
                "leaving_to": leaving_to if outcome == Outcome.LEAVES else "",
                "next_class_name": "" if outcome == Outcome.LEAVES else class_name,
                "decided_by_id": actor.user_id if outcome else None,
                "decided_at": timezone.now() if outcome else None,
            },
        )
        audit_record(
            AuditAction.PROMOTION_DECIDED,
            actor=actor,
            school_id=enrolment.school_id,
            subject_pupil_id=enrolment.pupil_id,
            target=decision,
            details={"outcome": outcome, "school_year": enrolment.school_year},
        )
    return decision


def class_plan_save(
    *, school: School, school_year: int, name: str, year_group: int, mentor: User | None
) -> ClassPlan:
    plan, _created = ClassPlan.objects.update_or_create(
        school=school,
        school_year=school_year,
        name=name,
        defaults={"year_group": year_group, "mentor": mentor},
    )
    return plan


def pupil_move(*, decision: PromotionDecision, next_class_name: str) -> PromotionDecision:
    """Put the pupil in another class of next year (before the rollover runs)."""
    if decision.outcome in ("", Outcome.LEAVES):
        raise ValidationError({"next_class_name": _("Only a pupil who stays has a class.")})
    decision.next_class_name = next_class_name.strip()
    decision.save(update_fields=["next_class_name"])
    return decision
