"""Who reaches what on the way to the vervolgopleiding.

- The secondary school's side of a pupil (choices, registrations, the transfer dossier): the
  pupil, their guardians, and at the pupil's school the mentor, the decaan and the guiding
  roles (`careers.permissions.career_access_or_404`: anyone else 404).
- The institution's side of a registration: staff with `Perm.INTAKE` at the institution the
  pupil registered at; anyone else 404. The transfer dossier only once it is sent, which
  needs the pupil's sign-off: before that, 404 too.
"""

from __future__ import annotations

from django.http import HttpRequest

from overdracht.accounts.selectors import authenticated_user
from overdracht.careers.permissions import career_access_or_404
from overdracht.further_education.models import Registration
from overdracht.pupils.permissions import PupilAccess, Relation
from overdracht.schools.models import School
from overdracht.schools.permissions import Perm, deny, has_school_perm


def pupil_side_or_404(request: HttpRequest, registration: Registration) -> PupilAccess:
    """The secondary school's side of a registration: who reaches the pupil's career dossier,
    and for staff only at the school the pupil leaves."""
    access = career_access_or_404(request, registration.transition.pupil_id)
    if (
        access.relation == Relation.STAFF
        and access.school_id != registration.transition.from_school_id
    ):
        deny(request, status=404, target=f"registration:{registration.pk}")
    return access


def institution_side_or_404(
    request: HttpRequest, registration_id: int
) -> tuple[Registration, School]:
    registration = (
        Registration.objects.select_related(
            "transition__pupil", "transition__from_school", "institution"
        )
        .filter(pk=registration_id, institution__isnull=False)
        .first()
    )
    user = authenticated_user(request)
    if (
        registration is None
        or registration.institution is None
        or not has_school_perm(user, Perm.INTAKE, registration.institution.pk)
    ):
        deny(request, status=404, target=f"registration:{registration_id}")
    return registration, registration.institution


def registration_or_404(request: HttpRequest, registration_id: int) -> Registration:
    registration = (
        Registration.objects.select_related(
            "transition__pupil", "transition__from_school", "institution"
        )
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:
        deny(request, status=404, target=f"registration:{registration_id}")
    return registration


def sent_dossier_or_404(request: HttpRequest, registration: Registration) -> None:
    dossier = getattr(registration, "dossier", None)
    if dossier is None or dossier.sent_at is None:
        deny(request, status=404, target=f"registration:{registration.pk}")


def may_guide(access: PupilAccess) -> bool:
    return access.relation == Relation.STAFF


def is_pupil(access: PupilAccess) -> bool:
    return access.relation == Relation.PUPIL


def is_guardian_with_authority(access: PupilAccess) -> bool:
    return access.relation == Relation.GUARDIAN and access.has_authority
