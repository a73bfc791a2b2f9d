"""Who reaches a pupil's career dossier: the pupil (writes), their guardians (read), and at
the pupil's school the mentor, the decaan and the guiding roles (`Perm.CAREER_GUIDANCE`:
read, comment, record a conversation). Anyone else — a teacher of the school included —
gets 404, as for a pupil they have no relation to."""

from __future__ import annotations

import uuid

from django.http import HttpRequest

from overdracht.pupils.permissions import PupilAccess, Relation, pupil_access_or_404
from overdracht.schools.permissions import Perm, deny


def career_access_or_404(request: HttpRequest, pupil_id: uuid.UUID) -> PupilAccess:
    access = pupil_access_or_404(request, pupil_id, families=True)
    if access.relation == Relation.STAFF and not access.can(Perm.CAREER_GUIDANCE):
        deny(request, status=404, target=f"pupil:{pupil_id}")
    return access


def may_write(access: PupilAccess) -> bool:
    """The dossier is the pupil's: only the pupil writes reflections and activities."""
    return access.relation == Relation.PUPIL


def may_guide(access: PupilAccess) -> bool:
    """Comment and record a career conversation: the mentor, the decaan, the guiding roles."""
    return access.relation == Relation.STAFF
