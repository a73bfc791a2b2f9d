"""Who may tick off a milestone's checklist at a school."""

from __future__ import annotations

from overdracht.accounts.models import User
from overdracht.regional_calendar.models import Milestone
from overdracht.schools.models import School
from overdracht.schools.permissions import Perm, has_school_perm, school_roles


def may_tick(user: User, school: School, milestone: Milestone) -> bool:
    """The milestone's responsible role at the school, or who keeps the school's register."""
    return milestone.role in school_roles(user).get(school.pk, set()) or has_school_perm(
        user, Perm.MANAGE_CLASSES, school.pk
    )
