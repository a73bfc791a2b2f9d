"""Reminders to the owners of overdue transition steps: one e-mail per owner, each step
once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.outbox.services import mail_queue
from overdracht.schools.models import Membership, School
from overdracht.steps.models import TransitionStep
from overdracht.steps.selectors import owned_steps_filter, owners_of


def step_reminders_send(*, today: dt.date | None = None) -> int:
    """E-mail everyone whose role owns a step that is past its due date and not done yet.
    Returns the number of people reminded; a step is reminded once (`reminded_at`)."""
    day = today or timezone.localdate()
    overdue = TransitionStep.objects.filter(
        done_at__isnull=True, due_date__lt=day, reminded_at__isnull=True
    ).select_related("transition__pupil")
    pending: dict[int, tuple[Any, dict[int, TransitionStep]]] = {}
    reminded: set[int] = set()
    school_of: dict[int, int] = {}  # whose administrator sees an e-mail that did not arrive
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
                school_of.setdefault(user.pk, school.pk)
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
                "link": settings.OVERDRACHT_BASE_URL + reverse("worklist:index"),
            }
            send_reminder(
                user.email, _("Overdue transition steps"), body, school_id=school_of.get(user.pk)
            )
    return len(pending)


def send_reminder(email: str, subject: str, body: str, *, school_id: int | None) -> None:
    """Through the outbox, in the caller's transaction: sent once it commits."""
    mail_queue(to=email, subject=subject, body=body, school_id=school_id)
