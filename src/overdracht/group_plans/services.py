"""Public services of the group plans: `plan_save` (goals and, at the end, the evaluation),
`cluster_add`, `cluster_remove`. Only pupils of the class go in a cluster."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.group_plans.models import Cluster, GroupPlan
from overdracht.group_plans.selectors import pupils_of_class
from overdracht.pupils.models import Pupil
from overdracht.schools.models import ClassGroup


def plan_save(
    *,
    actor: Actor,
    class_group: ClassGroup,
    period: str,
    goals: str,
    evaluation: str = "",
    plan: GroupPlan | None = None,
) -> GroupPlan:
    if not goals.strip():
        raise ValidationError({"goals": _("Write the goals for the group.")})
    try:
        with transaction.atomic():
            if plan is None:
                plan = GroupPlan.objects.create(
                    class_group=class_group,
                    period=period.strip(),
                    goals=goals.strip(),
                    evaluation=evaluation.strip(),
                    updated_by_id=actor.user_id,
                )
            else:
                plan.period, plan.goals = period.strip(), goals.strip()
                plan.evaluation, plan.updated_by_id = evaluation.strip(), actor.user_id
                plan.save()
            audit_record(
                AuditAction.GROUP_PLAN_SAVED,
                actor=actor,
                school_id=class_group.school_id,
                target=plan,
            )
    except IntegrityError as exc:
        raise ValidationError(
            {"period": _("This class has a group plan for that period already.")}
        ) from exc
    return plan


def cluster_add(
    *, actor: Actor, plan: GroupPlan, name: str, approach: str, pupils: list[Pupil]
) -> Cluster:
    allowed = {p.pk for p in pupils_of_class(plan.class_group)}
    if any(p.pk not in allowed for p in pupils):
        raise ValidationError({"pupils": _("Only pupils of the class go in a cluster.")})
    with transaction.atomic():
        cluster = Cluster.objects.create(plan=plan, name=name.strip(), approach=approach.strip())
        cluster.pupils.set(pupils)
        audit_record(
            AuditAction.GROUP_PLAN_SAVED,
            actor=actor,
            school_id=plan.class_group.school_id,
            target=plan,
            details={"cluster_added": cluster.pk, "pupils": len(pupils)},
        )
    return cluster


def cluster_remove(*, actor: Actor, cluster: Cluster) -> None:
    plan = cluster.plan
    with transaction.atomic():
        cluster.delete()
        audit_record(
            AuditAction.GROUP_PLAN_SAVED,
            actor=actor,
            school_id=plan.class_group.school_id,
            target=plan,
            details={"cluster_removed": True},
        )
