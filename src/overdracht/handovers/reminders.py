"""Reminders: owners of overdue transition steps (one e-mail per owner, each step once), and
the responsible staff of a school when a milestone of the regional calendar is near while
some of its pupils still have the milestone's step open (once per milestone and school)."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.handovers.calendar import owned_steps_filter, owners_of
from overdracht.handovers.models import Milestone, MilestoneNotice, TransitionStep
from overdracht.handovers.steps import step_label
from overdracht.pupils.models import TransitionStatus
from overdracht.schools.models import Membership, School


def step_reminders_send(*, today: dt.date | None = None) -> int:
    """E-mail everyone whose role owns a step that is past its due date and not done yet.
    Returns the number of people reminded; a step is reminded once (`reminded_at`)."""
    day = today or timezone.localdate()
    overdue = TransitionStep.objects.filter(
        done_at__isnull=True, due_date__lt=day, reminded_at__isnull=True
    ).select_related("transition__pupil")
    pending: dict[int, tuple[Any, dict[int, TransitionStep]]] = {}
    reminded: set[int] = set()
    # {school id: {role: [users]}}: one query over steps per school and role, not per person
    staff: dict[int, dict[str, list[Any]]] = {}
    for membership in Membership.objects.filter(school__isnull=False).select_related("user"):
        school_staff = staff.setdefault(membership.school_id, {})  # type: ignore[arg-type]
        school_staff.setdefault(membership.role, []).append(membership.user)
    for school in School.objects.filter(pk__in=staff):
        owners = owners_of(school)
        for role, users in staff[school.pk].items():
            steps = list(overdue.filter(owned_steps_filter(school, {role}, owners)))
            for user in users if steps else []:
                pending.setdefault(user.pk, (user, {}))[1].update({s.pk: s for s in steps})
            reminded.update(s.pk for s in steps)
    with transaction.atomic():
        TransitionStep.objects.filter(pk__in=reminded).update(reminded_at=day)
        for user, steps_by_pk in pending.values():
            lines = "\n".join(
                f"- {s.transition.pupil.name}: {s.label} ({s.due_date:%d-%m-%Y})"
                for s in sorted(steps_by_pk.values(), key=lambda s: (s.due_date, s.pk))
            )
            body = _(
                "Hello %(name)s,\n\nThese steps of a transition are past their date:\n"
                "%(steps)s\n\n%(link)s\n"
            ) % {
                "name": user.get_short_name(),
                "steps": lines,
                "link": settings.OVERDRACHT_BASE_URL + reverse("handovers:tasks"),
            }
            transaction.on_commit(partial(_send, user.email, _("Overdue transition steps"), body))
    return len(pending)


def milestone_reminders_send(*, today: dt.date | None = None) -> int:
    """Within the region's `reminder_days_before` of a milestone, e-mail the staff of each
    school whose role the milestone names, saying how many pupils still have its step open.
    Returns the number of e-mails."""
    day = today or timezone.localdate()
    near = Milestone.objects.filter(
        date__gte=day, date__lte=day + dt.timedelta(days=31)
    ).select_related("region")
    sent = 0
    for milestone in near:
        if (milestone.date - day).days > milestone.region.reminder_days_before:
            continue
        rows = (
            TransitionStep.objects.filter(
                key=milestone.step_key,
                done_at__isnull=True,
                transition__kind__in=milestone.kinds,
                transition__school_year=milestone.school_year + 1,
                transition__from_school__region=milestone.region_id,
            )
            .exclude(transition__status=TransitionStatus.CANCELLED)
            .exclude(transition__from_school__milestone_notices__milestone=milestone)
            .values("transition__from_school")
            .annotate(open=Count("pk"))
        )
        open_by_school = {row["transition__from_school"]: row["open"] for row in rows}
        if not open_by_school:
            continue
        with transaction.atomic():
            MilestoneNotice.objects.bulk_create(
                [
                    MilestoneNotice(milestone=milestone, school_id=school_id, sent_on=day)
                    for school_id in open_by_school
                ]
            )
            staff = Membership.objects.filter(
                school__in=open_by_school, role=milestone.role
            ).select_related("user", "school")
            for membership in staff:
                body = _(
                    "Hello %(name)s,\n\nOn %(date)s the region's calendar reaches "
                    "“%(milestone)s”. At %(school)s %(count)d pupils still have the step "
                    "“%(step)s” open.\n\nChecklist:\n%(checklist)s\n\n%(link)s\n"
                ) % {
                    "name": membership.user.get_short_name(),
                    "date": f"{milestone.date:%d-%m-%Y}",
                    "milestone": milestone.title,
                    "school": membership.school.name,  # type: ignore[union-attr]
                    "count": open_by_school[membership.school_id],
                    "step": step_label(milestone.step_key),
                    "checklist": "\n".join(f"- {line}" for line in milestone.checklist),
                    "link": settings.OVERDRACHT_BASE_URL
                    + reverse("handovers:calendar", args=[membership.school_id]),
                }
                subject = _("Coming up: %(milestone)s") % {"milestone": milestone.title}
                transaction.on_commit(partial(_send, membership.user.email, subject, body))
                sent += 1
    return sent


def _send(email: str, subject: str, body: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
