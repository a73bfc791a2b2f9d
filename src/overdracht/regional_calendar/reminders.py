"""Reminders to the responsible staff of a school when a milestone of the regional calendar
is near while some of its pupils still have the milestone's step open (once per milestone
and school)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from overdracht.pupils.models import TransitionStatus
from overdracht.regional_calendar.models import Milestone, MilestoneNotice
from overdracht.schools.models import Membership
from overdracht.steps.catalogue import step_label
from overdracht.steps.models import TransitionStep
from overdracht.steps.reminders import send_reminder


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
                body = ngettext(
                    "Hello %(name)s,\n\nOn %(date)s the region's calendar reaches "
                    "“%(milestone)s”. At %(school)s %(count)d pupil still has the step "
                    "“%(step)s” open.\n\nChecklist:\n%(checklist)s\n\n%(link)s\n",
                    "Hello %(name)s,\n\nOn %(date)s the region's calendar reaches "
                    "“%(milestone)s”. At %(school)s %(count)d pupils still have the step "
                    "“%(step)s” open.\n\nChecklist:\n%(checklist)s\n\n%(link)s\n",
                    open_by_school[membership.school_id],
                ) % {
                    "name": membership.user.get_short_name(),
                    "date": f"{milestone.date:%d-%m-%Y}",
                    "milestone": milestone.title,
                    "school": membership.school.name,  # type: ignore[union-attr]
                    "count": open_by_school[membership.school_id],
                    "step": step_label(milestone.step_key),
                    "checklist": "\n".join(f"- {line}" for line in milestone.checklist),
                    "link": settings.OVERDRACHT_BASE_URL
                    + reverse("regional_calendar:calendar", args=[membership.school_id]),
                }
                subject = _("Coming up: %(milestone)s") % {"milestone": milestone.title}
                send_reminder(membership.user.email, subject, body, school_id=membership.school_id)
                sent += 1
    return sent
