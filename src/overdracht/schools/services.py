"""Public API of the schools app (writes)."""

from __future__ import annotations

from django.db import transaction

from overdracht.accounts.models import User
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.schools.models import ClassGroup, ClassTeacher, Membership, School


@transaction.atomic
def membership_grant(*, user: User, school: School, role: str) -> Membership:
    membership, _ = Membership.objects.get_or_create(user=user, school=school, role=role)
    return membership


@transaction.atomic
def class_group_teacher_add(*, class_group: ClassGroup, user: User, subject: str) -> ClassTeacher:
    membership_grant(user=user, school=class_group.school, role="teacher")
    teacher, _ = ClassTeacher.objects.get_or_create(
        class_group=class_group, user=user, subject=subject
    )
    return teacher


def class_group_teacher_remove(*, class_group: ClassGroup, teacher_id: int) -> None:
    ClassTeacher.objects.filter(class_group=class_group, pk=teacher_id).delete()


@transaction.atomic
def class_group_mentor_add(*, class_group: ClassGroup, user: User) -> None:
    membership_grant(user=user, school=class_group.school, role="mentor")
    class_group.mentors.add(user)


SCHOOL_DETAIL_FIELDS = (
    "street",
    "house_number",
    "postal_code",
    "city",
    "phone",
    "email",
    "website",
    "contact_name",
)


def school_details_save(*, school: School, details: dict[str, str], actor_id: int | None) -> School:
    """The school's *Schoolgegevens* (what every OSO dossier it sends says about it)."""
    for name in SCHOOL_DETAIL_FIELDS:
        setattr(school, name, details.get(name, "").strip())
    school.postal_code = school.postal_code.replace(" ", "").upper()
    if len(school.postal_code) == 6:
        school.postal_code = f"{school.postal_code[:4]} {school.postal_code[4:]}"
    school.full_clean()
    with transaction.atomic():
        school.save(update_fields=list(SCHOOL_DETAIL_FIELDS))
        audit_record(
            AuditAction.SCHOOL_DETAILS_SAVED,
            actor_id=actor_id,
            school_id=school.pk,
            target=school,
        )
    return school


def class_group_remove_if_empty(*, class_group_id: int) -> bool:
    """Remove a class that no pupil is enrolled in (an undone rollover made it)."""
    deleted, _rows = ClassGroup.objects.filter(pk=class_group_id, enrolments__isnull=True).delete()
    return deleted > 0


def class_group_ensure(
    *, school: School, school_year: int, name: str, year_group: int
) -> ClassGroup:
    """The school's class of that name in that school year, made when it is not there."""
    found, _created = ClassGroup.objects.get_or_create(
        school=school, school_year=school_year, name=name, defaults={"year_group": year_group}
    )
    return found
