"""The region agrees its calendar: partnership staff set the milestones of a school year, and
the due dates of the open steps follow. Each school ticks off a milestone's checklist."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from overdracht.handovers.calendar import calendar_ensure
from overdracht.handovers.models import ChecklistTick, Milestone, TransitionStep
from overdracht.schools.models import Region, School
from overdracht.schools.permissions import Perm, has_school_perm, school_roles
from overdracht.schools.roles import Role


@dataclass(frozen=True)
class MilestoneInput:
    key: str
    title: str
    date: dt.date | None
    checklist: list[str]
    role: str = ""  # empty: keep the milestone's responsible role


def due_dates_apply(region: Region, school_year: int) -> int:
    """Give the open steps of the region's transitions (sent from the region, or arriving in
    it from outside the installation) the date of their milestone; where several milestones
    name the same step (provisional and final advice), the last one."""
    changed = 0
    for milestone in sorted(calendar_ensure(region, school_year), key=lambda m: m.date):
        changed += (
            TransitionStep.objects.filter(
                key=milestone.step_key,
                transition__kind__in=milestone.kinds,
                transition__school_year=school_year + 1,
                done_at__isnull=True,
            )
            .filter(
                Q(transition__from_school__region=region)
                | Q(transition__from_school__isnull=True, transition__to_school__region=region)
            )
            .update(due_date=milestone.date)
        )
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
        if value.role and value.role not in Role.values:
            errors.append(
                _("“%(title)s”: choose a responsible role from the list.")
                % {"title": value.title or milestones[value.key].title}
            )
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
            milestone.role = value.role or milestone.role
            milestone.save(update_fields=["title", "date", "checklist", "role"])
        due_dates_apply(region, school_year)
    return sorted(milestones.values(), key=lambda m: m.date)


def may_tick(user: Any, school: School, milestone: Milestone) -> bool:
    """The milestone's responsible role at the school, or who keeps the school's register."""
    return milestone.role in school_roles(user).get(school.pk, set()) or has_school_perm(
        user, Perm.MANAGE_CLASSES, school.pk
    )


def checklist_ticks(school: School, milestones: list[Milestone]) -> dict[int, set[str]]:
    """{milestone id: the items the school has ticked}."""
    ticks: dict[int, set[str]] = {m.pk: set() for m in milestones}
    for milestone_id, item in ChecklistTick.objects.filter(
        school=school, milestone__in=milestones
    ).values_list("milestone_id", "item"):
        ticks[milestone_id].add(item)
    return ticks


@transaction.atomic
def checklist_save(*, user: Any, school: School, milestone: Milestone, ticked: list[str]) -> None:
    """The school's ticks on the milestone's checklist become exactly `ticked`. Raises
    ValidationError for an item that is not on the checklist (nothing changes)."""
    unknown = [item for item in ticked if item not in milestone.checklist]
    if unknown:
        raise ValidationError(
            _("“%(item)s” is not on the checklist of this milestone.") % {"item": unknown[0]}
        )
    ChecklistTick.objects.filter(school=school, milestone=milestone).exclude(
        item__in=ticked
    ).delete()
    ChecklistTick.objects.bulk_create(
        [
            ChecklistTick(milestone=milestone, school=school, item=item, ticked_by_id=user.pk)
            for item in dict.fromkeys(ticked)
        ],
        ignore_conflicts=True,  # ticked before: keep who ticked it first
    )
