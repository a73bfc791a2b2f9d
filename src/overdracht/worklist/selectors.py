"""*Mijn taken*: one list per user of what waits for them — the steps their role owns, the
agreements made with them, their warm handovers, and lines gathered from the rest of
the product (a milestone of the regional calendar that is near, passports of their classes
still to read, guardians' reviews past their deadline, correction requests)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from overdracht.accounts.models import User
from overdracht.aftercare.selectors import to_do as check_ins_to_do
from overdracht.care.selectors import outcomes_to_read
from overdracht.consent.selectors import (
    open_copy_requests,
    open_correction_requests,
    reviews_past_deadline,
)
from overdracht.consent.services import COPY_WITHIN as ANSWER_WITHIN
from overdracht.core.school_year import current_school_year
from overdracht.dossiers.models import IntakeAnalysis
from overdracht.feedback.models import Moment
from overdracht.feedback.selectors import moment_opens
from overdracht.feedback.selectors import to_give as feedback_to_give
from overdracht.further_education.selectors import notices_for as further_notices
from overdracht.meetings import selectors as meeting_selectors
from overdracht.meetings.models import Agreement, HandoverMeeting
from overdracht.mentor_handover import selectors as mentor_handovers
from overdracht.passports.selectors import passports_to_read
from overdracht.regional_calendar.models import Milestone
from overdracht.regional_calendar.selectors import calendar_progress
from overdracht.schools.models import School
from overdracht.schools.permissions import Perm, school_permissions, school_roles
from overdracht.steps.models import TransitionStep
from overdracht.steps.selectors import my_steps

# A milestone appears this many days before its date, and stays while it is not complete.
MILESTONE_NOTICE_DAYS = 14


@dataclass(frozen=True)
class WorklistItem:
    text: str
    url: str  # empty when the user's role has no page to go to
    date: dt.date | None
    overdue: bool


@dataclass(frozen=True)
class Worklist:
    steps: list[TransitionStep]
    agreements: QuerySet[Agreement]
    meetings: QuerySet[HandoverMeeting]
    to_discuss: list[IntakeAnalysis]
    items: list[WorklistItem]  # lines gathered from the other apps


def worklist_of(user: User) -> Worklist:
    today = timezone.localdate()
    schools = list(School.objects.filter(pk__in=school_roles(user)).order_by("name"))
    items = [
        *_milestones_near(user, schools, today),
        *_passports(user),
        *_reviews(user, schools),
        *_mentor_handovers(user),
        *_feedback(user),
        *_check_ins(user),
        *_further_education(user),
        *_care_outcomes(user),
    ]
    items.sort(key=lambda r: (r.date or dt.date.max, r.text))
    return Worklist(
        steps=my_steps(user),
        agreements=meeting_selectors.open_agreements(user),
        meetings=meeting_selectors.meetings_as_participant(user).filter(
            starts_at__gte=timezone.now() - dt.timedelta(hours=2), cancelled_at__isnull=True
        ),
        to_discuss=[
            analysis
            for school in schools
            if Perm.HANDOVER_MEETINGS in school_permissions(user)[school.pk]
            for analysis in meeting_selectors.still_to_discuss(school.pk)
        ],
        items=items,
    )


def _milestones_near(user: User, schools: list[School], today: dt.date) -> list[WorklistItem]:
    """Milestones whose responsible role the user has at a school, near or past, while some
    of that school's pupils have not done the step."""
    roles, perms = school_roles(user), school_permissions(user)
    result = []
    for school in schools:
        near_and_mine = partial(_near_and_mine, roles=roles[school.pk], today=today)
        for progress in calendar_progress(school, current_school_year(), only=near_and_mine):
            if progress.done >= progress.total:
                continue
            milestone = progress.milestone
            may_open = Perm.VIEW_TRANSITIONS in perms[school.pk]
            result.append(
                WorklistItem(
                    text=ngettext(
                        "%(milestone)s (%(school)s): %(open)d of %(total)d pupil to go",
                        "%(milestone)s (%(school)s): %(open)d of %(total)d pupils to go",
                        progress.total,
                    )
                    % {
                        "milestone": milestone.title,
                        "school": school.name,
                        "open": progress.total - progress.done,
                        "total": progress.total,
                    },
                    url=reverse("regional_calendar:calendar", args=[school.pk]) if may_open else "",
                    date=milestone.date,
                    overdue=progress.overdue,
                )
            )
    return result


def _near_and_mine(milestone: Milestone, *, roles: set[str], today: dt.date) -> bool:
    return milestone.role in roles and (milestone.date - today).days <= MILESTONE_NOTICE_DAYS


def _passports(user: User) -> list[WorklistItem]:
    return [
        WorklistItem(
            text=_("Read the passport of %(pupil)s") % {"pupil": passport.pupil.name},
            url=reverse("passports:passport", args=[passport.pupil_id]),
            date=timezone.localdate(passport.created_at),
            overdue=False,
        )
        for passport in passports_to_read(user)
    ]


def _mentor_handovers(user: User) -> list[WorklistItem]:
    """The handovers the user writes as this year's mentor, or reads as next year's."""
    write = [
        WorklistItem(
            text=_("Write the mentor handover of %(pupil)s (to %(klass)s)")
            % {"pupil": r.pupil.name, "klass": r.to_class.name if r.to_class else "?"},
            url=reverse("mentor_handover:handover", args=[r.transition.pk]),
            date=None,
            overdue=False,
        )
        for r in mentor_handovers.to_write(user)
    ]
    read = [
        WorklistItem(
            text=(
                _("Read the mentor handover of %(pupil)s; a conversation is wanted")
                if r.conversation_wanted
                else _("Read the mentor handover of %(pupil)s")
            )
            % {"pupil": r.pupil.name},
            url=reverse("mentor_handover:handover", args=[r.transition.pk]),
            date=timezone.localdate(r.handover.written_at)
            if r.handover and r.handover.written_at
            else None,
            overdue=False,
        )
        for r in mentor_handovers.to_read(user)
    ]
    return write + read


def _check_ins(user: User) -> list[WorklistItem]:
    """Aftercare check-ins near or past their date, with the arrived pupils of the user's
    classes (and, for the care coordinator, those who need support)."""
    return [
        WorklistItem(
            text=_("Aftercare: %(moment)s with %(pupil)s")
            % {"moment": row.moment.name, "pupil": row.transition.pupil.name},
            url=reverse("aftercare:pupil", args=[row.transition.pk]),
            date=row.due,
            overdue=row.overdue,
        )
        for row in check_ins_to_do(user)
    ]


def _care_outcomes(user: User) -> list[WorklistItem]:
    """The care team's outcome of a pupil the user referred, until they have read it."""
    return [
        WorklistItem(
            text=_("The care team's outcome about %(pupil)s") % {"pupil": r.pupil.name},
            url=reverse("care:refer", args=[r.pupil_id]),
            date=timezone.localdate(r.outcome_at) if r.outcome_at else None,
            overdue=False,
        )
        for r in outcomes_to_read(user)
    ]


def _further_education(user: User) -> list[WorklistItem]:
    """The decaan's signals (no registration near the deadline, refused or withdrawn, a
    no-show) and, for a pupil's last mentor, the institution's report on the start."""
    return [
        WorklistItem(
            text=notice.text,
            url=reverse("further_education:report", args=[notice.report_id])
            if notice.report_id
            else reverse("further_education:aftercare", args=[notice.aftercare_id])
            if notice.aftercare_id
            else reverse("further_education:dossier", args=[notice.registration_id])
            if notice.registration_id
            else reverse("further_education:pupil", args=[notice.pupil_id]),
            date=notice.date,
            overdue=notice.overdue,
        )
        for notice in further_notices(user)
    ]


def _feedback(user: User) -> list[WorklistItem]:
    """Feedback due to the primary school about the pupils of the classes the user mentors."""
    return [
        WorklistItem(
            text=_("Feedback about %(pupil)s to %(school)s (%(moment)s)")
            % {
                "pupil": due.transition.pupil.name,
                "school": due.transition.from_name,
                "moment": Moment(due.moment).label,
            },
            url=reverse("feedback:give", args=[due.transition.pk, due.moment]),
            date=moment_opens(due.transition, due.moment),
            overdue=False,
        )
        for due in feedback_to_give(user)
    ]


def _reviews(user: User, schools: list[School]) -> list[WorklistItem]:
    perms = school_permissions(user)
    result = []
    for school in schools:
        if Perm.MANAGE_REVIEWS not in perms[school.pk]:
            continue
        for review in reviews_past_deadline(school):
            pupil = review.transition.pupil
            result.append(
                WorklistItem(
                    text=_("Review by the guardians of %(pupil)s is past its deadline")
                    % {"pupil": pupil.name},
                    url=reverse("consent:reviews", args=[pupil.pk]),
                    date=review.deadline,
                    overdue=True,
                )
            )
        for asked in open_copy_requests(school).select_related("pupil"):
            result.append(
                WorklistItem(
                    text=_("Copy of all data asked for %(pupil)s") % {"pupil": asked.pupil.name},
                    url=reverse("consent:reviews", args=[asked.pupil_id]),
                    date=asked.due,
                    overdue=asked.due < timezone.localdate(),
                )
            )
        for request in open_correction_requests(school).select_related("pupil"):
            due = timezone.localdate(request.created_at) + ANSWER_WITHIN
            result.append(
                WorklistItem(
                    text=_("Correction requested for the dossier of %(pupil)s")
                    % {"pupil": request.pupil.name},
                    url=reverse("consent:reviews", args=[request.pupil_id]),
                    date=due,
                    overdue=due < timezone.localdate(),
                )
            )
    return result
