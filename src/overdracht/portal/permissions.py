"""What a family member may read in the portal."""

from __future__ import annotations

from django.utils import timezone

from overdracht.core.ages import decides_alone
from overdracht.pupils.models import Pupil
from overdracht.pupils.permissions import PupilAccess, Relation


def may_read_dossier(access: PupilAccess, pupil: Pupil) -> bool:
    """Guardians with authority, and the pupil from 16. A guardian without authority sees
    contact details and progress only (the school's default)."""
    if access.relation == Relation.GUARDIAN:
        return access.has_authority
    return decides_alone(pupil.birth_date, timezone.localdate())
