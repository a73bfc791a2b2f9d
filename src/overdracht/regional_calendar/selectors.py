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
from overdracht.steps.models import TransitionStep


def due_dates(transitions: list[Transition]) -> dict[tuple[int, str], dt.date]:
    """{(transition id, step key): the date of the step's milestone}: the calendar of the
    sending school's region (the receiving school's where the sender is outside the
    installation) for the school year before the transition. Where several milestones name
    one step (provisional and final advice), the last one counts."""
    calendars: dict[tuple[int, int], list[tuple[dt.date, str, list[str]]]] = {}
    due: dict[tuple[int, str], dt.date] = {}
    for transition in transitions:
        school = transition.from_school or transition.to_school
        if school is None:
            continue
        year = transition.school_year - 1
        if (school.region_id, year) not in calendars:
            calendars[school.region_id, year] = _calendar_rows(school, year)
        for date, step_key, kinds in calendars[school.region_id, year]:
            if transition.kind in kinds:
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
    this school), how many have done the milestone's step."""
    milestones = calendar_ensure(school.region, school_year)
    result = []
    for milestone in milestones:
        if only is not None and not only(milestone):
            continue
        counts = (
            TransitionStep.objects.filter(
                key=milestone.step_key,
                transition__kind__in=milestone.kinds,
                transition__from_school=school,
                transition__school_year=school_year + 1,
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
