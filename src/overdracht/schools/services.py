"""Public API of the schools app (writes)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from overdracht.schools.models import ClassGroup, ClassTeacher, Membership, School


@transaction.atomic
def membership_grant(*, user: Any, school: School, role: str) -> Membership:
    membership, _ = Membership.objects.get_or_create(user=user, school=school, role=role)
    return membership


@transaction.atomic
def class_group_teacher_add(*, class_group: ClassGroup, user: Any, subject: str) -> ClassTeacher:
    membership_grant(user=user, school=class_group.school, role="teacher")
    teacher, _ = ClassTeacher.objects.get_or_create(
        class_group=class_group, user=user, subject=subject
    )
    return teacher


def class_group_teacher_remove(*, class_group: ClassGroup, teacher_id: int) -> None:
    ClassTeacher.objects.filter(class_group=class_group, pk=teacher_id).delete()


@transaction.atomic
def class_group_mentor_add(*, class_group: ClassGroup, user: Any) -> None:
    membership_grant(user=user, school=class_group.school, role="mentor")
    class_group.mentors.add(user)
