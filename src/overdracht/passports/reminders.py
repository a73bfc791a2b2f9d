"""Reminders to read: an e-mail to each mentor and teacher with passports of their class unread
for more than `OVERDRACHT_PASSPORT_REMINDER_DAYS` days."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.core.school_year import current_school_year
from overdracht.outbox.services import mail_queue
from overdracht.passports.models import PassportReminder, PassportVersion, ReadReceipt
from overdracht.passports.selectors import current_versions
from overdracht.pupils.models import Enrolment
from overdracht.pupils.permissions import active_enrolment_filter
from overdracht.schools.models import ClassGroup
from overdracht.schools.selectors import readers_of_class


def passport_reminders_send(*, today: dt.date | None = None) -> int:
    """E-mail each mentor and teacher who has passports of their class unread for more than
    OVERDRACHT_PASSPORT_REMINDER_DAYS days: one e-mail per reader, each version once."""
    day = today or timezone.localdate()
    limit = settings.OVERDRACHT_PASSPORT_REMINDER_DAYS
    pending: dict[int, tuple[Any, list[PassportVersion]]] = {}
    school_of: dict[int, int] = {}  # whose administrator sees an e-mail that did not arrive
    classes = ClassGroup.objects.filter(
        school_year__in=[current_school_year(), current_school_year() + 1]
    )
    for class_group in classes:
        pupil_ids = list(
            Enrolment.objects.filter(
                active_enrolment_filter(), class_group=class_group
            ).values_list("pupil_id", flat=True)
        )
        latest = current_versions(pupil_ids)
        old = [p for p in latest.values() if (day - timezone.localdate(p.created_at)).days > limit]
        if not old:
            continue
        done = set(
            ReadReceipt.objects.filter(passport__in=old).values_list("passport_id", "user_id")
        )
        done |= set(
            PassportReminder.objects.filter(passport__in=old).values_list("passport_id", "user_id")
        )
        for user in readers_of_class(class_group):
            todo = [p for p in old if (p.pk, user.pk) not in done]
            if todo:
                pending.setdefault(user.pk, (user, []))[1].extend(todo)
                school_of.setdefault(user.pk, class_group.school_id)
    for user, versions in pending.values():
        with transaction.atomic():
            PassportReminder.objects.bulk_create(
                [PassportReminder(passport=p, user_id=user.pk) for p in versions],
                ignore_conflicts=True,
            )
            names = ", ".join(sorted(p.pupil.name for p in versions))
            body = _(
                "Hello %(name)s,\n\nThese pupil passports are waiting for you to read "
                "them: %(pupils)s.\n\n%(link)s\n"
            ) % {
                "name": user.get_short_name(),
                "pupils": names,
                "link": settings.OVERDRACHT_BASE_URL + reverse("dashboard:home"),
            }
            mail_queue(
                to=user.email,
                subject=_("Pupil passports to read"),
                body=body,
                school_id=school_of.get(user.pk),
            )
    return len(pending)
