"""Public services of the group plans: `plan_save` (goals and, at the end, the evaluation),
`cluster_add`, `cluster_remove` (only pupils of the class go in a cluster), and
`discussion_invite` (next year's mentors of the class's pupils to the group discussion)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.accounts.models import User
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.group_plans.models import Cluster, GroupPlan
from overdracht.group_plans.selectors import next_mentors, pupils_of_class
from overdracht.outbox.services import mail_queue
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


def discussion_invite(
    *, actor: Actor, plan: GroupPlan, starts_at: dt.datetime, place: str
) -> list[User]:
    """Record the group discussion and invite next year's mentors of the class's pupils (an
    e-mail each, sent once this commits); who was invited."""
    if starts_at < timezone.now():
        raise ValidationError({"starts_at": _("The discussion cannot be in the past.")})
    if not place.strip():
        raise ValidationError({"place": _("Say where the discussion is.")})
    invited = next_mentors(plan.class_group)
    if not invited:
        raise ValidationError(
            _("The class's pupils have no mentor for next year yet: choose them first.")
        )
    link = settings.OVERDRACHT_BASE_URL + reverse("group_plans:plan", args=[plan.pk])
    when = timezone.localtime(starts_at).strftime("%d-%m-%Y %H:%M")
    with transaction.atomic():
        plan.discussion_at, plan.discussion_place = starts_at, place.strip()
        plan.save(update_fields=["discussion_at", "discussion_place"])
        for user in invited:
            mail_queue(
                to=user.email,
                school_id=plan.class_group.school_id,
                subject=_("Invitation: group discussion %(name)s")
                % {"name": plan.class_group.name},
                body=_(
                    "You will mentor pupils of class %(name)s next year. You are invited to its "
                    "last group discussion of this year on %(when)s, %(place)s.\n\n"
                    "The group plan: %(link)s"
                )
                % {
                    "name": plan.class_group.name,
                    "when": when,
                    "place": place.strip(),
                    "link": link,
                },
            )
        audit_record(
            AuditAction.GROUP_PLAN_SAVED,
            actor=actor,
            school_id=plan.class_group.school_id,
            target=plan,
            details={"discussion_invited": len(invited)},
        )
    return invited
