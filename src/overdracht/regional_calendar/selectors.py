"""Public selectors of the regional calendar: `due_dates` (the date of each step of a
transition, from its region's milestones) and `calendar_progress` (per milestone, how many
of the school's pupils have done its step)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from overdracht.pupils.models import Transition, TransitionStatus
from overdracht.regional_calendar.defaults import MILESTONES
from overdracht.regional_calendar.models import ChecklistTick, Milestone
from overdracht.regional_calendar.services import calendar_ensure
from overdracht.schools.models import School
from overdracht.steps.catalogue import AFTER_ARRIVAL_STEPS
from overdracht.steps.models import TransitionStep


def due_dates(transitions: list[Transition]) -> dict[tuple[int, str], dt.date]:
    """{(transition id, step key): the date of the step's milestone}: the calendar of the
    sending school's region (the receiving school's where the sender is outside the
    installation) for the school year before the transition; for the steps after arrival
    (aftercare, feedback) the receiving school's calendar of the transition's own school
    year. Where several milestones name one step, the last one counts."""
    calendars: dict[tuple[int, int], list[tuple[dt.date, str, list[str]]]] = {}
    due: dict[tuple[int, str], dt.date] = {}

    def rows(school: School, year: int) -> list[tuple[dt.date, str, list[str]]]:
        if (school.region_id, year) not in calendars:
            calendars[school.region_id, year] = _calendar_rows(school, year)
        return calendars[school.region_id, year]

    for transition in transitions:
        school = transition.from_school or transition.to_school
        if school is not None:
            for date, step_key, kinds in rows(school, transition.school_year - 1):
                if transition.kind in kinds and step_key not in AFTER_ARRIVAL_STEPS:
                    due[transition.pk, step_key] = date
        receiving = transition.to_school
        if receiving is not None:
            for date, step_key, kinds in rows(receiving, transition.school_year):
                if transition.kind in kinds and step_key in AFTER_ARRIVAL_STEPS:
                    due[transition.pk, step_key] = date
    return due


def _calendar_rows(school: School, year: int) -> list[tuple[dt.date, str, list[str]]]:
    """(date, step key, kinds) of the region's milestones in date order; one light query,
    and the defaults made first where the region has no calendar for the year yet."""
    rows = Milestone.objects.filter(region_id=school.region_id, school_year=year).order_by("date")
    found = list(rows.values_list("date", "step_key", "kinds"))
    if len(found) < len(MILESTONES):
        calendar_ensure(school.region, year)
        found = list(rows.values_list("date", "step_key", "kinds"))
    return found


@dataclass(frozen=True)
class MilestoneProgress:
    milestone: Milestone
    done: int
    total: int

    @property
    def overdue(self) -> bool:
        return self.milestone.date < timezone.localdate() and self.done < self.total


def calendar_progress(
    school: School, school_year: int, only: Callable[[Milestone], bool] | None = None
) -> list[MilestoneProgress]:
    """Per milestone (or per milestone `only` keeps: the others are not counted): of the
    school's pupils making that kind of transition in the coming school year (leaving from
    this school), how many have done the milestone's step; for the steps after arrival
    (aftercare, feedback), of the pupils who arrived at this school this school year."""
    milestones = calendar_ensure(school.region, school_year)
    result = []
    for milestone in milestones:
        if only is not None and not only(milestone):
            continue
        if milestone.step_key in AFTER_ARRIVAL_STEPS:
            whose = Q(transition__to_school=school, transition__school_year=school_year)
        else:
            whose = Q(transition__from_school=school, transition__school_year=school_year + 1)
        counts = (
            TransitionStep.objects.filter(
                whose,
                key=milestone.step_key,
                transition__kind__in=milestone.kinds,
            )
            .exclude(transition__status=TransitionStatus.CANCELLED)
            .aggregate(total=Count("pk"), done=Count("pk", filter=Q(done_at__isnull=False)))
        )
        result.append(MilestoneProgress(milestone, counts["done"], counts["total"]))
    return result


def checklist_ticks(school: School, milestones: list[Milestone]) -> dict[int, set[str]]:
    """{milestone id: the items the school has ticked}."""
    ticks: dict[int, set[str]] = {m.pk: set() for m in milestones}
    for milestone_id, item in ChecklistTick.objects.filter(
        school=school, milestone__in=milestones
    ).values_list("milestone_id", "item"):
        ticks[milestone_id].add(item)
    return ticks
