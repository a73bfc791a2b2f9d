"""Reads of the care app: the care team's agenda, the partnership's referrals, the OPP."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from overdracht.accounts.models import User
from overdracht.care.models import CareLevel, CareTeamMeeting, DevelopmentPlan, Referral
from overdracht.pupils.models import Pupil
from overdracht.schools.models import School


def upcoming_meetings(school: School) -> QuerySet[CareTeamMeeting]:
    return CareTeamMeeting.objects.filter(school=school, date__gte=timezone.localdate())


def open_referrals(school: School) -> QuerySet[Referral]:
    """The school's open referrals, per level, the most urgent and oldest first."""
    return (
        Referral.objects.filter(school=school, closed_at__isnull=True)
        .select_related("pupil", "meeting")
        .order_by("level", "-urgency", "created_at")
    )


def referral_of_school(school: School, referral_id: Any) -> Referral | None:
    """A referral of this school, or None (also for an id of another school's referral)."""
    return (
        Referral.objects.filter(pk=referral_id or 0, school=school).select_related("pupil").first()
    )


def partnership_referrals(user: User) -> QuerySet[Referral]:
    """Open referrals to the partnership from the schools of the partnerships the user
    works for."""
    return (
        Referral.objects.filter(
            level=CareLevel.PARTNERSHIP,
            closed_at__isnull=True,
            school__partnership__memberships__user=user,
        )
        .select_related("pupil", "school", "partnership_dossier")
        .defer("partnership_dossier__content", "partnership_dossier__mapped")
        .distinct()
    )


def development_plan_of(pupil: Pupil, school: School) -> DevelopmentPlan | None:
    return DevelopmentPlan.objects.filter(pupil=pupil, school=school).first()


def referrals_by(user: User, pupil_id: Any) -> list[Referral]:
    """The referrals of this pupil the user made, with the care team's outcome where there
    is one: the referring mentor hears what became of the question."""
    return list(
        Referral.objects.filter(pupil_id=pupil_id, created_by_id=user.pk).order_by("-created_at")
    )


def outcomes_to_read(user: User) -> QuerySet[Referral]:
    """Outcomes of the user's referrals they have not read yet."""
    return (
        Referral.objects.filter(
            created_by_id=user.pk, outcome_at__isnull=False, outcome_seen_at__isnull=True
        )
        .select_related("pupil")
        .order_by("outcome_at")
    )
