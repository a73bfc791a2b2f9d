"""Public reads of the aftercare: a school's check-in moments, and per arrived pupil which
moments are due when and which are done; what a mentor or care coordinator has to do."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from overdracht.accounts.models import User
from overdracht.aftercare.models import CheckIn, CheckInMoment
from overdracht.aftercare.moments import DEFAULT_MOMENTS, MomentDefault
from overdracht.core.school_year import current_school_year
from overdracht.dossiers.selectors import intake_analyses_of
from overdracht.pupils.models import Enrolment, Transition, TransitionKind, TransitionStatus
from overdracht.schools.models import ClassGroup, School
from overdracht.schools.permissions import school_roles

ARRIVING_KINDS = (TransitionKind.PO_VO, TransitionKind.PO_PO, TransitionKind.VO_VO)
# A check-in appears in My tasks this many days before its date.
NOTICE_DAYS = 14


def moments_of(school: School) -> list[MomentDefault]:
    own = [
        MomentDefault(m.key, m.name, m.days_after_start, m.with_care_coordinator)
        for m in CheckInMoment.objects.filter(school=school, active=True)
    ]
    if CheckInMoment.objects.filter(school=school).exists():
        return own
    return list(DEFAULT_MOMENTS)


@dataclass(frozen=True)
class CheckInRow:
    transition: Transition
    moment: MomentDefault
    due: dt.date
    done: CheckIn | None
    needs_support: bool

    @property
    def with_care_coordinator(self) -> bool:
        return self.moment.with_care_coordinator and self.needs_support

    @property
    def overdue(self) -> bool:
        return self.done is None and self.due < timezone.localdate()


def rows_for(school: School, transitions: list[Transition]) -> list[CheckInRow]:
    """The check-ins of these arrived pupils at the school (four queries)."""
    if not transitions:
        return []
    moments = moments_of(school)
    starts = {
        e.pupil_id: e.start_date
        for e in Enrolment.objects.filter(
            school=school,
            pupil_id__in=[t.pupil_id for t in transitions],
            school_year__in={t.school_year for t in transitions},
        )
    }
    done = {
        (c.transition_id, c.moment): c for c in CheckIn.objects.filter(transition__in=transitions)
    }
    support = {
        p
        for p, a in intake_analyses_of(school, [t.pupil_id for t in transitions]).items()
        if a.needs_support
    }
    rows = []
    for t in transitions:
        start = starts.get(t.pupil_id, dt.date(t.school_year, 8, 15))
        for m in moments:
            rows.append(
                CheckInRow(
                    transition=t,
                    moment=m,
                    due=start + dt.timedelta(days=m.days_after_start),
                    done=done.get((t.pk, m.key)),
                    needs_support=t.pupil_id in support,
                )
            )
    return rows


def arrivals(school: School, year: int | None = None) -> list[Transition]:
    return list(
        Transition.objects.filter(
            to_school=school, kind__in=ARRIVING_KINDS, school_year=year or current_school_year()
        )
        .exclude(status=TransitionStatus.CANCELLED)
        .select_related("pupil", "to_school")
        .order_by("pupil__sort_key")
    )


def check_ins_of(transition: Transition) -> list[CheckInRow]:
    assert transition.to_school is not None
    return rows_for(transition.to_school, [transition])


def to_do(user: User) -> list[CheckInRow]:
    """Check-ins near or past their date, not done: the mentor's for the pupils of their
    classes; the care coordinator's where they join (a pupil who needs support)."""
    year = current_school_year()
    today = timezone.localdate()
    result: list[CheckInRow] = []
    roles = school_roles(user)
    for school in School.objects.filter(pk__in=list(roles)):
        mine = set(
            Enrolment.objects.filter(
                class_group__in=ClassGroup.objects.filter(
                    mentors=user, school=school, school_year=year
                )
            ).values_list("pupil_id", flat=True)
        )
        caring = "care_coordinator" in roles[school.pk]
        if not mine and not caring:
            continue
        for row in rows_for(school, arrivals(school, year)):
            if row.done is not None or (row.due - today).days > NOTICE_DAYS:
                continue
            if row.transition.pupil_id in mine or (caring and row.with_care_coordinator):
                result.append(row)
    return result
