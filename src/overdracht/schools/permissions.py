"""The permission entry point for staff: which role may do what at which school.

Public API:
- `Perm`: the permissions, and `ROLE_PERMISSIONS`: which role has which.
- `school_permissions(user)`: {school id: permissions}, computed once per request.
- `has_school_perm(user, perm, school_id)`.
- `school_or_404(request, school_id, perm)`: the school, or 404 for a user with no
  membership there and 403 for a member whose role lacks the permission (both audited).
- `partnership_staff_or_404(request)`: 404 (audited) unless the user works for a partnership.

Pupil-level checks build on this in `overdracht.pupils.permissions`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NoReturn

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import Http404, HttpRequest

from overdracht.accounts.models import User
from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.schools.models import Membership, School
from overdracht.schools.roles import Role, role_requires_two_factor


class Perm(StrEnum):
    VIEW_SCHOOL = "view_school"
    VIEW_PUPILS = "view_pupils"
    VIEW_PUPIL_CONTACTS = "view_pupil_contacts"
    INVITE_ACCOUNTS = "invite_accounts"
    VIEW_TRANSITIONS = "view_transitions"
    IMPORT_DOSSIERS = "import_dossiers"
    VIEW_RECEIVED_DOSSIERS = "view_received_dossiers"
    EXPORT_DOSSIERS = "export_dossiers"
    MANAGE_REVIEWS = "manage_reviews"
    EDIT_DOSSIER = "edit_dossier"
    WRITE_PASSPORT = "write_passport"
    VIEW_ALL_PASSPORTS = "view_all_passports"
    INTAKE = "intake"
    MANAGE_PACKS = "manage_packs"
    MANAGE_CLASSES = "manage_classes"
    HANDOVER_MEETINGS = "handover_meetings"
    REFER_TO_CARE = "refer_to_care"
    CARE_TEAM = "care_team"
    MANAGE_RETENTION = "manage_retention"
    MANAGE_SCHOOL_DETAILS = "manage_school_details"
    MANAGE_API_TOKENS = "manage_api_tokens"
    PROMOTION = "promotion"  # promotion decisions and the rollover into next year
    EVALUATION = "evaluation"  # the yearly evaluation of the school's transitions (aggregates)
    CAREER_GUIDANCE = "career_guidance"  # LOB, choice, registration and the transfer dossier


_BASIC = frozenset({Perm.VIEW_SCHOOL, Perm.VIEW_PUPILS})
_FULL_READ = _BASIC | {Perm.VIEW_PUPIL_CONTACTS, Perm.VIEW_TRANSITIONS, Perm.HANDOVER_MEETINGS}
# Received dossiers hold support and care data: only the roles that analyse them.
_COLD_HANDOVER = frozenset(
    {Perm.IMPORT_DOSSIERS, Perm.VIEW_RECEIVED_DOSSIERS, Perm.EXPORT_DOSSIERS}
)

ROLE_PERMISSIONS: dict[str, frozenset[Perm]] = {
    Role.TEACHER: _BASIC,
    Role.MENTOR: _BASIC | {Perm.VIEW_TRANSITIONS, Perm.HANDOVER_MEETINGS},
    Role.TEAM_LEAD: _FULL_READ
    | {
        Perm.EDIT_DOSSIER,
        Perm.VIEW_ALL_PASSPORTS,
        Perm.MANAGE_CLASSES,
        Perm.PROMOTION,
        Perm.EVALUATION,
        Perm.CAREER_GUIDANCE,
    },
    Role.CARE_COORDINATOR: _FULL_READ
    | _COLD_HANDOVER
    | {
        Perm.INVITE_ACCOUNTS,
        Perm.MANAGE_REVIEWS,
        Perm.EDIT_DOSSIER,
        Perm.WRITE_PASSPORT,
        Perm.VIEW_ALL_PASSPORTS,
        Perm.INTAKE,
        Perm.MANAGE_PACKS,
        Perm.REFER_TO_CARE,
        Perm.CARE_TEAM,
        Perm.EVALUATION,
        Perm.CAREER_GUIDANCE,
    },
    Role.CAREER_COUNSELLOR: _FULL_READ
    | {Perm.EXPORT_DOSSIERS, Perm.MANAGE_REVIEWS, Perm.CAREER_GUIDANCE, Perm.EVALUATION},
    Role.INTAKE_OFFICER: _FULL_READ | _COLD_HANDOVER | {Perm.INTAKE},
    Role.SCHOOL_ADMIN: _FULL_READ
    | {
        Perm.INVITE_ACCOUNTS,
        Perm.IMPORT_DOSSIERS,
        Perm.MANAGE_REVIEWS,
        Perm.MANAGE_PACKS,
        Perm.MANAGE_CLASSES,
        Perm.MANAGE_RETENTION,
        Perm.MANAGE_SCHOOL_DETAILS,
        Perm.MANAGE_API_TOKENS,
        Perm.EVALUATION,
    },
    Role.PARTNERSHIP_STAFF: frozenset(),
}

# What a mentor may do for the pupils of the classes they mentor, on top of their role.
MENTOR_OF_PUPIL_PERMISSIONS = frozenset(
    {
        Perm.VIEW_PUPIL_CONTACTS,
        Perm.INVITE_ACCOUNTS,
        Perm.MANAGE_REVIEWS,
        Perm.EDIT_DOSSIER,
        Perm.WRITE_PASSPORT,
        Perm.REFER_TO_CARE,
        Perm.CAREER_GUIDANCE,
    }
)

_CACHE_ATTR = "_overdracht_school_roles"


def school_roles(user: User) -> dict[int, set[str]]:
    """{school id: roles} of the user's school memberships; cached on the user object."""
    cached: dict[int, set[str]] | None = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    roles: dict[int, set[str]] = {}
    if user.is_authenticated:
        for school_id, role in Membership.objects.filter(
            user=user, school__isnull=False
        ).values_list("school_id", "role"):
            roles.setdefault(school_id, set()).add(role)
    setattr(user, _CACHE_ATTR, roles)
    return roles


def school_permissions(user: User) -> dict[int, set[Perm]]:
    return {
        school_id: set().union(*(ROLE_PERMISSIONS[r] for r in roles))
        for school_id, roles in school_roles(user).items()
    }


def has_school_perm(user: User, perm: Perm, school_id: int) -> bool:
    return perm in school_permissions(user).get(school_id, set())


def primary_role(user: User, school_id: int) -> str:
    """The role recorded in the audit trail when a user acts at a school."""
    roles = school_roles(user).get(school_id, set())
    order = [r.value for r in Role]
    return min(roles, key=order.index) if roles else ""


def user_requires_two_factor(user: User) -> bool:
    if not user.is_authenticated:
        return False
    roles = Membership.objects.filter(user=user).values_list("role", flat=True).distinct()
    return any(role_requires_two_factor(role) for role in roles)


def deny(
    request: HttpRequest, *, status: int, target: Model | str, school_id: int | None = None
) -> NoReturn:
    """Record the denial and raise: 404 hides that the object exists, 403 does not."""
    audit_record(
        AuditAction.ACCESS_DENIED,
        request=request,
        school_id=school_id,
        target=target,
        details={"status": status, "path": request.path[:200]},
    )
    if status == 404:
        raise Http404
    raise PermissionDenied


def partnership_staff_or_404(request: HttpRequest) -> None:
    """The partnership's pages are for the people who work for a partnership; anyone else
    gets 404 (audited), as for a school they have no place at."""
    user = authenticated_user(request)
    if not Membership.objects.filter(user=user, partnership__isnull=False).exists():
        deny(request, status=404, target="partnership")


def school_or_404(request: HttpRequest, school_id: int, perm: Perm) -> School:
    roles = school_roles(authenticated_user(request))
    if school_id not in roles:
        deny(request, status=404, target=f"school:{school_id}")
    if not has_school_perm(authenticated_user(request), perm, school_id):
        deny(request, status=403, target=f"school:{school_id}", school_id=school_id)
    return School.objects.get(pk=school_id)
