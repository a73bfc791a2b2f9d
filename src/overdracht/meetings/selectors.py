"""Public API of the handovers app (reads). A meeting is visible to staff of the sending and
of the receiving school whose role may take part in handovers; to everyone else it does not
exist (404)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from overdracht.accounts.models import User
from overdracht.dossiers.models import IntakeAnalysis
from overdracht.meetings.models import Agreement, HandoverMeeting
from overdracht.pupils.models import Guardian, Pupil, Transition
from overdracht.schools.models import School
from overdracht.schools.permissions import Perm, school_permissions


def _schools_with_perm(user: User) -> list[int]:
    return [
        sid for sid, perms in school_permissions(user).items() if Perm.HANDOVER_MEETINGS in perms
    ]


def meetings_for_user(user: User) -> QuerySet[HandoverMeeting]:
    schools = _schools_with_perm(user)
    return HandoverMeeting.objects.filter(
        Q(sending_school__in=schools) | Q(receiving_school__in=schools)
    ).select_related("transition__pupil", "sending_school", "receiving_school")


def acting_school_id(user: User, meeting: HandoverMeeting) -> int | None:
    schools = _schools_with_perm(user)
    for school_id in (meeting.receiving_school_id, meeting.sending_school_id):
        if school_id in schools:
            return school_id
    return None


def open_agreements(user: User) -> QuerySet[Agreement]:
    return (
        Agreement.objects.filter(owner=user, done_at__isnull=True)
        .select_related("meeting__transition__pupil")
        .order_by("due_date")
    )


def meetings_as_participant(user: User) -> QuerySet[HandoverMeeting]:
    return (
        HandoverMeeting.objects.filter(participants__user=user)
        .select_related("transition__pupil")
        .distinct()
    )


def still_to_discuss(school_id: int) -> list[IntakeAnalysis]:
    """Pupils flagged 'discuss in person' at this school without a meeting yet."""
    flagged = list(
        IntakeAnalysis.objects.filter(school_id=school_id, discuss_in_person=True).select_related(
            "pupil"
        )
    )
    since = timezone.now() - dt.timedelta(days=365)
    planned = set(
        HandoverMeeting.objects.filter(
            receiving_school_id=school_id, starts_at__gte=since, cancelled_at__isnull=True
        ).values_list("transition__pupil_id", flat=True)
    )
    return [a for a in flagged if a.pupil_id not in planned]


def meetings_of_school(school_id: int, *, since_days: int = 30) -> QuerySet[HandoverMeeting]:
    """The school's warm handovers (as sender or receiver) from `since_days` ago on."""
    since = timezone.now() - dt.timedelta(days=since_days)
    return (
        HandoverMeeting.objects.filter(
            Q(sending_school_id=school_id) | Q(receiving_school_id=school_id),
            starts_at__gte=since,
        )
        .select_related("transition__pupil", "sending_school", "receiving_school")
        .order_by("starts_at", "pk")
    )


def meetings_for_family(pupil_id: Any, user: User) -> QuerySet[HandoverMeeting]:
    """The pupil's warm handovers to which this guardian or the pupil themself is invited,
    with their agreements (the minutes stay with the schools)."""
    return (
        HandoverMeeting.objects.filter(transition__pupil_id=pupil_id)
        .filter(
            Q(participants__guardian__user=user)
            | Q(participants__is_pupil=True, transition__pupil__user=user)
        )
        .select_related("sending_school", "receiving_school")
        .prefetch_related("agreements__owner")
        .distinct()
        .order_by("-starts_at")
    )


def transitions_to_meet(pupil: Pupil, school: School) -> QuerySet[Transition]:
    """The pupil's transitions between two schools of the installation in which this school
    sends or receives: the ones a warm handover can be planned for."""
    return Transition.objects.filter(
        Q(from_school=school) | Q(to_school=school),
        pupil=pupil,
        from_school__isnull=False,
        to_school__isnull=False,
    )


def staff_to_invite(
    school_ids: Sequence[int | None], meeting: HandoverMeeting | None
) -> QuerySet[User]:
    """Staff of these schools, by name, without those the meeting has invited already."""
    found = User.objects.filter(memberships__school__in=[s for s in school_ids if s])
    if meeting is not None:
        found = found.exclude(
            pk__in=meeting.participants.filter(user__isnull=False).values("user_id")
        )
    return found.distinct().order_by("full_name")


def guardians_to_invite(pupil: Pupil, meeting: HandoverMeeting | None) -> list[Guardian]:
    """The pupil's guardians, without those the meeting has invited already."""
    taken: set[int | None] = set()
    if meeting is not None:
        taken = set(
            meeting.participants.filter(guardian__isnull=False).values_list(
                "guardian_id", flat=True
            )
        )
    return [
        r.guardian
        for r in pupil.guardian_relations.select_related("guardian").order_by("id")
        if r.guardian_id not in taken
    ]
