"""The permission entry point for everything about one pupil.

Public API: `pupil_read_record(request, access, action)` records a read of the pupil's data;
`pupil_access_or_404(request, pupil_id, perm, families=False)` returns a `PupilAccess` saying in
which relation and role the user may act, or answers 404 when the user has no relation to
the pupil at all (never a hint that the pupil exists) and 403 when they have one but their
role lacks the permission. Both are audited. Staff permissions come from
`overdracht.schools.permissions`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.core.ages import guardians_keep_access
from overdracht.core.school_year import school_year_of
from overdracht.core.sensitivity import Sensitivity
from overdracht.pupils.models import Enrolment, GuardianRelation, Pupil
from overdracht.schools.models import ClassTeacher
from overdracht.schools.permissions import (
    MENTOR_OF_PUPIL_PERMISSIONS,
    Perm,
    deny,
    primary_role,
    school_permissions,
    school_roles,
)
from overdracht.schools.roles import RELATION_BOUND_ROLES, ROLE_MAX_SENSITIVITY


class Relation(StrEnum):
    STAFF = "staff"
    GUARDIAN = "guardian"
    PUPIL = "pupil"


# What a guardian or the pupil may do with their own pupil page.
FAMILY_PERMISSIONS = frozenset({Perm.VIEW_PUPILS, Perm.VIEW_TRANSITIONS})


@dataclass(frozen=True)
class PupilAccess:
    pupil_id: uuid.UUID
    relation: Relation
    role: str
    perms: frozenset[Perm]
    school_id: int | None = None
    is_mentor: bool = False
    is_teacher: bool = False
    level: Sensitivity | None = None
    guardian_id: int | None = None
    has_authority: bool = False
    school_ids: frozenset[int] = field(default_factory=frozenset)

    def can(self, perm: Perm) -> bool:
        return perm in self.perms


def active_enrolment_filter(today: dt.date | None = None) -> Q:
    """Enrolments that make a pupil 'of the school': this school year or the next one
    (registered for next year), and not ended."""
    day = today or timezone.localdate()
    year = school_year_of(day)
    return Q(school_year__in=[year, year + 1]) & (Q(end_date__isnull=True) | Q(end_date__gte=day))


def staff_level(roles: set[str], *, is_mentor: bool, is_teacher: bool) -> Sensitivity | None:
    """The highest sensitivity a staff user may see of one pupil, from their relation to
    that pupil: the mentor of the pupil's class sees support data, a teacher of the pupil
    general data; a mentor or teacher of another class nothing of the dossier. Roles that
    guide the whole school (care coordinator, team lead, ...) see their role's level. Every
    role the user holds at the school counts, not only the first."""
    levels: list[Sensitivity] = []
    if is_mentor:
        levels.append(Sensitivity.SUPPORT)
    if is_teacher:
        levels.append(Sensitivity.GENERAL)
    levels += [ROLE_MAX_SENSITIVITY[r] for r in roles if r not in RELATION_BOUND_ROLES]
    return max(levels) if levels else None


def _staff_access(request: HttpRequest, pupil_id: uuid.UUID) -> PupilAccess | None:
    best: PupilAccess | None = None
    for candidate in _staff_candidates(request, pupil_id):
        if best is None or len(candidate.perms) > len(best.perms):
            best = candidate
    return best


def staff_level_at(request: HttpRequest, pupil_id: uuid.UUID, school_id: int) -> Sensitivity | None:
    """The sensitivity the user's relation to the pupil gives at one school (None: no
    relation there). Records nothing and raises nothing: for a page about something else
    (a meeting) that shows some of the pupil's data only to those who may see it."""
    levels = [
        c.level
        for c in _staff_candidates(request, pupil_id)
        if c.school_id == school_id and c.level is not None
    ]
    return max(levels) if levels else None


def _staff_candidates(request: HttpRequest, pupil_id: uuid.UUID) -> list[PupilAccess]:
    """One access per school where the pupil is enrolled and the user works."""
    perms_by_school = school_permissions(authenticated_user(request))
    if not perms_by_school:
        return []
    rows = list(
        Enrolment.objects.filter(
            active_enrolment_filter(), pupil_id=pupil_id, school_id__in=list(perms_by_school)
        ).values_list("school_id", "class_group_id")
    )
    if not rows:
        return []
    mentored = set(
        authenticated_user(request)
        .mentored_class_groups.filter(pk__in=[cg for _, cg in rows if cg])
        .values_list("pk", flat=True)
    )
    taught = set(
        ClassTeacher.objects.filter(
            user=authenticated_user(request), class_group_id__in=[cg for _, cg in rows if cg]
        ).values_list("class_group_id", flat=True)
    )
    roles_by_school = school_roles(authenticated_user(request))
    candidates = []
    for school_id, class_group_id in rows:
        is_mentor = class_group_id in mentored
        is_teacher = class_group_id in taught
        perms = set(perms_by_school[school_id])
        if is_mentor:
            perms |= MENTOR_OF_PUPIL_PERMISSIONS
        candidates.append(
            PupilAccess(
                pupil_id=pupil_id,
                relation=Relation.STAFF,
                role="mentor"
                if is_mentor
                else primary_role(authenticated_user(request), school_id),
                perms=frozenset(perms),
                school_id=school_id,
                is_mentor=is_mentor,
                is_teacher=is_teacher,
                level=staff_level(
                    roles_by_school.get(school_id, set()),
                    is_mentor=is_mentor,
                    is_teacher=is_teacher,
                ),
                school_ids=frozenset(s for s, _ in rows),
            )
        )
    return candidates


def _family_access(request: HttpRequest, pupil_id: uuid.UUID) -> PupilAccess | None:
    user = authenticated_user(request)
    relation = (
        GuardianRelation.objects.filter(pupil_id=pupil_id, guardian__user=user)
        .values_list(
            "guardian_id", "has_authority", "adult_pupil_allows_access", "pupil__birth_date"
        )
        .first()
    )
    if relation is not None and guardians_keep_access(
        relation[3], timezone.localdate(), relation[2]
    ):
        return PupilAccess(
            pupil_id=pupil_id,
            relation=Relation.GUARDIAN,
            role="guardian",
            perms=FAMILY_PERMISSIONS,
            guardian_id=relation[0],
            has_authority=relation[1],
        )
    if Pupil.objects.filter(pk=pupil_id, user=user).exists():
        return PupilAccess(
            pupil_id=pupil_id, relation=Relation.PUPIL, role="pupil", perms=FAMILY_PERMISSIONS
        )
    return None


def pupil_access_or_404(
    request: HttpRequest,
    pupil_id: uuid.UUID,
    perm: Perm = Perm.VIEW_PUPILS,
    *,
    families: bool = False,
) -> PupilAccess:
    """The user's access to the pupil for `perm`. Pages are staff pages unless the view says
    `families=True`: a guardian or the pupil gets 404 on any other, like a stranger."""
    access = None
    if request.user.is_authenticated:
        access = _staff_access(request, pupil_id)
        if access is None and families:
            access = _family_access(request, pupil_id)
    if access is None:
        deny(request, status=404, target=f"pupil:{pupil_id}")
    if not access.can(perm):
        deny(request, status=403, target=f"pupil:{pupil_id}", school_id=access.school_id)
    return access


def pupil_read_record(
    request: HttpRequest, access: PupilAccess, action: AuditAction, **details: object
) -> None:
    """Record that a page showed this pupil's personal data to the user, in the relation and
    for the school they act in. Every view that shows personal data calls it once."""
    audit_record(
        action,
        request=request,
        actor_role=access.role,
        school_id=access.school_id,
        subject_pupil_id=access.pupil_id,
        details=dict(details),
    )
