"""The work on a staff member's start page: per school a tile for each kind of work the
user's roles there do, with its count and a link to the list filtered to that work; the
classes whose passports the user reads; the next steps and meetings due.

Every count here is the length of the list its link opens, computed by that list's own
selector, so the two never disagree."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.accounts.models import User
from overdracht.intake.selectors import CohortQuery, cohort_filter, incoming_cohort
from overdracht.meetings.models import HandoverMeeting
from overdracht.meetings.selectors import meetings_as_participant, meetings_of_school
from overdracht.passports.selectors import passports_to_read
from overdracht.pupils.models import Enrolment
from overdracht.pupils.permissions import active_enrolment_filter
from overdracht.pupils.selectors import outgoing_waiting
from overdracht.schools.models import ClassGroup, School
from overdracht.schools.permissions import Perm
from overdracht.steps.models import TransitionStep
from overdracht.steps.selectors import my_steps, overdue_steps


@dataclass(frozen=True)
class Tile:
    label: str
    count: int
    url: str
    key: str  # names the tile in tests and in the page's data attributes
    urgent: bool = False  # late work: shown in the warning colour while there is any


def school_tiles(user: User, school: School, perms: set[Perm], year: int) -> list[Tile]:
    """The tiles of one school for what the user's roles there do."""
    tiles: list[Tile] = []
    if Perm.INTAKE in perms and not school.is_primary:
        tiles += _intake_tiles(school)
    if Perm.MANAGE_REVIEWS in perms:
        transitions = reverse("pupils:school_transitions", args=[school.pk])
        for key, label in (
            ("review", _("Reviews by the guardians open")),
            ("to_send", _("Dossiers still to send")),
        ):
            count = outgoing_waiting(
                school=school, school_years=[year, year + 1], waiting=key
            ).count()
            if count or school.is_primary:
                tiles.append(Tile(label, count, f"{transitions}?waiting={key}#out-heading", key))
    if Perm.HANDOVER_MEETINGS in perms:
        now = timezone.now()
        week = meetings_of_school(school.pk, since_days=0).filter(
            starts_at__lt=now + dt.timedelta(days=7), cancelled_at__isnull=True
        )
        tiles.append(
            Tile(
                _("Warm handovers in the coming 7 days"),
                week.count(),
                reverse("meetings:school_meetings", args=[school.pk]),
                "meetings_week",
            )
        )
    if Perm.VIEW_TRANSITIONS in perms:
        _late, late_count = overdue_steps(school, limit=0)
        tiles.append(
            Tile(
                _("Overdue steps"),
                late_count,
                reverse("regional_calendar:calendar", args=[school.pk]) + "#overdue-heading",
                "overdue",
                urgent=True,
            )
        )
    return tiles


def _intake_tiles(school: School) -> list[Tile]:
    cohort = incoming_cohort(school)
    base = reverse("intake:cohort", args=[school.pk])
    tiles = []
    for key, label, status, flag in (
        ("to_analyse", _("Dossiers arrived, not analysed"), "to_analyse", ""),
        (
            "support",
            _("Needing support, not analysed yet"),
            "to_analyse",
            "needs_support",
        ),
        ("to_write", _("Passports to write"), "to_write", ""),
        ("to_read", _("Passports not read by all teachers"), "to_read", ""),
    ):
        rows = cohort_filter(cohort, CohortQuery(status=status, flag=flag))
        query = f"status={status}" + (f"&flag={flag}" if flag else "")
        tiles.append(Tile(label, len(rows), f"{base}?{query}", key))
    return tiles


@dataclass(frozen=True)
class ClassToRead:
    class_group: ClassGroup
    is_mentor: bool
    unread: int  # current passports of its pupils the user has not confirmed


def classes_to_read(user: User, year: int) -> list[ClassToRead]:
    """The classes the user mentors or teaches this school year and the next, with how many
    of their pupils' passports wait for the user (two queries and the passports')."""
    groups = list(
        ClassGroup.objects.filter(
            Q(mentors=user) | Q(teachers__user=user), school_year__in=[year, year + 1]
        )
        .select_related("school")
        .distinct()
        .order_by("school_year", "year_group", "name")
    )
    mentored = set(
        ClassGroup.objects.filter(mentors=user, pk__in=[g.pk for g in groups]).values_list(
            "pk", flat=True
        )
    )
    waiting = {p.pupil_id for p in passports_to_read(user)}
    unread: dict[int, int] = dict.fromkeys([g.pk for g in groups], 0)
    for group_id in Enrolment.objects.filter(
        active_enrolment_filter(), class_group__in=groups, pupil_id__in=waiting
    ).values_list("class_group_id", flat=True):
        unread[group_id] += 1
    return [ClassToRead(g, g.pk in mentored, unread[g.pk]) for g in groups]


@dataclass(frozen=True)
class Due:
    text: str
    url: str
    date: dt.date
    overdue: bool


def next_due(user: User, limit: int = 5) -> list[Due]:
    """The user's first open steps and coming meetings, the earliest first."""
    today = timezone.localdate()
    items = [_step_due(step, today) for step in my_steps(user)[:limit]]
    meetings = meetings_as_participant(user).filter(
        starts_at__gte=timezone.now(), cancelled_at__isnull=True
    )[:limit]
    items += [_meeting_due(meeting) for meeting in meetings]
    items.sort(key=lambda item: item.date)
    return items[:limit]


def _step_due(step: TransitionStep, today: dt.date) -> Due:
    assert step.due_date is not None  # my_steps: only steps with a date
    return Due(
        text=f"{step.transition.pupil.name}: {step.label}",
        url=reverse("steps:pupil_steps", args=[step.transition.pupil_id]),
        date=step.due_date,
        overdue=step.due_date < today,
    )


def _meeting_due(meeting: HandoverMeeting) -> Due:
    return Due(
        text=_("Warm handover of %(pupil)s") % {"pupil": meeting.transition.pupil.name},
        url=reverse("meetings:meeting", args=[meeting.pk]),
        date=timezone.localdate(meeting.starts_at),
        overdue=False,
    )
