"""The region agrees its calendar: partnership staff set the milestones of a school year, and
the due dates of the open steps follow."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from overdracht.handovers.calendar import calendar_ensure
from overdracht.handovers.models import Milestone, TransitionStep
from overdracht.schools.models import Region


@dataclass(frozen=True)
class MilestoneInput:
    key: str
    title: str
    date: dt.date | None
    checklist: list[str]


def due_dates_apply(region: Region, school_year: int) -> int:
    """Give the open steps of the region's transitions the date of their milestone; where
    several milestones name the same step (provisional and final advice), the last one."""
    changed = 0
    for milestone in sorted(calendar_ensure(region, school_year), key=lambda m: m.date):
        changed += TransitionStep.objects.filter(
            key=milestone.step_key,
            transition__kind__in=milestone.kinds,
            transition__school_year=school_year + 1,
            transition__from_school__region=region,
            done_at__isnull=True,
        ).update(due_date=milestone.date)
    return changed


def milestones_save(
    *, region: Region, school_year: int, values: list[MilestoneInput]
) -> list[Milestone]:
    """Store the region's milestones (all or nothing) and move the open steps' due dates.
    Raises ValidationError with one message per wrong milestone."""
    first, last = dt.date(school_year, 8, 1), dt.date(school_year + 1, 7, 31)
    milestones = {m.key: m for m in calendar_ensure(region, school_year)}
    errors = []
    for value in values:
        if value.key not in milestones:
            continue
        if not value.title.strip():
            errors.append(_("Give every milestone a name."))
        if value.date is None or not first <= value.date <= last:
            errors.append(
                _("“%(title)s”: choose a date between %(first)s and %(last)s.")
                % {
                    "title": value.title or milestones[value.key].title,
                    "first": first.strftime("%d-%m-%Y"),
                    "last": last.strftime("%d-%m-%Y"),
                }
            )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for value in values:
            milestone = milestones.get(value.key)
            if milestone is None or value.date is None:
                continue
            milestone.title = value.title.strip()
            milestone.date = value.date
            milestone.checklist = [line.strip() for line in value.checklist if line.strip()]
            milestone.save(update_fields=["title", "date", "checklist"])
        due_dates_apply(region, school_year)
    return sorted(milestones.values(), key=lambda m: m.date)
