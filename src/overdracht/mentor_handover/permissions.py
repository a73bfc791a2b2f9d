"""Who may write and read a mentor handover: this year's mentor writes it, next year's
mentor reads and confirms it; the team lead and the care coordinator of the school may do
both. Anyone else gets 404, like a handover that is not there."""

from __future__ import annotations

from overdracht.accounts.models import User
from overdracht.mentor_handover.selectors import HandoverRow
from overdracht.schools.permissions import school_roles

GUIDING_ROLES = frozenset({"team_lead", "care_coordinator"})


def _guides(user: User, row: HandoverRow) -> bool:
    school_id = row.transition.to_school_id
    return school_id is not None and bool(school_roles(user).get(school_id, set()) & GUIDING_ROLES)


def may_write(user: User, row: HandoverRow) -> bool:
    return user.pk in row.from_mentor_ids or _guides(user, row)


def may_confirm(user: User, row: HandoverRow) -> bool:
    return user.pk in row.to_mentor_ids


def may_read(user: User, row: HandoverRow) -> bool:
    return user.pk in row.from_mentor_ids | row.to_mentor_ids or _guides(user, row)
